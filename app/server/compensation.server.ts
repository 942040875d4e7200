// Compensation awards: proposed on a case against the policy, authorised within role limits,
// offered, decided by the resident and paid — each step one transaction with its audit event —
// and the figures managers need: spend against the year's budget and benchmarking.
import { stringify } from 'csv-stringify/sync'
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { auditEvents, compensationAwards, complaints, complaintStages, settings, staffUsers } from '../../db/schema'
import {
  applyAwardCommand,
  benchmark,
  budgetsFrom,
  budgetUse,
  committedStatuses,
  financialYearOf,
  financialYearRange,
  initialStatus,
  limitsFrom,
  ombudsmanBandsFrom,
  penceToPounds,
  policyFrom,
  type AuthorisationLimits,
  type AwardCommand,
  type AwardRefusal,
  type AwardStatus,
  type CompensationBudgets,
  type CompensationPolicy,
  type OmbudsmanBands,
  type Proposal,
} from '~/domain/compensation'
import type { StaffRole } from '~/domain/permissions'
import { londonDate, type IsoDate } from '~/domain/working-days'
import { recordAudit } from './audit.server'
import type { Database } from './db.server'
import { claimSubmission } from './submissions.server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The settings this feature reads, by key (each a JSON value in `settings`). */
export const compensationSettingKeys = {
  policy: 'compensation.policy',
  ombudsmanBands: 'compensation.ombudsmanBands',
  limits: 'compensation.limits',
  budget: 'compensation.budget',
} as const

export interface CompensationSettings {
  policy: CompensationPolicy
  ombudsmanBands: OmbudsmanBands
  limits: AuthorisationLimits
  budgets: CompensationBudgets
}

export async function loadCompensationSettings(db: Database): Promise<CompensationSettings> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, Object.values(compensationSettingKeys)))
  const value = (key: string) => rows.find((row) => row.key === key)?.value
  return {
    policy: policyFrom(value(compensationSettingKeys.policy)),
    ombudsmanBands: ombudsmanBandsFrom(value(compensationSettingKeys.ombudsmanBands)),
    limits: limitsFrom(value(compensationSettingKeys.limits)),
    budgets: budgetsFrom(value(compensationSettingKeys.budget)),
  }
}

/** A manager's change to the policy, limits, bands or budget: stored and audited together. */
export async function saveCompensationSetting(
  db: Database,
  input: {
    key: (typeof compensationSettingKeys)[keyof typeof compensationSettingKeys]
    value: unknown
    staffId: string
    requestId?: string | null
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(settings).where(eq(settings.key, input.key)).for('update')
    await tx
      .insert(settings)
      .values({ key: input.key, value: input.value })
      .onConflictDoUpdate({ target: settings.key, set: { value: input.value, updatedAt: new Date() } })
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'settings.updated',
      entityType: 'setting',
      entityId: input.key,
      before: before?.value ?? null,
      after: input.value,
      requestId: input.requestId,
    })
  })
}

/** The complaint an award is proposed on, with the stages it has reached. */
export async function complaintForCompensation(db: Database, reference: string) {
  const [complaint] = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      currentStage: complaints.currentStage,
      contractor: complaints.contractor,
    })
    .from(complaints)
    .where(eq(complaints.reference, reference))
    .limit(1)
  if (!complaint) return null
  const stages = await db
    .select({ stage: complaintStages.stage })
    .from(complaintStages)
    .where(eq(complaintStages.complaintId, complaint.id))
  const reached = stages.map((s) => (s.stage === 2 ? 2 : 1) as 1 | 2)
  return { ...complaint, stages: reached.length > 0 ? [...new Set(reached)].sort() : ([1] as Array<1 | 2>) }
}

export type ProposeResult = { ok: true; id: string | null; status: AwardStatus | null } | { ok: false }

/**
 * Records a proposed award. Within the proposer's own limit it is approved at once (they are
 * authorised to that amount); above it, it waits for someone whose limit covers it. A replayed
 * form records nothing.
 */
export async function proposeAward(
  db: Database,
  input: {
    reference: string
    proposal: Proposal
    staff: { id: string; role: StaffRole }
    submissionKey: string
    now: Date
    requestId?: string | null
  },
): Promise<ProposeResult> {
  const { limits } = await loadCompensationSettings(db)
  return db.transaction(async (tx) => {
    const [complaint] = await tx
      .select({ id: complaints.id, contractor: complaints.contractor })
      .from(complaints)
      .where(eq(complaints.reference, input.reference))
      .for('update')
    if (!complaint) return { ok: false } as const
    if (!(await claimSubmission(tx, 'compensation_propose', input.submissionKey)))
      return { ok: true, id: null, status: null } as const
    const status = initialStatus(input.proposal.amountPence, input.staff.role, limits)
    const [award] = await tx
      .insert(compensationAwards)
      .values({
        complaintId: complaint.id,
        stage: input.proposal.stage,
        category: input.proposal.category,
        band: input.proposal.band,
        amountPence: input.proposal.amountPence,
        reason: input.proposal.reason,
        status,
        proposedBy: input.staff.id,
        approvedBy: status === 'approved' ? input.staff.id : null,
        approvedAt: status === 'approved' ? input.now : null,
        ombudsmanOrdered: input.proposal.ombudsmanOrdered,
        contractor: complaint.contractor,
      })
      .returning({ id: compensationAwards.id })
    if (!award) throw new Error('award not saved')
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staff.id },
      action: 'compensation.proposed',
      entityType: 'compensation_award',
      entityId: award.id,
      after: {
        complaintId: complaint.id,
        stage: input.proposal.stage,
        category: input.proposal.category,
        band: input.proposal.band,
        amountPence: input.proposal.amountPence,
        reason: input.proposal.reason,
        // No column holds it: the reason for going outside the band lives in this event.
        outsideBandReason: input.proposal.outsideBandReason,
        ombudsmanOrdered: input.proposal.ombudsmanOrdered,
        status,
        approvedWithinOwnLimit: status === 'approved',
      },
      requestId: input.requestId,
    })
    return { ok: true, id: award.id, status } as const
  })
}

const proposers = alias(staffUsers, 'proposer')
const approvers = alias(staffUsers, 'approver')

const awardColumns = {
  id: compensationAwards.id,
  reference: complaints.reference,
  complaintId: compensationAwards.complaintId,
  stage: compensationAwards.stage,
  category: compensationAwards.category,
  band: compensationAwards.band,
  amountPence: compensationAwards.amountPence,
  reason: compensationAwards.reason,
  status: compensationAwards.status,
  proposedBy: compensationAwards.proposedBy,
  proposerName: proposers.name,
  approverName: approvers.name,
  approvedAt: compensationAwards.approvedAt,
  offeredOn: compensationAwards.offeredOn,
  decidedOn: compensationAwards.decidedOn,
  paidOn: compensationAwards.paidOn,
  paymentMethod: compensationAwards.paymentMethod,
  ombudsmanOrdered: compensationAwards.ombudsmanOrdered,
  contractor: compensationAwards.contractor,
  createdAt: compensationAwards.createdAt,
}

function awardsQuery(db: Database) {
  return db
    .select(awardColumns)
    .from(compensationAwards)
    .innerJoin(complaints, eq(complaints.id, compensationAwards.complaintId))
    .leftJoin(proposers, eq(proposers.id, compensationAwards.proposedBy))
    .leftJoin(approvers, eq(approvers.id, compensationAwards.approvedBy))
}

/** The awards register, newest first, optionally one status only. */
export async function listAwards(db: Database, filter: { status?: AwardStatus | null; limit?: number } = {}) {
  return awardsQuery(db)
    .where(filter.status ? eq(compensationAwards.status, filter.status) : undefined)
    .orderBy(desc(compensationAwards.createdAt), asc(compensationAwards.id))
    .limit(filter.limit ?? 500)
}

export async function awardsOnComplaint(db: Database, complaintId: string) {
  return awardsQuery(db)
    .where(eq(compensationAwards.complaintId, complaintId))
    .orderBy(asc(compensationAwards.createdAt))
}

/** One award with its history (every audited step, with the reasons no column holds). */
export async function findAward(db: Database, id: string) {
  if (!UUID.test(id)) return null
  const [award] = await awardsQuery(db).where(eq(compensationAwards.id, id)).limit(1)
  if (!award) return null
  const history = await db
    .select({
      action: auditEvents.action,
      occurredAt: auditEvents.occurredAt,
      after: auditEvents.after,
      actorName: staffUsers.name,
    })
    .from(auditEvents)
    .leftJoin(staffUsers, sql`${staffUsers.id}::text = ${auditEvents.actorId}`)
    .where(and(eq(auditEvents.entityType, 'compensation_award'), eq(auditEvents.entityId, id)))
    .orderBy(asc(auditEvents.id))
  return { ...award, history }
}

export type AwardActionResult = { ok: true } | { ok: false; refusal: AwardRefusal | 'notFound'; field: string }

/** One step of an award (approve, reject, offer, resident's decision, payment), applied by the rules. */
export async function actOnAward(
  db: Database,
  input: {
    id: string
    command: AwardCommand
    staff: { id: string; role: StaffRole }
    today: IsoDate
    now: Date
    requestId?: string | null
  },
): Promise<AwardActionResult> {
  if (!UUID.test(input.id)) return { ok: false, refusal: 'notFound', field: 'form' }
  const { limits } = await loadCompensationSettings(db)
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(compensationAwards).where(eq(compensationAwards.id, input.id)).for('update')
    if (!row) return { ok: false, refusal: 'notFound', field: 'form' } as const
    const result = applyAwardCommand(
      {
        status: row.status as AwardStatus,
        amountPence: row.amountPence,
        proposedBy: row.proposedBy,
        offeredOn: row.offeredOn,
        decidedOn: row.decidedOn,
      },
      input.command,
      { limits, today: input.today },
    )
    if (!result.ok) return result
    const command = input.command
    await tx
      .update(compensationAwards)
      .set({
        status: result.status,
        ...result.set,
        ...(command.type === 'approve' ? { approvedBy: input.staff.id, approvedAt: input.now } : {}),
        ...(command.type === 'pay' ? { paymentMethod: command.method } : {}),
        updatedAt: input.now,
      })
      .where(eq(compensationAwards.id, row.id))
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staff.id },
      action: `compensation.${result.status}`,
      entityType: 'compensation_award',
      entityId: row.id,
      before: { status: row.status },
      after: {
        status: result.status,
        ...result.set,
        ...(command.type === 'reject' ? { reason: command.reason.trim() } : {}),
        ...(command.type === 'pay' ? { paymentMethod: command.method } : {}),
        amountPence: row.amountPence,
      },
      requestId: input.requestId,
    })
    return { ok: true } as const
  })
}

/** Spend against the budget for a financial year (1 April start): paid in the year, and committed. */
export async function budgetFigures(db: Database, startYear: number, budgets: CompensationBudgets) {
  const { from, to } = financialYearRange(startYear)
  const [paid] = await db
    .select({
      total: sql<number>`coalesce(sum(${compensationAwards.amountPence}), 0)::int`,
      ordered: sql<number>`coalesce(sum(${compensationAwards.amountPence}) filter (where ${compensationAwards.ombudsmanOrdered}), 0)::int`,
      count: sql<number>`count(*)::int`,
    })
    .from(compensationAwards)
    .where(
      and(
        eq(compensationAwards.status, 'paid'),
        gte(compensationAwards.paidOn, from),
        lte(compensationAwards.paidOn, to),
      ),
    )
  const [committed] = await db
    .select({ total: sql<number>`coalesce(sum(${compensationAwards.amountPence}), 0)::int` })
    .from(compensationAwards)
    .where(inArray(compensationAwards.status, [...committedStatuses]))
  return {
    startYear,
    from,
    to,
    paidCount: paid?.count ?? 0,
    ombudsmanOrderedPence: paid?.ordered ?? 0,
    ...budgetUse(budgets[String(startYear)], paid?.total ?? 0, committed?.total ?? 0),
  }
}

/**
 * Benchmarking for a financial year: every award decided (approved or later, not proposals or
 * rejections) dated by its payment, offer or approval, by category and by the outcome of the stage
 * it was made at, against the Ombudsman's bands.
 */
export async function benchmarkFigures(db: Database, startYear: number, bands: OmbudsmanBands) {
  const rows = await db
    .select({
      category: compensationAwards.category,
      amountPence: compensationAwards.amountPence,
      paidOn: compensationAwards.paidOn,
      offeredOn: compensationAwards.offeredOn,
      approvedAt: compensationAwards.approvedAt,
      createdAt: compensationAwards.createdAt,
      outcome: complaintStages.outcome,
    })
    .from(compensationAwards)
    .leftJoin(
      complaintStages,
      and(
        eq(complaintStages.complaintId, compensationAwards.complaintId),
        eq(complaintStages.stage, sql`coalesce(${compensationAwards.stage}, 1)`),
      ),
    )
    .where(inArray(compensationAwards.status, ['approved', 'offered', 'accepted', 'declined', 'paid']))
  const inYear = rows.filter((row) => {
    const date = row.paidOn ?? row.offeredOn ?? londonDate(row.approvedAt ?? row.createdAt)
    return financialYearOf(date) === startYear
  })
  return benchmark(inYear, bands)
}

/** A cell a spreadsheet would read as a formula ("=…", "+…") is written as text. */
const cell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

/** The awards register as CSV (amounts in pounds with two decimals), for the finance team. */
export function awardsCsv(rows: Awaited<ReturnType<typeof listAwards>>): string {
  return stringify(
    rows.map((r) => [
      r.reference,
      r.stage ?? '',
      r.category,
      r.band ?? '',
      penceToPounds(r.amountPence),
      r.status,
      londonDate(r.createdAt),
      r.approvedAt ? londonDate(r.approvedAt) : '',
      r.offeredOn ?? '',
      r.decidedOn ?? '',
      r.paidOn ?? '',
      r.paymentMethod ?? '',
      r.ombudsmanOrdered ? 'yes' : 'no',
      cell(r.contractor ?? ''),
    ]),
    {
      header: true,
      columns: [
        'reference',
        'stage',
        'category',
        'band',
        'amount_gbp',
        'status',
        'proposed_on',
        'approved_on',
        'offered_on',
        'decided_on',
        'paid_on',
        'payment_method',
        'ombudsman_ordered',
        'contractor',
      ],
    },
  )
}
