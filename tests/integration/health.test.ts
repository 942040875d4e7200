import net from 'node:net'
import { expect, it } from 'vitest'
import { openDatabase } from '../../db/client'
import { useDatabase } from '~/server/db.server'
import { checkHealth } from '~/server/lifecycle.server'
import { availableEngines, describeEachEngine } from '../support/databases'
import { adminUrl } from '../support/postgres-urls'

describeEachEngine('health', () => {
  it('is ok after a real round trip', async () => {
    expect(await checkHealth()).toEqual({ status: 'ok', database: 'ok' })
  })
})

// A TCP relay in front of PostgreSQL that the test can cut and restore, so "the database went
// away and came back" happens for real, without stopping the shared server.
function relay(target: URL) {
  const sockets = new Set<net.Socket>()
  let server: net.Server | undefined
  const open = (port: number) =>
    new Promise<number>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname)
        sockets.add(client).add(upstream)
        client.pipe(upstream).pipe(client)
        const drop = () => {
          client.destroy()
          upstream.destroy()
        }
        client.on('error', drop).on('close', drop)
        upstream.on('error', drop).on('close', drop)
      })
      server.listen(port, '127.0.0.1', () => resolve((server?.address() as net.AddressInfo).port))
    })
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      sockets.clear()
      if (server) server.close(() => resolve())
      else resolve()
    })
  return { open, cut }
}

it.runIf(availableEngines().includes('postgres'))(
  'reports the database unavailable while PostgreSQL is unreachable, and recovers without a restart',
  async () => {
    const upstream = new URL(adminUrl())
    const gate = relay(upstream)
    const port = await gate.open(0)
    const url = new URL(adminUrl())
    url.host = `127.0.0.1:${port}`
    const handle = await openDatabase({ engine: 'postgres', url: url.toString(), maxConnections: 2 })
    useDatabase(handle)
    try {
      expect(await checkHealth()).toEqual({ status: 'ok', database: 'ok' })
      await gate.cut()
      expect(await checkHealth()).toEqual({ status: 'degraded', database: 'unavailable' })
      await gate.open(port)
      expect(await checkHealth()).toEqual({ status: 'ok', database: 'ok' })
    } finally {
      await gate.cut()
      await handle.close().catch(() => {})
    }
  },
)
