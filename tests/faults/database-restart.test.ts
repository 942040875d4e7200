// PostgreSQL stops (immediate: as a crash) in the middle of a stream of submissions and comes back:
// /healthz says 503 while it is down, the app recovers without a restart, nothing confirmed is lost
// and nothing sent again is duplicated. A PostgreSQL cluster of its own, so no other test notices.
import { execFileSync } from 'node:child_process'
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  complaintsPerEmail,
  healthOf,
  healthy,
  residentsReady,
  sendAll,
  startApp,
  stopApp,
  waitFor,
  type App,
} from './support'

const PORT = 5499
const bin = path.join('/usr/lib/postgresql', readdirSync('/usr/lib/postgresql').sort().at(-1) ?? '15', 'bin')
const dir = mkdtempSync(path.join(tmpdir(), 'putright-pg-'))
const asPostgres = (command: string, args: string[]) =>
  execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args], { stdio: 'pipe' })
const pgCtl = (...args: string[]) => asPostgres('pg_ctl', ['-D', path.join(dir, 'data'), '-w', ...args])
const start = () =>
  pgCtl('-l', path.join(dir, 'log'), '-o', `-p ${PORT} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`, 'start')

let app: App
let sql: postgres.Sql

beforeAll(() => {
  chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0)
  asPostgres('initdb', ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-instructions'])
  start()
})

afterAll(async () => {
  if (app) await stopApp(app)
  await sql?.end()
  try {
    pgCtl('-m', 'immediate', 'stop')
  } catch {
    // Already stopped.
  }
  rmSync(dir, { recursive: true, force: true })
})

it('the database stops during submissions: 503 while it is down, back by itself, nothing lost or doubled', async () => {
  const url = `postgres://postgres@127.0.0.1:${PORT}/postgres`
  app = startApp(3441, { DATABASE_URL: url, DATABASE_POOL_SIZE: '5' })
  await healthy(app)
  const residents = await residentsReady([app.base], 120, 'restart', 10)

  let stoppedAt = 0
  const unhealthy: Array<number | 'down'> = []
  const outcomes = await sendAll(residents, 3, (done) => {
    if (done !== 30) return
    stoppedAt = Date.now()
    pgCtl('-m', 'immediate', 'stop')
    // Down for ten seconds while the residents keep sending; health is asked meanwhile.
    void (async () => {
      await new Promise((resolve) => setTimeout(resolve, 3_000))
      unhealthy.push(await healthOf(app.base))
      await new Promise((resolve) => setTimeout(resolve, 7_000))
      start()
    })()
  })
  expect(stoppedAt).toBeGreaterThan(0)
  await waitFor(async () => unhealthy.length > 0, 'health asked while the database was down', 30_000)
  expect(unhealthy, app.errors()).toEqual([503])
  // Back without restarting the app.
  await waitFor(async () => (await healthOf(app.base)) === 200, 'healthy again', 60_000)
  expect(app.process.exitCode).toBeNull()

  const confirmed = residents.filter((_, i) => outcomes[i] === 'confirmed')
  const refused = residents.filter((_, i) => outcomes[i] !== 'confirmed')
  expect(confirmed.length).toBeGreaterThanOrEqual(30)
  expect(refused.length).toBeGreaterThan(0)
  sql = postgres(url, { max: 1, onnotice: () => {} })
  const before = await complaintsPerEmail(
    sql,
    confirmed.map((r) => r.email),
  )
  expect(confirmed.filter((r) => before.get(r.email) !== 1).map((r) => r.email)).toEqual([])

  // Those who saw an error send again: one complaint each, never two.
  expect((await sendAll(refused, 3)).every((outcome) => outcome === 'confirmed')).toBe(true)
  const after = await complaintsPerEmail(
    sql,
    residents.map((r) => r.email),
  )
  expect(after.size).toBe(residents.length)
  expect([...after.values()].filter((n) => n !== 1)).toEqual([])
})
