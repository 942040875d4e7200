import type { Browser, Page } from '@playwright/test'
import { generateSync } from 'otplib'
import { expect } from './support'

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

/** A page in a context already signed in as a demo member of staff (see auth.setup.ts). */
export async function signedIn(browser: Browser, email: keyof typeof staffStates): Promise<Page> {
  const context = await browser.newContext({ storageState: staffStates[email] })
  return context.newPage()
}
