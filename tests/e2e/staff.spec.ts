import { JourneyClient } from '../support/journey-client'
import { baseURL } from '../../playwright.config'
import { signIn } from './staff-helpers'
import { expect, expectAccessible, test } from './support'

// The quality reviewer signs in only here (the other demo accounts sign in once, in auth.setup.ts).
const handler = { email: 'quality@putright.example', password: 'putright-demo' }

test('staff sign in, find a resident’s new complaint and see their adjustments and language', async ({ page }) => {
  const resident = new JourneyClient(baseURL)
  const key = await resident.answerEverything({
    language: { language: 'ar', otherLanguage: '' },
    adjustments: {
      adjustments: ['interpreter', 'bsl'],
      interpreterLanguage: 'Arabic',
      namedContact: '',
      adjustmentsOther: '',
    },
  })
  expect((await resident.submit(key)).status).toBe(302)
  const reference = await resident.confirmedReference()
  expect(reference).toMatch(/^PR-/)

  await page.goto('/staff/complaints')
  await expect(page).toHaveURL(/\/staff\/sign-in\?redirectTo=%2Fstaff%2Fcomplaints$/)
  await expectAccessible(page, 'staff sign in')

  await page.locator('main button[type="submit"]').click()
  await expect(page.locator('.error-summary')).toBeFocused()
  await expectAccessible(page, 'staff sign in (empty)')

  await page.locator('#email').fill(handler.email)
  await page.locator('#password').fill('not-the-password')
  await page.locator('main button[type="submit"]').click()
  await expect(page.locator('.error-summary a[href="#email"]')).toBeVisible()
  await expect(page.locator('#email')).toHaveValue(handler.email)
  await expectAccessible(page, 'staff sign in (wrong password)')

  await page.locator('#password').fill(handler.password)
  await page.locator('main button[type="submit"]').click()
  await expect(page).toHaveURL(/\/staff\/sign-in\/code$/)
  await expectAccessible(page, 'second factor')
  await page.locator('#code').fill('000000')
  await page.locator('main button[type="submit"]').click()
  await expect(page.locator('.error-summary a[href="#code"]')).toBeVisible()
  await expectAccessible(page, 'second factor (wrong code)')
  await signIn(page, handler.email)
  await page.goto('/staff/complaints')
  await expect(page).toHaveURL(/\/staff\/complaints$/)
  await expectAccessible(page, 'staff complaints')

  const row = page.locator('tbody tr', { has: page.locator(`a[href="/staff/complaints/${reference}"]`) })
  await expect(row).toContainText('Interpreter')
  await expect(row).toContainText('British Sign Language')
  await row.locator('a').click()
  await expect(page).toHaveURL(new RegExp(`/staff/complaints/${reference}$`))
  await expect(page.locator('.notice')).toContainText('العربية')
  await expect(page.locator('.notice')).toContainText('Interpreter: Arabic')
  await expect(page.locator('.notice')).toContainText('British Sign Language')
  await expectAccessible(page, 'staff complaint')

  await page.goto(`/staff/complaints/${reference}?lng=ar`)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expectAccessible(page, 'staff complaint (ar)')
  await page.goto(`/staff/complaints?lng=cy`)
  await expectAccessible(page, 'staff complaints (cy)')
  await page.goto(`/staff/complaints?page=2&lng=en`)
  await expectAccessible(page, 'staff complaints page 2')

  await page.locator('.staff-nav button[type="submit"]').click()
  await expect(page).toHaveURL(/\/staff\/sign-in/)
  await page.goto('/staff/complaints')
  await expect(page).toHaveURL(/\/staff\/sign-in/)
})

test('a page that does not exist is a translated, accessible 404', async ({ page }) => {
  const response = await page.goto('/no-such-page?lng=cy')
  expect(response?.status()).toBe(404)
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await expectAccessible(page, '404 (cy)')
})
