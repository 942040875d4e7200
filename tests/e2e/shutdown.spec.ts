import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { JourneyClient } from '../support/journey-client'
import { expect, test } from './support'

// Its own server and data directory: this test stops the server on purpose.
const port = 3211
const base = `http://127.0.0.1:${port}`
const dataDir = 'test-results/shutdown-data'

function startServer(): ChildProcess {
  return spawn('node', ['server.js'], {
    env: { ...process.env, PORT: String(port), PUTRIGHT_DATA_DIR: dataDir, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

async function waitForHealth() {
  // Up to a minute: PGlite starts and migrates slowly on a busy shared machine.
  for (let i = 0; i < 600; i += 1) {
    const ok = await fetch(`${base}/healthz`)
      .then((r) => r.ok)
      .catch(() => false)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('server did not start')
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

test('SIGTERM during a burst of submissions loses nothing confirmed and exits cleanly', async () => {
  test.setTimeout(180_000)
  rmSync(dataDir, { recursive: true, force: true })
  let server = startServer()
  await waitForHealth()

  const residents = Array.from({ length: 20 }, () => new JourneyClient(base))
  const keys = await Promise.all(residents.map((resident) => resident.answerEverything()))

  const outcomes = residents.map((resident, i) =>
    resident.submit(keys[i] ?? '').then(
      (response) => response.status,
      () => 'connection lost' as const,
    ),
  )
  // Stop the server as soon as the first confirmation is on its way: the rest are in flight.
  await Promise.race(outcomes)
  const stopping = Date.now()
  const exit = exited(server)
  server.kill('SIGTERM')
  const code = await exit
  const stoppedInMs = Date.now() - stopping
  const statuses = await Promise.all(outcomes)

  expect(code).toBe(0)
  expect(stoppedInMs).toBeLessThan(10_000)
  expect(statuses.filter((s) => s === 302).length).toBeGreaterThan(0)

  server = startServer()
  await waitForHealth()
  try {
    const references = new Set<string>()
    for (const [i, resident] of residents.entries()) {
      if (statuses[i] === 302) {
        // Confirmed before the stop: it must still be there after the restart.
        const reference = await resident.confirmedReference()
        expect(reference, `resident ${i} was confirmed`).toMatch(/^PR-/)
        references.add(reference ?? '')
      } else {
        // Not confirmed: sending the same form again gives exactly one complaint.
        expect((await resident.submit(keys[i] ?? '')).status).toBe(302)
        const reference = await resident.confirmedReference()
        expect(reference).toMatch(/^PR-/)
        references.add(reference ?? '')
      }
    }
    expect(references.size).toBe(residents.length)
  } finally {
    const exit2 = exited(server)
    server.kill('SIGTERM')
    await exit2
  }
})
