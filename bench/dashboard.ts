// npm run --silent bench:dashboard — the performance dashboard and `report kpis` for a reporting
// year of 100,000 cases on PostgreSQL: time to compute (5 runs), and the plan of the main query.
import { existsSync } from 'node:fs'
import { PgDialect } from 'drizzle-orm/pg-core'
import postgres from 'postgres'
import { openDatabase } from '../db/client'
import { migrateDatabase } from '../db/migrate'
import { importCases } from '~/server/case-import.server'
import { complaintFactsQuery, keptKpiDashboard, kpiDashboard, kpiReport } from '~/server/kpis.server'
import { generatedFile } from '../tests/support/generated-cases'
import { aStaffMember } from '../tests/support/factories'
import { healthy, staffCookie, startApp, stopApp } from './support'

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const NAME = 'putright_bench_dashboard'
const CASES = Number(process.env.BENCH_CASES ?? 100_000)
const from = '2025-04-01'
const to = '2026-03-31'

// BENCH_KEEP=1 reuses the database of the last run instead of importing again.
const keep = process.env.BENCH_KEEP === '1'
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} })
const [existing] = await admin`select 1 as found from pg_database where datname = ${NAME}`
if (!keep || !existing) {
  await admin.unsafe(`drop database if exists ${NAME} with (force)`)
  await admin.unsafe(`create database ${NAME}`)
}
const fresh = !keep || !existing
await admin.end()
const url = new URL(ADMIN_URL)
url.pathname = `/${NAME}`
/** Five runs: the median, the best and the worst. */
async function time(label: string, run: () => Promise<unknown>) {
  const runs: number[] = []
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now()
    await run()
    runs.push(performance.now() - started)
  }
  runs.sort((a, b) => a - b)
  process.stdout.write(
    `${label}: median ${runs[2]?.toFixed(0)} ms, best ${runs[0]?.toFixed(0)} ms, worst ${runs[4]?.toFixed(0)} ms\n`,
  )
}

const handle = await openDatabase({ engine: 'postgres', url: url.toString(), maxConnections: 10 })
try {
  await migrateDatabase(handle)
  const started = performance.now()
  if (fresh) {
    const imported = await importCases(handle.db, generatedFile(CASES, { start: from, days: 365 }), { now: new Date() })
    const importSeconds = (performance.now() - started) / 1000
    await handle.db.execute('analyze')
    process.stdout.write(`Imported ${JSON.stringify(imported)} in ${importSeconds.toFixed(1)} s\n`)
  }

  await time(`dashboard ${from} to ${to} (year, 12 monthly trends, TSM year), worked out`, () =>
    kpiDashboard(handle.db, { from, to }),
  )
  // What the page does: the figures kept since they were last worked out, while nothing has changed
  // (and for up to 10 minutes after a change, marked, while new ones are worked out in the background).
  await keptKpiDashboard(handle.db, { from, to }, { force: true })
  await time(`dashboard ${from} to ${to}, kept figures (what the page shows)`, () =>
    keptKpiDashboard(handle.db, { from, to }),
  )
  await time(`report kpis ${from} to ${to}`, () => kpiReport(handle.db, { from, to }))
  await time('report kpis for one month (2025-10)', () =>
    kpiReport(handle.db, { from: '2025-10-01', to: '2025-10-31' }),
  )

  if (existsSync('build/index.js')) await overHttp(url.toString())
  else process.stdout.write('\n(no build/: run `npm run build` first to time the page over HTTP)\n')

  const query = new PgDialect().sqlToQuery(complaintFactsQuery(from, to))
  const client = postgres(url.toString(), { max: 1, onnotice: () => {} })
  const plan = await client.unsafe(
    `explain (analyze, buffers off, costs off, timing off) ${query.sql}`,
    query.params as never[],
  )
  process.stdout.write(`\nPlan of the complaint facts query:\n${plan.map((row) => row['QUERY PLAN']).join('\n')}\n`)
  await client.end()
} finally {
  await handle.close()
}

/** The page as a manager's browser gets it: the production server on this database, signed in. */
async function overHttp(databaseUrl: string) {
  const manager = await aStaffMember(handle.db, 'manager')
  const server = startApp(3295, { DATABASE_URL: databaseUrl, PUTRIGHT_WORKER: '0' })
  try {
    await healthy(server)
    const cookie = await staffCookie(server.base, manager)
    const page = `${server.base}/staff/dashboard?from=${from}&to=${to}`
    await time(`GET /staff/dashboard?from=${from}&to=${to} over HTTP, kept figures`, async () => {
      const response = await fetch(page, { headers: { Cookie: cookie } })
      const html = await response.text()
      if (response.status !== 200 || !html.includes('trend-caption'))
        throw new Error(`dashboard answered ${response.status}`)
    })
  } finally {
    await stopApp(server)
  }
}
