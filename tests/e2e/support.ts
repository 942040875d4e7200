import { appendFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import axe from 'axe-core'
import { expect, test as base, type BrowserContext, type Page } from '@playwright/test'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * axe-core in every document of a context from its first byte (DevTools injection, so the page's
 * CSP does not apply, and it works with the app's scripts blocked). AxeBuilder's default run
 * re-injects axe and opens a blank page for every scan (~450 ms a page); with axe already there
 * and legacy mode (we have no iframes) a scan takes ~100 ms and runs exactly the same rules.
 */
export async function withAxe(context: BrowserContext) {
  await context.addInitScript(axe.source)
}

/** Zero axe violations on the page as it is now (tags: WCAG 2.2 AA). */
export async function expectAccessible(page: Page, label: string) {
  // Scan the finished page: mid-navigation, before the stylesheet applies, sizes and colours lie.
  await page.waitForLoadState('load')
  const started = Date.now()
  const loaded = await page.evaluate(() => 'axe' in window)
  const results = await new AxeBuilder({ page, ...(loaded ? { axeSource: ';' } : {}) })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_TAGS)
    .analyze()
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
  expect(summary, `axe violations on ${label} (${page.url()})`).toEqual([])
  scans.push({
    label,
    url: page.url(),
    locale: await page.locator('html').getAttribute('data-locale'),
    ms: Date.now() - started,
  })
}

/** Nothing wider than the window: no sideways scrolling (WCAG 1.4.10 at 320 CSS px, and any width). */
export async function expectReflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow, `horizontal scrolling on ${page.url()}`).toBeLessThanOrEqual(0)
}

export const scans: Array<{ label: string; url: string; locale: string | null; ms: number }> = []

/**
 * Fails a test on any console error, except Chromium's "Failed to load resource … 400/403/409",
 * which it prints for every 4xx a form submission (or a missing page) answers with, and the aborts of blocked scripts.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      await withAxe(page.context())
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() !== 'error') return
        if (/Failed to load resource: the server responded with a status of 4(00|03|04|09)/.test(message.text())) return
        // What blockAppScripts() does to the app's scripts, on purpose.
        if (message.text() === 'Failed to load resource: net::ERR_FAILED') return
        errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(String(error)))
      await use(errors)
      // Every scan is logged for the closing note's per-locale count (npm run test:e2e:scans).
      if (scans.length > 0) {
        await appendFile('test-results/axe-scans.jsonl', scans.map((scan) => `${JSON.stringify(scan)}\n`).join(''))
        scans.length = 0
      }
      expect(errors, 'console errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/** Block the app's own scripts (the staff bundle and the resident enhancement script). */
export async function blockAppScripts(page: Page) {
  await page.route(/\/(build|assets)\/.*\.js(\?.*)?$/, (route) => route.abort())
}
