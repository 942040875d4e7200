// Runs the Code's lifecycle against the database: one transaction per staff intent, the complaint
// row locked while the pure lifecycle decides, then the case, its projections, its letters and one
// audit event written together — or nothing at all.
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { WorkingCalendar } from '~/domain/calendar'
import {
  currentStage,
  extendedWorkingDays,
  newComplaintCase,
  responseDeadline,
  stageRecord,
  type ComplaintCase,
  type Stage,
} from '~/domain/complaints/case'
import { applyCommand, nextDeadline, type CaseEvent, type Command, type Refusal } from '~/domain/complaints/lifecycle'
import { defaultCodeSettings, type CodeSettings } from '~/domain/complaints/settings'
import type { AdjustmentKind, ComplaintStatus } from '~/domain/complaints/status'
import type { LetterKind } from '~/domain/letters/compose'
import { londonDate, type IsoDate } from '~/domain/working-days'
import {
  commitments,
  complaintStages,
  complaints,
  formatTasks,
  letters,
  reasonableAdjustments,
  remedies,
  residents,
  settings as settingsTable,
  staffUsers,
} from '../../db/schema'
import { recordAudit, type Actor } from './audit.server'
import { loadCalendar } from './calendar.server'
import type { Database } from './db.server'
import { hasCompleteLearning } from './learning.server'
import { formatTaskDue, formatTasksFor, writeLetter } from './letters.server'
import { enqueueMessage } from './outbox.server'

export async function loadCodeSettings(db: Database): Promise<CodeSettings> {
  const [row] = await db.select().from(settingsTable).where(eq(settingsTable.key, 'code')).limit(1)
  const stored = (row?.value ?? {}) as Partial<CodeSettings>
  return { ...defaultCodeSettings, ...stored, ombudsman: { ...defaultCodeSettings.ombudsman, ...stored.ombudsman } }
}

type ComplaintRow = typeof complaints.$inferSelect

/** Rows made before case_state existed (early demo data) get a case rebuilt from what they have. */
export function caseOf(
  row: Pick<ComplaintRow, 'caseState' | 'receivedOn' | 'status'>,
  calendar: WorkingCalendar,
): ComplaintCase {
  if (row.caseState) return row.caseState as ComplaintCase
  return { ...newComplaintCase(row.receivedOn, calendar), status: row.status as ComplaintStatus }
}

/** Writes the case document and everything derived from it that queries and reports read. */
export async function persistCase(
  tx: Database,
  complaintId: string,
  complaint: ComplaintCase,
  changes = 1,
): Promise<void> {
  const next = nextDeadline(complaint)
  const stage = currentStage(complaint)
  const stage1 = stageRecord(complaint, 1)
  await tx
    .update(complaints)
    .set({
      caseState: complaint,
      status: complaint.status,
      currentStage: stage.stage,
      handlerId: stage.handlerId,
      nextDue: next?.deadline.due ?? null,
      nextDueKind: next ? `stage${next.stage}_${next.kind}` : null,
      acknowledgementDue: stage1?.acknowledgement.due,
      acknowledgementDueExplanation: stage1?.acknowledgement,
      earlyResolution: complaint.earlyResolution,
      closedOn: complaint.closedOn,
      version: sql`${complaints.version} + ${changes}`,
      updatedAt: new Date(),
    })
    .where(eq(complaints.id, complaintId))
  const stage1Outcome = stage1?.outcome ?? null
  for (const record of complaint.stages) {
    const values = {
      complaintId,
      stage: record.stage,
      startedOn: record.startedOn,
      handlerId: record.handlerId,
      acknowledgementDue: record.acknowledgement.due,
      acknowledgedOn: record.acknowledgedOn,
      responseDueBase: record.responseBase.due,
      responseDue: responseDeadline(record).due,
      extensionWorkingDays: extendedWorkingDays(record),
      respondedOn: record.respondedOn,
      respondedBy: record.respondedBy,
      outcome: record.outcome,
      decisionChanged:
        record.stage === 2 && record.outcome
          ? record.outcome !== stage1Outcome ||
            complaint.elements.some((e) => e.stage1 && e.stage2 && e.stage1.decision !== e.stage2.decision)
          : null,
      lateRequest: record.lateRequest ?? false,
    }
    await tx
      .insert(complaintStages)
      .values(values)
      .onConflictDoUpdate({ target: [complaintStages.complaintId, complaintStages.stage], set: values })
  }
}

const letterFor: Partial<Record<CaseEvent['type'], (event: CaseEvent) => LetterKind | null>> = {
  acknowledged: (e) =>
    e.type === 'acknowledged' ? (e.stage === 1 ? 'acknowledgement' : 'stage2_acknowledgement') : null,
  extended: () => 'extension',
  responded: (e) => (e.type === 'responded' ? (e.stage === 1 ? 'stage1_response' : 'stage2_response') : null),
  declined: () => 'decline',
  withdrawn: () => 'withdrawal',
}

/** The Code deadline a letter answers to: its format versions are due by then. */
function letterDeadline(kind: LetterKind, complaint: ComplaintCase, event: CaseEvent): IsoDate | null {
  const stage = currentStage(complaint)
  switch (kind) {
    case 'acknowledgement':
    case 'stage2_acknowledgement':
    case 'decline':
      return stage.acknowledgement.due
    case 'extension':
      return event.type === 'extended' ? event.previousDue : null
    case 'stage1_response':
    case 'stage2_response':
      return responseDeadline(stage).due
    case 'withdrawal':
      return null
  }
}

export type CommandResult =
  | { ok: true; complaint: ComplaintCase; events: CaseEvent[]; letterIds: string[] }
  | { ok: false; refusal: Refusal; index: number }
  | { ok: false; notFound: true }

export interface RunCommands {
  reference: string
  /** Applied in order, all or none: e.g. a decision on each element of the complaint. */
  commands: Command[]
  actor: Actor
  requestId?: string | null
  now: Date
}

export function runCommand(db: Database, input: Omit<RunCommands, 'commands'> & { command: Command }) {
  const { command, ...rest } = input
  return runCommands(db, { ...rest, commands: [command] })
}

/**
 * One transaction: lock the complaint, let the pure lifecycle decide every command, then write the
 * case, its projections, its letters and one audit event per command — or, on any refusal, nothing.
 */
export async function runCommands(db: Database, input: RunCommands): Promise<CommandResult> {
  return db.transaction(async (tx) => {
    // The lock makes two handlers acting at once take turns: the second sees the first's result.
    const [row] = await tx
      .select()
      .from(complaints)
      .where(eq(complaints.reference, input.reference))
      .limit(1)
      .for('update')
    if (!row) return { ok: false, notFound: true } as const
    const [calendar, settings] = await Promise.all([loadCalendar(tx), loadCodeSettings(tx)])
    // GOV-2: closing asks whether the learning entry is complete (read under the complaint's lock).
    const learningComplete = input.commands.some((command) => command.type === 'close')
      ? await hasCompleteLearning(tx, row.id)
      : false
    let complaint = caseOf(row, calendar)
    const steps: Array<{ before: ComplaintCase; after: ComplaintCase; events: CaseEvent[] }> = []
    for (const [index, command] of input.commands.entries()) {
      const result = applyCommand(complaint, command, { calendar, settings, learningComplete })
      if (!result.ok) return { ok: false, refusal: result.refusal, index } as const
      steps.push({ before: complaint, after: result.complaint, events: result.events })
      complaint = result.complaint
    }
    await persistCase(tx, row.id, complaint, steps.length)
    const events = steps.flatMap((step) => step.events)
    await writeProjections(tx, row, events)
    const letterIds = await writeLettersFor(tx, row, complaint, events, calendar, settings, input)
    for (const [index, step] of steps.entries()) {
      await recordAudit(tx, {
        actor: input.actor,
        action: `complaint.${input.commands[index]?.type ?? 'unknown'}`,
        entityType: 'complaint',
        entityId: row.id,
        before: { status: step.before.status, version: row.version + index },
        after: { status: step.after.status, version: row.version + index + 1, events: step.events },
        requestId: input.requestId,
      })
    }
    return { ok: true, complaint, events, letterIds } as const
  })
}

async function writeProjections(tx: Database, row: ComplaintRow, events: CaseEvent[]) {
  for (const event of events) {
    if (event.type === 'remedy_added') {
      const { remedy } = event
      await tx.insert(remedies).values({
        complaintId: row.id,
        stage: remedy.stage,
        position: remedy.id,
        type: remedy.type,
        description: remedy.description,
        amountPence: remedy.amountPence,
        status: remedy.status,
      })
    }
    if (event.type === 'action_promised') {
      const { action } = event
      await tx.insert(commitments).values({
        complaintId: row.id,
        stage: action.stage,
        position: action.id,
        description: action.description,
        owner: action.owner,
        serviceArea: row.category,
        originalDueOn: action.dueOn,
        dueOn: action.dueOn,
      })
    }
  }
}

async function writeLettersFor(
  tx: Database,
  row: ComplaintRow,
  complaint: ComplaintCase,
  events: CaseEvent[],
  calendar: WorkingCalendar,
  settings: CodeSettings,
  input: RunCommands,
): Promise<string[]> {
  const kinds = events
    .map((event) => ({ event, kind: letterFor[event.type]?.(event) ?? null }))
    .filter((entry): entry is { event: CaseEvent; kind: LetterKind } => entry.kind !== null)
  if (kinds.length === 0) return []
  const [resident] = await tx.select().from(residents).where(eq(residents.id, row.residentId)).limit(1)
  const adjustmentRows = await tx
    .select({ kind: reasonableAdjustments.kind })
    .from(reasonableAdjustments)
    .where(eq(reasonableAdjustments.residentId, row.residentId))
  const handlerId = currentStage(complaint).handlerId
  const [handler] = handlerId
    ? await tx.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, handlerId)).limit(1)
    : []
  const recipient = {
    name: resident?.name ?? '',
    preferredLanguage: resident?.preferredLanguage ?? 'en',
    adjustments: [...new Set(adjustmentRows.map((a) => a.kind as AdjustmentKind))],
  }
  const today = londonDate(input.now)
  const ids: string[] = []
  for (const { event, kind } of kinds) {
    const letter = writeLetter({
      kind,
      complaint,
      reference: row.reference,
      recipient,
      handlerName: handler?.name ?? null,
      settings,
      calendar,
    })
    const [saved] = await tx
      .insert(letters)
      .values({
        complaintId: row.id,
        kind,
        stage: letter.stage,
        language: letter.language,
        format: letter.format,
        subject: letter.subject,
        bodyHtml: letter.html,
        bodyText: letter.text,
        createdBy: input.actor.type === 'staff' ? input.actor.id : input.actor.type,
      })
      .returning({ id: letters.id })
    if (!saved) continue
    ids.push(saved.id)
    // Letters go by email when that is how the resident wants to hear from us (and we have an address).
    if (resident?.email && resident.preferredContactMethod === 'email') {
      await enqueueMessage(tx, {
        channel: 'email',
        purpose: `letter:${kind}`,
        recipient: resident.email,
        subject: letter.subject,
        bodyText: letter.text,
        bodyHtml: letter.html,
        language: letter.language,
        complaintId: row.id,
        letterId: saved.id,
      })
    }
    const tasks = formatTasksFor(recipient)
    if (tasks.length > 0) {
      const due = formatTaskDue(letterDeadline(kind, complaint, event), today)
      await tx
        .insert(formatTasks)
        .values(tasks.map((task) => ({ complaintId: row.id, letterId: saved.id, ...task, dueOn: due })))
    }
  }
  return ids
}

/** The open complaints whose deadlines a calendar change may move, locked while they are re-dated. */
export async function openComplaintIds(tx: Database): Promise<string[]> {
  const rows = await tx
    .select({ id: complaints.id })
    .from(complaints)
    .where(
      inArray(complaints.status, [
        'received',
        'stage1_acknowledged',
        'stage1_extended',
        'escalated',
        'stage2_acknowledged',
        'stage2_extended',
        'reopened',
      ]),
    )
    .orderBy(asc(complaints.id))
  return rows.map((row) => row.id)
}

export const openStatuses: readonly ComplaintStatus[] = [
  'received',
  'stage1_acknowledged',
  'stage1_extended',
  'escalated',
  'stage2_acknowledged',
  'stage2_extended',
  'reopened',
]

export async function stageHandlers(db: Database, complaint: ComplaintCase): Promise<Record<Stage, string | null>> {
  const ids = complaint.stages.map((s) => s.handlerId).filter((id): id is string => Boolean(id))
  const names = ids.length
    ? await db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(inArray(staffUsers.id, ids))
    : []
  const nameOf = (id: string | null | undefined) => names.find((n) => n.id === id)?.name ?? null
  return { 1: nameOf(stageRecord(complaint, 1)?.handlerId), 2: nameOf(stageRecord(complaint, 2)?.handlerId) }
}

export async function activeStaff(db: Database) {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
    .from(staffUsers)
    .where(
      and(eq(staffUsers.active, true), inArray(staffUsers.role, ['complaint_handler', 'stage2_reviewer', 'manager'])),
    )
    .orderBy(asc(staffUsers.name))
}
