// Applies the committed drizzle-kit migrations; safe to run at every start and from several
// instances at once (PostgreSQL serialises them on an advisory lock).
import path from 'node:path'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import postgres from 'postgres'
import type { DatabaseHandle } from './client'

export const migrationsFolder = path.resolve(process.env.PUTRIGHT_MIGRATIONS_DIR ?? 'db/migrations')

const MIGRATION_LOCK = 7_316_001

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.pglite) {
    await migratePglite(drizzlePglite(handle.pglite), { migrationsFolder })
    return
  }
  if (!handle.postgresUrl) throw new Error('No database to migrate')
  // One connection, so the session-level advisory lock covers the whole migration.
  const single = postgres(handle.postgresUrl, { max: 1, onnotice: () => {} })
  try {
    await single`select pg_advisory_lock(${MIGRATION_LOCK})`
    await migratePostgres(drizzlePostgres(single), { migrationsFolder })
    await single`select pg_advisory_unlock(${MIGRATION_LOCK})`
  } finally {
    await single.end({ timeout: 5 })
  }
}
