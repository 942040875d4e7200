// Ombudsman, MP/councillor and mediation cases: every change in one transaction with its audit
// event, and each form's submission key claimed there too, so a double submit changes nothing.
import { and, asc, desc, eq, isNull } from 'drizzle-orm'
import {
  findingsFrom,
  summariseExternalCases,
  validateAction,
  validateAnswer,
  validateAsk,
  validateClose,
  validateDetermination,
  type ActionInput,
  type AnswerInput,
  type AskInput,
  type CloseInput,
  type DeterminationInput,
  type ExternalCaseKind,
  type NewCase,
} from '~/domain/external-cases'
import type { FieldErrors } from '~/domain/forms'
import { parseComplaintReference } from '~/domain/complaints/reference'
import { londonDate, type IsoDate } from '~/domain/working-days'
import { complaints, externalCases, externalRequests, formSubmissions } from '../../db/schema'
import { recordAudit } from './audit.server'
import { loadCalendar } from './calendar.server'
import type { Database } from './db.server'

export type ExternalChange =
  { ok: true; id: string } | { ok: false; notFound: true } | { ok: false; errors: FieldErrors; status: 400 | 409 }

/** Refusals of a rule (the case's state), told apart from bad input in the logs (STYLE: 409 vs 400). */
const refusals = new Set(
  [
    'caseClosed',
    'alreadyAnswered',
    'alreadyDetermined',
    'determinationFirst',
    'openRequests',
    'noDeterminationForKind',
  ].map((key) => `staff-errors:external.${key}`),
)

function rejected(errors: FieldErrors): ExternalChange {
  const status = Object.values(errors).some((error) => refusals.has(error.key)) ? 409 : 400
  return { ok: false, errors, status }
}

const submissionKeyOf = (key: string) => `external:${key}`

/** A post already applied with this key: the replay answers as the first did and changes nothing. */
async function previousSubmission(tx: Database, key: string): Promise<{ id: string } | null> {
  const [row] = await tx
    .select()
    .from(formSubmissions)
    .where(eq(formSubmissions.key, submissionKeyOf(key)))
  if (!row) return null
  const result = row.result
  return typeof result === 'object' && result !== null && 'id' in result && typeof result.id === 'string'
    ? { id: result.id }
    : { id: '' }
}

/** Claims the key with its result; false when a concurrent twin got there first (then write nothing). */
async function claim(tx: Database, key: string, id: string): Promise<boolean> {
  const claimed = await tx
    .insert(formSubmissions)
    .values({ key: submissionKeyOf(key), purpose: 'external', result: { id } })
    .onConflictDoNothing({ target: formSubmissions.key })
    .returning({ key: formSubmissions.key })
  return claimed.length > 0
}

interface Change {
  staffId: string
  submissionKey: string
  requestId?: string | null
  now: Date
}

export async function createExternalCase(db: Database, input: Change & { value: NewCase }): Promise<ExternalChange> {
  return db.transaction(async (tx) => {
    const previous = await previousSubmission(tx, input.submissionKey)
    if (previous) return { ok: true, id: previous.id }
    let complaintId: string | null = null
    if (input.value.complaintReference) {
      const reference = parseComplaintReference(input.value.complaintReference)
      const [complaint] = reference
        ? await tx.select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference))
        : []
      if (!complaint) return rejected({ complaintReference: { key: 'staff-errors:external.complaintNotFound' } })
      complaintId = complaint.id
    }
    const [row] = await tx
      .insert(externalCases)
      .values({
        complaintId,
        kind: input.value.kind,
        theirReference: input.value.theirReference,
        openedOn: input.value.openedOn,
        notes: input.value.notes,
        createdBy: input.staffId,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning({ id: externalCases.id })
    if (!row) throw new Error('external case not saved')
    if (!(await claim(tx, input.submissionKey, row.id))) throw new Error('submission claimed concurrently')
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'external.opened',
      entityType: 'external_case',
      entityId: row.id,
      after: { kind: input.value.kind, openedOn: input.value.openedOn, complaintId },
      requestId: input.requestId,
    })
    return { ok: true, id: row.id }
  })
}

async function lockCase(tx: Database, caseId: string) {
  if (!/^[0-9a-f-]{36}$/.test(caseId)) return null
  const [row] = await tx.select().from(externalCases).where(eq(externalCases.id, caseId)).for('update')
  return row ?? null
}

/**
 * Runs one change to a case: lock it, replay check, rule check, claim, write, audit — all in one
 * transaction. `apply` returns the audit event's `after`, or errors to refuse the change.
 */
async function changeCase(
  db: Database,
  input: Change & { caseId: string; action: string },
  apply: (
    tx: Database,
    externalCase: typeof externalCases.$inferSelect,
    today: IsoDate,
  ) => Promise<{ errors: FieldErrors } | { after: Record<string, unknown>; before?: Record<string, unknown> }>,
): Promise<ExternalChange> {
  return db.transaction(async (tx) => {
    const externalCase = await lockCase(tx, input.caseId)
    if (!externalCase) return { ok: false, notFound: true }
    if (await previousSubmission(tx, input.submissionKey)) return { ok: true, id: externalCase.id }
    const outcome = await apply(tx, externalCase, londonDate(input.now))
    if ('errors' in outcome) return rejected(outcome.errors)
    if (!(await claim(tx, input.submissionKey, externalCase.id))) throw new Error('submission claimed concurrently')
    await tx.update(externalCases).set({ updatedAt: input.now }).where(eq(externalCases.id, externalCase.id))
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: input.action,
      entityType: 'external_case',
      entityId: externalCase.id,
      before: outcome.before,
      after: outcome.after,
      requestId: input.requestId,
    })
    return { ok: true, id: externalCase.id }
  })
}

/** A request from the outside body, with the due date from its letter. */
export function addExternalRequest(db: Database, input: Change & { caseId: string; ask: AskInput }) {
  return changeCase(db, { ...input, action: 'external.request_added' }, async (tx, externalCase, today) => {
    const checked = validateAsk(input.ask, externalCase, today)
    if (!checked.ok) return { errors: checked.errors }
    const [row] = await tx
      .insert(externalRequests)
      .values({ caseId: externalCase.id, ...checked.value, createdAt: input.now })
      .returning({ id: externalRequests.id })
    return { after: { requestId: row?.id, ...checked.value } }
  })
}

/** An answer to a request, or compliance (with its proof) with an order or recommendation. */
export function answerExternalRequest(
  db: Database,
  input: Change & { caseId: string; externalRequestId: string; answer: AnswerInput },
) {
  return changeCase(db, { ...input, action: 'external.request_answered' }, async (tx, externalCase, today) => {
    const id = /^[0-9a-f-]{36}$/.test(input.externalRequestId) ? input.externalRequestId : null
    const [request] = id
      ? await tx
          .select()
          .from(externalRequests)
          .where(and(eq(externalRequests.id, id), eq(externalRequests.caseId, externalCase.id)))
          .for('update')
      : []
    if (!request) return { errors: { answeredOn: { key: 'staff-errors:external.requestNotFound' } } }
    if (externalCase.closedOn) return { errors: { answeredOn: { key: 'staff-errors:external.caseClosed' } } }
    const checked = validateAnswer(input.answer, request, today)
    if (!checked.ok) return { errors: checked.errors }
    await tx.update(externalRequests).set(checked.value).where(eq(externalRequests.id, request.id))
    return { after: { requestId: request.id, kind: request.kind, dueOn: request.dueOn, ...checked.value } }
  })
}

export function recordDetermination(
  db: Database,
  input: Change & { caseId: string; determination: DeterminationInput },
) {
  return changeCase(db, { ...input, action: 'external.determined' }, async (tx, externalCase, today) => {
    const checked = validateDetermination(input.determination, externalCase, today)
    if (!checked.ok) return { errors: checked.errors }
    await tx
      .update(externalCases)
      .set({ determinedOn: checked.value.determinedOn, findings: { issues: checked.value.findings } })
      .where(eq(externalCases.id, externalCase.id))
    return { after: checked.value }
  })
}

/** An order or recommendation; recorded today, which seed 003 wants within 2 working days of the determination. */
export function addDeterminationAction(db: Database, input: Change & { caseId: string; action: ActionInput }) {
  return changeCase(db, { ...input, action: 'external.action_added' }, async (tx, externalCase) => {
    const checked = validateAction(input.action, externalCase)
    if (!checked.ok) return { errors: checked.errors }
    const [row] = await tx
      .insert(externalRequests)
      .values({ caseId: externalCase.id, ...checked.value, createdAt: input.now })
      .returning({ id: externalRequests.id })
    return { after: { requestId: row?.id, ...checked.value, recordedOn: londonDate(input.now) } }
  })
}

export function closeExternalCase(db: Database, input: Change & { caseId: string; close: CloseInput }) {
  return changeCase(db, { ...input, action: 'external.closed' }, async (tx, externalCase, today) => {
    const requests = await tx.select().from(externalRequests).where(eq(externalRequests.caseId, externalCase.id))
    const checked = validateClose(input.close, externalCase, requests, today)
    if (!checked.ok) return { errors: checked.errors }
    await tx
      .update(externalCases)
      .set({ closedOn: checked.value.closedOn, outcome: checked.value.outcome ?? externalCase.outcome })
      .where(eq(externalCases.id, externalCase.id))
    return { after: checked.value }
  })
}

export async function loadExternalCase(db: Database, caseId: string) {
  if (!/^[0-9a-f-]{36}$/.test(caseId)) return null
  const [row] = await db
    .select({ externalCase: externalCases, complaintReference: complaints.reference })
    .from(externalCases)
    .leftJoin(complaints, eq(complaints.id, externalCases.complaintId))
    .where(eq(externalCases.id, caseId))
  if (!row) return null
  const [requests, calendar] = await Promise.all([
    db
      .select()
      .from(externalRequests)
      .where(eq(externalRequests.caseId, caseId))
      .orderBy(asc(externalRequests.receivedOn), asc(externalRequests.createdAt)),
    loadCalendar(db),
  ])
  return {
    externalCase: row.externalCase,
    findings: findingsFrom(row.externalCase.findings),
    complaintReference: row.complaintReference,
    requests: requests.map((request) => ({ ...request, recordedOn: londonDate(request.createdAt) })),
    nonWorkingDays: calendar.nonWorkingDays,
  }
}

export async function listExternalCases(db: Database, filter: { kind: ExternalCaseKind | null; open: boolean }) {
  const conditions = [
    ...(filter.kind ? [eq(externalCases.kind, filter.kind)] : []),
    ...(filter.open ? [isNull(externalCases.closedOn)] : []),
  ]
  const rows = await db
    .select({ externalCase: externalCases, complaintReference: complaints.reference })
    .from(externalCases)
    .leftJoin(complaints, eq(complaints.id, externalCases.complaintId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(externalCases.openedOn), desc(externalCases.createdAt))
    .limit(500)
  return rows.map(({ externalCase, complaintReference }) => ({
    ...externalCase,
    complaintReference,
    findings: findingsFrom(externalCase.findings),
  }))
}

/** Every request and order not yet answered or complied with, soonest due first. */
export async function openExternalRequests(db: Database) {
  return db
    .select({
      id: externalRequests.id,
      caseId: externalRequests.caseId,
      kind: externalRequests.kind,
      description: externalRequests.description,
      receivedOn: externalRequests.receivedOn,
      dueOn: externalRequests.dueOn,
      answeredOn: externalRequests.answeredOn,
      caseKind: externalCases.kind,
      theirReference: externalCases.theirReference,
    })
    .from(externalRequests)
    .innerJoin(externalCases, eq(externalCases.id, externalRequests.caseId))
    .where(isNull(externalRequests.answeredOn))
    .orderBy(asc(externalRequests.dueOn))
}

/** Counts and timeliness for a period. External cases are few (tens a year), so all are read. */
export async function externalSummary(db: Database, period: { from: IsoDate; to: IsoDate }, today: IsoDate) {
  const [cases, requests, calendar] = await Promise.all([
    db.select().from(externalCases),
    db.select().from(externalRequests),
    loadCalendar(db),
  ])
  return summariseExternalCases(
    cases.map((c) => ({ ...c, findings: findingsFrom(c.findings) })),
    requests.map((r) => ({ ...r, recordedOn: londonDate(r.createdAt) })),
    period,
    today,
    calendar.nonWorkingDays,
  )
}

/** The external cases about a complaint, for a link on its case page. */
export async function externalCasesForComplaint(db: Database, complaintId: string) {
  return db
    .select({ id: externalCases.id, kind: externalCases.kind, openedOn: externalCases.openedOn })
    .from(externalCases)
    .where(eq(externalCases.complaintId, complaintId))
    .orderBy(asc(externalCases.openedOn))
}
