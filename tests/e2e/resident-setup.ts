// Two residents whose complaints have moved on (a Stage 1 reply; a closed complaint) sign in once,
// the way residents do (reference and email, then the emailed code), and their sessions are kept
// for the page tours: a code is sent at most 5 times an hour per reference, so tours cannot each ask.
import { readFileSync, writeFileSync } from 'node:fs'
import { test as setup, type Browser, type Page } from '@playwright/test'
import { baseURL } from '../../playwright.config'
import { JourneyClient } from '../support/journey-client'
import { accessCodeFor } from './mail'
import { respondToStage1 } from './staff-helpers'
import { expect, withAxe } from './support'

export const residentStates = {
  responded: 'test-results/.auth/resident-responded.json',
  closed: 'test-results/.auth/resident-closed.json',
} as const
export type TrackedCase = keyof typeof residentStates

export function trackedReference(kind: TrackedCase): string {
  return readFileSync(`${residentStates[kind]}.reference`, 'utf8').trim()
}

/** A complaint raised over plain HTTP by a resident with `email`; returns its reference. */
export async function raisedBy(email: string, name = 'Tour Resident'): Promise<string> {
  const client = new JourneyClient(baseURL)
  const key = await client.answerEverything({ contact: { name, email, phone: '', address: '', postcode: 'E1 6AB' } })
  expect((await client.submit(key)).status).toBe(302)
  const reference = await client.confirmedReference()
  if (!reference) throw new Error('no reference')
  return reference
}

/** Signs in on /track with the reference and email, then the emailed code; the page ends on the case. */
export async function trackWithCode(page: Page, reference: string, email: string) {
  await page.goto('/track')
  await page.locator('#reference').fill(reference)
  await page.locator('#address').fill(email)
  const since = new Date()
  await page.locator('main button[type="submit"]').click()
  await expect(page).toHaveURL(/\/track\/code$/)
  const { code } = await accessCodeFor(email, since)
  await page.locator('#code').fill(code)
  await page.locator('main button[type="submit"]').click()
  await expect(page).toHaveURL(new RegExp(`/track/${reference}$`))
}

async function prepare(browser: Browser, kind: TrackedCase) {
  const email = `tour-${kind}-${Date.now()}@example.org`
  const reference = await raisedBy(email)
  await respondToStage1(browser, reference, { close: kind === 'closed' })
  const context = await browser.newContext()
  await withAxe(context)
  const page = await context.newPage()
  await trackWithCode(page, reference, email)
  await context.storageState({ path: residentStates[kind] })
  writeFileSync(`${residentStates[kind]}.reference`, reference)
  await context.close()
}

for (const kind of Object.keys(residentStates) as TrackedCase[]) {
  setup(`a resident with a ${kind} complaint signs in`, async ({ browser }) => {
    setup.setTimeout(90_000)
    await prepare(browser, kind)
  })
}
