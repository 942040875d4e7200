// The resident portal as residents use it: in Urdu with JavaScript off at 400 % zoom, and by
// keyboard alone; raising, tracking with the emailed code, escalating to Stage 2 in one step.
import type { Page } from '@playwright/test'
import { continueOn, photoWithLocation } from './journey'
import { accessCodeFor } from './mail'
import { trackWithCode } from './residents'
import { respondToStage1, signedIn } from './staff-helpers'
import { expect, expectAccessible, expectReflow, test } from './support'

test.describe('in Urdu, with JavaScript off, at 400 % zoom', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } })

  test('a resident raises a complaint with a photo and two adjustments, tracks it by emailed code and escalates; staff see the adjustments and language', async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000)
    const email = `urdu-${Date.now()}@example.org`
    const next = async (path: RegExp) => {
      await expect(page).toHaveURL(path)
      await expectReflow(page)
    }

    await page.goto('/?lng=ur')
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(page.locator('html')).toHaveAttribute('lang', 'ur')
    await expectReflow(page)
    await page.locator('a.button--start').click()
    await next(/\/complain\/complaint-or-request$/)
    await page.locator('input[name="choice"][value="complaint"]').check()
    await continueOn(page)
    await next(/\/complain\/who$/)
    await page.locator('input[name="forSomeoneElse"][value="no"]').check()
    await continueOn(page)
    await next(/\/complain\/what-happened$/)
    await page.locator('#whatHappened').fill('اکتوبر سے ہیٹنگ کام نہیں کر رہی۔ انجینئر دو بار نہیں آیا۔')
    await continueOn(page)
    await next(/\/complain\/put-right$/)
    await page.locator('#putRight').fill('براہ کرم اس ہفتے ہیٹنگ ٹھیک کریں۔')
    await continueOn(page)
    await next(/\/complain\/service$/)
    await page.locator('input[name="service"][value="repairs"]').check()
    await continueOn(page)
    await next(/\/complain\/evidence$/)
    await page.locator('#files').setInputFiles({
      name: 'ہیٹر.jpg',
      mimeType: 'image/jpeg',
      buffer: await photoWithLocation(),
    })
    await continueOn(page, page.locator('main button[name="intent"][value="upload"]'))
    await expect(page.locator('main')).toContainText('ہیٹر.jpg')
    await continueOn(page, page.locator('main button[name="intent"][value="continue"]'))
    await next(/\/complain\/contact$/)
    await page.locator('#name').fill('محمد علی')
    await page.locator('#email').fill(email)
    await page.locator('#postcode').fill('B11 1AB')
    await continueOn(page)
    await next(/\/complain\/language$/)
    await page.locator('#language').selectOption('ur')
    await continueOn(page)
    await next(/\/complain\/contact-method$/)
    await page.locator('input[name="contactMethod"][value="email"]').check()
    await continueOn(page)
    await next(/\/complain\/adjustments$/)
    await page.locator('input[name="adjustments"][value="large_print"]').check()
    await page.locator('input[name="adjustments"][value="translated_letters"]').check()
    await continueOn(page)
    await next(/\/complain\/about-you$/)
    await continueOn(page)
    await next(/\/complain\/check$/)
    await expect(page.locator('.summary-list')).toContainText('ہیٹر.jpg')
    await continueOn(page)
    await next(/\/complain\/confirmation$/)
    const reference = (await page.locator('.panel bdi').textContent())?.trim() ?? ''
    expect(reference).toMatch(/^PR-\d{4}-\d{6}$/)

    // The receipt went to the resident in Urdu.
    await respondToStage1(browser, reference)

    await trackWithCode(page, reference, email)
    await expectReflow(page)
    await expect(page.locator('main')).toContainText('ہیٹر.jpg')
    await page.locator(`a[href="/track/${reference}/escalate"]`).click()
    await next(new RegExp(`/track/${reference}/escalate$`))
    await continueOn(page)
    await next(new RegExp(`/track/${reference}\\?done=escalated$`))
    await expect(page.locator('.notice[role="status"]')).toBeVisible()
    // The new acknowledgement date, shown at once with how it was worked out.
    await expect(page.locator('main details')).toHaveCount(1)
    await expect(page.locator(`a[href="/track/${reference}/escalate"]`)).toHaveCount(0)

    const handler = await signedIn(browser, 'handler@putright.example')
    await handler.goto(`/staff/complaints/${reference}`)
    await expect(handler.locator('.caption-l')).toHaveText('Escalated to Stage 2')
    await expect(handler.locator('.notice')).toContainText('اردو')
    await expect(handler.locator('.notice')).toContainText('Large print')
    await expect(handler.locator('.notice')).toContainText('Translated letters')
    // The receipt, the letters and the tracking code went out, and the case says so.
    const messages = handler.locator('section[aria-labelledby="messages-heading"]')
    await expect(messages).toContainText(email)
    await expect(messages.locator('.tag--sent').first()).toBeVisible()
    await expect(handler.locator('.timeline__item--resident_note')).toHaveCount(0)
    await expectAccessible(handler, 'staff case with messages')
    await handler.context().close()
  })
})

test('a resident raises, tracks and escalates a complaint with the keyboard alone', async ({ page, browser }) => {
  test.setTimeout(300_000)
  const email = `keyboard-${Date.now()}@example.org`
  const key = page.keyboard
  /** Tabs forward until `target` has focus (at most 40 presses), as a keyboard user would. */
  const tabTo = async (target: ReturnType<Page['locator']>) => {
    for (let i = 0; i < 40; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return
      await key.press('Tab')
    }
    throw new Error('could not reach the element with Tab')
  }
  const submit = async () => {
    await tabTo(page.locator('main button[type="submit"]').last())
    await Promise.all([page.waitForEvent('load'), key.press('Enter')])
  }

  await page.goto('/')
  // The skip link is the first thing a keyboard reaches, and it is visible when focused.
  await key.press('Tab')
  await expect(page.locator('a.skip-link')).toBeFocused()
  await expect(page.locator('a.skip-link')).toBeVisible()
  await tabTo(page.locator('a.button--start'))
  await Promise.all([page.waitForEvent('load'), key.press('Enter')])

  await expect(page).toHaveURL(/complaint-or-request$/)
  await tabTo(page.locator('input[name="choice"][value="complaint"]'))
  await key.press('Space')
  await submit()
  await tabTo(page.locator('input[name="forSomeoneElse"][value="no"]'))
  await key.press('Space')
  await submit()
  await tabTo(page.locator('#whatHappened'))
  await key.type('The lift has been broken for three weeks.')
  await submit()
  await tabTo(page.locator('#putRight'))
  await key.type('Repair the lift.')
  await submit()
  // An error first: the summary takes focus and its link takes the keyboard to the field.
  await submit()
  await expect(page.locator('.error-summary')).toBeFocused()
  await key.press('Tab')
  await key.press('Enter')
  await expect(page.locator('#service')).toBeFocused()
  await key.press('Space')
  await submit()
  await expect(page).toHaveURL(/evidence$/)
  await tabTo(page.locator('main button[name="intent"][value="continue"]'))
  await Promise.all([page.waitForEvent('load'), key.press('Enter')])
  await tabTo(page.locator('#name'))
  await key.type('Kim Lee')
  await tabTo(page.locator('#email'))
  await key.type(email)
  await tabTo(page.locator('#postcode'))
  await key.type('LS6 3AB')
  await submit()
  // The language the resident is reading in is already chosen.
  await expect(page.locator('#language')).toHaveValue('en')
  await submit()
  await tabTo(page.locator('input[name="contactMethod"][value="email"]'))
  await key.press('Space')
  await submit()
  await tabTo(page.locator('input[name="adjustments"][value="none"]'))
  await key.press('Space')
  await submit()
  await expect(page).toHaveURL(/about-you$/)
  await submit()
  await expect(page).toHaveURL(/check$/)
  await submit()
  await expect(page).toHaveURL(/confirmation$/)
  const reference = (await page.locator('.panel bdi').textContent())?.trim() ?? ''

  await respondToStage1(browser, reference)

  await page.goto('/track')
  await tabTo(page.locator('#reference'))
  await key.type(reference)
  await tabTo(page.locator('#address'))
  await key.type(email)
  const since = new Date()
  await submit()
  await expect(page).toHaveURL(/\/track\/code$/)
  const { code } = await accessCodeFor(email, since)
  await tabTo(page.locator('#code'))
  await key.type(code)
  await submit()
  await expect(page).toHaveURL(new RegExp(`/track/${reference}$`))
  await tabTo(page.locator(`a[href="/track/${reference}/escalate"]`))
  await Promise.all([page.waitForEvent('load'), key.press('Enter')])
  await submit()
  await expect(page).toHaveURL(new RegExp(`/track/${reference}\\?done=escalated$`))
  await expect(page.locator('.notice[role="status"]')).toBeVisible()
})
