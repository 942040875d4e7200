// Two app instances on one PostgreSQL, as a landlord scales out: a resident's session, the limiter
// and the job queue are shared, and SIGKILL of one instance in the middle of a burst of 1,000
// submissions loses nothing that was confirmed and duplicates nothing that is sent again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSmtpReceiver } from '../support/smtp'
import {
  complaintsPerEmail,
  freshDatabase,
  healthy,
  killAfter,
  residentsReady,
  sendAll,
  startApp,
  stopApp,
  waitFor,
  type App,
} from './support'

const BURST = Number(process.env.FAULT_BURST ?? 1000)

describe('two app instances on one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>
  let a: App
  let b: App
  const env = () => ({
    DATABASE_URL: db.url,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'complaints@putright.test',
    JOB_CONCURRENCY: '8',
    // A dead instance's messages are picked up in seconds, not the production minute and a half.
    OUTBOX_LEASE_SECONDS: '5',
    OUTBOX_SWEEP_SECONDS: '2',
  })

  beforeAll(async () => {
    db = await freshDatabase()
    smtp = await startSmtpReceiver()
    a = startApp(3411, env())
    b = startApp(3412, env())
    // Both start at once on an empty database: the migrations run once (an advisory lock).
    await Promise.all([healthy(a), healthy(b)])
  })

  afterAll(async () => {
    await Promise.all([a && stopApp(a), b && stopApp(b)])
    await smtp?.close()
    await db?.drop()
  })

  const receiptsTo = (email: string) => smtp.received.filter((mail) => mail.to.includes(email)).length

  it('share a resident’s session and the limiter, and send each receipt once', async () => {
    // Answered on one instance, sent from the other.
    const residents = await residentsReady([a.base, b.base], 40, 'shared')
    for (const [i, resident] of residents.entries()) resident.client.moveTo(i % 2 === 0 ? b.base : a.base)
    const outcomes = await sendAll(residents, 10)
    expect(outcomes.every((outcome) => outcome === 'confirmed')).toBe(true)
    const counts = await complaintsPerEmail(
      db.sql,
      residents.map((r) => r.email),
    )
    expect([...counts.values()]).toEqual(residents.map(() => 1))
    // Both instances run the job queue; each receipt goes out once.
    await waitFor(async () => residents.every((r) => receiptsTo(r.email) >= 1), 'every receipt sent')
    expect(residents.map((r) => receiptsTo(r.email))).toEqual(residents.map(() => 1))

    // Asking for tracking codes for one reference: five allowed in an hour across both instances.
    const reference = (await residents[0]?.client.confirmedReference()) ?? ''
    expect(reference).toMatch(/^PR-/)
    const ask = async (base: string) => {
      const response = await fetch(`${base}/track`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
        body: new URLSearchParams({ reference, address: 'someone-else@example.org' }),
      })
      return { status: response.status, html: await response.text() }
    }
    const answers = []
    for (const base of [a.base, b.base, a.base, b.base, a.base]) answers.push((await ask(base)).status)
    expect(answers).toEqual([302, 302, 302, 302, 302])
    const sixth = await ask(b.base)
    expect(sixth.status).toBe(429)
  })

  it(`SIGKILL of one instance during ${BURST} submissions: every confirmed complaint is kept once, and sending again makes no duplicate`, async () => {
    const residents = await residentsReady([a.base, b.base], BURST, 'burst')
    const outcomes = await sendAll(residents, 20, killAfter(a, BURST / 3))
    expect(await a.exited).toBeNull()
    const confirmed = outcomes.filter((outcome) => outcome === 'confirmed').length
    const lost = outcomes.filter((outcome) => outcome === 'connection lost').length
    expect(confirmed).toBeGreaterThan(BURST / 3)
    expect(lost).toBeGreaterThan(0)

    // Everything confirmed before the kill is there, exactly once.
    const confirmedEmails = residents.filter((_, i) => outcomes[i] === 'confirmed').map((r) => r.email)
    const before = await complaintsPerEmail(db.sql, confirmedEmails)
    expect(confirmedEmails.filter((email) => before.get(email) !== 1)).toEqual([])

    // The residents who saw an error press "Send" again, on the instance still running.
    const again = residents.filter((_, i) => outcomes[i] !== 'confirmed')
    for (const resident of again) resident.client.moveTo(b.base)
    expect((await sendAll(again, 10)).every((outcome) => outcome === 'confirmed')).toBe(true)
    const after = await complaintsPerEmail(
      db.sql,
      residents.map((r) => r.email),
    )
    expect(after.size).toBe(BURST)
    expect([...after.values()].filter((n) => n !== 1)).toEqual([])

    // The surviving instance sends every receipt, including those the killed one had taken.
    await waitFor(
      async () => residents.every((r) => receiptsTo(r.email) >= 1),
      'every receipt sent by the surviving instance',
      120_000,
    )
    // At most the messages the killed instance was handing to the relay at that moment (its
    // concurrency, 8) can go twice: SMTP has no way to tell "received" from "lost" on a dead socket.
    const twice = residents.filter((r) => receiptsTo(r.email) > 1).length
    expect(twice).toBeLessThanOrEqual(8)
  })
})
