// Start-up, health and shutdown, called by server.js through the server build's entry module.
import { count } from 'drizzle-orm'
import { demoLogins, demoTotpSecret, seedDemoData } from '../../db/seed'
import { staffUsers } from '../../db/schema'
import { closeAppDatabase, databaseHandle, openAppDatabase } from './db.server'
import { queueDashboardRefresh, startJobRunner, type JobRunner } from './jobs.server'
import { refreshDashboardsElsewhere } from './kpis.server'
import { log } from './log.server'

let runner: JobRunner | undefined

export async function prepareServer(): Promise<void> {
  const handle = await openAppDatabase()
  const embedded = handle.engine === 'pglite'
  const [row] = await handle.db.select({ staff: count() }).from(staffUsers)
  const empty = (row?.staff ?? 0) === 0
  // A real PostgreSQL is never filled with demo data unless PUTRIGHT_DEMO=1 asks for it.
  if ((embedded && empty) || process.env.PUTRIGHT_DEMO === '1') {
    const summary = await seedDemoData(handle.db)
    log.info('demo data ready', { ...summary, engine: handle.engine })
    if (empty) printDemoLogins()
  }
  // Web-only instances can leave delivery to others: PUTRIGHT_WORKER=0.
  // JOB_CONCURRENCY: jobs each instance runs at once (default 2; mail to a relay is mostly waiting).
  // OUTBOX_SWEEP_SECONDS: how often to look for messages a dead instance was sending (default 30).
  if (process.env.PUTRIGHT_WORKER !== '0')
    runner = await startJobRunner(handle, {
      concurrency: Number(process.env.JOB_CONCURRENCY) || undefined,
      sweepMs: (Number(process.env.OUTBOX_SWEEP_SECONDS) || 30) * 1000,
    })
  else if (!embedded) refreshDashboardsElsewhere(queueDashboardRefresh(handle.db))
}

function printDemoLogins() {
  const lines = demoLogins().map((login) => `  ${login.role.padEnd(20)} ${login.email}  ${login.password}`)
  process.stdout.write(
    `\nDemo staff logins (sign in at /staff):\n${lines.join('\n')}\n` +
      `Second factor: add the secret ${demoTotpSecret()} to an authenticator app, or run "npm run --silent demo:code".\n\n`,
  )
}

export async function checkHealth(): Promise<{ status: 'ok' | 'degraded'; database: 'ok' | 'unavailable' }> {
  const handle = databaseHandle()
  try {
    if (!handle) throw new Error('not open')
    await handle.ping(2000)
    return { status: 'ok', database: 'ok' }
  } catch {
    return { status: 'degraded', database: 'unavailable' }
  }
}

export async function closeServer(): Promise<void> {
  // Let a message being sent finish and be recorded before the database goes.
  await runner?.stop()
  runner = undefined
  await closeAppDatabase()
}
