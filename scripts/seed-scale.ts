// npm run seed:scale -- --cases 1000000 [--years 6] [--chunk 50000] — years of generated cases in
// the PostgreSQL named by DATABASE_URL, through the case import (every line checked, one
// transaction per chunk). Prints how long it took and how big the database is.
import { sql } from 'drizzle-orm'
import { openDatabase, targetFromEnv, executeRows } from '../db/client'
import { migrateDatabase } from '../db/migrate'
import { scaleCaseChunk } from '../db/scale-cases'
import { importCases } from '~/server/case-import.server'
import { londonDate } from '~/domain/working-days'

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`)
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`)
  return value
}

const total = option('cases', 1_000_000)
const years = option('years', 6)
const chunk = option('chunk', 50_000)
const target = targetFromEnv()
if (target.engine !== 'postgres') {
  process.stderr.write('seed:scale fills a PostgreSQL database: set DATABASE_URL.\n')
  process.exit(2)
}
const handle = await openDatabase(target)
try {
  await migrateDatabase(handle)
  const now = new Date()
  const today = londonDate(now)
  const started = performance.now()
  for (let from = 0; from < total; from += chunk) {
    const result = await importCases(handle.db, scaleCaseChunk(from, chunk, { total, years, today }), { now })
    if (!result.ok) {
      process.stderr.write(`Lines ${from + 2}…: ${JSON.stringify(result.problems.slice(0, 5))}\n`)
      process.exit(1)
    }
    const done = Math.min(from + chunk, total)
    process.stderr.write(
      `${done.toLocaleString('en-GB')} cases, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    )
  }
  const seconds = (performance.now() - started) / 1000
  // As autovacuum would leave a live database: statistics, and a visibility map for index-only scans.
  await handle.db.execute(sql`vacuum analyze`)
  const [size] = await executeRows<{ bytes: string }>(
    handle.db,
    sql`select pg_database_size(current_database())::text as "bytes"`,
  )
  const byStatus = await executeRows<{ status: string; cases: number }>(
    handle.db,
    sql`select status, count(*)::int as "cases" from complaints group by status order by 2 desc`,
  )
  process.stdout.write(
    `${JSON.stringify({ cases: total, years, seconds: Math.round(seconds), databaseBytes: Number(size?.bytes ?? 0), byStatus }, null, 2)}\n`,
  )
} finally {
  await handle.close()
}
