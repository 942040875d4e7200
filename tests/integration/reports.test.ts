// Attribution and comparison (issue 7 §7) on both engines: a complaint's contractor and handling
// time set through its page (audited, a double post applied once); per-contractor figures and
// the cost of handling from stored rows; the peer benchmark imported all or nothing and upserted
// on landlord and year; repeat complainants shown without names, references, ids or days.
import { and, eq } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import {
  auditEvents,
  commitments,
  compensationAwards,
  complaintStages,
  complaints,
  peerBenchmarks,
  remedies,
  residents,
  settings,
} from '../../db/schema'
import { subtractCalendarMonths } from '~/domain/complaints/decline'
import { londonDate } from '~/domain/working-days'
import * as attributionRoute from '~/routes/staff.complaints.$reference_.contractor/route'
import * as benchmarkRoute from '~/routes/staff.reports.benchmark/route'
import * as reportsRoute from '~/routes/staff.reports._index/route'
import type { Database } from '~/server/db.server'
import { contractorFigures, handlingCost } from '~/server/reports.server'
import { describeEachEngine } from '../support/databases'
import { aComplaint, aStaffMember } from '../support/factories'
import { answer, bodyOf, formRequest, getRequest, loadContext, statusOf } from '../support/requests'
import { staffCookie } from '../support/staff-session'

type Rejected = { errors: Record<string, { key: string }>; problems?: Array<{ line: number; key: string }> }

let sequence = 0
async function insertComplaint(
  db: Database,
  c: {
    residentId: string
    category?: string
    receivedOn: string
    contractor?: string | null
    handlingMinutes?: number
    responseDue?: string
    respondedOn?: string | null
    outcome?: string | null
    stage2?: { startedOn: string; respondedOn: string | null; outcome: string | null }
  },
): Promise<{ id: string; reference: string }> {
  sequence += 1
  const reference = `PR-2099-${String(770000 + sequence)}`
  const [row] = await db
    .insert(complaints)
    .values({
      reference,
      residentId: c.residentId,
      channel: 'phone',
      category: c.category ?? 'repairs',
      description: 'A description naming nobody',
      desiredOutcome: '',
      receivedAt: new Date(`${c.receivedOn}T11:00:00Z`),
      receivedOn: c.receivedOn,
      status: c.respondedOn ? 'stage1_responded' : 'stage1_acknowledged',
      acknowledgementDue: c.receivedOn,
      acknowledgementDueExplanation: {},
      caseState: {},
      currentStage: c.stage2 ? 2 : 1,
      contractor: c.contractor ?? null,
      handlingMinutes: c.handlingMinutes ?? 0,
    })
    .returning({ id: complaints.id })
  const id = row?.id as string
  await db.insert(complaintStages).values({
    complaintId: id,
    stage: 1,
    startedOn: c.receivedOn,
    acknowledgementDue: c.receivedOn,
    acknowledgedOn: c.receivedOn,
    responseDueBase: c.responseDue ?? c.receivedOn,
    responseDue: c.responseDue ?? c.receivedOn,
    respondedOn: c.respondedOn ?? null,
    outcome: c.outcome ?? null,
  })
  if (c.stage2) {
    await db.insert(complaintStages).values({
      complaintId: id,
      stage: 2,
      startedOn: c.stage2.startedOn,
      acknowledgementDue: c.stage2.startedOn,
      responseDueBase: c.stage2.startedOn,
      responseDue: c.stage2.startedOn,
      respondedOn: c.stage2.respondedOn,
      outcome: c.stage2.outcome,
    })
  }
  return { id, reference }
}

async function aResident(db: Database, name: string): Promise<string> {
  const [row] = await db.insert(residents).values({ name }).returning({ id: residents.id })
  return row?.id as string
}

const validCsv = [
  'landlord,year,homes,stage1_per_1000,stage2_per_1000,stage1_within_code_pct,stage2_within_code_pct',
  'North Homes,2025/26,12000,38.5,6.1,91,88.4',
  '"Valley Housing, Ltd",2025,4000,,,75,',
].join('\n')

describeEachEngine('attribution and comparison', (handle) => {
  const db = () => handle().db
  let handler = ''
  let handlerId = ''
  let manager = ''
  let advisor = ''
  const today = londonDate(new Date())

  beforeAll(async () => {
    const h = await aStaffMember(db(), 'complaint_handler')
    handlerId = h.id
    handler = await staffCookie(h)
    manager = await staffCookie(await aStaffMember(db(), 'manager'))
    advisor = await staffCookie(await aStaffMember(db(), 'advisor'))
  })

  it('sets a complaint’s contractor and adds handling time, audited, a double post applied once', async () => {
    const { reference } = await aComplaint(db())
    const path = `/staff/complaints/${reference}/contractor`
    const post = (cookie: string, values: Record<string, string>) =>
      answer(() =>
        attributionRoute.action({
          request: formRequest(path, values, { cookie }),
          params: { reference },
          context: loadContext(),
        }),
      )
    expect(statusOf(await post(advisor, { contractor: 'Acme', addMinutes: '5' }))).toBe(403)
    const page = await answer(() =>
      attributionRoute.loader({
        request: getRequest(path, { cookie: handler }),
        params: { reference },
        context: loadContext(),
      }),
    )
    const { submissionKey } = bodyOf<{ submissionKey: string }>(page)
    const bad = await post(handler, { contractor: 'Acme', addMinutes: '2000', submissionKey })
    expect(statusOf(bad)).toBe(400)
    expect(bodyOf<Rejected>(bad).errors.addMinutes?.key).toBe('staff-errors:reports.minutes')

    const saved = await post(handler, { contractor: '  Acme   Repairs ', addMinutes: '45', submissionKey })
    expect((saved as Response).headers.get('Location')).toBe(`${path}?done=saved`)
    expect(statusOf(await post(handler, { contractor: 'Acme Repairs', addMinutes: '45', submissionKey }))).toBe(302)
    const [row] = await db().select().from(complaints).where(eq(complaints.reference, reference))
    expect(row).toMatchObject({ contractor: 'Acme Repairs', handlingMinutes: 45 })
    const audit = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, row?.id as string), eq(auditEvents.action, 'complaint.attribution_recorded')))
    expect(audit).toHaveLength(1)
    expect(audit[0]?.after).toMatchObject({ contractor: 'Acme Repairs', handlingMinutes: 45, addedMinutes: 45 })
    expect(audit[0]?.actorId).toBe(handlerId)

    // A fresh form adds more time; a blank contractor clears it.
    await post(handler, { contractor: '', addMinutes: '15', submissionKey: crypto.randomUUID() })
    const [after] = await db().select().from(complaints).where(eq(complaints.reference, reference))
    expect(after).toMatchObject({ contractor: null, handlingMinutes: 60 })
  })

  it('reports each contractor for a period against its standards, and the cost of handling', async () => {
    const resident = await aResident(db(), 'Contractor report resident')
    await db()
      .insert(settings)
      .values([
        { key: 'contractors.standards', value: { Brick: { responseWorkingDays: 5, maxUpheldPct: 50 }, Idle: {} } },
        { key: 'report', value: { homes: 2000, hourlyCostPence: 6000 } },
      ])
      .onConflictDoUpdate({ target: settings.key, set: { value: { homes: 2000, hourlyCostPence: 6000 } } })
    // Wednesday 2 April 2025 … : 2 responses, one upheld and within the Code, one late.
    const a = await insertComplaint(db(), {
      residentId: resident,
      receivedOn: '2025-04-02',
      contractor: 'Brick',
      responseDue: '2025-04-17',
      respondedOn: '2025-04-09',
      outcome: 'upheld',
      handlingMinutes: 120,
      category: 'repairs',
    })
    await insertComplaint(db(), {
      residentId: resident,
      receivedOn: '2025-05-01',
      contractor: 'Brick',
      responseDue: '2025-05-15',
      respondedOn: '2025-05-16',
      outcome: 'not_upheld',
      handlingMinutes: 30,
      category: 'repairs',
    })
    // Received before the period: not counted as received, nor in the cost.
    await insertComplaint(db(), {
      residentId: resident,
      receivedOn: '2025-03-01',
      contractor: 'Brick',
      handlingMinutes: 999,
    })
    const other = await insertComplaint(db(), {
      residentId: resident,
      receivedOn: '2025-06-02',
      handlingMinutes: 60,
      category: 'tenancy',
    })
    await db()
      .insert(commitments)
      .values([
        {
          complaintId: a.id,
          stage: 1,
          position: 1,
          description: 'x',
          owner: 'o',
          originalDueOn: '2025-05-01',
          dueOn: '2025-05-01',
          status: 'done',
          completedOn: '2025-04-30',
        },
        {
          complaintId: a.id,
          stage: 1,
          position: 2,
          description: 'y',
          owner: 'o',
          originalDueOn: '2025-05-01',
          dueOn: '2025-05-01',
          status: 'open',
        },
        // Attributed to another contractor on the commitment itself.
        {
          complaintId: other.id,
          stage: 1,
          position: 1,
          description: 'z',
          owner: 'o',
          originalDueOn: '2025-05-01',
          dueOn: '2025-05-01',
          status: 'done',
          completedOn: '2025-05-01',
          contractor: 'Glaze',
        },
      ])
    await db()
      .insert(compensationAwards)
      .values([
        {
          complaintId: a.id,
          category: 'time_and_trouble',
          amountPence: 5000,
          reason: 'r',
          status: 'paid',
          paidOn: '2025-05-01',
        },
        {
          complaintId: other.id,
          category: 'delay',
          amountPence: 2500,
          reason: 'r',
          status: 'paid',
          paidOn: '2025-06-20',
          contractor: 'Glaze',
        },
      ])
    await db().insert(remedies).values({
      complaintId: a.id,
      stage: 1,
      position: 1,
      type: 'financial',
      description: 'Refund',
      amountPence: 1000,
      status: 'paid',
      paidOn: '2025-05-02',
    })

    const period = { from: '2025-04-01', to: '2025-06-30', runDate: '2025-07-01' }
    const figures = await contractorFigures(db(), period)
    expect(figures.map((f) => f.contractor)).toEqual(['Brick', 'Glaze', 'Idle'])
    expect(figures[0]).toMatchObject({
      received: 2,
      stage1Responses: 2,
      upheldOrPartlyPct: 50,
      withinCodePct: 50,
      // 2 → 9 April: 5 working days; 1 → 16 May: 10 (5 May is a bank holiday).
      avgWorkingDaysToRespond: 7.5,
      commitmentsDue: 2,
      commitmentsOnTime: 1,
      compensationPaidPence: 6000,
      responseVerdict: 'not_met',
      upheldVerdict: 'met',
    })
    expect(figures[1]).toMatchObject({
      received: 0,
      commitmentsDue: 1,
      commitmentsOnTime: 1,
      compensationPaidPence: 2500,
    })
    expect(figures[2]).toMatchObject({ received: 0, responseVerdict: 'none', upheldVerdict: 'none' })

    const cost = await handlingCost(db(), period)
    expect(cost.hourlyCostPence).toBe(6000)
    // 210 minutes at £60 an hour = £210, plus £50 + £10 + £25 compensation = £295 over 3 complaints.
    expect(cost.overall).toEqual({
      cases: 3,
      handlingMinutes: 210,
      handlingCostPence: 21000,
      compensationPence: 8500,
      totalPence: 29500,
      perCasePence: 9833,
    })
    expect(cost.byServiceArea.map((l) => [l.serviceArea, l.cases, l.perCasePence])).toEqual([
      ['repairs', 2, 10500],
      ['tenancy', 1, 8500],
    ])

    const page = await answer(() =>
      reportsRoute.loader({
        request: getRequest('/staff/reports?from=2025-04-01&to=2025-06-30', { cookie: handler }),
        params: {},
        context: loadContext(),
      }),
    )
    expect(statusOf(page)).toBe(200)
    const body = bodyOf<{ contractors: Array<{ contractor: string; received: string; upheld: string }> }>(page)
    expect(body.contractors[0]).toMatchObject({ contractor: 'Brick', received: '2', upheld: '50%' })
  })

  it('imports peer figures all or nothing, upserts on landlord and year, and sets ours beside them', async () => {
    const path = '/staff/reports/benchmark?year=2025/26'
    const post = (cookie: string, csv: string) =>
      answer(() =>
        benchmarkRoute.action({ request: formRequest(path, { csv }, { cookie }), params: {}, context: loadContext() }),
      )
    expect(statusOf(await post(handler, validCsv))).toBe(403)

    const broken = await post(manager, `${validCsv}\nSouth,2025/26,-1,1,1,1,1\nNorth Homes,2025,1,1,1,1,1\n`)
    expect(statusOf(broken)).toBe(400)
    const rejected = bodyOf<Rejected>(broken)
    expect(rejected.errors.csv?.key).toBe('staff-errors:reports.csv.problems')
    expect(rejected.problems?.map((p) => [p.line, p.key])).toEqual([
      [4, 'staff-errors:reports.csv.homes'],
      [5, 'staff-errors:reports.csv.duplicate'],
    ])
    expect(await db().select().from(peerBenchmarks)).toHaveLength(0)

    const done = await post(manager, validCsv)
    expect((done as Response).headers.get('Location')).toBe(
      '/staff/reports/benchmark?done=imported&count=2&year=2025%2F26',
    )
    const again = await post(manager, validCsv.replace('38.5', '40'))
    expect(statusOf(again)).toBe(302)
    const rows = await db().select().from(peerBenchmarks).orderBy(peerBenchmarks.landlord)
    expect(rows.map((r) => [r.landlord, r.year, r.homes])).toEqual([
      ['North Homes', '2025/26', 12000],
      ['Valley Housing, Ltd', '2025/26', 4000],
    ])
    expect(rows[0]?.figures).toMatchObject({ stage1Per1000: 40, stage1WithinCodePct: 91 })
    expect(rows[1]?.figures).toMatchObject({ stage1Per1000: null, stage2WithinCodePct: null })
    const audits = await db().select().from(auditEvents).where(eq(auditEvents.action, 'benchmark.imported'))
    expect(audits).toHaveLength(2)

    const page = await answer(() =>
      benchmarkRoute.loader({ request: getRequest(path, { cookie: handler }), params: {}, context: loadContext() }),
    )
    const body = bodyOf<{
      canImport: boolean
      ours: { homes: string; stage1Per1000: string }
      peers: Array<{ landlord: string; stage1Per1000: string }>
    }>(page)
    expect(body.canImport).toBe(false)
    // Our homes come from the `report` setting (2,000); two Stage 1 complaints received in the year at least.
    expect(body.ours.homes).toBe('2,000')
    expect(body.ours.stage1Per1000).not.toBe('–')
    expect(body.peers.map((p) => [p.landlord, p.stage1Per1000])).toEqual([
      ['North Homes', '40'],
      ['Valley Housing, Ltd', '–'],
    ])
  })

  it('shows repeat complainants as lettered case studies with no names, references, ids or days', async () => {
    const name = 'Zebedee Quillfeather'
    const resident = await aResident(db(), name)
    const monthAgo = subtractCalendarMonths(today, 1)
    const made = [
      await insertComplaint(db(), {
        residentId: resident,
        receivedOn: subtractCalendarMonths(today, 3),
        respondedOn: subtractCalendarMonths(today, 2),
        outcome: 'upheld',
        category: 'damp_mould',
      }),
      await insertComplaint(db(), { residentId: resident, receivedOn: monthAgo, category: 'damp_mould' }),
      await insertComplaint(db(), {
        residentId: resident,
        receivedOn: subtractCalendarMonths(today, 6),
        respondedOn: subtractCalendarMonths(today, 6),
        outcome: 'upheld',
        stage2: {
          startedOn: subtractCalendarMonths(today, 5),
          respondedOn: subtractCalendarMonths(today, 4),
          outcome: 'not_upheld',
        },
      }),
    ]
    const page = await answer(() =>
      reportsRoute.loader({
        request: getRequest('/staff/reports', { cookie: handler }),
        params: {},
        context: loadContext(),
      }),
    )
    const body = bodyOf<{
      repeats: {
        studies: Array<{ label: string; complaints: number; outcomes: Array<{ outcome: string; count: number }> }>
      }
    }>(page)
    const first = body.repeats.studies[0]
    expect(first).toMatchObject({ label: 'A', complaints: 3 })
    expect(first?.outcomes).toEqual(
      expect.arrayContaining([
        { outcome: 'upheld', count: 1 },
        { outcome: 'not_upheld', count: 1 },
        { outcome: 'open', count: 1 },
      ]),
    )
    const text = JSON.stringify(body.repeats)
    expect(text).not.toContain(name)
    expect(text).not.toContain('Zebedee')
    expect(text).not.toContain(resident)
    for (const c of made) {
      expect(text).not.toContain(c.reference)
      expect(text).not.toContain(c.id)
    }
    expect(text).not.toContain(monthAgo)
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  })
})
