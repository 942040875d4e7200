// npm run db:migrate — applies db/migrations to the database the app would use (DATABASE_URL or PGlite).
import { openDatabase, targetFromEnv } from '../db/client'
import { migrateDatabase } from '../db/migrate'

const target = targetFromEnv()
const handle = await openDatabase(target)
try {
  await migrateDatabase(handle)
  process.stdout.write(`Migrations applied (${handle.engine}).\n`)
} finally {
  await handle.close()
}
