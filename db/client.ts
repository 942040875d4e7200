// Opens the database the same way for the app, the scripts and the tests: PGlite (embedded, the
// default) or PostgreSQL when a URL is given. Both answer to one drizzle type.
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql, type SQL } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema'

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>

/** Rows of a raw query: postgres.js answers with an array, PGlite with `{ rows }`. */
export async function executeRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query)
  if (Array.isArray(result)) return result as T[]
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)) {
    return result.rows as T[]
  }
  throw new Error('Unexpected result shape from execute()')
}
export type Engine = 'pglite' | 'postgres'

export interface DatabaseHandle {
  db: Database
  engine: Engine
  /** One real round trip; rejects when the database cannot answer within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<void>
  close(): Promise<void>
  /** The PGlite instance, for dumps in tests; undefined on PostgreSQL. */
  pglite?: PGlite
  /** The postgres.js client, for COPY and listen; undefined on PGlite. */
  postgres?: postgres.Sql
  postgresUrl?: string
}

export type DatabaseTarget =
  | {
      engine: 'postgres'
      url: string
      maxConnections?: number
      /** A file every query is appended to, with its parameters: for the bench's EXPLAIN, never in production. */
      queryLog?: string
    }
  | { engine: 'pglite'; dataDir?: string; loadDataDir?: Blob | File }

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) {
    return {
      engine: 'postgres',
      url: env.DATABASE_URL,
      maxConnections: Number(env.DATABASE_POOL_SIZE ?? 10),
      queryLog: env.PUTRIGHT_QUERY_LOG || undefined,
    }
  }
  return { engine: 'pglite', dataDir: `${env.PUTRIGHT_DATA_DIR ?? '.data'}/pglite` }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Database did not answer within ${ms} ms`)), ms)
    timer.unref()
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}

function queryLogger(file: string) {
  return (_connection: number, query: string, parameters: unknown[]) => {
    appendFileSync(file, `${JSON.stringify({ query, parameters })}\n`)
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.engine === 'postgres') {
    const client = postgres(target.url, {
      max: target.maxConnections ?? 10,
      idle_timeout: 30,
      connect_timeout: 5,
      onnotice: () => {},
      ...(target.queryLog ? { debug: queryLogger(target.queryLog) } : {}),
    })
    // drizzle's two drivers differ only in their result HKT; the queries we write are the same.
    const db = drizzlePostgres(client, { schema }) as unknown as Database
    return {
      db,
      engine: 'postgres',
      postgres: client,
      postgresUrl: target.url,
      ping: async (timeoutMs = 2000) => {
        await withTimeout(db.execute(sql`select 1`), timeoutMs)
      },
      close: () => client.end({ timeout: 5 }),
    }
  }
  const release = target.dataDir ? claimDataDir(target.dataDir) : () => {}
  const client = await (
    target.loadDataDir
      ? PGlite.create({ loadDataDir: target.loadDataDir })
      : PGlite.create(target.dataDir ?? 'memory://')
  ).catch((error: unknown) => {
    release()
    throw error
  })
  const db = drizzlePglite(client, { schema }) as unknown as Database
  return {
    db,
    engine: 'pglite',
    pglite: client,
    ping: async (timeoutMs = 2000) => {
      await withTimeout(db.execute(sql`select 1`), timeoutMs)
    },
    close: async () => {
      await client.close()
      release()
    },
  }
}

/**
 * PGlite is one process's database: a second process opening the same directory corrupts it. A
 * lock file holding the owner's pid refuses the second opener (a stale one, from a crash, is taken over).
 */
function claimDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const lock = path.join(dataDir, 'putright.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' })
      return () => rmSync(lock, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(readFileSync(lock, 'utf8'))
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${owner}. Stop it first, or set PUTRIGHT_DATA_DIR (or DATABASE_URL) for a second instance.`,
        )
      }
      rmSync(lock, { force: true })
    }
  }
  throw new Error(`Could not lock ${dataDir}`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
