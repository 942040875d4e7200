// Loads tests/fixtures/kpis-small/data.json (documented in its README) into a database, as rows
// the app itself would hold, so `report kpis` and the dashboard can be checked against figures
// worked out by hand.
import { readFileSync } from 'node:fs'
import type { Database } from '~/server/db.server'
import {
  commitments,
  compensationAwards,
  complaintStages,
  complaints,
  externalCases,
  externalRequests,
  improvementActions,
  perceptionResponses,
  qaReviews,
  residents,
  settings,
  staffUsers,
  surveyResponses,
} from '../../db/schema'

interface FixtureStage {
  startedOn?: string
  ackDue: string
  ackOn: string | null
  baseDue: string
  due: string
  ext: number
  respondedOn: string | null
  outcome: string | null
  decisionChanged?: boolean | null
}

interface Fixture {
  period: { from: string; to: string; homes: number }
  settings: Record<string, unknown>
  residents: string[]
  complaints: Array<{
    ref: string
    resident: string
    category: string
    receivedOn: string
    status: string
    earlyResolution?: boolean
    withdrawnOn?: string
    decline?: { stage: 1 | 2; on: string; ground: string }
    stage1: FixtureStage
    stage2?: FixtureStage
  }>
  commitments: Array<{
    id: string
    complaint: string
    stage: number
    originalDueOn: string
    dueOn: string
    status: string
    completedOn: string | null
    cancelApproved?: boolean
  }>
  qaReviews: Array<{ complaint: string; stage: number; reviewedOn: string; scoreTenths: number; criticalFail: boolean }>
  surveyAnswers: Array<{ complaint: string; question: string; answer: string; answeredOn: string }>
  awards: Array<{
    complaint: string
    category: string
    amountPence: number
    status: string
    paidOn: string | null
    ombudsmanOrdered: boolean
  }>
  externalCases: Array<{
    id: string
    complaint: string | null
    kind: string
    openedOn: string
    determinedOn: string | null
    findings: unknown
    requests: Array<{ kind: string; receivedOn: string; dueOn: string; answeredOn: string | null }>
  }>
  improvements: Array<{
    complaint: string | null
    kind: string
    dueOn: string
    status: string
    completedOn: string | null
  }>
  perception: Array<{ surveyedOn: string; complainedLast12Months: boolean; answer: string }>
}

export const kpiFixtureDir = new URL('../fixtures/kpis-small/', import.meta.url)

export function kpiFixture(): Fixture {
  return JSON.parse(readFileSync(new URL('data.json', kpiFixtureDir), 'utf8')) as Fixture
}

export function kpiFixtureExpected(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('expected.json', kpiFixtureDir), 'utf8')) as Record<string, unknown>
}

export async function loadKpiFixture(db: Database): Promise<Map<string, string>> {
  const data = kpiFixture()
  const ids = new Map<string, string>()
  await db.transaction(async (tx) => {
    for (const [key, value] of Object.entries(data.settings)) {
      await tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } })
    }
    const [manager] = await tx
      .insert(staffUsers)
      .values({ email: 'kpi-fixture@example.org', name: 'Fixture manager', passwordHash: 'x', role: 'manager' })
      .returning({ id: staffUsers.id })
    const residentIds = new Map<string, string>()
    for (const name of data.residents) {
      const [row] = await tx
        .insert(residents)
        .values({ name: `Fixture ${name}`, externalKey: `kpi-${name}` })
        .returning({ id: residents.id })
      if (row) residentIds.set(name, row.id)
    }
    for (const c of data.complaints) {
      const stages = [c.stage1, ...(c.stage2 ? [c.stage2] : [])]
      const caseState = {
        decline: c.decline ?? null,
        withdrawal: c.withdrawnOn ? { on: c.withdrawnOn, channel: 'phone', residentWords: '' } : null,
      }
      const [row] = await tx
        .insert(complaints)
        .values({
          reference: `KPI-${c.ref}`,
          residentId: residentIds.get(c.resident) as string,
          channel: 'phone',
          category: c.category,
          description: '',
          desiredOutcome: '',
          receivedAt: new Date(`${c.receivedOn}T11:00:00Z`),
          receivedOn: c.receivedOn,
          status: c.status,
          acknowledgementDue: c.stage1.ackDue,
          acknowledgementDueExplanation: {},
          caseState,
          currentStage: stages.length,
          earlyResolution: c.earlyResolution ?? false,
          closedOn: c.status === 'closed' ? (stages.at(-1)?.respondedOn ?? null) : null,
        })
        .returning({ id: complaints.id })
      const id = row?.id as string
      ids.set(c.ref, id)
      for (const [index, s] of stages.entries()) {
        await tx.insert(complaintStages).values({
          complaintId: id,
          stage: index + 1,
          startedOn: s.startedOn ?? c.receivedOn,
          acknowledgementDue: s.ackDue,
          acknowledgedOn: s.ackOn,
          responseDueBase: s.baseDue,
          responseDue: s.due,
          extensionWorkingDays: s.ext,
          respondedOn: s.respondedOn,
          outcome: s.outcome,
          decisionChanged: s.decisionChanged ?? null,
        })
      }
    }
    const complaintId = (ref: string) => ids.get(ref) as string
    for (const [position, k] of data.commitments.entries()) {
      await tx.insert(commitments).values({
        complaintId: complaintId(k.complaint),
        stage: k.stage,
        position: position + 1,
        description: k.id,
        owner: 'Repairs team',
        originalDueOn: k.originalDueOn,
        dueOn: k.dueOn,
        status: k.status,
        completedOn: k.completedOn,
        cancelReason: k.cancelApproved ? 'No longer needed' : null,
        cancelApprovedBy: k.cancelApproved ? manager?.id : null,
      })
    }
    for (const r of data.qaReviews) {
      await tx.insert(qaReviews).values({
        complaintId: complaintId(r.complaint),
        stage: r.stage,
        sampleMonth: r.reviewedOn.slice(0, 7),
        reviewedOn: r.reviewedOn,
        scoreTenths: r.scoreTenths,
        criticalFail: r.criticalFail,
      })
    }
    for (const a of data.surveyAnswers) {
      await tx.insert(surveyResponses).values({ ...a, complaintId: complaintId(a.complaint) })
    }
    for (const a of data.awards) {
      await tx.insert(compensationAwards).values({
        complaintId: complaintId(a.complaint),
        category: a.category,
        amountPence: a.amountPence,
        reason: 'fixture',
        status: a.status,
        paidOn: a.paidOn,
        ombudsmanOrdered: a.ombudsmanOrdered,
      })
    }
    for (const k of data.externalCases) {
      const [row] = await tx
        .insert(externalCases)
        .values({
          complaintId: k.complaint ? complaintId(k.complaint) : null,
          kind: k.kind,
          openedOn: k.openedOn,
          determinedOn: k.determinedOn,
          findings: k.findings,
        })
        .returning({ id: externalCases.id })
      for (const r of k.requests) {
        await tx.insert(externalRequests).values({ ...r, caseId: row?.id as string, description: r.kind })
      }
    }
    for (const a of data.improvements) {
      await tx.insert(improvementActions).values({
        complaintId: a.complaint ? complaintId(a.complaint) : null,
        kind: a.kind,
        description: 'fixture',
        owner: 'Learning officer',
        measure: 'fixture',
        dueOn: a.dueOn,
        status: a.status,
        completedOn: a.completedOn,
      })
    }
    for (const p of data.perception) await tx.insert(perceptionResponses).values(p)
  })
  return ids
}
