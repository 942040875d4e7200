import { codeFor, signedIn } from './staff-helpers'
import { expect, expectAccessible, test } from './support'

test('an administrator creates an advisor, who sets up their authenticator app at first sign-in', async ({
  browser,
}) => {
  const admin = await signedIn(browser, 'admin@putright.example')
  await admin.goto('/staff/admin/staff')
  await expectAccessible(admin, 'staff accounts')
  await admin.locator('main button[type="submit"]').click()
  await expect(admin.locator('.error-summary')).toBeVisible()
  await expectAccessible(admin, 'staff accounts (errors)')
  const email = `advisor-${Date.now()}@putright.example`
  await admin.locator('#name').fill('Nia Roberts')
  await admin.locator('#email').fill(email)
  await admin.locator('input[name="role"][value="advisor"]').check()
  await admin.locator('#password').fill('a long temporary password')
  await admin.locator('main button[type="submit"]').click()
  await expect(admin.locator('table')).toContainText(email)

  const context = await browser.newContext()
  const advisor = await context.newPage()
  await advisor.goto('/staff/sign-in')
  await advisor.locator('#email').fill(email)
  await advisor.locator('#password').fill('a long temporary password')
  await advisor.locator('main button[type="submit"]').click()
  await expect(advisor).toHaveURL(/\/staff\/sign-in\/enrol$/)
  await expectAccessible(advisor, 'set up authenticator')
  await expect(advisor.locator('.qr-code svg')).toBeVisible()
  const secret = (await advisor.getByTestId('totp-secret').textContent())?.trim() ?? ''
  await advisor.locator('#code').fill('123')
  await advisor.locator('main button[type="submit"]').click()
  await expect(advisor.locator('.error-summary a[href="#code"]')).toBeVisible()
  await expectAccessible(advisor, 'set up authenticator (wrong code)')
  await advisor.locator('#code').fill(codeFor(secret))
  await advisor.locator('main button[type="submit"]').click()
  await expect(advisor.locator('.recovery-codes li')).toHaveCount(10)
  await expectAccessible(advisor, 'recovery codes')
  await advisor.locator('main a.button').click()
  await expect(advisor).toHaveURL(/\/staff/)
  await advisor.goto('/staff/account')
  await expect(advisor.locator('main')).toContainText('Nia Roberts')
  await expectAccessible(advisor, 'your account')
  await advisor.locator('main button[type="submit"]').click()
  await expect(advisor).toHaveURL(/\/staff\/sign-in/)
})
