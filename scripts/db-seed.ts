// npm run db:seed — idempotent demo data (staff per role, ~50 complaints) in the app's database.
import { openDatabase, targetFromEnv } from '../db/client'
import { migrateDatabase } from '../db/migrate'
import { demoLogins, seedDemoData } from '../db/seed'

const handle = await openDatabase(targetFromEnv())
try {
  await migrateDatabase(handle)
  const summary = await seedDemoData(handle.db)
  process.stdout.write(
    `Demo data ready (${handle.engine}): ${summary.staff} staff and ${summary.complaints} complaints added.\n`,
  )
  for (const login of demoLogins())
    process.stdout.write(`  ${login.role.padEnd(20)} ${login.email}  ${login.password}\n`)
} finally {
  await handle.close()
}
