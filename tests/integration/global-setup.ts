// Migrate once per run: PGlite is dumped to a file each test file loads (initdb costs ~3 s), and a
// PostgreSQL template database is cloned per test file (CREATE DATABASE … TEMPLATE is ~100 ms).
import { writeFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type PGlite } from '@electric-sql/pglite'
import postgres from 'postgres'
import { Logger, runMigrations } from 'graphile-worker'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../db/client'
import { migrateDatabase } from '../../db/migrate'
import { adminUrl, templateName, testDatabaseUrl } from '../support/postgres-urls'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string
    postgresTemplate: string | null
  }
}

const silent = new Logger(() => () => {})

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), 'putright-test-'))
  const pglite = await openDatabase({ engine: 'pglite' })
  await migrateDatabase(pglite)
  const dump = await (pglite.pglite as PGlite).dumpDataDir('gzip')
  const dumpPath = path.join(dir, 'pglite.tar.gz')
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()))
  await pglite.close()
  project.provide('pgliteDump', dumpPath)

  let template: string | null = null
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {}, connect_timeout: 5 })
  try {
    await admin.unsafe(`drop database if exists ${templateName} with (force)`)
    await admin.unsafe(`create database ${templateName}`)
    const handle = await openDatabase({ engine: 'postgres', url: testDatabaseUrl(templateName), maxConnections: 1 })
    await migrateDatabase(handle)
    await handle.close()
    // graphile-worker's own schema, so the outbox trigger queues a job per message, as in production.
    await runMigrations({ connectionString: testDatabaseUrl(templateName), logger: silent })
    template = templateName
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL is required in CI: ${String(error)}`)
    process.stderr.write(`\n⚠ PostgreSQL unavailable (${String(error)}): integration tests run on PGlite only.\n\n`)
  }
  project.provide('postgresTemplate', template)

  return async () => {
    if (template) await admin.unsafe(`drop database if exists ${template} with (force)`).catch(() => {})
    await admin.end({ timeout: 5 })
    await rm(dir, { recursive: true, force: true })
  }
}
