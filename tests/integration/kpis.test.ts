// The KPI figures three ways on both engines: the module on a hand-worked data set
// (tests/fixtures/kpis-small/README.md), the `report kpis` command as a separate process, and the
// dashboard's loader — on that set and on 10,000 generated cases, where command and dashboard must agree.
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import postgres from 'postgres'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openDatabase, type DatabaseHandle, type Engine } from '../../db/client'
import { migrateDatabase } from '../../db/migrate'
import { contractKeys } from '~/domain/kpis'
import * as dashboard from '~/routes/staff.dashboard/route'
import * as dashboardCsv from '~/routes/staff.dashboard[.]csv/route'
import * as panelFigures from '~/routes/staff.panel.figures/route'
import { importCases } from '~/server/case-import.server'
import { useDatabase } from '~/server/db.server'
import { kpiReport } from '~/server/kpis.server'
import { availableEngines } from '../support/databases'
import { aStaffMember } from '../support/factories'
import { generatedFile } from '../support/generated-cases'
import { kpiFixture, kpiFixtureExpected, loadKpiFixture } from '../support/kpi-fixture'
import { adminUrl, testDatabaseUrl } from '../support/postgres-urls'
import { getRequest, loadContext } from '../support/requests'
import { staffCookie } from '../support/staff-session'

const run = promisify(execFile)
const { period } = kpiFixture()

/** A database the test and a child process can both reach: a PGlite directory or a PostgreSQL database. */
async function sharedDatabase(
  engine: Engine,
): Promise<{ open: () => Promise<DatabaseHandle>; env: Record<string, string>; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'putright-kpis-'))
    const open = async () => openDatabase({ engine: 'pglite', dataDir: path.join(dir, 'pglite') })
    return {
      open,
      env: { PUTRIGHT_DATA_DIR: dir, DATABASE_URL: '' },
      drop: () => rm(dir, { recursive: true, force: true }),
    }
  }
  const name = `putright_t_${randomUUID().replaceAll('-', '')}`
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name} template ${inject('postgresTemplate')}`)
  await admin.end()
  const url = testDatabaseUrl(name)
  return {
    open: async () => openDatabase({ engine: 'postgres', url, maxConnections: 5 }),
    env: { DATABASE_URL: url },
    drop: async () => {
      const cleanup = postgres(adminUrl(), { max: 1, onnotice: () => {} })
      await cleanup.unsafe(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  }
}

async function reportCommand(env: Record<string, string>, args: string[]): Promise<string> {
  const { stdout } = await run(path.resolve('node_modules/.bin/tsx'), ['scripts/report.ts', 'kpis', ...args], {
    env: { ...process.env, ...env },
    timeout: 120_000,
  })
  return stdout
}

async function dashboardFigures(handle: DatabaseHandle, query: string) {
  useDatabase(handle)
  const manager = await aStaffMember(handle.db, 'manager')
  // One sign-in: a TOTP code is never accepted twice.
  const cookie = await staffCookie(manager)
  const data = (await dashboard.loader({
    request: getRequest(`/staff/dashboard?${query}`, { cookie }),
    params: {},
    context: loadContext(),
  })) as Awaited<ReturnType<typeof dashboard.loader>>
  const csv = (await dashboardCsv.loader({
    request: getRequest(`/staff/dashboard.csv?${query}`, { cookie }),
    params: {},
    context: loadContext(),
  })) as Response
  return { data, csv: await csv.text() }
}

describe.each(availableEngines())('KPI figures (%s)', (engine) => {
  describe('on the hand-worked data set', () => {
    let shared: Awaited<ReturnType<typeof sharedDatabase>>
    let dashboardData: Awaited<ReturnType<typeof dashboardFigures>>
    let moduleFigures: unknown
    let panelRows: Array<{ key: string; value: string }> = []

    beforeAll(async () => {
      shared = await sharedDatabase(engine)
      const handle = await shared.open()
      try {
        await migrateDatabase(handle)
        await loadKpiFixture(handle.db)
        moduleFigures = await kpiReport(handle.db, { from: period.from, to: period.to, homes: period.homes })
        dashboardData = await dashboardFigures(handle, `from=${period.from}&to=${period.to}`)
        const member = await aStaffMember(handle.db, 'tenant_panel')
        const panel = (await panelFigures.loader({
          request: getRequest('/staff/panel/figures?year=2026', { cookie: await staffCookie(member) }),
          params: {},
          context: loadContext(),
        })) as Awaited<ReturnType<typeof panelFigures.loader>>
        panelRows = panel.rows
      } finally {
        await handle.close()
      }
    }, 120_000)
    afterAll(async () => {
      await shared.drop()
    })

    it('computes every figure as worked out by hand', () => {
      expect(moduleFigures).toEqual(kpiFixtureExpected())
    })

    it('prints the same figures from `report kpis --format json`, every contract key included', async () => {
      const out = await reportCommand(shared.env, [
        '--from',
        period.from,
        '--to',
        period.to,
        '--homes',
        String(period.homes),
        '--format',
        'json',
      ])
      const printed = JSON.parse(out) as Record<string, unknown>
      expect(printed).toEqual(kpiFixtureExpected())
      for (const key of contractKeys) expect(printed).toHaveProperty(key)
    }, 120_000)

    it('prints one CSV row with a column per figure, empty for no data', async () => {
      const out = await reportCommand(shared.env, ['--from', period.from, '--to', period.to, '--format', 'csv'])
      const [header, values, ...rest] = parse(out) as string[][]
      expect(rest).toEqual([])
      const row = Object.fromEntries((header ?? []).map((key, i) => [key, values?.[i]]))
      expect(row.stage1Received).toBe('8')
      expect(row.stage1OverduePct).toBe('66.7')
      expect(row.compensationPaidTotal).toBe('4250')
      expect(row.excludedByReason_over_12_months).toBe('1')
      // No --homes and no homes setting: CH01 has no data.
      expect(row.ch01Stage1Per1000).toBe('')
    }, 120_000)

    it('shows the same figures on the dashboard and in its CSV download', () => {
      const expected = { ...kpiFixtureExpected(), ch01Stage1Per1000: null, ch01Stage2Per1000: null }
      expect(dashboardData.data.figures).toEqual(expected)
      const kpiRow = dashboardData.data.kpis.find((row) => row.key === 'stage1AckOnTimePct')
      expect(kpiRow).toMatchObject({ value: '80%', target: 'At least 100%', rag: 'red' })
      const extended = dashboardData.data.kpis.find((row) => row.key === 'stage2ExtendedPct')
      expect(extended).toMatchObject({ value: '0%', rag: 'green' })
      const [header, values] = parse(dashboardData.csv) as string[][]
      expect(header?.[2]).toBe('stage1Received')
      expect(values?.[2]).toBe('8')
    })

    it('shows the tenant panel the year so far with every small number suppressed, money not', () => {
      const value = (key: string) => panelRows.find((row) => row.key === key)?.value
      // 8 Stage 1 complaints, 2 at Stage 2, rates over 5 responses: all fewer than 10.
      expect(value('stage1Received')).toBe('Fewer than 10')
      expect(value('stage2Received')).toBe('Fewer than 10')
      expect(value('stage1WithinCodePct')).toBe('Fewer than 10')
      expect(value('satisfactionHandlingPct')).toBe('Fewer than 10')
      expect(value('compensationPaidTotal')).toBe('£4,250.00')
      expect(JSON.stringify(panelRows)).not.toMatch(/KPI-C|Fixture R/)
    })

    it('filters by service area in numerator and denominator alike', async () => {
      const handle = await shared.open()
      try {
        const repairs = await kpiReport(handle.db, {
          from: period.from,
          to: period.to,
          filters: { serviceArea: 'repairs' },
        })
        // C1, C4, C6, C8 received; responses C1, C3, C4 (C3 late).
        expect(repairs.stage1Received).toBe(4)
        expect(repairs.stage1ResponseOnTimePct).toBe(66.7)
        expect(repairs.overdueOpenAtEnd).toBe(1)
      } finally {
        await handle.close()
      }
    }, 60_000)
  })

  describe('on 10,000 generated cases', () => {
    let shared: Awaited<ReturnType<typeof sharedDatabase>>
    let dashboardData: Awaited<ReturnType<typeof dashboardFigures>>
    const from = '2022-04-01'
    const to = '2023-03-31'

    beforeAll(async () => {
      shared = await sharedDatabase(engine)
      const handle = await shared.open()
      try {
        await migrateDatabase(handle)
        const result = await importCases(handle.db, generatedFile(10_000), { now: new Date('2026-11-23T10:00:00Z') })
        expect(result).toMatchObject({ ok: true, imported: 10_000 })
        dashboardData = await dashboardFigures(handle, `from=${from}&to=${to}`)
      } finally {
        await handle.close()
      }
    }, 300_000)
    afterAll(async () => {
      await shared.drop()
    })

    it('gives the command and the dashboard the same numbers', async () => {
      const printed = JSON.parse(await reportCommand(shared.env, ['--from', from, '--to', to])) as Record<
        string,
        unknown
      >
      expect(printed.stage1Received).toBeGreaterThan(1000)
      expect(printed.stage2Received).toBeGreaterThan(100)
      expect(printed.stage1ResponseOnTimePct).not.toBeNull()
      expect(dashboardData.data.figures).toEqual(printed)
    }, 120_000)
  })
})
