// The fault tests drive the real production build (server.js) as separate processes, kill them,
// stop their database, refuse their mail, and then count what is in the database and the inbox.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import postgres from 'postgres'
import { JourneyClient } from '../support/journey-client'
import { adminUrl, testDatabaseUrl } from '../support/postgres-urls'

export interface App {
  base: string
  process: ChildProcess
  exited: Promise<number | null>
  /** What the app wrote to stderr, for a failing test's message. */
  errors: () => string
}

export function startApp(port: number, env: Record<string, string>): App {
  const child = spawn('node', ['server.js'], {
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  // Kept for a failing test's message; the app logs warnings while its database is down, on purpose.
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-20_000)
  })
  return {
    base: `http://127.0.0.1:${port}`,
    process: child,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    errors: () => errors,
  }
}

export async function healthOf(base: string): Promise<number | 'down'> {
  return fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) }).then(
    (r) => r.status,
    () => 'down' as const,
  )
}

export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`)
}

export const healthy = (app: App) => waitFor(async () => (await healthOf(app.base)) === 200, `${app.base} healthy`)

export async function stopApp(app: App, signal: NodeJS.Signals = 'SIGTERM') {
  if (app.process.exitCode !== null || app.process.signalCode !== null) return app.exited
  app.process.kill(signal)
  return app.exited
}

/** A database of its own on the test PostgreSQL; the app migrates it when it starts. */
export async function freshDatabase(): Promise<{ url: string; sql: postgres.Sql; drop: () => Promise<void> }> {
  const name = `putright_fault_${randomUUID().replaceAll('-', '')}`
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  await admin.end()
  const url = testDatabaseUrl(name)
  const sql = postgres(url, { max: 2, onnotice: () => {} })
  return {
    url,
    sql,
    drop: async () => {
      await sql.end()
      const cleanup = postgres(adminUrl(), { max: 1, onnotice: () => {} })
      await cleanup.unsafe(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  }
}

/** One resident's browser: every question answered, ready to send. */
export interface Resident {
  client: JourneyClient
  email: string
  key: string
}

/** `count` residents answer every question, `parallel` at a time, spread over the apps given. */
export async function residentsReady(bases: string[], count: number, tag: string, parallel = 20): Promise<Resident[]> {
  const residents: Resident[] = []
  let next = 0
  const worker = async () => {
    while (next < count) {
      const i = next++
      const client = new JourneyClient(bases[i % bases.length] ?? '')
      const email = `${tag}-${i}@example.org`
      const key = await client.answerEverything({
        contact: { name: `Resident ${i}`, email, phone: '', address: '', postcode: 'E1 6AB' },
      })
      residents[i] = { client, email, key }
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker))
  return residents
}

export type Outcome = 'confirmed' | 'refused' | 'connection lost'

/** An `onEach` for sendAll: SIGKILLs `app` once `after` submissions have been answered. */
export function killAfter(app: App, after: number): (done: number) => void {
  let killed = false
  return (done) => {
    if (!killed && done >= after) {
      killed = true
      app.process.kill('SIGKILL')
    }
  }
}

/** Every resident presses "Send", `parallel` at a time; `onEach` sees each outcome as it comes. */
export async function sendAll(
  residents: Resident[],
  parallel: number,
  onEach: (done: number) => void = () => {},
): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  let next = 0
  let done = 0
  const worker = async () => {
    while (next < residents.length) {
      const i = next++
      const resident = residents[i]
      if (!resident) continue
      outcomes[i] = await resident.client.submit(resident.key).then(
        async (response) => {
          await response.arrayBuffer().catch(() => undefined)
          return response.status === 302 ? 'confirmed' : 'refused'
        },
        () => 'connection lost' as const,
      )
      done += 1
      onEach(done)
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker))
  return outcomes
}

/** How many complaints each of these residents' email addresses has in the database. */
export async function complaintsPerEmail(sql: postgres.Sql, emails: string[]): Promise<Map<string, number>> {
  const rows = await sql<Array<{ email: string; complaints: number }>>`
    select lower(r.email) as email, count(c.id)::int as complaints
    from residents r join complaints c on c.resident_id = r.id
    where lower(r.email) = any(${emails.map((e) => e.toLowerCase())})
    group by lower(r.email)`
  return new Map(rows.map((row) => [row.email, row.complaints]))
}
