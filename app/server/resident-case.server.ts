// What a resident sees of their own complaint, and what they can do from it: escalate, withdraw,
// add information, ask for a letter again, answer the survey.
import { and, asc, eq } from 'drizzle-orm'
import { currentStage, responseDeadline, stageRecord, type ComplaintCase } from '~/domain/complaints/case'
import { allowedCommands } from '~/domain/complaints/lifecycle'
import type { AdjustmentKind } from '~/domain/complaints/status'
import type { LetterFormat } from '~/domain/letters/compose'
import { isInterfaceLanguage, type InterfaceLanguage } from '~/i18n/config'
import {
  attachments,
  auditEvents,
  commitments,
  complaintNotes,
  complaints,
  letters,
  reasonableAdjustments,
  residents,
  surveyResponses,
} from '../../db/schema'
import { recordAudit } from './audit.server'
import { claimSubmission } from './submissions.server'
import { loadCalendar } from './calendar.server'
import { caseOf, loadCodeSettings } from './cases.server'
import type { Database } from './db.server'
import { enqueueMessage } from './outbox.server'
import { renderLetter, type RenderedLetter } from './letters.server'
import { composeLetter, type LetterKind } from '~/domain/letters/compose'

/** Events a resident is told about on their timeline (internal notes and staff views are not among them). */
const residentEvents = new Set([
  'complaint.received',
  'complaint.acknowledge',
  'complaint.extend',
  'complaint.respond',
  'complaint.escalate',
  'complaint.decline',
  'complaint.withdraw',
  'complaint.close',
  'complaint.reopen',
  'complaint.resident_added_information',
])

export const surveyQuestions = ['handling', 'outcome'] as const
export type SurveyQuestion = (typeof surveyQuestions)[number]
export const surveyAnswers = [
  'very_satisfied',
  'fairly_satisfied',
  'neither',
  'fairly_dissatisfied',
  'very_dissatisfied',
  'dont_know',
] as const

export async function loadCaseForResident(db: Database, complaintId: string) {
  const [row] = await db.select().from(complaints).where(eq(complaints.id, complaintId))
  if (!row) return null
  const calendar = await loadCalendar(db)
  const complaint = caseOf(row, calendar)
  const [events, letterRows, promised, files, answers] = await Promise.all([
    db
      .select({ action: auditEvents.action, occurredAt: auditEvents.occurredAt })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'complaint'), eq(auditEvents.entityId, complaintId)))
      .orderBy(asc(auditEvents.id)),
    db
      .select({
        id: letters.id,
        kind: letters.kind,
        subject: letters.subject,
        createdAt: letters.createdAt,
        language: letters.language,
        format: letters.format,
      })
      .from(letters)
      .where(eq(letters.complaintId, complaintId))
      .orderBy(asc(letters.createdAt)),
    db.select().from(commitments).where(eq(commitments.complaintId, complaintId)).orderBy(asc(commitments.position)),
    db
      .select({
        id: attachments.id,
        fileName: attachments.fileName,
        size: attachments.size,
        createdAt: attachments.createdAt,
      })
      .from(attachments)
      .where(eq(attachments.complaintId, complaintId))
      .orderBy(asc(attachments.createdAt)),
    db.select().from(surveyResponses).where(eq(surveyResponses.complaintId, complaintId)),
  ])
  const stage = currentStage(complaint)
  const finished = ['closed', 'stage2_responded'].includes(complaint.status)
  return {
    row,
    complaint,
    calendar,
    stage,
    timeline: events.filter((e) => residentEvents.has(e.action)),
    letters: letterRows,
    commitments: promised,
    attachments: files,
    canEscalate:
      allowedCommands[complaint.status].includes('escalate') &&
      Boolean(stageRecord(complaint, 1)?.respondedOn) &&
      !stageRecord(complaint, 2),
    canWithdraw: allowedCommands[complaint.status].includes('withdraw'),
    surveyDue: finished ? surveyQuestions.filter((q) => !answers.some((a) => a.question === q)) : [],
    responseDue: [
      'received',
      'escalated',
      'stage1_acknowledged',
      'stage1_extended',
      'stage2_acknowledged',
      'stage2_extended',
    ].includes(complaint.status)
      ? responseDeadline(stage)
      : null,
  }
}

export async function addResidentInformation(
  db: Database,
  input: {
    complaintId: string
    body: string
    files: Array<{ fileName: string; contentType: string; data: Buffer; sha256: string }>
    submissionKey: string
    requestId?: string | null
  },
) {
  await db.transaction(async (tx) => {
    if (!(await claimSubmission(tx, 'resident_add', input.submissionKey))) return
    if (input.body)
      await tx.insert(complaintNotes).values({ complaintId: input.complaintId, source: 'resident', body: input.body })
    for (const file of input.files) {
      await tx.insert(attachments).values({
        complaintId: input.complaintId,
        uploadedBy: 'resident',
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.data.length,
        sha256: file.sha256,
        data: file.data,
      })
    }
    await recordAudit(tx, {
      actor: { type: 'resident', id: null },
      action: 'complaint.resident_added_information',
      entityType: 'complaint',
      entityId: input.complaintId,
      after: { text: Boolean(input.body), files: input.files.length },
      requestId: input.requestId,
    })
  })
}

/** An attachment of this complaint (an id from another complaint finds nothing). */
export async function findAttachment(db: Database, complaintId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.complaintId, complaintId)))
  return row ?? null
}

export async function findResidentLetter(db: Database, complaintId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null
  const [row] = await db
    .select()
    .from(letters)
    .where(and(eq(letters.id, id), eq(letters.complaintId, complaintId)))
  return row ?? null
}

/** The same letter again, in another language or format: rendered now, kept, and emailed if we can. */
export async function sendLetterAgain(
  db: Database,
  input: {
    complaintId: string
    letterId: string
    language: InterfaceLanguage
    format: LetterFormat
    submissionKey: string
    requestId?: string | null
  },
): Promise<RenderedLetter | null> {
  const original = await findResidentLetter(db, input.complaintId, input.letterId)
  if (!original) return null
  const [row] = await db
    .select({ complaint: complaints, resident: residents })
    .from(complaints)
    .innerJoin(residents, eq(residents.id, complaints.residentId))
    .where(eq(complaints.id, input.complaintId))
  if (!row) return null
  const [calendar, settings] = await Promise.all([loadCalendar(db), loadCodeSettings(db)])
  const complaint: ComplaintCase = caseOf(row.complaint, calendar)
  const adjustments = await db
    .select({ kind: reasonableAdjustments.kind })
    .from(reasonableAdjustments)
    .where(eq(reasonableAdjustments.residentId, row.resident.id))
  const content = composeLetter(original.kind as LetterKind, complaint, {
    reference: row.complaint.reference,
    residentName: row.resident.name,
    handlerName: null,
    format: input.format,
    settings,
    calendar,
  })
  const letter = renderLetter(
    content,
    input.language,
    input.format === 'large_print' || adjustments.some((a) => (a.kind as AdjustmentKind) === 'large_print'),
  )
  await db.transaction(async (tx) => {
    if (!(await claimSubmission(tx, 'letter_again', input.submissionKey))) return
    const [saved] = await tx
      .insert(letters)
      .values({
        complaintId: input.complaintId,
        kind: original.kind,
        stage: original.stage,
        language: letter.language,
        format: letter.format,
        subject: letter.subject,
        bodyHtml: letter.html,
        bodyText: letter.text,
        createdBy: 'resident',
      })
      .returning({ id: letters.id })
    if (row.resident.email) {
      await enqueueMessage(tx, {
        channel: 'email',
        purpose: `letter_again:${original.kind}`,
        recipient: row.resident.email,
        subject: letter.subject,
        bodyText: letter.text,
        bodyHtml: letter.html,
        language: letter.language,
        complaintId: input.complaintId,
        letterId: saved?.id ?? null,
      })
    }
    await recordAudit(tx, {
      actor: { type: 'resident', id: null },
      action: 'complaint.letter_requested_again',
      entityType: 'complaint',
      entityId: input.complaintId,
      after: { letter: original.kind, language: input.language, format: input.format },
      requestId: input.requestId,
    })
  })
  return letter
}

/** One answer per question per complaint: answering again replaces the answer, and both are audited. */
export async function answerSurvey(
  db: Database,
  input: { complaintId: string; question: string; answer: string; on: string; requestId?: string | null },
) {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ answer: surveyResponses.answer })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.complaintId, input.complaintId), eq(surveyResponses.question, input.question)))
    if (before?.answer === input.answer) return
    await tx
      .insert(surveyResponses)
      .values({ complaintId: input.complaintId, question: input.question, answer: input.answer, answeredOn: input.on })
      .onConflictDoUpdate({
        target: [surveyResponses.complaintId, surveyResponses.question],
        set: { answer: input.answer, answeredOn: input.on },
      })
    await recordAudit(tx, {
      actor: { type: 'resident', id: null },
      action: 'complaint.survey_answered',
      entityType: 'complaint',
      entityId: input.complaintId,
      before: before ? { [input.question]: before.answer } : null,
      after: { [input.question]: input.answer },
      requestId: input.requestId,
    })
  })
}

export function languageOrEnglish(code: string): InterfaceLanguage {
  return isInterfaceLanguage(code) ? code : 'en'
}
