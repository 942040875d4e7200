// Each integration test file runs its suite on both engines: PGlite (our default) and PostgreSQL.
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, inject } from 'vitest'
import { openDatabase, type DatabaseHandle, type Engine } from '../../db/client'
import { useDatabase } from '~/server/db.server'
import { adminUrl, testDatabaseUrl } from './postgres-urls'

export async function openTestDatabase(engine: Engine): Promise<DatabaseHandle> {
  if (engine === 'pglite') {
    const dump = await readFile(inject('pgliteDump'))
    return openDatabase({ engine: 'pglite', loadDataDir: new Blob([dump], { type: 'application/x-gzip' }) })
  }
  const template = inject('postgresTemplate')
  if (!template) throw new Error('PostgreSQL template missing')
  const name = `putright_t_${randomUUID().replaceAll('-', '')}`
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name} template ${template}`)
  await admin.end()
  const handle = await openDatabase({ engine: 'postgres', url: testDatabaseUrl(name), maxConnections: 5 })
  return {
    ...handle,
    close: async () => {
      await handle.close()
      const cleanup = postgres(adminUrl(), { max: 1, onnotice: () => {} })
      await cleanup.unsafe(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  }
}

export function availableEngines(): Engine[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite']
}

/**
 * describe() once per engine; the callback gets a getter for that engine's open database, which
 * the app's own `database()` also returns while the block runs.
 */
export function describeEachEngine(name: string, body: (db: () => DatabaseHandle) => void) {
  describe.each(availableEngines())(`${name} (%s)`, (engine) => {
    let handle: DatabaseHandle | undefined
    beforeAll(async () => {
      handle = await openTestDatabase(engine)
      useDatabase(handle)
    })
    afterAll(async () => {
      await handle?.close()
    })
    body(() => {
      if (!handle) throw new Error('database not open yet')
      return handle
    })
  })
}
