// The learning log (GOV-2): a learning entry per complaint, SMART improvement actions tracked like
// commitments, and "you said, we did" once a manager approves it. Every change is one transaction
// with its audit event; the complaint row is locked while its learning changes, so a close waits.
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm'
import { changeCommitment, type CommitmentCommand, type TrackedAction } from '~/domain/commitments'
import type { ComplaintCase } from '~/domain/complaints/case'
import type { FieldErrors } from '~/domain/forms'
import {
  approveNoLearning,
  isLearningComplete,
  isRepeatComplaint,
  learningState,
  needsLearning,
  publicationRefusal,
  validateLearning,
  validateYouSaidWeDid,
  type Improvement,
  type LearningEntry,
  type LearningInput,
} from '~/domain/learning'
import {
  auditEvents,
  complaintStages,
  complaints,
  improvementActions,
  learningEntries,
  staffUsers,
} from '../../db/schema'
import { recordAudit } from './audit.server'
import type { Database } from './db.server'
import { claimSubmission, wasSubmitted } from './submissions.server'

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)

function entryOf(row: typeof learningEntries.$inferSelect | undefined): LearningEntry | null {
  if (!row) return null
  return {
    rootCause: row.rootCause,
    analysis: row.analysis,
    learning: row.learning,
    noLearningReason: row.noLearningReason,
    approvedBy: row.approvedBy,
  }
}

/** Whether a complaint's learning entry is complete: what the lifecycle needs to close it. */
export async function hasCompleteLearning(db: Database, complaintId: string): Promise<boolean> {
  const [row] = await db.select().from(learningEntries).where(eq(learningEntries.complaintId, complaintId)).limit(1)
  return isLearningComplete(entryOf(row))
}

const elementsOf = (caseState: unknown): Pick<ComplaintCase, 'elements'> => ({
  elements: (caseState as Partial<ComplaintCase> | null)?.elements ?? [],
})

/** A complaint's learning page: the entry, whether it is needed, the improvements, repeat flag. */
export async function loadLearning(db: Database, reference: string) {
  const [row] = await db.select().from(complaints).where(eq(complaints.reference, reference)).limit(1)
  if (!row) return null
  const [entryRow, improvements, history] = await Promise.all([
    db.select().from(learningEntries).where(eq(learningEntries.complaintId, row.id)).limit(1),
    db
      .select()
      .from(improvementActions)
      .where(eq(improvementActions.complaintId, row.id))
      .orderBy(asc(improvementActions.createdAt)),
    db
      .select({
        reference: complaints.reference,
        receivedOn: complaints.receivedOn,
        category: complaints.category,
        status: complaints.status,
      })
      .from(complaints)
      .where(eq(complaints.residentId, row.residentId)),
  ])
  const entry = entryOf(entryRow[0])
  const approver = entry?.approvedBy
    ? (await db.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, entry.approvedBy)))[0]
    : undefined
  return {
    complaint: {
      id: row.id,
      reference: row.reference,
      status: row.status,
      category: row.category,
      closedOn: row.closedOn,
    },
    needed: needsLearning(elementsOf(row.caseState)),
    entry,
    state: learningState(entry),
    approvedByName: approver?.name ?? null,
    repeat: isRepeatComplaint(row.reference, history),
    improvements,
  }
}

export type LearningSaveResult =
  | { ok: true; complete: boolean }
  | { ok: false; status: 400 | 409; errors: FieldErrors }
  | { ok: false; notFound: true }

/** Records (or corrects) the learning entry, under the complaint's lock, with its audit event. */
export async function saveLearning(
  db: Database,
  input: {
    reference: string
    learning: LearningInput
    actor: { id: string; canApprove: boolean }
    now: Date
    requestId?: string | null
  },
): Promise<LearningSaveResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(complaints).where(eq(complaints.reference, input.reference)).for('update')
    if (!row) return { ok: false, notFound: true } as const
    const [existing] = await tx.select().from(learningEntries).where(eq(learningEntries.complaintId, row.id))
    const previous = entryOf(existing)
    const result = validateLearning(input.learning, {
      actor: input.actor,
      previous,
      closedNeedingLearning: row.status === 'closed' && needsLearning(elementsOf(row.caseState)),
    })
    if (!result.ok) return result
    const value = result.value
    const approvedAt = value.approvedBy
      ? value.approvedBy === previous?.approvedBy
        ? existing?.approvedAt
        : input.now
      : null
    const values = { ...value, approvedAt: approvedAt ?? null, recordedBy: input.actor.id, updatedAt: input.now }
    await tx
      .insert(learningEntries)
      .values({ complaintId: row.id, ...values })
      .onConflictDoUpdate({ target: learningEntries.complaintId, set: values })
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.actor.id },
      action: existing ? 'learning.updated' : 'learning.recorded',
      entityType: 'learning_entry',
      entityId: row.id,
      before: previous,
      after: { ...value, state: learningState(value) },
      requestId: input.requestId,
    })
    return { ok: true, complete: isLearningComplete(value) } as const
  })
}

/** A manager approves the "no learning" reason someone else recorded. */
export async function approveLearning(
  db: Database,
  input: { reference: string; actor: { id: string; canApprove: boolean }; now: Date; requestId?: string | null },
): Promise<{ ok: true } | { ok: false; key: string } | { ok: false; notFound: true }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(complaints).where(eq(complaints.reference, input.reference)).for('update')
    if (!row) return { ok: false, notFound: true } as const
    const [existing] = await tx.select().from(learningEntries).where(eq(learningEntries.complaintId, row.id))
    const decision = approveNoLearning(entryOf(existing), input.actor)
    if (!decision.ok) return decision
    await tx
      .update(learningEntries)
      .set({ approvedBy: decision.approvedBy, approvedAt: input.now, updatedAt: input.now })
      .where(eq(learningEntries.complaintId, row.id))
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.actor.id },
      action: 'learning.no_learning_approved',
      entityType: 'learning_entry',
      entityId: row.id,
      after: { approvedBy: decision.approvedBy, reason: existing?.noLearningReason ?? null },
      requestId: input.requestId,
    })
    return { ok: true } as const
  })
}

/** A SMART improvement action from a complaint's learning; a form posted twice adds it once. */
export async function addImprovement(
  db: Database,
  input: {
    reference: string
    improvement: Improvement
    staffId: string
    submissionKey: string
    requestId?: string | null
  },
): Promise<{ ok: true; id: string | null } | { ok: false; notFound: true }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: complaints.id, category: complaints.category })
      .from(complaints)
      .where(eq(complaints.reference, input.reference))
    if (!row) return { ok: false, notFound: true } as const
    if (!(await claimSubmission(tx, 'improvement', input.submissionKey))) return { ok: true, id: null } as const
    const [created] = await tx
      .insert(improvementActions)
      .values({ complaintId: row.id, serviceArea: row.category, createdBy: input.staffId, ...input.improvement })
      .returning({ id: improvementActions.id })
    if (!created) throw new Error('improvement action not saved')
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'improvement.created',
      entityType: 'improvement_action',
      entityId: created.id,
      after: { complaintId: row.id, ...input.improvement },
      requestId: input.requestId,
    })
    return { ok: true, id: created.id } as const
  })
}

type ImprovementRow = typeof improvementActions.$inferSelect

/** Improvement actions follow the commitments' rules; they have one due date and no resident update. */
function trackedOf(row: ImprovementRow): TrackedAction {
  return {
    status: row.status as TrackedAction['status'],
    dueOn: row.dueOn,
    originalDueOn: row.dueOn,
    evidence: row.evidence,
    completedOn: row.completedOn,
    signedOffBy: null,
    cancelReason: null,
    // Only a manager cancels an improvement action, so a cancellation is approved when made.
    cancelApprovedBy: row.status === 'cancelled' ? 'manager' : null,
    residentUpdate: null,
    likelihood: row.likelihood,
    impact: row.impact,
  }
}

export async function loadImprovement(db: Database, id: string) {
  if (!isUuid(id)) return null
  const [row] = await db
    .select({ action: improvementActions, reference: complaints.reference })
    .from(improvementActions)
    .leftJoin(complaints, eq(complaints.id, improvementActions.complaintId))
    .where(eq(improvementActions.id, id))
    .limit(1)
  if (!row) return null
  const [history, people] = await Promise.all([
    db
      .select({
        action: auditEvents.action,
        occurredAt: auditEvents.occurredAt,
        actorId: auditEvents.actorId,
        after: auditEvents.after,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'improvement_action'), eq(auditEvents.entityId, id)))
      .orderBy(desc(auditEvents.id))
      .limit(200),
    db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers),
  ])
  const nameOf = (staffId: string | null | undefined) => people.find((p) => p.id === staffId)?.name ?? null
  return {
    ...row.action,
    reference: row.reference,
    publishedByName: nameOf(row.action.publishedBy),
    history: history.map((event) => ({
      action: event.action,
      occurredAt: event.occurredAt,
      actorName: nameOf(event.actorId),
      details: (event.after ?? {}) as Record<string, string | number | null>,
    })),
  }
}

export type ImprovementUpdateResult =
  | { ok: true; replayed: boolean }
  | { ok: false; status: 400 | 409; errors: FieldErrors }
  | { ok: false; notFound: true }

async function lockImprovement(tx: Database, id: string) {
  if (!isUuid(id)) return undefined
  const [row] = await tx.select().from(improvementActions).where(eq(improvementActions.id, id)).for('update')
  return row
}

/** Progress, risk, completion with evidence, sign-off: the commitments' rules on an improvement action. */
export async function updateImprovement(
  db: Database,
  input: {
    id: string
    command: CommitmentCommand
    staffId: string
    submissionKey: string
    now: Date
    requestId?: string | null
  },
): Promise<ImprovementUpdateResult> {
  return db.transaction(async (tx) => {
    const row = await lockImprovement(tx, input.id)
    if (!row) return { ok: false, notFound: true } as const
    if (await wasSubmitted(tx, 'improvement', input.submissionKey)) return { ok: true, replayed: true } as const
    const result = changeCommitment(trackedOf(row), input.command)
    if (!result.ok) return result
    await claimSubmission(tx, 'improvement', input.submissionKey)
    const { status, evidence, completedOn, likelihood, impact } = result.changes
    await tx
      .update(improvementActions)
      .set({
        ...(status !== undefined ? { status } : {}),
        ...(evidence !== undefined ? { evidence } : {}),
        ...(completedOn !== undefined ? { completedOn } : {}),
        ...(likelihood !== undefined ? { likelihood } : {}),
        ...(impact !== undefined ? { impact } : {}),
        updatedAt: input.now,
      })
      .where(eq(improvementActions.id, row.id))
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: `improvement.${input.command.type}`,
      entityType: 'improvement_action',
      entityId: row.id,
      before: { status: row.status },
      after: { ...result.event, status: status ?? row.status },
      requestId: input.requestId,
    })
    return { ok: true, replayed: false } as const
  })
}

/** The "you said, we did" wording; a change takes it off the published list until approved again. */
export async function saveYouSaidWeDid(
  db: Database,
  input: { id: string; youSaid: string; weDid: string; staffId: string; now: Date; requestId?: string | null },
): Promise<ImprovementUpdateResult> {
  return db.transaction(async (tx) => {
    const row = await lockImprovement(tx, input.id)
    if (!row) return { ok: false, notFound: true } as const
    const checked = validateYouSaidWeDid(input)
    if (!checked.ok) return { ok: false, status: 400, errors: checked.errors } as const
    const unchanged = row.youSaid === checked.value.youSaid && row.weDid === checked.value.weDid
    if (unchanged) return { ok: true, replayed: true } as const
    await tx
      .update(improvementActions)
      .set({ ...checked.value, publishedBy: null, publishedAt: null, updatedAt: input.now })
      .where(eq(improvementActions.id, row.id))
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'improvement.you_said_we_did_drafted',
      entityType: 'improvement_action',
      entityId: row.id,
      before: { youSaid: row.youSaid, weDid: row.weDid, published: Boolean(row.publishedBy) },
      after: checked.value,
      requestId: input.requestId,
    })
    return { ok: true, replayed: false } as const
  })
}

/** A manager approves "you said, we did" for publication. */
export async function publishImprovement(
  db: Database,
  input: { id: string; actor: { id: string; canPublish: boolean }; now: Date; requestId?: string | null },
): Promise<ImprovementUpdateResult> {
  return db.transaction(async (tx) => {
    const row = await lockImprovement(tx, input.id)
    if (!row) return { ok: false, notFound: true } as const
    const refusal = publicationRefusal(row, input.actor)
    if (refusal) return { ok: false, status: 409, errors: { publish: { key: refusal } } } as const
    await tx
      .update(improvementActions)
      .set({ publishedBy: input.actor.id, publishedAt: input.now, updatedAt: input.now })
      .where(eq(improvementActions.id, row.id))
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.actor.id },
      action: 'improvement.published',
      entityType: 'improvement_action',
      entityId: row.id,
      after: { youSaid: row.youSaid, weDid: row.weDid },
      requestId: input.requestId,
    })
    return { ok: true, replayed: false } as const
  })
}

export const learningFilters = ['missing', 'awaiting_approval', 'complete', 'not_needed'] as const
export type LearningFilter = (typeof learningFilters)[number]

/**
 * The learning log: closed complaints (and any with a learning entry), each with its learning state
 * and repeat flag; the improvement actions; and "you said, we did" waiting for approval or published.
 */
export async function learningLog(
  db: Database,
  query: { filter: LearningFilter | null; page: number; pageSize: number },
) {
  const needed = sql`exists (select 1 from ${complaintStages} where ${complaintStages.complaintId} = ${complaints.id} and ${complaintStages.outcome} in ('upheld', 'partly_upheld'))`
  const complete = sql`((${learningEntries.rootCause} is not null and coalesce(trim(${learningEntries.learning}), '') <> '') or (coalesce(trim(${learningEntries.noLearningReason}), '') <> '' and ${learningEntries.approvedBy} is not null))`
  const state = sql<LearningFilter>`case when ${complete} then 'complete' when coalesce(trim(${learningEntries.noLearningReason}), '') <> '' then 'awaiting_approval' when ${needed} then 'missing' else 'not_needed' end`
  const scope = or(eq(complaints.status, 'closed'), isNotNull(learningEntries.complaintId))
  const conditions: SQL[] = []
  if (scope) conditions.push(scope)
  if (query.filter) conditions.push(sql`${state} = ${query.filter}`)
  const page = Math.max(1, Math.floor(query.page))
  const rows = await db
    .select({
      reference: complaints.reference,
      residentId: complaints.residentId,
      category: complaints.category,
      status: complaints.status,
      closedOn: complaints.closedOn,
      rootCause: learningEntries.rootCause,
      state,
    })
    .from(complaints)
    .leftJoin(learningEntries, eq(learningEntries.complaintId, complaints.id))
    .where(and(...conditions))
    .orderBy(sql`${complaints.closedOn} desc nulls first`, asc(complaints.reference))
    .limit(query.pageSize)
    .offset((page - 1) * query.pageSize)
  const [totals, stateCounts] = await Promise.all([
    db
      .select({ total: count() })
      .from(complaints)
      .leftJoin(learningEntries, eq(learningEntries.complaintId, complaints.id))
      .where(and(...conditions)),
    db
      .select({ state, n: count() })
      .from(complaints)
      .leftJoin(learningEntries, eq(learningEntries.complaintId, complaints.id))
      .where(scope)
      .groupBy(state),
  ])
  // Repeat complaints (same resident, same service area, 12 months): from each resident's complaints.
  const residentIds = [...new Set(rows.map((r) => r.residentId))]
  const histories = residentIds.length
    ? await db
        .select({
          residentId: complaints.residentId,
          reference: complaints.reference,
          receivedOn: complaints.receivedOn,
          category: complaints.category,
          status: complaints.status,
        })
        .from(complaints)
        .where(inArray(complaints.residentId, residentIds))
    : []
  const counts: Record<string, number> = {}
  for (const row of stateCounts) counts[row.state] = Number(row.n)
  return {
    complaints: rows.map((row) => ({
      reference: row.reference,
      category: row.category,
      status: row.status,
      closedOn: row.closedOn,
      rootCause: row.rootCause,
      state: row.state,
      repeat: isRepeatComplaint(
        row.reference,
        histories.filter((h) => h.residentId === row.residentId),
      ),
    })),
    total: Number(totals[0]?.total ?? 0),
    counts,
    page,
  }
}

/** Improvement actions, unfinished first by due date, then the finished ones most recent first. */
export async function improvementList(db: Database, limit = 200) {
  return db
    .select({
      id: improvementActions.id,
      kind: improvementActions.kind,
      description: improvementActions.description,
      owner: improvementActions.owner,
      measure: improvementActions.measure,
      dueOn: improvementActions.dueOn,
      status: improvementActions.status,
      completedOn: improvementActions.completedOn,
      likelihood: improvementActions.likelihood,
      impact: improvementActions.impact,
      youSaid: improvementActions.youSaid,
      weDid: improvementActions.weDid,
      publishedBy: improvementActions.publishedBy,
      publishedAt: improvementActions.publishedAt,
      reference: complaints.reference,
    })
    .from(improvementActions)
    .leftJoin(complaints, eq(complaints.id, improvementActions.complaintId))
    .orderBy(
      sql`case when ${improvementActions.status} in ('done', 'cancelled') then 1 else 0 end`,
      asc(improvementActions.dueOn),
    )
    .limit(limit)
}

/** Published "you said, we did" items, newest first (also what the tenant panel may see). */
export async function publishedYouSaidWeDid(db: Database, limit = 100) {
  return db
    .select({
      id: improvementActions.id,
      youSaid: improvementActions.youSaid,
      weDid: improvementActions.weDid,
      publishedAt: improvementActions.publishedAt,
      serviceArea: improvementActions.serviceArea,
    })
    .from(improvementActions)
    .where(and(isNotNull(improvementActions.publishedBy), notInArray(improvementActions.status, ['cancelled'])))
    .orderBy(desc(improvementActions.publishedAt))
    .limit(limit)
}

/** "You said, we did" drafted and waiting for a manager. */
export async function youSaidWeDidAwaitingApproval(db: Database) {
  return db
    .select({
      id: improvementActions.id,
      youSaid: improvementActions.youSaid,
      weDid: improvementActions.weDid,
      status: improvementActions.status,
    })
    .from(improvementActions)
    .where(
      and(
        isNull(improvementActions.publishedBy),
        isNotNull(improvementActions.youSaid),
        isNotNull(improvementActions.weDid),
      ),
    )
    .orderBy(asc(improvementActions.updatedAt))
}

/** What the complaint's page shows of its learning: whether it is needed and how far it has got. */
export async function learningSummary(db: Database, complaintId: string, complaint: Pick<ComplaintCase, 'elements'>) {
  const [row] = await db.select().from(learningEntries).where(eq(learningEntries.complaintId, complaintId)).limit(1)
  return { needed: needsLearning(complaint), state: learningState(entryOf(row)) }
}
