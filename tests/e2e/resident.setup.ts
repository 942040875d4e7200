// Two residents whose complaints have moved on (a Stage 1 reply; a closed complaint) sign in once,
// the way residents do (reference and email, then the emailed code), and their sessions are kept
// for the page tours: a code is sent at most 5 times an hour per reference, so tours cannot each ask.
import { writeFileSync } from 'node:fs'
import { test as setup, type Browser } from '@playwright/test'
import { raisedBy, residentStates, trackWithCode, type TrackedCase } from './residents'
import { respondToStage1 } from './staff-helpers'
import { withAxe } from './support'

async function prepare(browser: Browser, kind: TrackedCase) {
  const email = `tour-${kind}-${Date.now()}@example.org`
  const reference = await raisedBy(email)
  if (kind !== 'received') await respondToStage1(browser, reference, { close: kind === 'closed' })
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
