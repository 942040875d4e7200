import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import sharp from 'sharp'
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
  pl: {
    whatHappened: 'Ogrzewanie nie działa od października. Dwa razy umówiono montera i nie przyszedł.',
    putRight: 'Proszę naprawić ogrzewanie w tym tygodniu.',
    name: 'Agnieszka Kowalska',
    interpreter: 'polski',
  },
  ro: {
    whatHappened: 'Încălzirea nu funcționează din octombrie. Tehnicianul nu a venit de două ori.',
    putRight: 'Vă rog să reparați încălzirea săptămâna aceasta.',
    name: 'Andrei Popescu',
    interpreter: 'română',
  },
  pa: {
    whatHappened: 'ਅਕਤੂਬਰ ਤੋਂ ਹੀਟਿੰਗ ਕੰਮ ਨਹੀਂ ਕਰ ਰਹੀ। ਇੰਜੀਨੀਅਰ ਦੋ ਵਾਰ ਨਹੀਂ ਆਇਆ।',
    putRight: 'ਕਿਰਪਾ ਕਰਕੇ ਇਸ ਹਫ਼ਤੇ ਹੀਟਿੰਗ ਠੀਕ ਕਰੋ।',
    name: 'ਹਰਪ੍ਰੀਤ ਕੌਰ',
    interpreter: 'ਪੰਜਾਬੀ',
  },
  ur: {
    whatHappened: 'اکتوبر سے ہیٹنگ کام نہیں کر رہی۔ انجینئر دو بار نہیں آیا۔',
    putRight: 'براہ کرم اس ہفتے ہیٹنگ ٹھیک کریں۔',
    name: 'محمد علی',
    interpreter: 'اردو',
  },
  pt: {
    whatHappened: 'O aquecimento não funciona desde outubro. O técnico faltou duas vezes.',
    putRight: 'Por favor, reparem o aquecimento esta semana.',
    name: 'Ana Silva',
    interpreter: 'português',
  },
  es: {
    whatHappened: 'La calefacción no funciona desde octubre. El técnico no vino dos veces.',
    putRight: 'Por favor, reparen la calefacción esta semana.',
    name: 'José Martínez',
    interpreter: 'español',
  },
  bn: {
    whatHappened: 'অক্টোবর থেকে হিটিং কাজ করছে না। ইঞ্জিনিয়ার দুবার আসেননি।',
    putRight: 'অনুগ্রহ করে এই সপ্তাহে হিটিং ঠিক করুন।',
    name: 'রহিমা বেগম',
    interpreter: 'বাংলা',
  },
  gu: {
    whatHappened: 'ઓક્ટોબરથી હીટિંગ કામ કરતું નથી. એન્જિનિયર બે વાર આવ્યા નહીં.',
    putRight: 'કૃપા કરીને આ અઠવાડિયે હીટિંગ ઠીક કરો.',
    name: 'પ્રિયા પટેલ',
    interpreter: 'ગુજરાતી',
  },
  so: {
    whatHappened: 'Kuleyliyuhu ma shaqeynayo tan iyo Oktoobar. Injineerku laba jeer ma iman.',
    putRight: 'Fadlan hagaajiya kuleylaha toddobaadkan.',
    name: 'Hodan Warsame',
    interpreter: 'Soomaali',
  },
  'en-easy': {
    whatHappened: 'My heating is broken. It broke in October. The engineer did not come. 😞',
    putRight: 'Please fix my heating this week.',
    name: 'Sam Jones',
    interpreter: 'English',
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
export async function continueOn(page: Page, button = page.locator('main button[type="submit"]').last()) {
  await Promise.all([page.waitForEvent('load'), button.click()])
}

/** A small photo carrying a GPS position in its EXIF, as a phone would take it. */
export async function photoWithLocation(): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 90, channels: 3, background: { r: 90, g: 110, b: 80 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 28/1 0/1' } })
    .toBuffer()
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
  await expect(page.locator('html')).toHaveAttribute('data-locale', language)
  await expect(page.locator('html')).toHaveAttribute('dir', ['ar', 'ur'].includes(language) ? 'rtl' : 'ltr')
  if (mode === 'js') await expect(page.locator('html')).toHaveAttribute('data-enhanced', 'true')
  if (mode === 'scripts-blocked') await expect(page.locator('html')).not.toHaveAttribute('data-enhanced', 'true')
  await scan('start')

  await page.locator('a.button--start').click()
  await expect(page).toHaveURL(/\/complain\/complaint-or-request$/)
  await scan('complaint or request')
  await continueOn(page)
  await expectError(page, mode, language, 'complaint or request', 'choice')
  await page.locator('input[name="choice"][value="complaint"]').check()
  await continueOn(page)

  await expect(page).toHaveURL(/\/complain\/who$/)
  await scan('who')
  await page.locator('input[name="forSomeoneElse"][value="yes"]').check()
  await continueOn(page)
  await expectError(page, mode, language, 'who', 'representedName')
  await page.locator('input[name="forSomeoneElse"][value="no"]').check()
  await continueOn(page)

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

  await expect(page).toHaveURL(/\/complain\/evidence$/)
  await scan('evidence')
  const upload = page.locator('main button[name="intent"][value="upload"]')
  await page
    .locator('#files')
    .setInputFiles({ name: 'boiler.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ not a photo') })
  await continueOn(page, upload)
  await expectError(page, mode, language, 'evidence', 'files')
  await page
    .locator('#files')
    .setInputFiles({ name: 'boiler.jpg', mimeType: 'image/jpeg', buffer: await photoWithLocation() })
  await continueOn(page, upload)
  await expect(page).toHaveURL(/\/complain\/evidence$/)
  await expect(page.locator('main')).toContainText('boiler.jpg')
  await scan('evidence (one file added)')
  await continueOn(page, page.locator('main button[name="intent"][value="continue"]'))

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
  await page.locator('#language').selectOption(language === 'en-easy' ? 'en' : language)
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

  await expect(page).toHaveURL(/\/complain\/about-you$/)
  await scan('about you')
  await page.locator('input[name="disability"][value="prefer_not_to_say"]').check()
  await continueOn(page)

  await expect(page).toHaveURL(/\/complain\/check$/)
  await scan('check answers')
  await expect(page.locator('.summary-list')).toContainText(answers.whatHappened)
  await expect(page.locator('.summary-list')).toContainText('CF10 1AA')
  await expect(page.locator('.summary-list')).toContainText('boiler.jpg')
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
