// Residents' data rights: everything held about a resident (subject access), anonymising a
// resident on request or when the retention period ends, keeping the statistics (dates, stages,
// outcomes) and removing who they are and what they wrote.
import { and, eq, inArray, lt, notInArray, sql } from 'drizzle-orm'
import type { ComplaintCase } from '~/domain/complaints/case'
import {
  attachments,
  auditEvents,
  conductRestrictions,
  equalityResponses,
  residentAccessCodes,
  residentSessions,
  surveyResponses,
  complaintDrafts,
  complaintNotes,
  complaints,
  contacts,
  letters,
  outboxMessages,
  reasonableAdjustments,
  residentUpdates,
  residents,
} from '../../db/schema'
import { recordAudit, type Actor } from './audit.server'
import type { Database } from './db.server'

const REMOVED = '[removed]'

export async function subjectAccessExport(
  db: Database,
  residentId: string,
  staffId: string,
  requestId?: string | null,
) {
  const [resident] = await db.select().from(residents).where(eq(residents.id, residentId))
  if (!resident) return null
  const complaintRows = await db.select().from(complaints).where(eq(complaints.residentId, residentId))
  const ids = complaintRows.map((c) => c.id)
  const none = ['00000000-0000-0000-0000-000000000000']
  const [adjustments, contactRows, letterRows, notes, updates, messages, audit, files, survey, equality, restrictions] =
    await Promise.all([
      db.select().from(reasonableAdjustments).where(eq(reasonableAdjustments.residentId, residentId)),
      db.select().from(contacts).where(eq(contacts.residentId, residentId)),
      db
        .select()
        .from(letters)
        .where(inArray(letters.complaintId, ids.length ? ids : none)),
      db
        .select()
        .from(complaintNotes)
        .where(inArray(complaintNotes.complaintId, ids.length ? ids : none)),
      db
        .select()
        .from(residentUpdates)
        .where(inArray(residentUpdates.complaintId, ids.length ? ids : none)),
      db
        .select()
        .from(outboxMessages)
        .where(inArray(outboxMessages.complaintId, ids.length ? ids : none)),
      db
        .select({ occurredAt: auditEvents.occurredAt, action: auditEvents.action, entityId: auditEvents.entityId })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'complaint'), inArray(auditEvents.entityId, ids.length ? ids : none))),
      db
        .select({
          complaintId: attachments.complaintId,
          fileName: attachments.fileName,
          contentType: attachments.contentType,
          size: attachments.size,
          createdAt: attachments.createdAt,
        })
        .from(attachments)
        .where(inArray(attachments.complaintId, ids.length ? ids : none)),
      db
        .select()
        .from(surveyResponses)
        .where(inArray(surveyResponses.complaintId, ids.length ? ids : none)),
      db.select().from(equalityResponses).where(eq(equalityResponses.residentId, residentId)),
      db.select().from(conductRestrictions).where(eq(conductRestrictions.residentId, residentId)),
    ])
  await recordAudit(db, {
    actor: { type: 'staff', id: staffId },
    action: 'resident.exported',
    entityType: 'resident',
    entityId: residentId,
    after: { complaints: ids.length },
    requestId,
  })
  return {
    exportedAt: new Date().toISOString(),
    resident,
    adjustments,
    contacts: contactRows,
    complaints: complaintRows.map((c) => ({ ...c, caseState: c.caseState as ComplaintCase | null })),
    letters: letterRows,
    internalNotes: notes,
    updatesSent: updates,
    messages: messages.map((m) => ({
      channel: m.channel,
      recipient: m.recipient,
      subject: m.subject,
      status: m.status,
      sentAt: m.sentAt,
    })),
    history: audit,
    // The files themselves are sent with the export on request; here, what is held.
    files,
    surveyAnswers: survey,
    equalityAnswers: equality,
    contactRestrictions: restrictions,
  }
}

function scrubCase(state: unknown): unknown {
  if (!state || typeof state !== 'object') return state
  const c = state as ComplaintCase
  return {
    ...c,
    elements: c.elements.map((e) => ({
      ...e,
      summary: REMOVED,
      ...(e.stage1 ? { stage1: { ...e.stage1, reasons: REMOVED } } : {}),
      ...(e.stage2 ? { stage2: { ...e.stage2, reasons: REMOVED } } : {}),
    })),
    definition: c.definition ? { outcomesSought: REMOVED, notInScope: c.definition.notInScope ? REMOVED : null } : null,
    withdrawal: c.withdrawal ? { ...c.withdrawal, residentWords: REMOVED } : null,
    decline: c.decline ? { ...c.decline, explanation: REMOVED } : null,
    stages: c.stages.map((s) => ({ ...s, residentComment: s.residentComment ? REMOVED : null })),
    remedies: c.remedies.map((r) => ({ ...r, description: REMOVED })),
    actions: c.actions.map((a) => ({ ...a, description: REMOVED })),
  }
}

/** Removes who the resident is and what they wrote; keeps dates, stages, outcomes and amounts for the KPIs. */
export async function anonymiseResident(
  db: Database,
  input: { residentId: string; actor: Actor; reason: 'request' | 'retention'; requestId?: string | null },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [resident] = await tx
      .select({ id: residents.id })
      .from(residents)
      .where(eq(residents.id, input.residentId))
      .for('update')
    if (!resident) return false
    const rows = await tx
      .select({ id: complaints.id, caseState: complaints.caseState })
      .from(complaints)
      .where(eq(complaints.residentId, input.residentId))
    const ids = rows.map((r) => r.id)
    await tx
      .update(residents)
      .set({
        name: REMOVED,
        email: null,
        phone: null,
        address: null,
        postcode: null,
        externalKey: null,
        updatedAt: new Date(),
      })
      .where(eq(residents.id, input.residentId))
    await tx
      .update(reasonableAdjustments)
      .set({ detail: null })
      .where(eq(reasonableAdjustments.residentId, input.residentId))
    await tx
      .update(contacts)
      .set({ summary: REMOVED, representative: null })
      .where(eq(contacts.residentId, input.residentId))
    for (const row of rows) {
      await tx
        .update(complaints)
        .set({
          description: REMOVED,
          desiredOutcome: REMOVED,
          representative: null,
          caseState: scrubCase(row.caseState),
        })
        .where(eq(complaints.id, row.id))
    }
    if (ids.length > 0) {
      await tx
        .update(letters)
        .set({ subject: REMOVED, bodyHtml: REMOVED, bodyText: REMOVED })
        .where(inArray(letters.complaintId, ids))
      await tx.update(complaintNotes).set({ body: REMOVED }).where(inArray(complaintNotes.complaintId, ids))
      await tx.update(residentUpdates).set({ summary: REMOVED }).where(inArray(residentUpdates.complaintId, ids))
      await tx
        .update(outboxMessages)
        .set({ recipient: REMOVED, subject: REMOVED, bodyText: REMOVED, bodyHtml: null })
        .where(inArray(outboxMessages.complaintId, ids))
      await tx.delete(complaintDrafts).where(inArray(complaintDrafts.complaintId, ids))
      // Photos and documents are the resident's own material: nothing of them is kept.
      await tx.delete(attachments).where(inArray(attachments.complaintId, ids))
      await tx.delete(residentSessions).where(inArray(residentSessions.complaintId, ids))
      await tx.delete(residentAccessCodes).where(inArray(residentAccessCodes.complaintId, ids))
    }
    await tx
      .update(conductRestrictions)
      .set({ behaviour: REMOVED, restriction: REMOVED, equalityConsideration: REMOVED, endReason: null })
      .where(eq(conductRestrictions.residentId, input.residentId))
    await recordAudit(tx, {
      actor: input.actor,
      action: 'resident.anonymised',
      entityType: 'resident',
      entityId: input.residentId,
      after: { reason: input.reason, complaints: ids.length },
      requestId: input.requestId,
    })
    return true
  })
}

const FINISHED = ['closed', 'withdrawn', 'declined', 'resolved_at_first_contact']

/**
 * REC-2 retention: residents whose every complaint is finished and untouched for `years` years
 * are anonymised. Returns how many.
 */
export async function runRetention(
  db: Database,
  now: Date,
  years = Number(process.env.PUTRIGHT_RETENTION_YEARS ?? 6),
): Promise<number> {
  const cutoff = new Date(now)
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years)
  const stillActive = db
    .select({ id: complaints.residentId })
    .from(complaints)
    .where(
      sql`${complaints.updatedAt} >= ${cutoff.toISOString()}::timestamptz or ${complaints.status} not in ('closed', 'withdrawn', 'declined', 'resolved_at_first_contact')`,
    )
  const due = await db
    .selectDistinct({ id: complaints.residentId })
    .from(complaints)
    .innerJoin(residents, eq(residents.id, complaints.residentId))
    .where(
      and(
        inArray(complaints.status, FINISHED),
        lt(complaints.updatedAt, cutoff),
        notInArray(complaints.residentId, stillActive),
        sql`${residents.name} <> ${REMOVED}`,
      ),
    )
    .limit(500)
  for (const { id } of due)
    await anonymiseResident(db, { residentId: id, actor: { type: 'system', id: null }, reason: 'retention' })
  return due.length
}
