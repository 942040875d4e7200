// PTR-5: every action promised to a resident is tracked to completion — owner, original due date
// (kept when the date is revised), progress, evidence, and the head of service's sign-off before it
// counts as done. Improvement actions from the learning log (GOV-2) follow the same rules.
import type { FieldErrors } from './forms'
import { cleanText } from './text'
import { addWorkingDays, isIsoDate, type IsoDate } from './working-days'

export const commitmentStatuses = ['open', 'in_progress', 'awaiting_sign_off', 'done', 'cancelled'] as const
export type CommitmentStatus = (typeof commitmentStatuses)[number]

/** What the register filters on: a stored status, or "overdue", which is worked out, never stored. */
export const commitmentFilters = [...commitmentStatuses, 'overdue', 'jeopardy'] as const
export type CommitmentFilter = (typeof commitmentFilters)[number]

export function isCommitmentStatus(value: unknown): value is CommitmentStatus {
  return typeof value === 'string' && (commitmentStatuses as readonly string[]).includes(value)
}

/** Nothing more happens to a done or cancelled action, except a manager's decision on a cancellation. */
export function isFinished(status: CommitmentStatus): boolean {
  return status === 'done' || status === 'cancelled'
}

/** PTR-5 weekly jeopardy list: due within this many working days, or already overdue. */
export const JEOPARDY_WORKING_DAYS = 5

export interface TrackedAction {
  status: CommitmentStatus
  dueOn: IsoDate
  originalDueOn: IsoDate
  evidence: string | null
  completedOn: IsoDate | null
  signedOffBy: string | null
  cancelReason: string | null
  cancelApprovedBy: string | null
  residentUpdate: string | null
  likelihood: number | null
  impact: number | null
}

/** Overdue: not done or cancelled, and the due date in force has passed (the due date itself is on time). */
export function isOverdue(action: Pick<TrackedAction, 'status' | 'dueOn'>, today: IsoDate): boolean {
  return !isFinished(action.status) && action.dueOn < today
}

/** On the jeopardy list: still to do and due within `workingDays` working days (or overdue). */
export function isInJeopardy(
  action: Pick<TrackedAction, 'status' | 'dueOn'>,
  today: IsoDate,
  nonWorkingDays: ReadonlySet<IsoDate>,
  workingDays = JEOPARDY_WORKING_DAYS,
): boolean {
  if (isFinished(action.status)) return false
  return action.dueOn <= jeopardyHorizon(today, nonWorkingDays, workingDays)
}

/** The last due date on the jeopardy list today. */
export function jeopardyHorizon(
  today: IsoDate,
  nonWorkingDays: ReadonlySet<IsoDate>,
  workingDays = JEOPARDY_WORKING_DAYS,
): IsoDate {
  return addWorkingDays(today, workingDays, nonWorkingDays)
}

/**
 * What the resident is told: waiting for sign-off is still "in progress" to them (the work is done
 * when the head of service says so), and a late action says so.
 */
export function residentStatus(
  action: Pick<TrackedAction, 'status' | 'dueOn'>,
  today: IsoDate,
): 'open' | 'in_progress' | 'done' | 'overdue' | 'cancelled' {
  if (action.status === 'done' || action.status === 'cancelled') return action.status
  if (isOverdue(action, today)) return 'overdue'
  return action.status === 'open' ? 'open' : 'in_progress'
}

/**
 * kpis.md `commitmentsOnTimePct`: completed on or before the ORIGINAL due date counts as on time;
 * cancelled with a manager's approval leaves the measure, and so does anything still to do that is
 * not yet due on the run date. An unapproved cancellation still counts, as not done.
 */
export function commitmentKpiOutcome(
  action: Pick<TrackedAction, 'status' | 'originalDueOn' | 'completedOn' | 'cancelApprovedBy'>,
  runDate: IsoDate,
): 'excluded' | 'on_time' | 'late' | 'not_done' {
  if (action.status === 'cancelled' && action.cancelApprovedBy) return 'excluded'
  if (action.status === 'done' && action.completedOn)
    return action.completedOn <= action.originalDueOn ? 'on_time' : 'late'
  if (action.originalDueOn >= runDate) return 'excluded'
  return 'not_done'
}

// ── Risk matrix (performance plan): likelihood × impact, each 1–5 ──────────────────────────────

export const riskBands = ['low', 'medium', 'high', 'very_high'] as const
export type RiskBand = (typeof riskBands)[number]
export const riskLevels = [1, 2, 3, 4, 5] as const

const isLevel = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5

/** Likelihood × impact (1–25), or null when either is missing or out of range. */
export function riskScore(likelihood: number | null, impact: number | null): number | null {
  if (!isLevel(likelihood) || !isLevel(impact)) return null
  return likelihood * impact
}

/** The 5×5 matrix's bands: 1–4 low, 5–9 medium, 10–16 high, 20–25 very high. */
export function riskBand(score: number): RiskBand {
  if (score >= 20) return 'very_high'
  if (score >= 10) return 'high'
  if (score >= 5) return 'medium'
  return 'low'
}

export function riskRating(likelihood: number | null, impact: number | null): { score: number; band: RiskBand } | null {
  const score = riskScore(likelihood, impact)
  return score === null ? null : { score, band: riskBand(score) }
}

/** The matrix itself, impact 5 (top row) down to 1, likelihood 1 to 5 across: for the page's key. */
export function riskMatrix(): Array<{
  impact: number
  cells: Array<{ likelihood: number; score: number; band: RiskBand }>
}> {
  return [...riskLevels].reverse().map((impact) => ({
    impact,
    cells: riskLevels.map((likelihood) => ({
      likelihood,
      score: likelihood * impact,
      band: riskBand(likelihood * impact),
    })),
  }))
}

// ── Changes: each a command, checked here, giving the fields to write or a refusal ──────────────

export interface Acting {
  id: string
  /** 'commitment:sign_off' (or 'improvement:manage' for improvement actions): the head of service. */
  canSignOff: boolean
}

export type CommitmentCommand =
  | { type: 'record_progress'; note: string; residentUpdate: string }
  | { type: 'set_risk'; likelihood: string; impact: string }
  | { type: 'revise_due'; dueOn: string; reason: string; today: IsoDate }
  | { type: 'request_sign_off'; evidence: string; completedOn: string; today: IsoDate }
  | { type: 'sign_off'; by: Acting }
  | { type: 'return'; reason: string; by: Acting }
  | { type: 'cancel'; reason: string; by: Acting }
  | { type: 'approve_cancellation'; by: Acting }
  | { type: 'reject_cancellation'; by: Acting }

export type CommitmentChange =
  | { ok: true; changes: Partial<TrackedAction>; event: Record<string, string | number | null> }
  | { ok: false; errors: FieldErrors; status: 400 | 409 }

const MAX_TEXT = 2000

function invalid(field: string, key: string, values?: Record<string, string | number>): CommitmentChange {
  return { ok: false, status: 400, errors: { [field]: values ? { key, values } : { key } } }
}

function refused(field: string, key: string): CommitmentChange {
  return { ok: false, status: 409, errors: { [field]: { key } } }
}

const E = 'staff-errors:commitments'

function parseLevel(value: string): number | null {
  if (!/^[1-5]$/.test(value.trim())) return null
  return Number(value.trim())
}

/**
 * Applies one change to a commitment or improvement action: 400 when the form is incomplete, 409
 * when the rules say no (wrong step, not the head of service). Text arrives already cleaned.
 */
export function changeCommitment(action: TrackedAction, command: CommitmentCommand): CommitmentChange {
  const { status } = action
  switch (command.type) {
    case 'record_progress': {
      if (isFinished(status)) return refused('note', `${E}.finished`)
      const note = command.note.trim()
      const residentUpdate = command.residentUpdate.trim()
      if (!note && !residentUpdate) return invalid('note', `${E}.progressRequired`)
      if (note.length > MAX_TEXT) return invalid('note', `${E}.tooLong`, { max: MAX_TEXT })
      if (residentUpdate.length > MAX_TEXT) return invalid('residentUpdate', `${E}.tooLong`, { max: MAX_TEXT })
      const changes: Partial<TrackedAction> = {}
      // Work has started once anyone reports on it.
      if (status === 'open') changes.status = 'in_progress'
      if (residentUpdate) changes.residentUpdate = residentUpdate
      return { ok: true, changes, event: { note: note || null, residentUpdate: residentUpdate || null } }
    }
    case 'set_risk': {
      if (isFinished(status)) return refused('likelihood', `${E}.finished`)
      const likelihood = parseLevel(command.likelihood)
      const impact = parseLevel(command.impact)
      if (likelihood === null) return invalid('likelihood', `${E}.likelihoodRequired`)
      if (impact === null) return invalid('impact', `${E}.impactRequired`)
      return {
        ok: true,
        changes: { likelihood, impact },
        event: { likelihood, impact, score: likelihood * impact, band: riskBand(likelihood * impact) },
      }
    }
    case 'revise_due': {
      if (status !== 'open' && status !== 'in_progress') return refused('dueOn', `${E}.cannotRevise`)
      if (!isIsoDate(command.dueOn)) return invalid('dueOn', `${E}.dueOnInvalid`)
      if (command.dueOn < command.today) return invalid('dueOn', `${E}.dueOnPast`)
      if (command.dueOn === action.dueOn) return invalid('dueOn', `${E}.dueOnUnchanged`)
      const reason = command.reason.trim()
      if (!reason) return invalid('reason', `${E}.reviseReasonRequired`)
      if (reason.length > MAX_TEXT) return invalid('reason', `${E}.tooLong`, { max: MAX_TEXT })
      // PTR-5: the original due date is never overwritten; the measure is against it.
      return {
        ok: true,
        changes: { dueOn: command.dueOn },
        event: { from: action.dueOn, to: command.dueOn, originalDueOn: action.originalDueOn, reason },
      }
    }
    case 'request_sign_off': {
      if (status !== 'open' && status !== 'in_progress') return refused('evidence', `${E}.cannotComplete`)
      const evidence = command.evidence.trim()
      if (!evidence) return invalid('evidence', `${E}.evidenceRequired`)
      if (evidence.length > MAX_TEXT) return invalid('evidence', `${E}.tooLong`, { max: MAX_TEXT })
      if (!isIsoDate(command.completedOn)) return invalid('completedOn', `${E}.completedOnInvalid`)
      if (command.completedOn > command.today) return invalid('completedOn', `${E}.completedOnFuture`)
      return {
        ok: true,
        changes: { status: 'awaiting_sign_off', evidence, completedOn: command.completedOn },
        event: { completedOn: command.completedOn, evidence },
      }
    }
    case 'sign_off': {
      if (!command.by.canSignOff) return refused('signOff', `${E}.managerOnly`)
      if (status !== 'awaiting_sign_off') return refused('signOff', `${E}.notAwaitingSignOff`)
      if (!action.evidence?.trim() || !action.completedOn) return refused('signOff', `${E}.evidenceRequired`)
      return {
        ok: true,
        changes: { status: 'done', signedOffBy: command.by.id },
        event: { signedOffBy: command.by.id },
      }
    }
    case 'return': {
      if (!command.by.canSignOff) return refused('returnReason', `${E}.managerOnly`)
      if (status !== 'awaiting_sign_off') return refused('returnReason', `${E}.notAwaitingSignOff`)
      const reason = command.reason.trim()
      if (!reason) return invalid('returnReason', `${E}.returnReasonRequired`)
      if (reason.length > MAX_TEXT) return invalid('returnReason', `${E}.tooLong`, { max: MAX_TEXT })
      return { ok: true, changes: { status: 'in_progress', completedOn: null }, event: { reason } }
    }
    case 'cancel': {
      if (isFinished(status)) return refused('cancelReason', `${E}.finished`)
      const reason = command.reason.trim()
      if (!reason) return invalid('cancelReason', `${E}.cancelReasonRequired`)
      if (reason.length > MAX_TEXT) return invalid('cancelReason', `${E}.tooLong`, { max: MAX_TEXT })
      // A head of service cancelling approves it in the same act; anyone else's waits for one.
      const approvedBy = command.by.canSignOff ? command.by.id : null
      return {
        ok: true,
        changes: { status: 'cancelled', cancelReason: reason, cancelApprovedBy: approvedBy },
        event: { reason, previousStatus: status, approvedBy },
      }
    }
    case 'approve_cancellation':
    case 'reject_cancellation': {
      if (!command.by.canSignOff) return refused('cancellation', `${E}.managerOnly`)
      if (status !== 'cancelled' || action.cancelApprovedBy)
        return refused('cancellation', `${E}.noCancellationToDecide`)
      if (command.type === 'approve_cancellation')
        return { ok: true, changes: { cancelApprovedBy: command.by.id }, event: { approvedBy: command.by.id } }
      // Refused: the action is still owed to the resident — back to sign-off if it was complete, else in hand.
      return {
        ok: true,
        changes: {
          status: action.evidence && action.completedOn ? 'awaiting_sign_off' : 'in_progress',
          cancelReason: null,
        },
        event: { rejectedBy: command.by.id, reason: action.cancelReason },
      }
    }
  }
}

/** Whether a cancellation is still waiting for a head of service's decision. */
export function cancellationAwaitingApproval(action: Pick<TrackedAction, 'status' | 'cancelApprovedBy'>): boolean {
  return action.status === 'cancelled' && !action.cancelApprovedBy
}

// ── The staff forms, read into commands (shared by commitments and improvement actions) ────────

export const trackedIntents = [
  'progress',
  'risk',
  'revise',
  'complete',
  'sign_off',
  'return',
  'cancel',
  'approve_cancellation',
  'reject_cancellation',
] as const
export type TrackedIntent = (typeof trackedIntents)[number]

type PostedValues = Record<string, string | string[] | undefined>

/** A posted form as the command it asks for; text is cleaned here, judged by `changeCommitment`. */
export function commandFromForm(
  intent: TrackedIntent,
  values: PostedValues,
  context: { today: IsoDate; by: Acting },
): CommitmentCommand {
  const text = (name: string) => cleanText([values[name]].flat()[0] ?? '')
  switch (intent) {
    case 'progress':
      return { type: 'record_progress', note: text('note'), residentUpdate: text('residentUpdate') }
    case 'risk':
      return { type: 'set_risk', likelihood: text('likelihood'), impact: text('impact') }
    case 'revise':
      return { type: 'revise_due', dueOn: text('dueOn'), reason: text('reason'), today: context.today }
    case 'complete':
      return {
        type: 'request_sign_off',
        evidence: text('evidence'),
        completedOn: text('completedOn'),
        today: context.today,
      }
    case 'sign_off':
      return { type: 'sign_off', by: context.by }
    case 'return':
      return { type: 'return', reason: text('returnReason'), by: context.by }
    case 'cancel':
      return { type: 'cancel', reason: text('cancelReason'), by: context.by }
    case 'approve_cancellation':
      return { type: 'approve_cancellation', by: context.by }
    case 'reject_cancellation':
      return { type: 'reject_cancellation', by: context.by }
  }
}
