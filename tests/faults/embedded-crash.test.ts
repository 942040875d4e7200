// The default embedded database (PGlite): the process is killed outright (SIGKILL, as by the
// kernel's OOM killer or a pulled plug on the container) during a burst of submissions; after a
// restart every complaint that got a confirmation page is there exactly once.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { openDatabase } from '../../db/client'
import { healthy, killAfter, residentsReady, sendAll, startApp, stopApp, type App } from './support'

const BURST = Number(process.env.FAULT_EMBEDDED_BURST ?? 200)
let dataDir = ''
let app: App | undefined

afterAll(async () => {
  if (app) await stopApp(app)
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

it(`SIGKILL during ${BURST} submissions on PGlite: every confirmed complaint survives the restart, once`, async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'putright-crash-'))
  const env = { PUTRIGHT_DATA_DIR: dataDir, DATABASE_URL: '' }
  app = startApp(3421, env)
  await healthy(app)
  const residents = await residentsReady([app.base], BURST, 'crash', 10)
  const running = app
  const outcomes = await sendAll(residents, 10, killAfter(running, BURST / 2))
  expect(await running.exited).toBeNull()
  const confirmed = residents.filter((_, i) => outcomes[i] === 'confirmed')
  expect(confirmed.length).toBeGreaterThanOrEqual(BURST / 2)
  expect(confirmed.length).toBeLessThan(BURST)

  // Restarted on the same directory (the killed process's lock is stale and is taken over).
  app = startApp(3421, env)
  await healthy(app)
  for (const resident of confirmed) {
    // The browser's own confirmation page still shows its reference.
    expect(await resident.client.confirmedReference()).toMatch(/^PR-/)
  }
  const again = residents.filter((_, i) => outcomes[i] !== 'confirmed')
  expect((await sendAll(again, 5)).every((outcome) => outcome === 'confirmed')).toBe(true)
  await stopApp(app)
  app = undefined

  // Counted in the data directory itself, with the server stopped.
  const handle = await openDatabase({ engine: 'pglite', dataDir: path.join(dataDir, 'pglite') })
  try {
    const rows = await handle.pglite!.query<{ email: string; complaints: number }>(
      `select lower(r.email) as email, count(c.id)::int as complaints
       from residents r join complaints c on c.resident_id = r.id
       where r.email like 'crash-%' group by lower(r.email)`,
    )
    const counts = new Map(rows.rows.map((row) => [row.email, row.complaints]))
    expect(counts.size).toBe(BURST)
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([])
  } finally {
    await handle.close()
  }
})
