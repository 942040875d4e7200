// Assurance in the browser: compensation proposed above the handler's limit and approved by a
// manager, learning recorded, and every assurance page (dashboard, commitments, learning, quality,
// compensation, external cases, compliments, tenant panel) passing axe, in English and in Arabic.
import type { Page } from '@playwright/test'
import { baseURL } from '../../playwright.config'
import { JourneyClient } from '../support/journey-client'
import { recordLearning, respondToStage1, signIn, signedIn } from './staff-helpers'
import { expect, expectAccessible, expectReflow, test, withAxe } from './support'

async function tour(page: Page, pages: Array<[path: string, label: string]>) {
  for (const [path, label] of pages) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(200)
    await expectAccessible(page, label)
    await expectReflow(page)
  }
}

test('compensation above a handler’s limit waits for a manager, and learning is recorded', async ({ browser }) => {
  test.setTimeout(180_000)
  const resident = new JourneyClient(baseURL)
  const key = await resident.answerEverything()
  expect((await resident.submit(key)).status).toBe(302)
  const reference = (await resident.confirmedReference()) ?? ''
  await respondToStage1(browser, reference)

  const handler = await signedIn(browser, 'handler@putright.example')
  await handler.goto(`/staff/complaints/${reference}/compensation`)
  await expectAccessible(handler, 'propose compensation')
  await handler.locator('main button[type="submit"]').last().click()
  await expect(handler.locator('.error-summary')).toBeFocused()
  await expectAccessible(handler, 'propose compensation (errors)')
  await handler.locator('#category').check()
  await handler.locator('#band-2').check()
  await handler.locator('#amount').fill('400.00')
  await handler.locator('#reason').fill('Three missed repair appointments over six weeks.')
  await handler.locator('main button[type="submit"]').last().click()
  await expect(handler).toHaveURL(/\/staff\/compensation\/[0-9a-f-]+\?done=proposed$/)
  const awardPath = new URL(handler.url()).pathname
  await expectAccessible(handler, 'compensation award (proposed)')
  await recordLearning(handler, reference)
  await expectAccessible(handler, 'learning (recorded)')
  await handler.context().close()

  const manager = await signedIn(browser, 'manager@putright.example')
  await manager.goto(awardPath)
  await manager.getByRole('button', { name: 'Approve' }).click()
  await expect(manager).toHaveURL(/\?done=approve$/)
  await expectAccessible(manager, 'compensation award (approved)')
  await manager.goto('/staff/compensation')
  await expect(manager.locator('main')).toContainText('£400.00')

  // This month's dip sample holds at least one response per handler, so the demo handler's is in it.
  const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()).slice(0, 7)
  await manager.goto(`/staff/quality?month=${thisMonth}`)
  await manager.locator('main form[method="post"] button[type="submit"]').click()
  const review = manager.locator('main table a[href^="/staff/quality/"]').first()
  await expect(review).toBeVisible()
  await review.click()
  await expect(manager).toHaveURL(/\/staff\/quality\/[0-9a-f-]+$/)
  await expect(manager.locator('main')).not.toContainText(reference)
  await expectAccessible(manager, 'quality review (redacted)')
  await manager.locator('main button[type="submit"]').last().click()
  await expect(manager.locator('.error-summary')).toBeFocused()
  await expectAccessible(manager, 'quality review (errors)')
  await manager.context().close()
})

test('a manager’s assurance pages pass axe, in English and in Arabic', async ({ browser }) => {
  test.setTimeout(240_000)
  const manager = await signedIn(browser, 'manager@putright.example')
  await tour(manager, [
    ['/staff/dashboard', 'performance dashboard'],
    ['/staff/dashboard?from=2026-02-30', 'performance dashboard (bad date)'],
    ['/staff/dashboard/pack', 'monthly report pack'],
    ['/staff/equality', 'equality monitoring'],
    ['/staff/reports', 'contractors, cost and repeat complainants'],
    ['/staff/reports/benchmark', 'peer benchmark'],
    ['/staff/commitments', 'commitments register'],
    ['/staff/learning', 'learning log'],
    ['/staff/quality', 'quality sample'],
    ['/staff/quality/mine', 'own quality feedback'],
    ['/staff/compensation', 'compensation'],
    ['/staff/compensation/policy', 'compensation policy'],
    ['/staff/external', 'external cases'],
    ['/staff/external/new', 'new external case'],
    ['/staff/compliments', 'compliments'],
    ['/staff/compliments/new', 'record a compliment'],
    ['/staff/panel', 'panel home (manager)'],
    ['/staff/panel/summaries', 'summaries to publish'],
    ['/staff/panel/self-assessment', 'self-assessment'],
  ])
  // The figures are kept; the manager can have them worked out again at once.
  await manager.goto('/staff/dashboard?service=repairs')
  await manager.getByRole('button', { name: 'Work the figures out again now' }).click()
  await expect(manager).toHaveURL(/\/staff\/dashboard\?service=repairs$/)
  await expect(manager.locator('main')).toContainText('Worked out at')
  await manager.goto('/staff/dashboard?from=2026-02-30')
  await expect(manager.locator('.error-summary a[href="#from"]')).toBeVisible()
  await manager.goto('/staff/dashboard?lng=ar')
  await expect(manager.locator('html')).toHaveAttribute('dir', 'rtl')
  await expectAccessible(manager, 'performance dashboard (ar)')
  await expectReflow(manager)
  await tour(manager, [
    ['/staff/commitments', 'commitments register (ar)'],
    ['/staff/compensation', 'compensation (ar)'],
    ['/staff/external', 'external cases (ar)'],
  ])
  await manager.context().close()
})

test('a tenant panel member sees only published, anonymised material', async ({ browser }) => {
  test.setTimeout(120_000)
  const context = await browser.newContext()
  await withAxe(context)
  const panel = await context.newPage()
  // The panel account signs in only here.
  await signIn(panel, 'panel@putright.example')
  await expect(panel).toHaveURL(/\/staff\/panel$/)
  await expectAccessible(panel, 'panel home')
  await tour(panel, [
    ['/staff/panel/cases', 'panel case summaries'],
    ['/staff/panel/figures', 'panel figures'],
    ['/staff/panel/you-said-we-did', 'you said, we did'],
    ['/staff/panel/annual-report', 'annual report'],
  ])
  const refused = await panel.goto('/staff/complaints')
  expect(refused?.status()).toBe(403)
  await context.close()
})
