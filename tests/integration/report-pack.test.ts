// The monthly report pack on both engines: the month chosen (or the last complete one), the KPI
// tables with targets and RAG words, twelve months of trend, and the Ombudsman spotlight.
import { beforeAll, expect, it } from 'vitest'
import { externalCases, externalRequests, improvementActions } from '../../db/schema'
import { lastCompleteMonth, monthRange } from '~/domain/report-pack'
import { londonDate } from '~/domain/working-days'
import * as packRoute from '~/routes/staff.dashboard_.pack/route'
import { describeEachEngine } from '../support/databases'
import { aStaffMember } from '../support/factories'
import { answer, bodyOf, getRequest, loadContext, statusOf } from '../support/requests'
import { staffCookie } from '../support/staff-session'

type Page = Awaited<ReturnType<typeof packRoute.loader>>

describeEachEngine('the monthly report pack', (handle) => {
  const db = () => handle().db
  const month = lastCompleteMonth(londonDate(new Date()))
  const { from, to } = monthRange(month)
  let handler = ''
  let advisor = ''
  const load = (cookie: string, query = '') =>
    answer(() =>
      packRoute.loader({
        request: getRequest(`/staff/dashboard/pack${query}`, { cookie }),
        params: {},
        context: loadContext(),
      }),
    )

  beforeAll(async () => {
    handler = await staffCookie(await aStaffMember(db(), 'complaint_handler'))
    advisor = await staffCookie(await aStaffMember(db(), 'advisor'))
    const [opened] = await db()
      .insert(externalCases)
      .values({
        kind: 'ombudsman_investigation',
        openedOn: from,
        determinedOn: to,
        findings: { issues: [{ issue: 'Repairs', finding: 'maladministration' }] },
      })
      .returning()
    await db()
      .insert(externalRequests)
      .values([
        {
          caseId: opened?.id ?? '',
          kind: 'order',
          description: 'Apologise',
          receivedOn: from,
          dueOn: to,
          answeredOn: to,
        },
        { caseId: opened?.id ?? '', kind: 'recommendation', description: 'Review', receivedOn: from, dueOn: from },
      ])
    await db().insert(improvementActions).values({
      description: 'Call ahead before repairs',
      owner: 'Repairs',
      measure: 'Calls logged',
      dueOn: to,
      status: 'done',
      completedOn: to,
    })
  })

  it('opens for the dashboard roles only', async () => {
    expect(statusOf(await load(advisor))).toBe(403)
    expect(statusOf(await load(handler))).toBe(200)
  })

  it('covers the last complete month by default, with targets, RAG words, a year to date and 12 months of trend', async () => {
    const page = bodyOf<Page>(await load(handler))
    expect(page.month).toBe(month)
    expect(page.errors).toEqual({})
    expect(page.kpis.length).toBeGreaterThan(10)
    expect(page.kpis.every((row) => row.target && row.rag)).toBe(true)
    expect(page.yearKpis).toHaveLength(page.kpis.length)
    expect(page.trend.months).toHaveLength(12)
    expect(page.trend.columns.map((c) => c.key)).toContain('stage2Received')
    expect(page.commitments.map((row) => row.key)).toEqual([
      'commitmentsOnTimePctS1',
      'commitmentsOnTimePctS2',
      'open',
      'overdue',
    ])
  })

  it('puts the Ombudsman spotlight together: cases, findings, orders, recommendations and actions taken', async () => {
    const page = bodyOf<Page>(await load(handler, `?month=${month}`))
    const value = (key: string) => page.spotlight.summary.find((row) => row.key === key)?.value
    expect(value('opened')).toBe('1')
    expect(value('determinations')).toBe('1')
    expect(value('adverseDeterminations')).toBe('1')
    expect(value('actionsTaken')).toBe('1')
    expect(page.spotlight.findings).toEqual([{ key: 'maladministration', label: 'Maladministration', count: '1' }])
    const action = (key: string) => page.spotlight.actions.find((row) => row.key === key)?.value
    expect(action('orders-due')).toBe('1')
    expect(action('orders-dueComplied')).toBe('1')
    expect(action('recommendations-outstanding')).toBe('1')
  })

  it('falls back to the last complete month with an error for a month it cannot read', async () => {
    const page = bodyOf<Page>(await load(handler, '?month=2026-13'))
    expect(page.month).toBe(month)
    expect(page.errors.month?.key).toBe('staff-errors:pack.month')
    const future = bodyOf<Page>(await load(handler, '?month=2999-01'))
    expect(future.errors.month?.key).toBe('staff-errors:pack.month')
  })
})
