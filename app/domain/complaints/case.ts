// A complaint as the Code sees it: two stages, each with its clocks, the landlord's definition of
// the complaint, a decision on every element, remedies and promised actions. Pure data, so the
// lifecycle can be tested without a database and stored as one document.
import type { WorkingCalendar } from '../calendar'
import type { IsoDate } from '../working-days'
import { acknowledgementDue, stage1ResponseDue, type Deadline } from './deadlines'
import type { ComplaintStatus } from './status'

export type Stage = 1 | 2

export const decisions = ['upheld', 'partly_upheld', 'not_upheld'] as const
export type Decision = (typeof decisions)[number]

export interface ElementDecision {
  decision: Decision
  reasons: string
}

/** One part of the complaint as the landlord understands it (S1-3a), decided at each stage (R3). */
export interface ComplaintElement {
  id: number
  summary: string
  /** S1-8: added after the acknowledgement because the resident raised it during Stage 1. */
  addedLater: boolean
  stage1?: ElementDecision
  stage2?: ElementDecision
}

export interface Extension {
  workingDays: number
  /** EXT-1: the resident-facing reason. */
  reason: string
  grantedOn: IsoDate
  grantedBy: string
  /** EXT-2: beyond the cap only with the resident's recorded agreement. */
  residentAgreed: boolean
  /** EXT-3: the new due date, worked out from the due date it replaced. */
  deadline: Deadline
}

export interface StageRecord {
  stage: Stage
  /** Day 0 of the stage: receipt (Stage 1) or the escalation request (Stage 2). */
  startedOn: IsoDate
  handlerId: string | null
  acknowledgement: Deadline
  acknowledgedOn: IsoDate | null
  acknowledgedBy: string | null
  /** Due before any extension: from the acknowledgement, or provisional before it (S1-5). */
  responseBase: Deadline
  extensions: Extension[]
  respondedOn: IsoDate | null
  respondedBy: string | null
  outcome: Decision | null
  /** Stage 2 only: asked for after the escalation window (S2-2); flagged, never refused. */
  lateRequest?: boolean
  /** What the resident said is still wrong when escalating (optional, S2-1). */
  residentComment?: string | null
  /** R5: why there is no remedy, when that is the answer. */
  noRemedyReason?: string | null
  /** R6: the handler confirmed nothing is left to do. */
  noOutstandingActions?: boolean
}

export const remedyTypes = [
  'apology',
  'acknowledgement',
  'explanation',
  'acting_on_delay',
  'decision_changed',
  'record_amended',
  'financial',
  'policy_change',
] as const
export type RemedyType = (typeof remedyTypes)[number]
export const remedyStatuses = ['offered', 'accepted', 'declined', 'completed'] as const
export type RemedyStatus = (typeof remedyStatuses)[number]

export interface Remedy {
  id: number
  stage: Stage
  type: RemedyType
  description: string
  /** Financial remedies only, in pence. */
  amountPence: number | null
  status: RemedyStatus
}

/** An action promised to the resident in a response (R6, PTR-3); it becomes a commitment. */
export interface PromisedAction {
  id: number
  stage: Stage
  description: string
  owner: string
  dueOn: IsoDate
}

export const declineGrounds = ['over_12_months', 'legal_proceedings', 'already_considered', 'other'] as const
export type DeclineGround = (typeof declineGrounds)[number]

export interface Decline {
  stage: Stage
  on: IsoDate
  by: string
  ground: DeclineGround
  /** Explained to the resident in the decline letter (EXC-3). */
  explanation: string
  issueDate?: IsoDate | null
  awareDate?: IsoDate | null
  discretionConsidered?: string | null
  courtFilingDate?: IsoDate | null
  linkedReference?: string | null
  approvedBy?: string | null
}

export interface Withdrawal {
  on: IsoDate
  channel: string
  residentWords: string
}

export interface Definition {
  outcomesSought: string
  /** S1-3c: what is not in scope, why, and where to go instead. */
  notInScope: string | null
}

export interface ComplaintCase {
  status: ComplaintStatus
  receivedOn: IsoDate
  earlyResolution: boolean
  stages: StageRecord[]
  definition: Definition | null
  elements: ComplaintElement[]
  remedies: Remedy[]
  actions: PromisedAction[]
  decline: Decline | null
  withdrawal: Withdrawal | null
  closedOn: IsoDate | null
  reopenings: Array<{ on: IsoDate; by: string; reason: string }>
}

export function stageRecord(complaint: ComplaintCase, stage: Stage): StageRecord | undefined {
  return complaint.stages.find((record) => record.stage === stage)
}

export function currentStage(complaint: ComplaintCase): StageRecord {
  const latest = complaint.stages.at(-1)
  if (!latest) throw new Error('A complaint always has Stage 1')
  return latest
}

/** The response due date in force: the last extension's, or the base one. */
export function responseDeadline(record: StageRecord): Deadline {
  return record.extensions.at(-1)?.deadline ?? record.responseBase
}

export function extendedWorkingDays(record: StageRecord): number {
  return record.extensions.reduce((total, extension) => total + extension.workingDays, 0)
}

/** A new Stage 1 complaint received on `receivedOn` (day 0 is the London date of receipt, WD-3). */
export function newComplaintCase(receivedOn: IsoDate, calendar: WorkingCalendar): ComplaintCase {
  const acknowledgement = acknowledgementDue(receivedOn, calendar)
  return {
    status: 'received',
    receivedOn,
    earlyResolution: false,
    stages: [
      {
        stage: 1,
        startedOn: receivedOn,
        handlerId: null,
        acknowledgement,
        acknowledgedOn: null,
        acknowledgedBy: null,
        // S1-5: before the acknowledgement the response date is provisional, from the ack due date.
        responseBase: stage1ResponseDue(acknowledgement.due, calendar),
        extensions: [],
        respondedOn: null,
        respondedBy: null,
        outcome: null,
      },
    ],
    definition: null,
    elements: [],
    remedies: [],
    actions: [],
    decline: null,
    withdrawal: null,
    closedOn: null,
    reopenings: [],
  }
}

/** Overall outcome of a stage (§5): all upheld → upheld; all not upheld → not upheld; else partly. */
export function overallOutcome(decided: Decision[]): Decision | null {
  if (decided.length === 0) return null
  if (decided.every((d) => d === 'upheld')) return 'upheld'
  if (decided.every((d) => d === 'not_upheld')) return 'not_upheld'
  return 'partly_upheld'
}
