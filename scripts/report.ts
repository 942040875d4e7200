// npm run --silent report -- kpis --from YYYY-MM-DD --to YYYY-MM-DD [--homes N] [--format json|csv]
// Month-end and regulator figures from the app's database (DATABASE_URL or the embedded PGlite),
// computed by the same module as the dashboard (app/domain/kpis.ts), so the two cannot disagree.
import { parseArgs } from 'node:util'
import { openDatabase, targetFromEnv } from '../db/client'
import { migrateDatabase } from '../db/migrate'
import { kpiCsv } from '~/domain/kpi-report'
import { isIsoDate } from '~/domain/working-days'
import { kpiReport } from '~/server/kpis.server'

const usage =
  'Usage: npm run --silent report -- kpis --from YYYY-MM-DD --to YYYY-MM-DD [--homes N] [--format json|csv]\n'

function fail(message: string): never {
  process.stderr.write(`${message}\n${usage}`)
  process.exit(2)
}

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    homes: { type: 'string' },
    format: { type: 'string', default: 'json' },
  },
})
if (positionals.length !== 1 || positionals[0] !== 'kpis') fail('Only the "kpis" report exists.')
const { from, to, format } = values
if (!isIsoDate(from) || !isIsoDate(to)) fail('--from and --to must be dates written YYYY-MM-DD.')
if (from > to) fail('--from must not be after --to.')
if (format !== 'json' && format !== 'csv') fail('--format must be json or csv.')
let homes: number | null = null
if (values.homes !== undefined) {
  homes = Number(values.homes)
  if (!Number.isInteger(homes) || homes <= 0) fail('--homes must be a whole number above 0.')
}

const handle = await openDatabase(targetFromEnv())
try {
  await migrateDatabase(handle)
  const figures = await kpiReport(handle.db, { from, to, homes })
  process.stdout.write(format === 'json' ? `${JSON.stringify(figures, null, 2)}\n` : kpiCsv(figures))
} finally {
  await handle.close()
}
