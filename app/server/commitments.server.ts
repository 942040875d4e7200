// The commitments register (PTR-5): every action promised in a response, across services, with its
// progress, evidence and the head of service's sign-off. Each change is one transaction with its
// audit event; overdue ones are chased each working morning.
import { and, asc, count, desc, eq, gte, inArray, lt, lte, notInArray, sql, type SQL } from 'drizzle-orm'
import {
  changeCommitment,
  isOverdue,
  jeopardyHorizon,
  JEOPARDY_WORKING_DAYS,
  type CommitmentCommand,
  type CommitmentFilter,
  type TrackedAction,
} from '~/domain/commitments'
import type { FieldErrors } from '~/domain/forms'
import { isWorkingDay, londonDate, type IsoDate } from '~/domain/working-days'
import { getI18n } from '~/i18n/i18n.server'
import { auditEvents, commitments, complaints, outboxMessages, settings, staffUsers } from '../../db/schema'
import { recordAudit } from './audit.server'
import { loadCalendar } from './calendar.server'
import type { Database } from './db.server'
import { enqueueMessage } from './outbox.server'
import { claimSubmission, wasSubmitted } from './submissions.server'

const FINISHED = ['done', 'cancelled']

/** Settings key `commitments`: how far ahead the jeopardy list looks, in working days. */
export async function loadCommitmentSettings(db: Database): Promise<{ jeopardyWorkingDays: number }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'commitments')).limit(1)
  const stored = (row?.value ?? {}) as { jeopardyWorkingDays?: unknown }
  const days = stored.jeopardyWorkingDays
  return {
    jeopardyWorkingDays:
      typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 60 ? days : JEOPARDY_WORKING_DAYS,
  }
}

export interface CommitmentQuery {
  service: string | null
  owner: string | null
  status: CommitmentFilter | null
  dueFrom: IsoDate | null
  dueTo: IsoDate | null
  today: IsoDate
  page: number
  pageSize: number
}

/** The cross-service register: one page of commitments, the counts by status for the same filters. */
export async function listCommitments(db: Database, query: CommitmentQuery) {
  const [calendar, config] = await Promise.all([loadCalendar(db), loadCommitmentSettings(db)])
  const horizon = jeopardyHorizon(query.today, calendar.nonWorkingDays, config.jeopardyWorkingDays)
  const stillToDo = notInArray(commitments.status, FINISHED)
  const base: SQL[] = []
  if (query.service) base.push(eq(commitments.serviceArea, query.service))
  if (query.owner) base.push(eq(commitments.owner, query.owner))
  if (query.dueFrom) base.push(gte(commitments.dueOn, query.dueFrom))
  if (query.dueTo) base.push(lte(commitments.dueOn, query.dueTo))
  const byStatus: SQL[] = [...base]
  if (query.status === 'overdue') byStatus.push(stillToDo, lt(commitments.dueOn, query.today))
  else if (query.status === 'jeopardy') byStatus.push(stillToDo, lte(commitments.dueOn, horizon))
  else if (query.status) byStatus.push(eq(commitments.status, query.status))
  const where = byStatus.length > 0 ? and(...byStatus) : undefined
  const page = Math.max(1, Math.floor(query.page))
  const rows = await db
    .select({
      id: commitments.id,
      description: commitments.description,
      owner: commitments.owner,
      serviceArea: commitments.serviceArea,
      status: commitments.status,
      dueOn: commitments.dueOn,
      originalDueOn: commitments.originalDueOn,
      cancelApprovedBy: commitments.cancelApprovedBy,
      likelihood: commitments.likelihood,
      impact: commitments.impact,
      stage: commitments.stage,
      reference: complaints.reference,
    })
    .from(commitments)
    .innerJoin(complaints, eq(complaints.id, commitments.complaintId))
    .where(where)
    .orderBy(asc(commitments.dueOn), asc(complaints.reference), asc(commitments.position))
    .limit(query.pageSize)
    .offset((page - 1) * query.pageSize)
  const baseWhere = base.length > 0 ? and(...base) : undefined
  const [totals, statusCounts, owners] = await Promise.all([
    db.select({ total: count() }).from(commitments).where(where),
    db
      .select({
        status: commitments.status,
        n: count(),
        overdue: sql<number>`count(*) filter (where ${commitments.dueOn} < ${query.today})`.mapWith(Number),
        jeopardy: sql<number>`count(*) filter (where ${commitments.dueOn} <= ${horizon})`.mapWith(Number),
      })
      .from(commitments)
      .where(baseWhere)
      .groupBy(commitments.status),
    db.selectDistinct({ owner: commitments.owner }).from(commitments).orderBy(asc(commitments.owner)).limit(500),
  ])
  const counts: Record<string, number> = { overdue: 0, jeopardy: 0 }
  for (const row of statusCounts) {
    counts[row.status] = Number(row.n)
    if (!FINISHED.includes(row.status)) {
      counts.overdue = (counts.overdue ?? 0) + row.overdue
      counts.jeopardy = (counts.jeopardy ?? 0) + row.jeopardy
    }
  }
  return {
    items: rows.map((row) => ({
      ...row,
      overdue: isOverdue({ status: row.status as TrackedAction['status'], dueOn: row.dueOn }, query.today),
    })),
    total: Number(totals[0]?.total ?? 0),
    counts,
    owners: owners.map((o) => o.owner),
    page,
    horizon,
    jeopardyWorkingDays: config.jeopardyWorkingDays,
  }
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)

/** One commitment with its complaint and its history (from the audit trail). */
export async function loadCommitment(db: Database, id: string) {
  if (!isUuid(id)) return null
  const [row] = await db
    .select({ commitment: commitments, reference: complaints.reference, handlerName: staffUsers.name })
    .from(commitments)
    .innerJoin(complaints, eq(complaints.id, commitments.complaintId))
    .leftJoin(staffUsers, eq(staffUsers.id, complaints.handlerId))
    .where(eq(commitments.id, id))
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
      .where(and(eq(auditEvents.entityType, 'commitment'), eq(auditEvents.entityId, id)))
      .orderBy(desc(auditEvents.id))
      .limit(200),
    db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers),
  ])
  const nameOf = (staffId: string | null | undefined) => people.find((p) => p.id === staffId)?.name ?? null
  return {
    ...row.commitment,
    reference: row.reference,
    handlerName: row.handlerName,
    signedOffByName: nameOf(row.commitment.signedOffBy),
    cancelApprovedByName: nameOf(row.commitment.cancelApprovedBy),
    history: history.map((event) => ({
      action: event.action,
      occurredAt: event.occurredAt,
      actorName: nameOf(event.actorId),
      details: (event.after ?? {}) as Record<string, string | number | null>,
    })),
  }
}

export type CommitmentUpdateResult =
  | { ok: true; replayed: boolean }
  | { ok: false; status: 400 | 409; errors: FieldErrors }
  | { ok: false; notFound: true }

/**
 * One change to a commitment: the row locked, the pure rules decide, the change and its audit event
 * written together. A form posted twice (same submission key) changes nothing the second time.
 */
export async function updateCommitment(
  db: Database,
  input: {
    id: string
    command: CommitmentCommand
    staffId: string
    submissionKey: string
    now: Date
    requestId?: string | null
  },
): Promise<CommitmentUpdateResult> {
  if (!isUuid(input.id)) return { ok: false, notFound: true }
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(commitments).where(eq(commitments.id, input.id)).for('update')
    if (!row) return { ok: false, notFound: true } as const
    // Under the row's lock, a second post of the same form finds the first one's key.
    if (await wasSubmitted(tx, 'commitment', input.submissionKey)) return { ok: true, replayed: true } as const
    const result = changeCommitment(row as TrackedAction, input.command)
    if (!result.ok) return result
    await claimSubmission(tx, 'commitment', input.submissionKey)
    const { changes } = result
    await tx
      .update(commitments)
      .set({
        ...changes,
        ...(changes.status === 'done' ? { signedOffAt: input.now } : {}),
        updatedAt: input.now,
      })
      .where(eq(commitments.id, row.id))
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: `commitment.${input.command.type}`,
      entityType: 'commitment',
      entityId: row.id,
      before: { status: row.status, dueOn: row.dueOn },
      after: { ...result.event, status: changes.status ?? row.status },
      requestId: input.requestId,
    })
    return { ok: true, replayed: false } as const
  })
}

/**
 * Each working morning (PTR-5): every overdue commitment is sent to its complaint's handler and to
 * the managers, once a day per commitment.
 */
export async function queueCommitmentAlerts(db: Database, now: Date): Promise<number> {
  const calendar = await loadCalendar(db)
  const today = londonDate(now)
  if (!isWorkingDay(today, calendar.nonWorkingDays)) return 0
  const overdue = await db
    .select({
      id: commitments.id,
      description: commitments.description,
      owner: commitments.owner,
      dueOn: commitments.dueOn,
      reference: complaints.reference,
      complaintId: complaints.id,
      handlerId: complaints.handlerId,
    })
    .from(commitments)
    .innerJoin(complaints, eq(complaints.id, commitments.complaintId))
    .where(and(notInArray(commitments.status, FINISHED), lt(commitments.dueOn, today)))
  if (overdue.length === 0) return 0
  const staff = await db
    .select({ id: staffUsers.id, email: staffUsers.email, role: staffUsers.role })
    .from(staffUsers)
    .where(eq(staffUsers.active, true))
  const managers = staff.filter((s) => s.role === 'manager')
  const t = getI18n('en').getFixedT('en', 'staff')
  let queued = 0
  await db.transaction(async (tx) => {
    const purposeOf = (id: string) => `commitment_overdue:${id}:${today}`
    const already = new Set(
      (
        await tx
          .select({ purpose: outboxMessages.purpose })
          .from(outboxMessages)
          .where(
            inArray(
              outboxMessages.purpose,
              overdue.map((c) => purposeOf(c.id)),
            ),
          )
      ).map((m) => m.purpose),
    )
    for (const commitment of overdue) {
      const purpose = purposeOf(commitment.id)
      if (already.has(purpose)) continue
      const recipients = [...staff.filter((s) => s.id === commitment.handlerId), ...managers]
      const values = {
        reference: commitment.reference,
        description: commitment.description,
        owner: commitment.owner,
        date: commitment.dueOn,
        link: `/staff/commitments/${commitment.id}`,
      }
      for (const recipient of new Map(recipients.map((r) => [r.email, r])).values()) {
        await enqueueMessage(tx, {
          channel: 'email',
          purpose,
          recipient: recipient.email,
          subject: t('commitments.alert.subject', values),
          bodyText: `${t('commitments.alert.body', values)}\n`,
          language: 'en',
          complaintId: commitment.complaintId,
        })
        queued += 1
      }
    }
  })
  return queued
}
