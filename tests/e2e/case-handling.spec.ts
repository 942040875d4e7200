import type { Page } from '@playwright/test'
import { baseURL } from '../../playwright.config'
import { JourneyClient } from '../support/journey-client'
import { recordLearning, signedIn } from './staff-helpers'
import { expect, expectAccessible, test } from './support'

async function act(page: Page, reference: string, action: string) {
  await page.goto(`/staff/complaints/${reference}/${action}`)
  await expect(page).toHaveURL(new RegExp(`/staff/complaints/${reference}/${action}$`))
}

async function submit(page: Page) {
  await page.locator('main button[type="submit"]').last().click()
}

async function expectBackOnCase(page: Page, reference: string) {
  await expect(page).toHaveURL(new RegExp(`/staff/complaints/${reference}$`))
}

test('a handler takes a complaint through Stage 1, the resident escalates, and a reviewer answers Stage 2', async ({
  browser,
}) => {
  test.setTimeout(300_000)
  const resident = new JourneyClient(baseURL)
  const key = await resident.answerEverything()
  expect((await resident.submit(key)).status).toBe(302)
  const reference = (await resident.confirmedReference()) ?? ''

  const handler = await signedIn(browser, 'handler@putright.example')
  await handler.goto(`/staff/complaints/${reference}`)
  await expect(handler.locator('.caption-l')).toHaveText('Received')
  await expectAccessible(handler, 'case page (received)')

  // Assign, then acknowledge with the complaint definition (S1-3).
  await act(handler, reference, 'assign')
  await expectAccessible(handler, 'assign')
  await handler.getByLabel(/Dafydd Evans/).check()
  await submit(handler)
  await expectBackOnCase(handler, reference)

  await act(handler, reference, 'acknowledge')
  await handler.locator('#outcomesSought').fill('')
  await submit(handler)
  await expect(handler.locator('.error-summary a[href="#outcomesSought"]')).toBeVisible()
  await expectAccessible(handler, 'acknowledge (error)')
  await handler.locator('#elements').fill('The entry system is broken\nNobody called back')
  await handler.locator('#outcomesSought').fill('Repair the entry system')
  await submit(handler)
  await expectBackOnCase(handler, reference)
  await expect(handler.locator('.caption-l')).toHaveText('Stage 1 acknowledged')
  await expect(handler.locator('#letters-heading + ul')).toContainText('We have received your complaint')

  // Extend: the new date is shown before it is confirmed (EXT-3), beyond the cap is refused (EXT-2).
  await act(handler, reference, 'extend')
  await handler.locator('#workingDays').fill('11')
  await handler.locator('#reason').fill('We are waiting for the contractor’s report.')
  await submit(handler)
  await expect(handler.locator('.error-summary a[href="#workingDays"]')).toBeVisible()
  await expectAccessible(handler, 'extend (over the cap)')
  await handler.locator('#workingDays').fill('5')
  await submit(handler)
  await expect(handler.locator('.panel--info')).toContainText('The new response date will be')
  await expectAccessible(handler, 'extend (confirm)')
  await submit(handler)
  await expectBackOnCase(handler, reference)
  await expect(handler.locator('.caption-l')).toHaveText('Stage 1 extended')

  // Decide every element, then the checklist names what is still missing.
  await act(handler, reference, 'decide')
  await submit(handler)
  await expect(handler.locator('.error-summary')).toContainText('Select a decision for element 1')
  await expectAccessible(handler, 'decide (error)')
  await handler.locator('#decision-1').check()
  await handler.locator('#reasons-1').fill('The contractor missed two appointments.')
  await handler.locator('#decision-2-3').check()
  await handler.locator('#reasons-2').fill('Our call log shows two call-backs.')
  await submit(handler)
  await expectBackOnCase(handler, reference)

  await act(handler, reference, 'respond')
  await expectAccessible(handler, 'respond (checklist incomplete)')
  await submit(handler)
  await expect(handler.locator('.error-summary a[href="#checklist"]')).toBeVisible()
  await expect(handler.locator('#checklist')).toContainText('R5 Each remedy and its status')
  await expect(handler.locator('#checklist')).toContainText('R6 Each outstanding action')

  await act(handler, reference, 'remedy')
  await handler.locator('#remedyType').check()
  await handler.locator('#description').fill('We apologise for the missed appointments.')
  await submit(handler)
  await expectBackOnCase(handler, reference)
  await act(handler, reference, 'promise')
  await expectAccessible(handler, 'promise an action')
  await handler.locator('#description').fill('Repair the entry system')
  await handler.locator('#owner').fill('Repairs team')
  await handler.locator('#dueOn').fill('2099-01-31')
  await submit(handler)
  await expectBackOnCase(handler, reference)

  await act(handler, reference, 'respond')
  await expect(handler.locator('.letter-preview')).toContainText('If you are still unhappy')
  await expectAccessible(handler, 'respond (ready)')
  await submit(handler)
  await expectBackOnCase(handler, reference)
  await expect(handler.locator('.caption-l')).toHaveText('Stage 1 responded')
  const letter = handler.locator('#letters-heading + ul a', { hasText: 'Stage 1 response' })
  await letter.click()
  await expect(handler.locator('.letter-sheet')).toContainText('Repairs team will do this by')
  await expectAccessible(handler, 'letter')

  // The resident asks for Stage 2 by phone: the handler records it, no reason needed (S2-1).
  await act(handler, reference, 'escalate')
  await expectAccessible(handler, 'escalate')
  await submit(handler)
  await expectBackOnCase(handler, reference)
  await expect(handler.locator('.caption-l')).toHaveText('Escalated to Stage 2')

  // The Stage 1 handler cannot take Stage 2 (S2-3).
  await act(handler, reference, 'assign')
  await handler.getByLabel(/Dafydd Evans/).check()
  await submit(handler)
  await expect(handler.locator('.error-summary')).toContainText('did not handle or sign Stage 1')
  await expectAccessible(handler, 'assign (Stage 1 handler refused)')

  const reviewer = await signedIn(browser, 'reviewer@putright.example')
  await act(reviewer, reference, 'assign')
  await reviewer.getByLabel(/Grace Mensah/).check()
  await submit(reviewer)
  await act(reviewer, reference, 'acknowledge')
  await expectAccessible(reviewer, 'acknowledge Stage 2')
  await submit(reviewer)
  await expectBackOnCase(reviewer, reference)
  await expect(reviewer.locator('.caption-l')).toHaveText('Stage 2 acknowledged')
  await act(reviewer, reference, 'decide')
  await reviewer.locator('#decision-1').check()
  await reviewer.locator('#reasons-1').fill('Upheld on review.')
  await reviewer.locator('#decision-2').check()
  await reviewer.locator('#reasons-2').fill('On review, one call-back was missed.')
  await submit(reviewer)
  await act(reviewer, reference, 'no-remedy')
  await reviewer.locator('#reason').fill('The Stage 1 apology and the repair put this right.')
  await submit(reviewer)
  await act(reviewer, reference, 'no-actions')
  await submit(reviewer)
  await act(reviewer, reference, 'respond')
  await expect(reviewer.locator('.letter-preview')).toContainText('Housing Ombudsman')
  await submit(reviewer)
  await expectBackOnCase(reviewer, reference)
  await expect(reviewer.locator('.caption-l')).toHaveText('Stage 2 responded')
  await expectAccessible(reviewer, 'case page (Stage 2 responded)')
  await reviewer.goto(`/staff/complaints/${reference}?lng=ar`)
  await expect(reviewer.locator('html')).toHaveAttribute('dir', 'rtl')
  await expectAccessible(reviewer, 'case page (ar)')

  // Upheld at Stage 2: the learning is recorded before the complaint is closed (GOV-2). The
  // language chosen with ?lng= is remembered, so the reviewer switches back to English first.
  await reviewer.goto(`/staff/complaints/${reference}?lng=en`)
  await recordLearning(reviewer, reference)
  await act(reviewer, reference, 'close')
  await submit(reviewer)
  await expect(reviewer.locator('.caption-l')).toHaveText(/.+/)
  await reviewer.goto(`/staff/complaints/${reference}?lng=en`)
  await expect(reviewer.locator('.caption-l')).toHaveText('Closed')
})

test('work queues filter and sort, and every view is accessible', async ({ browser }) => {
  const handler = await signedIn(browser, 'handler@putright.example')
  for (const view of ['mine', 'unassigned', 'due-soon', 'overdue', 'all']) {
    await handler.goto(`/staff/complaints?view=${view}`)
    await expect(handler.locator('.queue-tabs [aria-current="page"]')).toBeVisible()
    await expectAccessible(handler, `queue ${view}`)
  }
  await handler.goto('/staff/complaints?view=all&stage=2&sort=reference')
  const stages = await handler.locator('tbody tr td:nth-child(4)').allTextContents()
  expect(stages.every((stage) => stage === '2')).toBe(true)
})

test('a manager adds a closure day and open deadlines move; removing it moves them back', async ({ browser }) => {
  const manager = await signedIn(browser, 'manager@putright.example')
  await manager.goto('/staff/admin/calendar')
  await expectAccessible(manager, 'calendar')
  // A weekday within the next week: most open acknowledgement clocks run across it.
  const day = new Date()
  day.setUTCDate(day.getUTCDate() + 1)
  while ([0, 6].includes(day.getUTCDay())) day.setUTCDate(day.getUTCDate() + 1)
  const iso = day.toISOString().slice(0, 10)
  await manager.locator('#date').fill(iso)
  await manager.locator('#description').fill('Office move')
  await manager.locator('main form button[type="submit"]').last().click()
  await expect(manager.locator('.notice[role="status"]')).toContainText(/open complaints? (was|were) re-dated/)
  await expectAccessible(manager, 'calendar (added)')
  await manager.locator('li.closure-day', { hasText: 'Office move' }).locator('button').click()
  await expect(manager.locator('.notice[role="status"]')).toBeVisible()
  await expect(manager.locator('li.closure-day', { hasText: 'Office move' })).toHaveCount(0)
})
