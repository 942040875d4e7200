// The mail relay refuses connections for a while during a burst of submissions: nobody's complaint
// is refused for it, the receipts wait in the outbox, and each arrives exactly once when it is back.
// (`npm run --silent bench:smtp-outage` is the same with 1,000 submissions and a minute's outage.)
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSmtpReceiver } from '../support/smtp'
import {
  complaintsPerEmail,
  freshDatabase,
  healthy,
  residentsReady,
  sendAll,
  startApp,
  stopApp,
  waitFor,
  type App,
} from './support'

const BURST = 100
const OUTAGE_MS = 10_000

let db: Awaited<ReturnType<typeof freshDatabase>>
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>
let app: App

beforeAll(async () => {
  db = await freshDatabase()
  smtp = await startSmtpReceiver()
  app = startApp(3431, { DATABASE_URL: db.url, SMTP_URL: smtp.url, OUTBOX_SWEEP_SECONDS: '2' })
  await healthy(app)
})

afterAll(async () => {
  if (app) await stopApp(app)
  await smtp?.close()
  await db?.drop()
})

it(`a relay down for ${OUTAGE_MS / 1000} s during ${BURST} submissions: every receipt arrives once afterwards`, async () => {
  const residents = await residentsReady([app.base], BURST, 'outage', 10)
  let backAt = 0
  const outcomes = await sendAll(residents, 5, (done) => {
    if (done === BURST / 4) {
      smtp.setRefusing(true)
      setTimeout(() => {
        smtp.setRefusing(false)
        backAt = Date.now()
      }, OUTAGE_MS)
    }
  })
  expect(outcomes.every((outcome) => outcome === 'confirmed')).toBe(true)
  const counts = await complaintsPerEmail(
    db.sql,
    residents.map((r) => r.email),
  )
  expect([...counts.values()]).toEqual(residents.map(() => 1))

  // While the relay refuses, messages fail and wait to be tried again.
  await waitFor(
    async () => {
      const [failed] = await db.sql<Array<{ n: number }>>`
        select count(*)::int as n from outbox_messages where last_error is not null`
      return (failed?.n ?? 0) > 0
    },
    'a delivery refused by the relay',
    OUTAGE_MS,
  )
  expect(backAt).toBe(0)

  const receipts = (email: string) => smtp.received.filter((mail) => mail.to.includes(email))
  await waitFor(
    async () => backAt > 0 && residents.every((r) => receipts(r.email).length >= 1),
    'every receipt',
    90_000,
  )
  // A moment more, for a late duplicate to show itself.
  await new Promise((resolve) => setTimeout(resolve, 3_000))
  expect(residents.map((r) => receipts(r.email).length)).toEqual(residents.map(() => 1))
  const ids = new Set(residents.flatMap((r) => receipts(r.email).map((mail) => mail.messageId)))
  expect(ids.size).toBe(BURST)
  const [unsent] = await db.sql<Array<{ n: number }>>`
    select count(*)::int as n from outbox_messages where status <> 'sent'`
  expect(unsent?.n).toBe(0)
})
