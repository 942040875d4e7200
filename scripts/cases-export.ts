// npm run --silent cases:export -- <file.csv> — writes every complaint in the app's database
// (DATABASE_URL or the embedded PGlite) as CSV, in the columns cases:import reads.
import { writeFile } from 'node:fs/promises'
import { openDatabase, targetFromEnv } from '../db/client'
import { migrateDatabase } from '../db/migrate'
import { exportCaseFile } from '~/server/case-import.server'

const [file, ...rest] = process.argv.slice(2)
if (!file || rest.length > 0) {
  process.stderr.write('Usage: npm run --silent cases:export -- <file.csv>\n')
  process.exit(2)
}

const started = performance.now()
const handle = await openDatabase(targetFromEnv())
try {
  await migrateDatabase(handle)
  const { csv, cases } = await exportCaseFile(handle.db)
  await writeFile(file, csv, 'utf8')
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  process.stdout.write(`Exported ${cases} cases to ${file} in ${seconds} s (${handle.engine}).\n`)
} finally {
  await handle.close()
}
