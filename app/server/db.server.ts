// One database handle per process, opened by server.js before it listens (or by a test).
import { openDatabase, targetFromEnv, type Database, type DatabaseHandle } from '../../db/client'
import { migrateDatabase } from '../../db/migrate'

export type { Database }

let current: DatabaseHandle | undefined

export function database(): Database {
  if (!current) throw new Error('The database has not been opened: call prepareDatabase() first')
  return current.db
}

export function databaseHandle(): DatabaseHandle | undefined {
  return current
}

/** Points the app at an already-open database (tests use this for PGlite and PostgreSQL in turn). */
export function useDatabase(handle: DatabaseHandle): void {
  current = handle
}

export async function openAppDatabase(): Promise<DatabaseHandle> {
  if (!current) {
    current = await openDatabase(targetFromEnv())
    await migrateDatabase(current)
  }
  return current
}

export async function closeAppDatabase(): Promise<void> {
  const handle = current
  current = undefined
  await handle?.close()
}
