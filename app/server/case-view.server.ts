// Everything a staff member sees on one complaint's page, read in one go.
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm'
import type { WorkingCalendar } from '~/domain/calendar'
import { currentStage, stageRecord, type ComplaintCase } from '~/domain/complaints/case'
import { applyCommand, type Command } from '~/domain/complaints/lifecycle'
import { responseChecklist } from '~/domain/complaints/response-checklist'
import type { CodeSettings } from '~/domain/complaints/settings'
import type { AdjustmentKind } from '~/domain/complaints/status'
import { updateSchedule } from '~/domain/complaints/updates'
import type { LetterKind } from '~/domain/letters/compose'
import type { IsoDate } from '~/domain/working-days'
import {
  auditEvents,
  commitments,
  complaintNotes,
  complaints,
  formatTasks,
  letters,
  outboxMessages,
  reasonableAdjustments,
  residentUpdates,
  residents,
  staffUsers,
} from '../../db/schema'
import { loadCalendar } from './calendar.server'
import { caseOf, loadCodeSettings } from './cases.server'
import type { Database } from './db.server'
import { writeLetter } from './letters.server'

export type TimelineEntry =
  | { kind: 'event'; at: string; action: string; actorName: string | null; status: string | null }
  | {
      kind: 'letter'
      at: string
      letterId: string
      letterKind: string
      subject: string
      language: string
      format: string
    }
  | { kind: 'note' | 'resident_note'; at: string; body: string; authorName: string | null }
  | { kind: 'update'; at: string; sentOn: IsoDate; method: string; summary: string; authorName: string | null }

export async function loadCaseForStaff(db: Database, reference: string, today: IsoDate) {
  const [row] = await db
    .select({ complaint: complaints, resident: residents })
    .from(complaints)
    .innerJoin(residents, eq(residents.id, complaints.residentId))
    .where(eq(complaints.reference, reference))
    .limit(1)
  if (!row) return null
  const { complaint: record, resident } = row
  const [calendar, settings] = await Promise.all([loadCalendar(db), loadCodeSettings(db)])
  const complaint = caseOf(record, calendar)
  const [adjustments, letterRows, taskRows, noteRows, updateRows, auditRows, commitmentRows, messageRows] =
    await Promise.all([
      db
        .select({ kind: reasonableAdjustments.kind, detail: reasonableAdjustments.detail })
        .from(reasonableAdjustments)
        .where(eq(reasonableAdjustments.residentId, resident.id))
        .orderBy(asc(reasonableAdjustments.createdAt)),
      db
        .select({
          id: letters.id,
          kind: letters.kind,
          subject: letters.subject,
          language: letters.language,
          format: letters.format,
          createdAt: letters.createdAt,
        })
        .from(letters)
        .where(eq(letters.complaintId, record.id))
        .orderBy(asc(letters.createdAt)),
      db.select().from(formatTasks).where(eq(formatTasks.complaintId, record.id)).orderBy(asc(formatTasks.dueOn)),
      db
        .select({
          body: complaintNotes.body,
          source: complaintNotes.source,
          createdAt: complaintNotes.createdAt,
          authorName: staffUsers.name,
        })
        .from(complaintNotes)
        .leftJoin(staffUsers, eq(staffUsers.id, complaintNotes.authorId))
        .where(eq(complaintNotes.complaintId, record.id)),
      db
        .select({
          stage: residentUpdates.stage,
          sentOn: residentUpdates.sentOn,
          method: residentUpdates.method,
          summary: residentUpdates.summary,
          createdAt: residentUpdates.createdAt,
          authorName: staffUsers.name,
        })
        .from(residentUpdates)
        .leftJoin(staffUsers, eq(staffUsers.id, residentUpdates.createdBy))
        .where(eq(residentUpdates.complaintId, record.id)),
      db
        .select({
          action: auditEvents.action,
          occurredAt: auditEvents.occurredAt,
          actorId: auditEvents.actorId,
          after: auditEvents.after,
        })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.entityType, 'complaint'),
            eq(auditEvents.entityId, record.id),
            ne(auditEvents.action, 'complaint.viewed'),
          ),
        )
        .orderBy(desc(auditEvents.id))
        .limit(500),
      db.select().from(commitments).where(eq(commitments.complaintId, record.id)).orderBy(asc(commitments.position)),
      // What we sent (or are sending) about this complaint, and whether it arrived: never the body.
      db
        .select({
          id: outboxMessages.id,
          channel: outboxMessages.channel,
          purpose: outboxMessages.purpose,
          recipient: outboxMessages.recipient,
          subject: outboxMessages.subject,
          status: outboxMessages.status,
          attempts: outboxMessages.attempts,
          createdAt: outboxMessages.createdAt,
          sentAt: outboxMessages.sentAt,
          nextAttemptAt: outboxMessages.nextAttemptAt,
          lastError: outboxMessages.lastError,
        })
        .from(outboxMessages)
        .where(eq(outboxMessages.complaintId, record.id))
        .orderBy(asc(outboxMessages.createdAt)),
    ])

  const staffIds = [
    ...new Set(
      [...auditRows.map((a) => a.actorId), ...complaint.stages.map((s) => s.handlerId)].filter((id): id is string =>
        Boolean(id),
      ),
    ),
  ].filter((id) => /^[0-9a-f-]{36}$/.test(id))
  const staffNames = staffIds.length
    ? await db
        .select({ id: staffUsers.id, name: staffUsers.name })
        .from(staffUsers)
        .where(inArray(staffUsers.id, staffIds))
    : []
  const nameOf = (id: string | null | undefined) => staffNames.find((s) => s.id === id)?.name ?? null

  const timeline: TimelineEntry[] = [
    ...auditRows.map((a): TimelineEntry => ({
      kind: 'event',
      at: a.occurredAt.toISOString(),
      action: a.action,
      actorName: nameOf(a.actorId),
      status: typeof a.after === 'object' && a.after && 'status' in a.after ? String(a.after.status) : null,
    })),
    ...letterRows.map((l): TimelineEntry => ({
      kind: 'letter',
      at: l.createdAt.toISOString(),
      letterId: l.id,
      letterKind: l.kind,
      subject: l.subject,
      language: l.language,
      format: l.format,
    })),
    ...noteRows.map((n): TimelineEntry => ({
      kind: n.source === 'resident' ? 'resident_note' : 'note',
      at: n.createdAt.toISOString(),
      body: n.body,
      authorName: n.authorName,
    })),
    ...updateRows.map((u): TimelineEntry => ({
      kind: 'update',
      at: u.createdAt.toISOString(),
      sentOn: u.sentOn,
      method: u.method,
      summary: u.summary,
      authorName: u.authorName,
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))

  const stage = currentStage(complaint)
  const open = [
    'received',
    'stage1_acknowledged',
    'stage1_extended',
    'escalated',
    'stage2_acknowledged',
    'stage2_extended',
  ].includes(complaint.status)
  const updates = updateSchedule(
    stage.acknowledgedOn ?? stage.startedOn,
    open ? null : (stage.respondedOn ?? complaint.closedOn ?? complaint.withdrawal?.on ?? today),
    updateRows.filter((u) => u.stage === stage.stage).map((u) => u.sentOn),
    today,
    settings.updateIntervalWorkingDays,
    calendar,
  )

  return {
    record,
    resident,
    complaint,
    adjustments: adjustments.map((a) => ({ kind: a.kind as AdjustmentKind, detail: a.detail })),
    handlers: { 1: nameOf(stageRecord(complaint, 1)?.handlerId), 2: nameOf(stageRecord(complaint, 2)?.handlerId) },
    letters: letterRows,
    formatTasks: taskRows,
    commitments: commitmentRows,
    messages: messageRows,
    timeline,
    updates,
    checklist: [
      'stage1_acknowledged',
      'stage1_extended',
      'stage2_acknowledged',
      'stage2_extended',
      'reopened',
    ].includes(complaint.status)
      ? responseChecklist(complaint, stage.stage, settings)
      : null,
    settings,
    calendar,
  }
}

/** What a command would do, without doing it: the extension's new date, the response letter. */
export async function previewCommand(
  db: Database,
  reference: string,
  command: Command,
): Promise<
  | { ok: true; complaint: ComplaintCase; calendar: WorkingCalendar; settings: CodeSettings }
  | { ok: false; refusal: { key: string; values?: Record<string, string | number>; missing?: string[] } }
  | null
> {
  const [record] = await db.select().from(complaints).where(eq(complaints.reference, reference)).limit(1)
  if (!record) return null
  const [calendar, settings] = await Promise.all([loadCalendar(db), loadCodeSettings(db)])
  const result = applyCommand(caseOf(record, calendar), command, { calendar, settings })
  if (!result.ok) return { ok: false, refusal: result.refusal }
  return { ok: true, complaint: result.complaint, calendar, settings }
}

/** The response letter as it would go out now, for the handler to read before issuing it. */
export async function previewLetter(
  db: Database,
  reference: string,
  kind: LetterKind,
  complaint: ComplaintCase,
  calendar: WorkingCalendar,
  settings: CodeSettings,
) {
  const [row] = await db
    .select({ resident: residents })
    .from(complaints)
    .innerJoin(residents, eq(residents.id, complaints.residentId))
    .where(eq(complaints.reference, reference))
    .limit(1)
  if (!row) return null
  const adjustmentRows = await db
    .select({ kind: reasonableAdjustments.kind })
    .from(reasonableAdjustments)
    .where(eq(reasonableAdjustments.residentId, row.resident.id))
  const handlerId = currentStage(complaint).handlerId
  const [handler] = handlerId
    ? await db.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, handlerId))
    : []
  return writeLetter({
    kind,
    complaint,
    reference,
    recipient: {
      name: row.resident.name,
      preferredLanguage: row.resident.preferredLanguage,
      adjustments: [...new Set(adjustmentRows.map((a) => a.kind as AdjustmentKind))],
    },
    handlerName: handler?.name ?? null,
    settings,
    calendar,
  })
}
