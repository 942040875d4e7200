// npm run --silent bench:smtp-outage — 1,000 complaint submissions on PostgreSQL with the mail
// relay refusing connections for a minute in the middle; every acknowledgement email must arrive
// exactly once after it is back. Prints the figures (issue 5's "done when").
import { randomUUID } from 'node:crypto'
import { inArray } from 'drizzle-orm'
import nodemailer from 'nodemailer'
import postgres from 'postgres'
import { openDatabase } from '../db/client'
import { migrateDatabase } from '../db/migrate'
import { outboxMessages } from '../db/schema'
import { useDatabase } from '~/server/db.server'
import { startJobRunner } from '~/server/jobs.server'
import { smtpTransport } from '~/server/outbox.server'
import { aComplaint, someAnswers } from '../tests/support/factories'
import { startSmtpReceiver } from '../tests/support/smtp'

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const NAME = 'putright_bench_outage'
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 1000)
const OUTAGE_MS = Number(process.env.BENCH_OUTAGE_MS ?? 60_000)

const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} })
await admin.unsafe(`drop database if exists ${NAME} with (force)`)
await admin.unsafe(`create database ${NAME}`)
await admin.end()
const url = new URL(ADMIN_URL)
url.pathname = `/${NAME}`
const handle = await openDatabase({ engine: 'postgres', url: url.toString(), maxConnections: 10 })
await migrateDatabase(handle)
useDatabase(handle)
const smtp = await startSmtpReceiver()
const runner = await startJobRunner(handle, {
  transport: smtpTransport(nodemailer.createTransport(smtp.url), 'bench-smtp'),
  pollMs: 200,
  sweepMs: 5_000,
  concurrency: 4,
})
const tag = randomUUID().slice(0, 8)
const started = performance.now()
const seconds = () => ((performance.now() - started) / 1000).toFixed(1)
let downAt = ''
let upAt = ''
try {
  const ids: string[] = []
  for (let i = 0; i < SUBMISSIONS; i += 1) {
    if (i === Math.floor(SUBMISSIONS / 4)) {
      smtp.setRefusing(true)
      downAt = seconds()
      setTimeout(() => {
        smtp.setRefusing(false)
        upAt = seconds()
      }, OUTAGE_MS)
    }
    const submitted = await aComplaint(handle.db, {
      answers: someAnswers({ email: `${tag}-${i}@example.org`, adjustments: [], interpreterLanguage: '' }),
    })
    ids.push(submitted.reference)
  }
  const submittedAt = seconds()
  const mine = () => smtp.received.filter((m) => m.to.some((to) => to.startsWith(`${tag}-`)))
  for (;;) {
    const rows = await handle.db.select({ status: outboxMessages.status }).from(outboxMessages)
    if (upAt && rows.length > 0 && rows.every((row) => row.status === 'sent' || row.status === 'skipped')) break
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  const received = mine()
  const perRecipient = new Map<string, number>()
  for (const mail of received) for (const to of mail.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1)
  const rows = await handle.db
    .select({ attempts: outboxMessages.attempts })
    .from(outboxMessages)
    .where(inArray(outboxMessages.status, ['sent']))
  const figures = {
    submissions: ids.length,
    messagesQueued: rows.length,
    smtpDownAtSeconds: Number(downAt),
    smtpBackAtSeconds: Number(upAt),
    submissionsDoneAtSeconds: Number(submittedAt),
    allDeliveredAtSeconds: Number(seconds()),
    receiptsReceived: received.length,
    residentsWithExactlyOneReceipt: [...perRecipient.values()].filter((n) => n === 1).length,
    residentsWithMoreThanOne: [...perRecipient.values()].filter((n) => n > 1).length,
    residentsWithNone: SUBMISSIONS - perRecipient.size,
    distinctMessageIds: new Set(received.map((m) => m.messageId)).size,
    maxAttempts: Math.max(...rows.map((row) => row.attempts)),
  }
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`)
} finally {
  await runner.stop()
  await smtp.close()
  await handle.close()
}
