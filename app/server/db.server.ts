// One database handle per process, opened by server.js before it listens (or by a test).
import { openDatabase, targetFromEnv, type Database, type DatabaseHandle } from '../../db/client'
import { migrateDatabase } from '../../db/migrate'

export type { Database }

// Kept on globalThis so a development rebuild (a fresh copy of this module) reuses the open database.
const holder = globalThis as typeof globalThis & { __putrightDatabase?: DatabaseHandle }

export function database(): Database {
  if (!holder.__putrightDatabase) throw new Error('The database has not been opened: call openAppDatabase() first')
  return holder.__putrightDatabase.db
}

export function databaseHandle(): DatabaseHandle | undefined {
  return holder.__putrightDatabase
}

/** Points the app at an already-open database (tests use this for PGlite and PostgreSQL in turn). */
export function useDatabase(handle: DatabaseHandle): void {
  holder.__putrightDatabase = handle
}

export async function openAppDatabase(): Promise<DatabaseHandle> {
  if (!holder.__putrightDatabase) {
    const handle = await openDatabase(targetFromEnv())
    await migrateDatabase(handle)
    holder.__putrightDatabase = handle
  }
  return holder.__putrightDatabase
}

export async function closeAppDatabase(): Promise<void> {
  const handle = holder.__putrightDatabase
  holder.__putrightDatabase = undefined
  await handle?.close()
}
