// Residents in e2e tests: raising a complaint over HTTP, signing in to track it with the emailed
// code, and the sessions kept by resident.setup.ts for the page tours.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { baseURL } from '../../playwright.config'
import { JourneyClient } from '../support/journey-client'
import { accessCodeFor } from './mail'
import { expect } from './support'

export const residentStates = {
  received: 'test-results/.auth/resident-received.json',
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
