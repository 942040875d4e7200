// Signs each demo member of staff in once and keeps the session for the tests: a TOTP code is
// accepted once per account, so parallel tests must not each sign the same account in.
import { test as setup } from '@playwright/test'
import { signIn, staffStates } from './staff-helpers'

for (const [email, path] of Object.entries(staffStates)) {
  setup(`sign in ${email}`, async ({ page }) => {
    await signIn(page, email)
    await page.context().storageState({ path })
  })
}
