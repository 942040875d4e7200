// npm run --silent cases:import -- <file.csv> — imports a landlord's cases into the app's database
// (DATABASE_URL or the embedded PGlite): all or nothing, every problem listed by line.
import { readFile } from 'node:fs/promises'
import { openDatabase, targetFromEnv } from '../db/client'
import { migrateDatabase } from '../db/migrate'
import { getFixedT } from '~/i18n/i18n.server'
import { importCases } from '~/server/case-import.server'

const [file, ...rest] = process.argv.slice(2)
if (!file || rest.length > 0) {
  process.stderr.write('Usage: npm run --silent cases:import -- <file.csv>\n')
  process.exit(2)
}

let text: string
try {
  // fatal: a file that is not UTF-8 is refused rather than read with replacement characters.
  text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file))
} catch (error) {
  const reason = error instanceof TypeError ? 'it is not UTF-8 text' : String(error)
  process.stderr.write(`${file} was not imported: ${reason}.\n`)
  process.exit(1)
}

const started = performance.now()
const handle = await openDatabase(targetFromEnv())
let failed = false
try {
  await migrateDatabase(handle)
  const result = await importCases(handle.db, text, { now: new Date() })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (result.ok) {
    process.stdout.write(
      `Imported ${result.imported} cases from ${file} (${result.skipped} already present and unchanged, skipped) in ${seconds} s (${handle.engine}).\n`,
    )
  } else {
    failed = true
    const count = result.problems.length
    process.stderr.write(`${file} was not imported: ${count} problem${count === 1 ? '' : 's'}, nothing was written.\n`)
    const t = await getFixedT('en', 'imports')
    for (const problem of result.problems) {
      const text = t(problem.key, problem.values)
      process.stderr.write(`  line ${problem.line}${problem.column ? `, ${problem.column}` : ''}: ${text}\n`)
    }
  }
} finally {
  await handle.close()
}
if (failed) process.exit(1)
