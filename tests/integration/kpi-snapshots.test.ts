// The dashboard keeps the figures it worked out, on both engines: shown again while nothing has
// changed, marked and refreshed after a change, worked out again on demand or when too old.
import { expect, it } from 'vitest'
import { financialYearStart } from '~/domain/kpis'
import { londonDate } from '~/domain/working-days'
import * as dashboard from '~/routes/staff.dashboard/route'
import { recordView } from '~/server/audit.server'
import { sql } from 'drizzle-orm'
import { snapshotKey } from '~/domain/kpi-snapshot'
import { queueDashboardRefresh } from '~/server/jobs.server'
import {
  dashboardRefreshes,
  keptKpiDashboard,
  kpiDashboard,
  refreshDashboardsElsewhere,
  refreshDefaultDashboard,
  refreshKeptDashboard,
} from '~/server/kpis.server'
import { executeRows } from '../../db/client'
import { describeEachEngine } from '../support/databases'
import { aComplaint, aStaffMember } from '../support/factories'
import { answer, formRequest, getRequest, loadContext, statusOf } from '../support/requests'
import { staffCookie } from '../support/staff-session'

const seconds = (start: Date, s: number) => new Date(start.getTime() + s * 1000)

describeEachEngine('kept dashboard figures', (handle) => {
  const today = londonDate(new Date())
  const options = { from: financialYearStart(today), to: today }

  it('shows kept figures until a change, then marks them, refreshes them and shows the new ones', async () => {
    const db = handle().db
    await aComplaint(db)
    const start = new Date()

    const first = await keptKpiDashboard(db, options, { now: start })
    expect(first.changedSince).toBe(false)
    expect(first.computedAt).toEqual(start)
    // Exactly what working them out directly gives.
    const direct = await kpiDashboard(db, { ...options, runDate: today })
    expect(first.figures).toEqual(direct.figures)
    expect(first.trend).toEqual(direct.trend)
    expect(first.tsm).toEqual(direct.tsm)

    // Nothing changed: the kept figures, from when they were worked out.
    const again = await keptKpiDashboard(db, options, { now: seconds(start, 300) })
    expect(again.computedAt).toEqual(start)
    expect(again.changedSince).toBe(false)
    expect(again.figures).toEqual(first.figures)
    // A look at a case is audited, but changes no figure.
    const manager = await aStaffMember(db, 'manager')
    await recordView(db, { staffId: manager.id, entityType: 'complaint', entityId: 'PR-2026-000001' })
    expect((await keptKpiDashboard(db, options, { now: seconds(start, 301) })).changedSince).toBe(false)

    // A new complaint: within the first minute, the kept figures, marked.
    await aComplaint(db)
    const soon = await keptKpiDashboard(db, options, { now: seconds(start, 30) })
    expect(soon.changedSince).toBe(true)
    expect(soon.figures.stage1Received).toBe(first.figures.stage1Received)
    await dashboardRefreshes()
    expect((await keptKpiDashboard(db, options, { now: seconds(start, 31) })).computedAt).toEqual(start)

    // After a minute: still the kept ones, marked, while new ones are worked out in the background.
    const later = await keptKpiDashboard(db, options, { now: seconds(start, 120) })
    expect(later.changedSince).toBe(true)
    expect(later.figures.stage1Received).toBe(first.figures.stage1Received)
    await dashboardRefreshes()
    const refreshed = await keptKpiDashboard(db, options, { now: seconds(start, 121) })
    expect(refreshed.changedSince).toBe(false)
    expect(refreshed.computedAt).toEqual(seconds(start, 120))
    expect(refreshed.figures.stage1Received).toBe(first.figures.stage1Received + 1)
  })

  it('a web-only instance hands the refresh on to the instances that run jobs, and they keep the new figures', async () => {
    const db = handle().db
    const options = { from: '2024-04-01', to: today }
    const start = new Date()
    const kept = await keptKpiDashboard(db, options, { now: start, force: true })
    await aComplaint(db)
    const handed: Array<{ key: string; from: string; runDate: string }> = []
    refreshDashboardsElsewhere(async (key, dated) => {
      handed.push({ key, from: dated.from, runDate: dated.runDate })
      if (handle().engine === 'postgres') await queueDashboardRefresh(db)(key, dated)
    })
    try {
      const marked = await keptKpiDashboard(db, options, { now: seconds(start, 120) })
      await dashboardRefreshes()
      expect(marked.changedSince).toBe(true)
      expect(handed).toEqual([{ key: snapshotKey({ ...options, runDate: today }), from: options.from, runDate: today }])
      // Nothing was worked out here.
      expect((await keptKpiDashboard(db, options, { now: seconds(start, 121) })).computedAt).toEqual(start)
      if (handle().engine === 'postgres') {
        const key = handed[0]?.key ?? ''
        await queueDashboardRefresh(db)(key, { ...options, runDate: today })
        const jobs = await executeRows<{ jobs: number }>(
          db,
          sql`select count(*)::int as "jobs" from graphile_worker.jobs where task_identifier = 'refresh_dashboard_view' and key = ${key}`,
        )
        expect(jobs[0]?.jobs).toBe(1)
      }
    } finally {
      refreshDashboardsElsewhere(null)
    }
    // What the job does.
    await refreshKeptDashboard(db, { ...options, runDate: today }, seconds(start, 130))
    const after = await keptKpiDashboard(db, options, { now: seconds(start, 131) })
    expect(after).toMatchObject({ changedSince: false, computedAt: seconds(start, 130) })
    expect(after.figures.stage1Received).toBe(kept.figures.stage1Received + 1)
  })

  it('the five-minute job keeps the first view (this year, no filters) up to date', async () => {
    const db = handle().db
    const before = await keptKpiDashboard(db, options)
    expect(before.changedSince).toBe(false)
    await aComplaint(db)
    // An hour on (later than anything the first test kept for this view), the job has run.
    const start = seconds(new Date(), 3600)
    await refreshDefaultDashboard(db, start)
    const after = await keptKpiDashboard(db, options, { now: seconds(start, 1) })
    expect(after.changedSince).toBe(false)
    expect(after.computedAt).toEqual(start)
    expect(after.figures.stage1Received).toBe(before.figures.stage1Received + 1)
  })

  it('works the figures out now when the kept ones are too old to show, or when asked', async () => {
    const db = handle().db
    // Each test keeps its own figures: a period and filters of its own.
    const options = { from: '2025-01-01', to: today }
    const start = new Date()
    const kept = await keptKpiDashboard(db, options, { now: start, force: true })
    expect(kept.computedAt).toEqual(start)
    await aComplaint(db)
    const old = await keptKpiDashboard(db, options, { now: seconds(start, 600) })
    expect(old.changedSince).toBe(false)
    expect(old.computedAt).toEqual(seconds(start, 600))
    expect(old.figures.stage1Received).toBe(kept.figures.stage1Received + 1)
    // An older computation finishing late does not replace a newer one.
    await keptKpiDashboard(db, options, { now: seconds(start, 1), force: true })
    expect((await keptKpiDashboard(db, options, { now: seconds(start, 601) })).computedAt).toEqual(seconds(start, 600))
  })

  it('keeps figures apart for each filter', async () => {
    const db = handle().db
    const options = { from: '2024-01-01', to: today }
    const start = new Date()
    const all = await keptKpiDashboard(db, options, { now: start, force: true })
    const gas = await keptKpiDashboard(
      db,
      { ...options, filters: { serviceArea: 'damp_mould', team: null, handlerId: null } },
      { now: start },
    )
    expect(all.figures.stage1Received).toBeGreaterThan(0)
    expect(gas.figures.stage1Received).toBe(0)
  })

  it('"Work the figures out again now" needs a role that may see the dashboard, and keeps the filters', async () => {
    const db = handle().db
    const query = `?from=2023-01-01&to=${options.to}&service=repairs`
    // The button: an empty form posted to the page, as whoever holds `cookie`.
    const workOutAgain = (cookie: string) =>
      answer(() =>
        dashboard.action({
          request: formRequest(`/staff/dashboard${query}`, {}, { cookie }),
          params: {},
          context: loadContext(),
        }),
      )
    const manager = await staffCookie(await aStaffMember(db, 'manager'))
    const done = await workOutAgain(manager)
    expect(statusOf(done)).toBe(302)
    expect((done as Response).headers.get('Location')).toBe(`/staff/dashboard${query}`)
    const page = (await dashboard.loader({
      request: getRequest(`/staff/dashboard${query}`, { cookie: manager }),
      params: {},
      context: loadContext(),
    })) as Awaited<ReturnType<typeof dashboard.loader>>
    expect(page.changedSince).toBe(false)
    expect(page.asOf).toMatch(/^Worked out at /)

    const panel = await staffCookie(await aStaffMember(db, 'tenant_panel'))
    const refused = await workOutAgain(panel)
    expect(statusOf(refused)).toBe(403)
  })
})
