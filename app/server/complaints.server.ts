// Complaints: the writes that must happen together, and the reads staff pages need.
import { and, asc, count, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm'
import { acknowledgementDue, type Deadline } from '~/domain/complaints/deadlines'
import type { WorkingCalendar } from '~/domain/calendar'
import { newComplaintCase, type ComplaintCase } from '~/domain/complaints/case'
import { formatComplaintReference } from '~/domain/complaints/reference'
import type { AdjustmentKind, Channel } from '~/domain/complaints/status'
import { requestedAdjustments, type ComplaintAnswers } from '~/domain/journeys/complaint'
import { londonDate, type IsoDate } from '~/domain/working-days'
import {
  attachments,
  complaintDrafts,
  complaints,
  equalityResponses,
  formSubmissions,
  reasonableAdjustments,
  residents,
  staffUsers,
} from '../../db/schema'
import { executeRows } from '../../db/client'
import { isInterfaceLanguage } from '~/i18n/config'
import { formatDate } from '~/i18n/format'
import { getI18n } from '~/i18n/i18n.server'
import { recordAudit, type Actor } from './audit.server'
import { enqueueMessage } from './outbox.server'
import { persistCase } from './cases.server'
import { loadCalendar } from './calendar.server'
import type { Database } from './db.server'

export interface SubmittedComplaint {
  reference: string
  acknowledgementDue: IsoDate
  /** True when this submission key was already used: nothing new was written. */
  replayed: boolean
}

export interface NewComplaint {
  submissionKey: string
  answers: ComplaintAnswers
  channel: Channel
  receivedAt: Date
  actor: Actor
  requestId?: string | null
  /** The draft this came from, marked submitted in the same transaction. */
  draftId?: string
}

/**
 * Writes the resident, the complaint, its adjustments, the audit event and the submission key in
 * one transaction. A second call with the same key returns the first complaint and writes nothing.
 */
export async function submitComplaint(db: Database, input: NewComplaint): Promise<SubmittedComplaint> {
  const calendar = await loadCalendar(db)
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(formSubmissions)
      .values({ key: input.submissionKey, purpose: 'complaint' })
      .onConflictDoNothing({ target: formSubmissions.key })
      .returning({ key: formSubmissions.key })
    if (claimed.length === 0) return replayOf(tx, input.submissionKey)

    const answers = input.answers
    const [resident] = await tx
      .insert(residents)
      .values({
        // Someone complaining for a resident (WHO-2): the case is the resident's, the contact details theirs.
        name: answers.forSomeoneElse ? (answers.representedName ?? '') : (answers.name ?? ''),
        email: answers.email ?? null,
        phone: answers.phone ?? null,
        address: answers.address ?? null,
        postcode: answers.postcode ?? null,
        preferredLanguage:
          answers.language === 'other' ? `other:${answers.otherLanguage ?? ''}` : (answers.language ?? 'en'),
        preferredContactMethod: answers.contactMethod ?? 'email',
      })
      .returning({ id: residents.id })
    if (!resident) throw new Error('Resident not created')

    const { complaint, reference, receivedOn, ackDue } = await createComplaintRecord(tx, calendar, {
      residentId: resident.id,
      channel: input.channel,
      category: answers.service ?? 'other',
      description: answers.whatHappened ?? '',
      desiredOutcome: answers.putRight ?? '',
      language: answers.language && answers.language !== 'other' ? answers.language : 'en',
      receivedAt: input.receivedAt,
      representative: answers.forSomeoneElse
        ? {
            type: answers.relationship,
            name: answers.name,
            consentMethod: answers.consent === 'agreed' ? 'verbal' : null,
            consented: answers.consent === 'agreed',
          }
        : null,
    })

    const adjustments = requestedAdjustments(answers)
    if (adjustments.length > 0) {
      await tx.insert(reasonableAdjustments).values(
        adjustments.map((adjustment) => ({
          residentId: resident.id,
          complaintId: complaint.id,
          kind: adjustment.kind,
          detail: adjustment.detail,
        })),
      )
    }

    if (input.draftId) {
      await tx
        .update(complaintDrafts)
        .set({ complaintId: complaint.id, updatedAt: new Date() })
        .where(eq(complaintDrafts.id, input.draftId))
      await tx.update(attachments).set({ complaintId: complaint.id }).where(eq(attachments.draftId, input.draftId))
    }
    const equality = Object.entries(answers.equality ?? {}).filter(([, answer]) => answer && answer !== 'not_answered')
    if (equality.length > 0) {
      // Kept apart from the complaint, linked only to the resident, never shown to handlers.
      await tx.insert(equalityResponses).values({ residentId: resident.id, answers: Object.fromEntries(equality) })
    }

    await recordAudit(tx, {
      actor: input.actor,
      action: 'complaint.received',
      entityType: 'complaint',
      entityId: complaint.id,
      after: {
        reference,
        channel: input.channel,
        category: answers.service,
        receivedOn,
        status: 'received',
        acknowledgementDue: ackDue.due,
        adjustments: adjustments.map((a) => a.kind),
      },
      requestId: input.requestId,
    })

    if (answers.email)
      await queueReceipt(tx, {
        complaintId: complaint.id,
        email: answers.email,
        language: answers.language,
        reference,
        acknowledgeBy: ackDue.due,
      })

    const result = { reference, acknowledgementDue: ackDue.due }
    await tx.update(formSubmissions).set({ result }).where(eq(formSubmissions.key, input.submissionKey))
    return { ...result, replayed: false }
  })
}

/**
 * A receipt by email, in the resident's language. S1-4: it is not the acknowledgement, which the
 * handler sends once the complaint is defined.
 */
async function queueReceipt(
  tx: Database,
  input: {
    complaintId: string
    email: string
    language: string | undefined
    reference: string
    acknowledgeBy: IsoDate
  },
) {
  const language = isInterfaceLanguage(input.language) ? input.language : 'en'
  const t = getI18n(language).getFixedT(language, 'letters')
  const values = { reference: input.reference, date: formatDate(input.acknowledgeBy, language) }
  const paragraphs = [t('email.receipt.intro', values), t('email.receipt.next', values), t('email.receipt.help')]
  const subject = t('email.receipt.subject', values)
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  await enqueueMessage(tx, {
    channel: 'email',
    purpose: 'receipt',
    recipient: input.email,
    subject,
    bodyText: `${paragraphs.join('\n\n')}\n`,
    bodyHtml: `<article lang="${language}"><h1>${escape(subject)}</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</article>`,
    language,
    complaintId: input.complaintId,
  })
}

export interface ComplaintRecord {
  residentId: string
  channel: Channel
  category: string
  description: string
  desiredOutcome: string
  language: string
  receivedAt: Date
  /** DEF-3: dissatisfaction resolved at first contact, the resident not wanting to complain — logged and closed, not a Stage 1 complaint. */
  resolvedAtFirstContact?: boolean
  priority?: string
  representative?: unknown
}

/** The complaint row and its case, with a new reference: for use inside the caller's transaction. */
export async function createComplaintRecord(tx: Database, calendar: WorkingCalendar, record: ComplaintRecord) {
  const receivedOn = londonDate(record.receivedAt)
  const opened = newComplaintCase(receivedOn, calendar)
  const complaintCase: ComplaintCase = record.resolvedAtFirstContact
    ? { ...opened, status: 'resolved_at_first_contact', closedOn: receivedOn }
    : opened
  const [sequence] = await executeRows<{ n: string | number }>(tx, sql`select nextval('complaint_reference_seq') as n`)
  const reference = formatComplaintReference(Number(receivedOn.slice(0, 4)), Number(sequence?.n))
  const ackDue = opened.stages[0]?.acknowledgement ?? acknowledgementDue(receivedOn, calendar)
  const [complaint] = await tx
    .insert(complaints)
    .values({
      reference,
      residentId: record.residentId,
      channel: record.channel,
      category: record.category,
      description: record.description,
      desiredOutcome: record.desiredOutcome,
      language: record.language,
      receivedAt: record.receivedAt,
      receivedOn,
      status: complaintCase.status,
      acknowledgementDue: ackDue.due,
      acknowledgementDueExplanation: ackDue,
      priority: record.priority ?? 'normal',
      representative: record.representative ?? null,
    })
    .returning({ id: complaints.id })
  if (!complaint) throw new Error('Complaint not created')
  await persistCase(tx, complaint.id, complaintCase)
  return { complaint, reference, receivedOn, ackDue }
}

async function replayOf(tx: Database, key: string): Promise<SubmittedComplaint> {
  const [previous] = await tx.select().from(formSubmissions).where(eq(formSubmissions.key, key)).limit(1)
  const result = previous?.result as { reference: string; acknowledgementDue: IsoDate } | null | undefined
  if (!result) throw new Error(`Submission ${key} has no result`)
  return { ...result, replayed: true }
}

/** The confirmation page's facts, only for the draft that made the complaint. */
export async function findSubmittedComplaint(
  db: Database,
  complaintId: string,
): Promise<{ reference: string; acknowledgementDue: IsoDate; deadline: Deadline; email: string | null } | null> {
  const [row] = await db
    .select({
      reference: complaints.reference,
      acknowledgementDue: complaints.acknowledgementDue,
      explanation: complaints.acknowledgementDueExplanation,
      email: residents.email,
    })
    .from(complaints)
    .innerJoin(residents, eq(residents.id, complaints.residentId))
    .where(eq(complaints.id, complaintId))
    .limit(1)
  if (!row) return null
  return {
    reference: row.reference,
    acknowledgementDue: row.acknowledgementDue,
    deadline: row.explanation as Deadline,
    email: row.email,
  }
}

export interface ComplaintListItem {
  id: string
  reference: string
  receivedAt: Date
  receivedOn: IsoDate
  category: string
  channel: string
  status: string
  acknowledgementDue: IsoDate
  nextDue: IsoDate | null
  nextDueKind: string | null
  currentStage: number
  residentName: string
  handlerName: string | null
  language: string
  adjustments: AdjustmentKind[]
}

export interface ComplaintPage {
  items: ComplaintListItem[]
  /** How many match, counted up to QUEUE_COUNT_LIMIT: `more` says there are more than that. */
  total: number
  more: boolean
  page: number
  pageSize: number
}

/**
 * A queue counts this far and no further. Counting every one of a million complaints takes a third
 * of a second each time the list is shown; past ten thousand, staff filter rather than page.
 */
export const QUEUE_COUNT_LIMIT = 10_000

export const queueViews = ['all', 'mine', 'unassigned', 'due-soon', 'overdue'] as const
export type QueueView = (typeof queueViews)[number]
export const queueSorts = ['due', 'received', 'reference'] as const
export type QueueSort = (typeof queueSorts)[number]

export interface QueueQuery {
  view: QueueView
  staffId: string
  today: IsoDate
  /** The last day counted as "due soon": two working days from today. */
  dueSoonUntil: IsoDate
  stage?: 1 | 2 | null
  service?: string | null
  handlerId?: string | null
  sort: QueueSort
  page: number
  pageSize: number
  /** QUEUE_COUNT_LIMIT unless a test says otherwise. */
  countLimit?: number
}

const OPEN = [
  'received',
  'stage1_acknowledged',
  'stage1_extended',
  'escalated',
  'stage2_acknowledged',
  'stage2_extended',
  'reopened',
]

/** Work queues: mine, unassigned, due soon and overdue, filtered by stage, service and handler. */
export async function listComplaints(db: Database, query: QueueQuery): Promise<ComplaintPage> {
  const pageSize = Math.min(100, Math.max(1, Math.floor(query.pageSize)))
  const countLimit = query.countLimit ?? QUEUE_COUNT_LIMIT
  const page = Math.min(Math.ceil(countLimit / pageSize), Math.max(1, Math.floor(query.page)))
  const conditions = [
    query.view === 'mine' ? and(eq(complaints.handlerId, query.staffId), inArray(complaints.status, OPEN)) : undefined,
    query.view === 'unassigned' ? and(isNull(complaints.handlerId), inArray(complaints.status, OPEN)) : undefined,
    query.view === 'due-soon'
      ? and(gte(complaints.nextDue, query.today), lte(complaints.nextDue, query.dueSoonUntil))
      : undefined,
    query.view === 'overdue' ? lt(complaints.nextDue, query.today) : undefined,
    query.stage ? eq(complaints.currentStage, query.stage) : undefined,
    query.service ? eq(complaints.category, query.service) : undefined,
    query.handlerId ? eq(complaints.handlerId, query.handlerId) : undefined,
  ].filter((condition) => condition !== undefined)
  const where = conditions.length > 0 ? and(...conditions) : undefined
  // Each order is an index's order exactly (nulls included), so a page reads 25 rows, not all of them.
  const newestFirst = [sql`${complaints.receivedAt} desc nulls last`, asc(complaints.id)]
  const order =
    query.sort === 'reference'
      ? [asc(complaints.reference)]
      : query.sort === 'due'
        ? [sql`${complaints.nextDue} asc nulls last`, sql`${complaints.receivedAt} desc nulls last`]
        : newestFirst
  const rows = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      receivedAt: complaints.receivedAt,
      receivedOn: complaints.receivedOn,
      category: complaints.category,
      channel: complaints.channel,
      status: complaints.status,
      acknowledgementDue: complaints.acknowledgementDue,
      nextDue: complaints.nextDue,
      nextDueKind: complaints.nextDueKind,
      currentStage: complaints.currentStage,
      language: complaints.language,
      residentName: residents.name,
      handlerName: staffUsers.name,
    })
    .from(complaints)
    .innerJoin(residents, eq(residents.id, complaints.residentId))
    .leftJoin(staffUsers, eq(staffUsers.id, complaints.handlerId))
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  const matching = db
    .select({ id: complaints.id })
    .from(complaints)
    .where(where)
    .limit(countLimit + 1)
    .as('matching')
  const [totals] = await db.select({ total: count() }).from(matching)
  const total = Number(totals?.total ?? 0)
  const adjustments = await adjustmentsFor(
    db,
    rows.map((row) => row.id),
  )
  return {
    items: rows.map((row) => ({ ...row, adjustments: adjustments.get(row.id)?.map((a) => a.kind) ?? [] })),
    total: Math.min(total, countLimit),
    more: total > countLimit,
    page,
    pageSize,
  }
}

async function adjustmentsFor(db: Database, complaintIds: string[]) {
  const byComplaint = new Map<string, Array<{ kind: AdjustmentKind; detail: string | null }>>()
  if (complaintIds.length === 0) return byComplaint
  const rows = await db
    .select({
      complaintId: reasonableAdjustments.complaintId,
      kind: reasonableAdjustments.kind,
      detail: reasonableAdjustments.detail,
    })
    .from(reasonableAdjustments)
    .where(inArray(reasonableAdjustments.complaintId, complaintIds))
    .orderBy(reasonableAdjustments.createdAt)
  for (const row of rows) {
    if (!row.complaintId) continue
    const list = byComplaint.get(row.complaintId) ?? []
    list.push({ kind: row.kind as AdjustmentKind, detail: row.detail })
    byComplaint.set(row.complaintId, list)
  }
  return byComplaint
}

export async function findComplaintByReference(db: Database, reference: string) {
  const [row] = await db
    .select({ complaint: complaints, resident: residents })
    .from(complaints)
    .innerJoin(residents, eq(residents.id, complaints.residentId))
    .where(eq(complaints.reference, reference))
    .limit(1)
  if (!row) return null
  const adjustments = (await adjustmentsFor(db, [row.complaint.id])).get(row.complaint.id) ?? []
  return {
    ...row.complaint,
    acknowledgementDueExplanation: row.complaint.acknowledgementDueExplanation as Deadline,
    resident: row.resident,
    adjustments,
  }
}

/** Draft rows older than a week that never became a complaint: a resident who walked away. */
export async function deleteAbandonedDrafts(db: Database, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - 7 * 86_400_000)
  const deleted = await db
    .delete(complaintDrafts)
    .where(and(lt(complaintDrafts.updatedAt, cutoff), isNull(complaintDrafts.complaintId)))
    .returning({ id: complaintDrafts.id })
  return deleted.length
}
