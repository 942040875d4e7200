import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, expectAccessible } from './support'

export type Mode = 'js' | 'scripts-blocked' | 'no-js'

export const answersIn = {
  en: {
    whatHappened: 'The heating has not worked since October. An engineer was booked twice and did not come.',
    putRight: 'Repair the heating this week and pay for the electric heaters I had to buy.',
    name: 'Olivia Hughes',
    interpreter: 'Polish',
  },
  cy: {
    whatHappened: 'Dydy’r gwres canolog ddim wedi gweithio ers mis Hydref. Ni ddaeth y peiriannydd.',
    putRight: 'Trwsio’r gwres yr wythnos hon os gwelwch yn dda.',
    name: 'Dafydd ap Gwilym',
    interpreter: 'Cymraeg',
  },
  ar: {
    whatHappened: 'التدفئة لا تعمل منذ شهر أكتوبر. تم حجز موعد مع الفني مرتين ولم يأت.',
    putRight: 'أرجو إصلاح التدفئة هذا الأسبوع.',
    name: 'فاطمة حسن',
    interpreter: 'العربية',
  },
} as const

export type JourneyLanguage = keyof typeof answersIn

export function titlePrefix(language: string): string {
  const common = JSON.parse(readFileSync(`locales/${language}/common.json`, 'utf8')) as {
    errors: { titlePrefix: string }
  }
  return common.errors.titlePrefix
}

/** Resident pages are plain HTML forms: every submit loads a new document. */
async function continueOn(page: Page) {
  await Promise.all([page.waitForEvent('load'), page.locator('main button[type="submit"]').click()])
}

async function expectError(page: Page, mode: Mode, language: string, label: string, field: string) {
  await expect(page.locator('.error-summary')).toBeVisible()
  await expect(page.locator(`.error-summary a[href="#${field}"]`)).toBeVisible()
  await expect(page).toHaveTitle(new RegExp(`^${titlePrefix(language).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
  if (mode === 'js') await expect(page.locator('.error-summary')).toBeFocused()
  if (mode !== 'no-js') await expectAccessible(page, `${label} (error)`)
}

/** Raises a complaint from the start page, visiting every error state; returns the reference. */
export async function raiseComplaint(
  page: Page,
  language: JourneyLanguage,
  mode: Mode,
  email: string,
): Promise<string> {
  const answers = answersIn[language]
  const scan = async (label: string) => {
    if (mode !== 'no-js') await expectAccessible(page, label)
  }
  await page.goto(`/?lng=${language}`)
  await expect(page.locator('html')).toHaveAttribute('lang', language)
  await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr')
  if (mode === 'js') await expect(page.locator('html')).toHaveAttribute('data-enhanced', 'true')
  if (mode === 'scripts-blocked') await expect(page.locator('html')).not.toHaveAttribute('data-enhanced', 'true')
  await scan('start')

  await page.locator('a.button--start').click()
  await expect(page).toHaveURL(/\/complain\/what-happened$/)
  await scan('what happened')
  await continueOn(page)
  await expectError(page, mode, language, 'what happened', 'whatHappened')
  await page.locator('#whatHappened').fill(answers.whatHappened)
  await continueOn(page)

  await expect(page).toHaveURL(/\/complain\/put-right$/)
  await scan('put right')
  await page.locator('#putRight').fill(answers.putRight)
  await continueOn(page)

  await expect(page).toHaveURL(/\/complain\/service$/)
  await scan('service')
  await continueOn(page)
  await expectError(page, mode, language, 'service', 'service')
  await page.locator('#service').check()
  await continueOn(page)

  await expect(page).toHaveURL(/\/complain\/contact$/)
  await scan('contact')
  await continueOn(page)
  await expectError(page, mode, language, 'contact', 'name')
  await page.locator('#name').fill(answers.name)
  await page.locator('#email').fill(email)
  await page.locator('#postcode').fill('cf10 1aa')
  await continueOn(page)

  await expect(page).toHaveURL(/\/complain\/language$/)
  await scan('language')
  await page.locator('#language').selectOption(language)
  await continueOn(page)

  await expect(page).toHaveURL(/\/complain\/contact-method$/)
  await scan('contact method')
  await page.locator('#contactMethod-4').check() // letter, but we gave only a postcode: allowed
  await page.locator('#contactMethod').check() // email
  await continueOn(page)

  await expect(page).toHaveURL(/\/complain\/adjustments$/)
  await scan('adjustments')
  await continueOn(page)
  await expectError(page, mode, language, 'adjustments', 'adjustments')
  await page.locator('input[name="adjustments"][value="interpreter"]').check()
  await page.locator('input[name="adjustments"][value="large_print"]').check()
  await continueOn(page)
  await expectError(page, mode, language, 'adjustments', 'interpreterLanguage')
  await page.locator('#interpreterLanguage').fill(answers.interpreter)
  await continueOn(page)

  await expect(page).toHaveURL(/\/complain\/check$/)
  await scan('check answers')
  await expect(page.locator('.summary-list')).toContainText(answers.whatHappened)
  await expect(page.locator('.summary-list')).toContainText('CF10 1AA')
  // Change an answer and come straight back to the check page.
  await page.locator('a[href="/complain/put-right?change=1"]').click()
  await expect(page).toHaveURL(/\/complain\/put-right\?change=1$/)
  await expect(page.locator('#putRight')).toHaveValue(answers.putRight)
  await page.locator('#putRight').fill(`${answers.putRight} ✔`)
  await continueOn(page)
  await expect(page).toHaveURL(/\/complain\/check$/)
  await expect(page.locator('.summary-list')).toContainText(`${answers.putRight} ✔`)

  await continueOn(page)
  await expect(page).toHaveURL(/\/complain\/confirmation$/)
  await scan('confirmation')
  const reference = (await page.locator('.panel bdi').textContent())?.trim() ?? ''
  expect(reference).toMatch(/^PR-\d{4}-\d{6}$/)
  return reference
}
