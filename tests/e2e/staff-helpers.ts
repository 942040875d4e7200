import type { Browser, Page } from '@playwright/test'
import { generateSync } from 'otplib'
import { expect, withAxe } from './support'

export const demoPassword = 'putright-demo'
export const demoSecret = 'PUTRIGHTDEMOTOTPSECRET234567ABCD'

/** The code an authenticator app shows now for `secret`. */
export function codeFor(secret: string, stepsAhead = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 })
}

/** Password, then the TOTP code; each account signs in once per run (a code is accepted once). */
export async function signIn(page: Page, email: string, secret = demoSecret) {
  await page.goto('/staff/sign-in')
  await page.locator('#email').fill(email)
  await page.locator('#password').fill(demoPassword)
  await page.locator('main button[type="submit"]').click()
  await expect(page).toHaveURL(/\/staff\/sign-in\/code$/)
  await page.locator('#code').fill(codeFor(secret))
  await page.locator('main button[type="submit"]').click()
  await expect(page).not.toHaveURL(/\/staff\/sign-in/)
}

export const staffStates = {
  'advisor@putright.example': 'test-results/.auth/advisor.json',
  'handler@putright.example': 'test-results/.auth/handler.json',
  'reviewer@putright.example': 'test-results/.auth/reviewer.json',
  'manager@putright.example': 'test-results/.auth/manager.json',
  'admin@putright.example': 'test-results/.auth/admin.json',
} as const

/**
 * A page in a context already signed in as a demo member of staff (see auth.setup.ts), on a desktop
 * with JavaScript, whatever the resident's side of the test uses: a context made inside a test takes
 * its `test.use` options, and axe cannot finish a scan in a page with JavaScript switched off.
 */
export async function signedIn(browser: Browser, email: keyof typeof staffStates): Promise<Page> {
  const context = await browser.newContext({
    storageState: staffStates[email],
    javaScriptEnabled: true,
    viewport: { width: 1280, height: 720 },
  })
  await withAxe(context)
  return context.newPage()
}

async function act(page: Page, reference: string, action: string) {
  await page.goto(`/staff/complaints/${reference}/${action}`)
  await expect(page).toHaveURL(new RegExp(`/staff/complaints/${reference}/${action}$`))
}

async function submitAndReturn(page: Page, reference: string) {
  await page.locator('main button[type="submit"]').last().click()
  await expect(page).toHaveURL(new RegExp(`/staff/complaints/${reference}$`))
}

/**
 * GOV-2: a complaint with anything upheld is closed only once its learning is recorded: a root
 * cause (the first, "Communication") and what we learnt.
 */
export async function recordLearning(page: Page, reference: string) {
  await page.goto(`/staff/complaints/${reference}/learning`)
  await page.locator('#rootCause').check()
  await page.locator('#learning').fill('Tell the resident the new appointment the same day.')
  await page.getByRole('button', { name: 'Save the learning' }).click()
  await expect(page).toHaveURL(new RegExp(`/staff/complaints/${reference}/learning\\?done=complete$`))
}

/**
 * The demo handler takes a complaint to its Stage 1 response the shortest way the Code allows:
 * assign, acknowledge (one element), decide it, no remedy, no outstanding actions, respond.
 */
export async function respondToStage1(browser: Browser, reference: string, options: { close?: boolean } = {}) {
  const handler = await signedIn(browser, 'handler@putright.example')
  await act(handler, reference, 'assign')
  await handler.getByLabel(/Dafydd Evans/).check()
  await submitAndReturn(handler, reference)
  await act(handler, reference, 'acknowledge')
  await handler.locator('#elements').fill('The heating does not work')
  await handler.locator('#outcomesSought').fill('Repair the heating')
  await submitAndReturn(handler, reference)
  await act(handler, reference, 'decide')
  await handler.locator('#decision-1').check()
  await handler.locator('#reasons-1').fill('The engineer missed the appointments.')
  await submitAndReturn(handler, reference)
  await act(handler, reference, 'no-remedy')
  await handler.locator('#reason').fill('The repair has now been booked with the resident.')
  await submitAndReturn(handler, reference)
  await act(handler, reference, 'no-actions')
  await submitAndReturn(handler, reference)
  await act(handler, reference, 'respond')
  await submitAndReturn(handler, reference)
  await expect(handler.locator('.caption-l')).toHaveText('Stage 1 responded')
  if (options.close) {
    // The element was upheld: the learning comes first (GOV-2).
    await recordLearning(handler, reference)
    await act(handler, reference, 'close')
    await submitAndReturn(handler, reference)
    await expect(handler.locator('.caption-l')).toHaveText('Closed')
  }
  await handler.context().close()
}
