import { signedIn } from './staff-helpers'
import { expect, expectAccessible, test } from './support'

test('an advisor logs a Facebook complaint and a call resolved at first contact, keyboard only', async ({
  browser,
}) => {
  const advisor = await signedIn(browser, 'advisor@putright.example')
  await advisor.goto('/staff/contacts/new')
  await expectAccessible(advisor, 'front door')

  // Nothing chosen: every missing answer is listed and linked.
  await advisor.locator('main form[method="post"] button[type="submit"]').press('Enter')
  await expect(advisor.locator('.error-summary a[href="#outcome"]')).toBeVisible()
  await expectAccessible(advisor, 'front door (errors)')

  // A complaint posted on Facebook by someone new.
  await advisor.goto('/staff/contacts/new?q=zz-nobody')
  await advisor.locator('#name').focus()
  await advisor.keyboard.type('Kwame Asante')
  await advisor.keyboard.press('Tab')
  await advisor.keyboard.type('kwame@example.org')
  await advisor.locator('#channel').focus()
  await advisor.keyboard.press('End') // the last channel in the list…
  await advisor.locator('#channel').selectOption('social_media')
  await advisor.locator('#channelDetail').focus()
  await advisor.keyboard.type('Facebook')
  await advisor.keyboard.press('Tab')
  await advisor.keyboard.type('Posted on our Facebook page: the lift has been broken for a month.')
  await advisor.locator('#outcome').focus()
  await advisor.keyboard.press('Space')
  await advisor.locator('input[name="risks"][value="vulnerability"]').focus()
  await advisor.keyboard.press('Space')
  await advisor.locator('main form[method="post"] button[type="submit"]').focus()
  await advisor.keyboard.press('Enter')
  await expect(advisor).toHaveURL(/\/staff\/complaints\/PR-\d{4}-\d{6}$/)
  await expect(advisor.locator('.caption-l')).toHaveText('Received')
  await expect(advisor.locator('main')).toContainText('Social media')

  // A phone call put right there and then; the resident did not want to complain.
  await advisor.goto('/staff/contacts/new')
  await advisor.locator('#name').focus()
  await advisor.keyboard.type('Megan Jones')
  await advisor.locator('#summary').focus()
  await advisor.keyboard.type('Bin collection missed; rebooked while on the phone.')
  await advisor.locator('#outcome-2').focus()
  await advisor.keyboard.press('Space')
  await advisor.locator('main form[method="post"] button[type="submit"]').focus()
  await advisor.keyboard.press('Enter')
  // Logged, closed, counted: never a "stage 0".
  await expect(advisor).toHaveURL(/\/staff\/complaints\/PR-\d{4}-\d{6}$/)
  await expect(advisor.locator('.caption-l')).toHaveText('Resolved at first contact')
  await expect(advisor.locator('.case-actions')).not.toContainText('Acknowledge')
  await advisor.locator('a', { hasText: 'history' }).click()
  await expect(advisor.locator('h1')).toContainText('Megan Jones')
  await expectAccessible(advisor, 'resident history')

  await advisor.goto('/staff/contacts/new?q=Megan%20Jones')
  await expect(advisor.locator('input[name="residentId"]').first()).toBeVisible()
})
