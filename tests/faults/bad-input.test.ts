// Bad input at volume against the production server: a bounded property-based run (fast-check) of
// garbled, oversized, nested and duplicated forms at every public form, huge uploads, and clients
// that send a byte at a time. Each is answered with a 4xx (or sent back: to sign in, to the check
// page, past an optional question), the server keeps serving everyone else, and nothing is written.
import { readFileSync } from 'node:fs'
import net from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../db/client'
import { complaintSteps } from '~/domain/journeys/complaint'
import { importCases } from '~/server/case-import.server'
import { JourneyClient } from '../support/journey-client'
import { freshDatabase, healthy, startApp, stopApp, type App } from './support'

const PORT = 3451
let db: Awaited<ReturnType<typeof freshDatabase>>
let app: App
/** A resident who has answered every question, so each journey page reads what it is sent. */
let resident: JourneyClient

beforeAll(async () => {
  db = await freshDatabase()
  app = startApp(PORT, { DATABASE_URL: db.url, REQUEST_TIMEOUT_SECONDS: '3' })
  await healthy(app)
  resident = new JourneyClient(app.base)
  await resident.answerEverything()
})

afterAll(async () => {
  if (app) await stopApp(app)
  await db?.drop()
})

/** Rows in every table a form or the import can write to. */
async function written(): Promise<Record<string, number>> {
  const [row] = await db.sql<Array<Record<string, number>>>`
    select (select count(*) from complaints)::int as complaints,
      (select count(*) from residents)::int as residents,
      (select count(*) from complaint_drafts)::int as drafts,
      (select count(*) from compliments)::int as compliments,
      (select count(*) from outbox_messages)::int as messages,
      (select count(*) from audit_events)::int as audit,
      (select count(*) from resident_access_codes)::int as codes`
  return row ?? {}
}

const publicForms = [
  ...complaintSteps.map((step) => `/complain/${step}`),
  '/complain/check',
  '/compliment',
  '/track',
  '/track/code',
  '/track/link/not-a-token',
  '/track/PR-2026-000001/add',
  '/track/PR-2026-000001/escalate',
  '/track/PR-2026-000001/withdraw',
  '/staff/sign-in',
  '/staff/sign-in/code',
]

const optionalSteps = ['/complain/evidence', '/complain/about-you']

/** Field names the forms use, so duplicates and nesting hit real parsing paths. */
const fieldNames = ['choice', 'whatHappened', 'service', 'email', 'reference', 'code', 'message', 'submissionKey']

const garbled = fc.oneof(
  // Not UTF-8, raw or percent-escaped.
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({
    type: 'application/x-www-form-urlencoded',
    body: Buffer.concat([Buffer.from('whatHappened='), Buffer.from([0xff, 0xfe]), Buffer.from(bytes)]),
  })),
  fc.constantFrom(...fieldNames).map((name) => ({
    type: 'application/x-www-form-urlencoded',
    body: Buffer.from(`${name}=%FF%FE%C3`),
  })),
  // Larger than any form.
  fc.integer({ min: 257, max: 2048 }).map((kb) => ({
    type: 'application/x-www-form-urlencoded',
    body: Buffer.from(`whatHappened=${'a'.repeat(kb * 1024)}`),
  })),
  // Another encoding altogether.
  fc
    .record({
      type: fc.constantFrom('application/json', 'text/plain', 'multipart/form-data', 'application/xml', ''),
      text: fc.string({ maxLength: 200 }),
    })
    .map(({ type, text }) => ({ type, body: Buffer.from(text) })),
  // Nested and repeated names with values no question accepts.
  fc
    .array(
      fc.record({
        name: fc
          .constantFrom(...fieldNames)
          .chain((name) => fc.constantFrom(name, `${name}[]`, `${name}[a][b]`, `${name}.x`, `__proto__[${name}]`)),
        value: fc.constantFrom('', ' ', '\u0000', 'x'.repeat(40_000), '{"a":1}', '[]', 'true', '<script>'),
      }),
      { minLength: 1, maxLength: 12 },
    )
    .map((fields) => ({
      kind: 'fields' as const,
      type: 'application/x-www-form-urlencoded',
      body: Buffer.from(fields.map((f) => `${encodeURIComponent(f.name)}=${encodeURIComponent(f.value)}`).join('&')),
    })),
)

async function send(path: string, input: { type: string; body: Buffer }) {
  const response = await fetch(`${app.base}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      Origin: app.base,
      Cookie: resident.cookieHeader(),
      ...(input.type ? { 'Content-Type': input.type } : {}),
    },
    body: new Uint8Array(input.body),
  })
  await response.arrayBuffer()
  return { status: response.status, location: response.headers.get('Location') ?? '' }
}

it('garbled, oversized, nested and repeated forms at every public form: a 4xx and nothing written', async () => {
  const before = await written()
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...publicForms), garbled, async (path, input) => {
      const { status, location } = await send(path, input)
      // A page that needs a signed-in resident sends the browser to sign in first, whatever it sent.
      const toSignIn = status === 302 && /^\/(track|staff\/sign-in)(\?|$)/.test(location)
      // Photos and "about you" are optional: a well-formed form with no answer they know is "Continue".
      const optional = 'kind' in input && optionalSteps.includes(path) && status === 302
      // Sent back to the same page (the check page without its key, a link that is not one): refused.
      const sameAgain = status === 302 && location === path
      const refused = status >= 400 && status < 500
      expect(toSignIn || optional || sameAgain || refused, `${path} answered ${status} ${location}`).toBe(true)
    }),
    { numRuns: 1000, seed: 20261206 },
  )
  expect(await written()).toEqual(before)
  expect((await fetch(`${app.base}/`)).status).toBe(200)
})

it('a form that is not UTF-8 gets a page saying it could not be read, in the resident’s language', async () => {
  for (const [language, title] of [
    ['en', 'We could not read what you sent'],
    ['cy', JSON.parse(readFileSync('locales/cy/common.json', 'utf8')).errorPage['415'].title as string],
  ]) {
    const response = await fetch(`${app.base}/track?lng=${language}`, {
      method: 'POST',
      headers: { Origin: app.base, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'reference=PR-2026-%FF%FE',
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain(title)
  }
})

it('an upload larger than five 10 MB files is refused before it is read, and the server carries on', async () => {
  const before = await written()
  const boundary = 'x-putright-fuzz'
  const part = (name: string, size: number) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      Buffer.alloc(size, 0xaa),
      Buffer.from('\r\n'),
    ])
  // Six files of 9 MB: each under the per-file limit, together over the whole-form one.
  const body = Buffer.concat([
    ...Array.from({ length: 6 }, (_, i) => part(`photo-${i}.jpg`, 9 * 1024 * 1024)),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n--${boundary}--\r\n`),
  ])
  const declared = await send('/complain/evidence', { type: `multipart/form-data; boundary=${boundary}`, body })
  expect(declared.status).toBe(413)
  // The same body streamed without a length: cut off as it passes the limit.
  const streamed = await fetch(`${app.base}/complain/evidence`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      Origin: app.base,
      Cookie: resident.cookieHeader(),
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
    },
    body: new ReadableStream({
      start(controller) {
        for (let offset = 0; offset < body.length; offset += 1024 * 1024)
          controller.enqueue(body.subarray(offset, offset + 1024 * 1024))
        controller.close()
      },
    }),
    duplex: 'half',
  } as RequestInit).then(
    async (response) => {
      await response.arrayBuffer().catch(() => undefined)
      return response.status
    },
    () => 'connection closed' as const,
  )
  expect([413, 'connection closed']).toContain(streamed)
  expect(await written()).toEqual(before)
  expect((await fetch(`${app.base}/complain/evidence`)).status).toBeLessThan(500)
})

it('clients sending a byte at a time are cut off, and everyone else is served meanwhile', async () => {
  const sockets = Array.from({ length: 50 }, () => {
    const socket = net.connect(PORT, '127.0.0.1')
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString()))
    socket.on('error', () => {})
    const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(answer)))
    socket.write(
      `POST /track HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nOrigin: http://127.0.0.1:${PORT}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nreference=`,
    )
    const drip = setInterval(() => socket.write('a'), 500)
    return { closed, stop: () => clearInterval(drip), socket }
  })
  try {
    // Other residents are served while fifty slow clients hold connections.
    for (let i = 0; i < 10; i += 1) {
      const started = Date.now()
      expect((await fetch(`${app.base}/`)).status).toBe(200)
      expect(Date.now() - started).toBeLessThan(2_000)
    }
    // The server ends each slow request itself (REQUEST_TIMEOUT_SECONDS=3 here) with a 408.
    const answers = await Promise.race([
      Promise.all(sockets.map((s) => s.closed)),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000)),
    ])
    expect(answers).not.toBeNull()
    const firstLines = new Set(answers?.map((answer) => answer.split('\r\n')[0]))
    expect([...firstLines].filter((line) => line !== '' && line !== 'HTTP/1.1 408 Request Timeout')).toEqual([])
  } finally {
    for (const s of sockets) {
      s.stop()
      s.socket.destroy()
    }
  }
})

it('the case import refuses garbage whole, and writes nothing', async () => {
  let handle: DatabaseHandle | undefined
  try {
    handle = await openDatabase({ engine: 'postgres', url: db.url, maxConnections: 2 })
    const header =
      'reference,resident_key,received_on,channel,category,status,stage1_acknowledged_on,stage1_response_due'
    const before = await written()
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 2000 }),
          fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
          fc
            .array(fc.array(fc.string({ maxLength: 30 }), { maxLength: 12 }), { maxLength: 30 })
            .map(
              (rows) => `${header}\n${rows.map((cells) => cells.map((c) => JSON.stringify(c)).join(',')).join('\n')}`,
            ),
          fc.constant(`${header}\n${'"'.repeat(100_000)}`),
        ),
        async (csv) => {
          const result = await importCases(handle!.db, csv, { now: new Date() })
          expect(result.ok === false || result.imported === 0).toBe(true)
        },
      ),
      { numRuns: 300, seed: 20261206 },
    )
    expect(await written()).toEqual(before)
  } finally {
    await handle?.close()
  }
})
