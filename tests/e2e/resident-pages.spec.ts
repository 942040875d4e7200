// Every resident page and its error states, in every language with the app's scripts blocked (what
// a resident without JavaScript gets), and in English and Arabic (LTR and RTL) with them too: zero
// axe violations (WCAG 2.2 AA tags), the right language and direction on each. The enhancement script
// changes no markup a scan could fault beyond focus and aria-disabled (public/assets/enhance.js), so a
// scan in both modes for all 13 languages doubled the suite's time and found nothing the two did not;
// the complaint journey (resident-journey.spec.ts) scans every language the other way round.
import type { Browser, Page } from '@playwright/test'
import { interfaceLanguages } from '~/i18n/config'
import { residentStates, trackedReference, type TrackedCase } from './residents'
import { blockAppScripts, expect, expectAccessible, test, withAxe } from './support'

type Mode = 'js' | 'scripts-blocked'
const helpPages = ['policy', 'timescales', 'ombudsman', 'accessibility', 'privacy', 'contact']

async function submitForm(page: Page) {
  await Promise.all([page.waitForEvent('load'), page.locator('main button[type="submit"]').last().click()])
}

async function expectErrorShown(page: Page, field: string) {
  await expect(page.locator(`.error-summary a[href="#${field}"]`)).toBeVisible()
  await expect(page.locator(`#${field}-error`)).toBeVisible()
}

/** Goes to a signed-in resident page and makes sure it was not turned away. */
async function visit(page: Page, path: string) {
  await page.goto(path)
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))
}

async function trackedPage(browser: Browser, kind: TrackedCase, language: string, mode: Mode) {
  const context = await browser.newContext({ storageState: residentStates[kind] })
  await withAxe(context)
  const page = await context.newPage()
  if (mode === 'scripts-blocked') await blockAppScripts(page)
  const reference = trackedReference(kind)
  await page.goto(`/track/${reference}?lng=${language}`)
  await expect(page).toHaveURL(new RegExp(`/track/${reference}\\?lng=`))
  return { page, reference, base: `/track/${reference}` }
}

const bothModes = new Set(['en', 'ar'])

for (const { code: language, dir } of interfaceLanguages) {
  for (const mode of bothModes.has(language) ? (['js', 'scripts-blocked'] as const) : (['scripts-blocked'] as const)) {
    test(`every resident page in ${language} (${mode})`, async ({ page, browser }) => {
      test.setTimeout(300_000)
      if (mode === 'scripts-blocked') await blockAppScripts(page)
      const scan = (label: string) => expectAccessible(page, `${label} (${mode})`)

      await page.goto(`/?lng=${language}`)
      await expect(page.locator('html')).toHaveAttribute('data-locale', language)
      await expect(page.locator('html')).toHaveAttribute('dir', dir)
      await scan('start')
      for (const path of ['/language', '/complain/service-request', ...helpPages.map((p) => `/help/${p}`)]) {
        await page.goto(path)
        await expect(page.locator('html')).toHaveAttribute('data-locale', language)
        await scan(path)
      }
      await page.goto('/no-such-page')
      await scan('not found')

      await page.goto('/compliment')
      await scan('compliment')
      await submitForm(page)
      await expectErrorShown(page, 'message')
      await scan('compliment (error)')
      await page.locator('#message').fill('Thank you to the caretaker 🙏')
      await submitForm(page)
      await expect(page).toHaveURL(/\/compliment\?sent=1$/)
      await scan('compliment (sent)')

      await page.goto('/track')
      await scan('track')
      await submitForm(page)
      await expectErrorShown(page, 'reference')
      await scan('track (error)')
      await page.goto('/track/code')
      await scan('track code')
      await page.locator('#code').fill('12')
      await submitForm(page)
      await expectErrorShown(page, 'code')
      await scan('track code (error)')
      await page.goto('/track/link/not-a-real-link')
      await scan('track link (expired)')

      const received = await trackedPage(browser, 'received', language, mode)
      const w = received.page
      await expect(w.locator('html')).toHaveAttribute('dir', dir)
      await expectAccessible(w, `case page (received) (${mode})`)
      await visit(w, `${received.base}/withdraw`)
      await expectAccessible(w, `withdraw (${mode})`)
      await submitForm(w)
      await expectErrorShown(w, 'words')
      await expectAccessible(w, `withdraw (error) (${mode})`)
      await w.context().close()

      const responded = await trackedPage(browser, 'responded', language, mode)
      const r = responded.page
      await expectAccessible(r, `case page (Stage 1 reply) (${mode})`)
      await visit(r, `${responded.base}/add`)
      await expectAccessible(r, `add information (${mode})`)
      await submitForm(r)
      await expectErrorShown(r, 'information')
      await expectAccessible(r, `add information (error) (${mode})`)
      await visit(r, `${responded.base}/escalate`)
      await expectAccessible(r, `escalate (${mode})`)
      await visit(r, `${responded.base}/letter-again`)
      await expectAccessible(r, `letter again (${mode})`)
      await visit(r, responded.base)
      await r.locator('a[href*="/letters/"]').first().click()
      await expect(r.locator('.letter-sheet')).toBeVisible()
      await expectAccessible(r, `letter (${mode})`)
      await r.context().close()

      const closed = await trackedPage(browser, 'closed', language, mode)
      const c = closed.page
      await expectAccessible(c, `case page (closed) (${mode})`)
      await visit(c, `${closed.base}/survey/handling`)
      await expectAccessible(c, `survey handling (${mode})`)
      await submitForm(c)
      await expectErrorShown(c, 'answer')
      await expectAccessible(c, `survey handling (error) (${mode})`)
      await visit(c, `${closed.base}/survey/outcome`)
      await expectAccessible(c, `survey outcome (${mode})`)
      await c.context().close()
    })
  }
}
