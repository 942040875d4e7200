import { randomUUID } from 'node:crypto'
import nodemailer from 'nodemailer'
import { count, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openDatabase } from '../../db/client'
import { outboxMessages } from '../../db/schema'
import { startJobRunner } from '~/server/jobs.server'
import { deliverMessage, dueMessages, enqueueMessage, smtpTransport } from '~/server/outbox.server'
import { availableEngines, describeEachEngine, openTestDatabase } from '../support/databases'
import { aComplaint, someAnswers } from '../support/factories'
import { startSmtpReceiver } from '../support/smtp'

let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>
beforeAll(async () => {
  smtp = await startSmtpReceiver()
})
afterAll(async () => {
  await smtp.close()
})

const transport = () => smtpTransport(nodemailer.createTransport(smtp.url), 'test-smtp')

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('timed out')
}

describeEachEngine('the outbox', (handle) => {
  it('queues the receipt in the same transaction as the complaint, in the resident’s language', async () => {
    const { db } = handle()
    const email = `resident-${randomUUID()}@example.org`
    const { reference } = await aComplaint(db, { answers: someAnswers({ email, language: 'cy' }) })
    const messages = await db.select().from(outboxMessages).where(eq(outboxMessages.recipient, email))
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ channel: 'email', purpose: 'receipt', status: 'queued', language: 'cy' })
    expect(messages[0]?.subject).toContain(reference)
    expect(messages[0]?.bodyHtml).toContain('<html lang="cy" dir="ltr">')
  })

  it('queues nothing when the change rolls back', async () => {
    const { db } = handle()
    const email = `rollback-${randomUUID()}@example.org`
    await expect(aComplaint(db, { answers: someAnswers({ email }), channel: 'pigeon' as 'web' })).rejects.toThrow()
    const [queued] = await db.select({ n: count() }).from(outboxMessages).where(eq(outboxMessages.recipient, email))
    expect(queued?.n).toBe(0)
  })

  it('delivers by SMTP with a plain-text and an HTML part and a stable Message-ID, and never twice', async () => {
    const { db } = handle()
    const email = `smtp-${randomUUID()}@example.org`
    const id = await db.transaction((tx) =>
      enqueueMessage(tx, {
        channel: 'email',
        purpose: 'test',
        recipient: email,
        subject: 'Hello',
        bodyText: 'Text part',
        bodyHtml: '<p>HTML part</p>',
        language: 'ar',
      }),
    )
    expect(await deliverMessage(db, id, transport())).toBe('sent')
    expect(await deliverMessage(db, id, transport())).toBe('not-due')
    const mail = smtp.received.filter((m) => m.to.includes(email))
    expect(mail).toHaveLength(1)
    expect(mail[0]?.messageId).toBe(`<${id}@putright.example>`)
    expect(mail[0]?.contentLanguage).toBe('ar')
    expect(mail[0]?.raw).toContain('text/plain')
    expect(mail[0]?.raw).toContain('text/html')
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id))
    expect(row).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('keeps a message while SMTP is down, backs off, and sends it once when SMTP is back', async () => {
    const { db } = handle()
    const email = `down-${randomUUID()}@example.org`
    const id = await db.transaction((tx) =>
      enqueueMessage(tx, {
        channel: 'email',
        purpose: 'test',
        recipient: email,
        subject: 'Later',
        bodyText: 'x',
        language: 'en',
      }),
    )
    smtp.setRefusing(true)
    try {
      await expect(deliverMessage(db, id, transport())).rejects.toThrow()
    } finally {
      smtp.setRefusing(false)
    }
    const [waiting] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id))
    expect(waiting?.status).toBe('retrying')
    expect(waiting?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now())
    expect(await dueMessages(db, new Date())).not.toContain(id)
    const later = new Date(Date.now() + 60_000)
    expect(await dueMessages(db, later)).toContain(id)
    expect(await deliverMessage(db, id, transport(), later)).toBe('sent')
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1)
  })

  it('sends again, once, a message whose sender died mid-delivery', async () => {
    const { db } = handle()
    const email = `died-${randomUUID()}@example.org`
    const id = await db.transaction((tx) =>
      enqueueMessage(tx, {
        channel: 'email',
        purpose: 'test',
        recipient: email,
        subject: 'Crash',
        bodyText: 'x',
        language: 'en',
      }),
    )
    // What a sender leaves behind when it is killed after claiming the message.
    await db
      .update(outboxMessages)
      .set({ status: 'sending', attempts: 1, nextAttemptAt: new Date(Date.now() + 60_000) })
      .where(eq(outboxMessages.id, id))
    expect(await deliverMessage(db, id, transport())).toBe('not-due')
    const afterLease = new Date(Date.now() + 61_000)
    expect(await deliverMessage(db, id, transport(), afterLease)).toBe('sent')
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1)
  })
})

it.runIf(availableEngines().includes('postgres'))(
  'two app instances with two graphile-worker runners deliver every message exactly once',
  async () => {
    const first = await openTestDatabase('postgres')
    const second = await openDatabase({ engine: 'postgres', url: first.postgresUrl ?? '', maxConnections: 5 })
    const runners = await Promise.all([
      startJobRunner(first, { transport: transport(), pollMs: 100, concurrency: 4 }),
      startJobRunner(second, { transport: transport(), pollMs: 100, concurrency: 4 }),
    ])
    try {
      const tag = randomUUID()
      const ids: string[] = []
      for (let i = 0; i < 60; i += 1) {
        // Half written through each instance, as two app processes would.
        const db = i % 2 === 0 ? first.db : second.db
        ids.push(
          await db.transaction((tx) =>
            enqueueMessage(tx, {
              channel: 'email',
              purpose: 'test',
              recipient: `${tag}-${i}@example.org`,
              subject: `n${i}`,
              bodyText: 'x',
              language: 'en',
            }),
          ),
        )
      }
      await waitFor(async () => {
        const [sent] = await first.db.select({ n: count() }).from(outboxMessages).where(inArray(outboxMessages.id, ids))
        const rows = await first.db
          .select({ status: outboxMessages.status })
          .from(outboxMessages)
          .where(inArray(outboxMessages.id, ids))
        return (sent?.n ?? 0) === 60 && rows.every((r) => r.status === 'sent')
      })
      const mine = smtp.received.filter((m) => m.to.some((to) => to.startsWith(tag)))
      expect(mine).toHaveLength(60)
      expect(new Set(mine.map((m) => m.messageId)).size).toBe(60)
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()))
      await second.close()
      await first.close()
    }
  },
  60_000,
)

it('the embedded runner delivers on PGlite', async () => {
  const handle = await openTestDatabase('pglite')
  const runner = await startJobRunner(handle, { transport: transport(), pollMs: 50 })
  try {
    const email = `embedded-${randomUUID()}@example.org`
    const id = await handle.db.transaction((tx) =>
      enqueueMessage(tx, {
        channel: 'email',
        purpose: 'test',
        recipient: email,
        subject: 'Embedded',
        bodyText: 'x',
        language: 'en',
      }),
    )
    await waitFor(
      async () =>
        (await handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]?.status === 'sent',
    )
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1)
  } finally {
    await runner.stop()
    await handle.close()
  }
})

it('sends SMS through GOV.UK Notify’s API, signed with the service’s key, and skips SMS when Notify is off', async () => {
  const serviceId = '11111111-2222-3333-4444-555555555555'
  const secret = '66666666-7777-8888-9999-000000000000'
  const requests: Array<{ auth: string; body: { phone_number: string; personalisation: { body: string } } }> = []
  const { createServer } = await import('node:http')
  const { createHmac } = await import('node:crypto')
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      requests.push({ auth: req.headers.authorization ?? '', body: JSON.parse(body) as never })
      res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: 'notify-1' }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.address() as { port: number }).port
  const handle = await openTestDatabase('pglite')
  try {
    const { transportFromEnv } = await import('~/server/outbox.server')
    const notify = transportFromEnv({
      NOTIFY_API_KEY: `putright-${serviceId}-${secret}`,
      NOTIFY_SMS_TEMPLATE_ID: 'template',
      NOTIFY_BASE_URL: `http://127.0.0.1:${port}`,
      PUTRIGHT_DATA_DIR: '/tmp',
    })
    const id = await handle.db.transaction((tx) =>
      enqueueMessage(tx, {
        channel: 'sms',
        purpose: 'code',
        recipient: '07700900982',
        subject: 'code',
        bodyText: 'Your code is 123456',
        language: 'en',
      }),
    )
    expect(await deliverMessage(handle.db, id, notify)).toBe('sent')
    expect(requests[0]?.body).toMatchObject({
      phone_number: '07700900982',
      personalisation: { body: 'Your code is 123456' },
    })
    const [header, payload, signature] = (requests[0]?.auth.replace('Bearer ', '') ?? '').split('.')
    expect(signature).toBe(createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url'))
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toMatchObject({ iss: serviceId })

    const off = transportFromEnv({ PUTRIGHT_DATA_DIR: '/tmp' })
    const skipped = await handle.db.transaction((tx) =>
      enqueueMessage(tx, {
        channel: 'sms',
        purpose: 'code',
        recipient: '07700900982',
        subject: 'code',
        bodyText: 'x',
        language: 'en',
      }),
    )
    expect(await deliverMessage(handle.db, skipped, off)).toBe('skipped')
  } finally {
    server.close()
    await handle.close()
  }
})
