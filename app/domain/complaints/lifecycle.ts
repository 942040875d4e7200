// The only way a complaint changes: a command, checked against the transition table and the Code's
// guards, gives either the new case and the events to record, or a refusal with a reason key.
import type { WorkingCalendar } from '../calendar'
import { needsLearning } from '../learning'
import { addWorkingDays, isIsoDate, type IsoDate } from '../working-days'
import {
  currentStage,
  decisions,
  extendedWorkingDays,
  overallOutcome,
  remedyStatuses,
  remedyTypes,
  responseDeadline,
  stageRecord,
  type ComplaintCase,
  type ComplaintElement,
  type Decision,
  type Extension,
  type PromisedAction,
  type Remedy,
  type RemedyStatus,
  type RemedyType,
  type Stage,
  type StageRecord,
} from './case'
import { declineRecord, declineRefusal, type DeclineRequest } from './decline'
import {
  extendDeadline,
  stage1ResponseDue,
  stage2AcknowledgementDue,
  stage2ResponseDue,
  type Deadline,
} from './deadlines'
import { missingFromResponse, type ChecklistItem } from './response-checklist'
import { extensionCap, hasOmbudsmanDetails, type CodeSettings } from './settings'
import type { ComplaintStatus } from './status'

export type Actor =
  | { kind: 'staff'; id: string; role: string }
  | { kind: 'resident' }
  | { kind: 'representative'; name: string }
  | { kind: 'system' }

export type Command =
  | {
      type: 'acknowledge'
      on: IsoDate
      by: Actor
      elements: string[]
      outcomesSought: string
      notInScope?: string | null
    }
  | { type: 'assign'; stage: Stage; handlerId: string; by: Actor }
  | { type: 'extend'; on: IsoDate; by: Actor; workingDays: number; reason: string; residentAgreed: boolean }
  | { type: 'add_element'; by: Actor; summary: string }
  | { type: 'record_decision'; by: Actor; elementId: number; decision: Decision; reasons: string }
  | {
      type: 'add_remedy'
      by: Actor
      remedyType: RemedyType
      description: string
      amountPence: number | null
      status: RemedyStatus
    }
  | { type: 'no_remedy'; by: Actor; reason: string }
  | { type: 'promise_action'; by: Actor; description: string; owner: string; dueOn: IsoDate }
  | { type: 'no_outstanding_actions'; by: Actor }
  | { type: 'respond'; on: IsoDate; by: Actor }
  | { type: 'escalate'; on: IsoDate; by: Actor; channel: string; residentComment?: string | null }
  | { type: 'decline'; on: IsoDate; by: Actor; request: DeclineRequest }
  | { type: 'withdraw'; on: IsoDate; by: Actor; channel: string; residentWords: string }
  | { type: 'close'; on: IsoDate; by: Actor }
  | { type: 'reopen'; on: IsoDate; by: Actor; reason: string }

export type CommandType = Command['type']

export type CaseEvent =
  | { type: 'acknowledged'; stage: Stage; on: IsoDate; responseDue: Deadline; late: boolean }
  | { type: 'handler_assigned'; stage: Stage; handlerId: string; previousHandlerId: string | null }
  | { type: 'extended'; stage: Stage; extension: Extension; previousDue: IsoDate }
  | { type: 'element_added'; element: ComplaintElement }
  | { type: 'decision_recorded'; stage: Stage; elementId: number; decision: Decision; reasons: string }
  | { type: 'remedy_added'; remedy: Remedy }
  | { type: 'no_remedy_recorded'; stage: Stage; reason: string }
  | { type: 'action_promised'; action: PromisedAction }
  | { type: 'no_outstanding_actions_confirmed'; stage: Stage }
  | { type: 'responded'; stage: Stage; on: IsoDate; outcome: Decision; onTime: boolean; reissued: boolean }
  | { type: 'escalated'; on: IsoDate; acknowledgementDue: Deadline; late: boolean; channel: string }
  | { type: 'declined'; stage: Stage; on: IsoDate; ground: string }
  | { type: 'withdrawn'; on: IsoDate; channel: string }
  | { type: 'closed'; on: IsoDate }
  | { type: 'reopened'; on: IsoDate; reason: string }

export interface Refusal {
  key: string
  values?: Record<string, string | number>
  /** For a response refused by the checklist: the items still missing (R1–R8). */
  missing?: ChecklistItem[]
}

export type Transition =
  | {
      ok: true
      complaint: ComplaintCase
      events: CaseEvent[]
      statusChange: { from: ComplaintStatus; to: ComplaintStatus } | null
    }
  | { ok: false; refusal: Refusal }

export interface Rules {
  calendar: WorkingCalendar
  settings: CodeSettings
  /**
   * GOV-2: whether the complaint's learning entry is complete (root cause and learning, or "no
   * learning" a manager approved). Kept outside the case document; unknown counts as not complete.
   */
  learningComplete?: boolean
}

const OPEN_STAGE_WORK: readonly ComplaintStatus[] = [
  'stage1_acknowledged',
  'stage1_extended',
  'stage2_acknowledged',
  'stage2_extended',
  'reopened',
]

/** The transition table: which commands each status accepts. Anything else is refused. */
export const allowedCommands: Record<ComplaintStatus, readonly CommandType[]> = {
  received: ['acknowledge', 'assign', 'decline', 'withdraw'],
  stage1_acknowledged: [
    'assign',
    'extend',
    'add_element',
    'record_decision',
    'add_remedy',
    'no_remedy',
    'promise_action',
    'no_outstanding_actions',
    'respond',
    'withdraw',
  ],
  stage1_extended: [
    'assign',
    'extend',
    'add_element',
    'record_decision',
    'add_remedy',
    'no_remedy',
    'promise_action',
    'no_outstanding_actions',
    'respond',
    'withdraw',
  ],
  stage1_responded: ['escalate', 'close'],
  escalated: ['acknowledge', 'assign', 'decline', 'withdraw'],
  stage2_acknowledged: [
    'assign',
    'extend',
    'add_element',
    'record_decision',
    'add_remedy',
    'no_remedy',
    'promise_action',
    'no_outstanding_actions',
    'respond',
    'withdraw',
  ],
  stage2_extended: [
    'assign',
    'extend',
    'add_element',
    'record_decision',
    'add_remedy',
    'no_remedy',
    'promise_action',
    'no_outstanding_actions',
    'respond',
    'withdraw',
  ],
  stage2_responded: ['close'],
  closed: ['escalate', 'reopen'],
  reopened: [
    'assign',
    'add_element',
    'record_decision',
    'add_remedy',
    'no_remedy',
    'promise_action',
    'no_outstanding_actions',
    'respond',
    'escalate',
    'withdraw',
  ],
  // Not a complaint (DEF-3): a new complaint is a new record.
  resolved_at_first_contact: [],
  declined: ['reopen'],
  // S1-10: raising a withdrawn complaint again is a new, linked complaint.
  withdrawn: [],
}

function refuse(key: string, values?: Record<string, string | number>, missing?: ChecklistItem[]): Transition {
  return { ok: false, refusal: { key, ...(values ? { values } : {}), ...(missing ? { missing } : {}) } }
}

function actorId(actor: Actor): string {
  if (actor.kind === 'staff') return actor.id
  if (actor.kind === 'representative') return `representative:${actor.name}`
  return actor.kind
}

function replaceStage(complaint: ComplaintCase, record: StageRecord): StageRecord[] {
  return complaint.stages.map((existing) => (existing.stage === record.stage ? record : existing))
}

function done(before: ComplaintCase, complaint: ComplaintCase, events: CaseEvent[]): Extract<Transition, { ok: true }> {
  return {
    ok: true,
    complaint,
    events,
    statusChange: before.status === complaint.status ? null : { from: before.status, to: complaint.status },
  }
}

function stageStatus(stage: Stage, step: 'acknowledged' | 'extended' | 'responded'): ComplaintStatus {
  return `stage${stage}_${step}`
}

/** Whether `command` may be applied to `complaint` under the Code; pure, `on` dates come from the edge. */
export function applyCommand(complaint: ComplaintCase, command: Command, rules: Rules): Transition {
  if (!allowedCommands[complaint.status].includes(command.type)) {
    return refuse('staff-errors:lifecycle.notAllowed', { status: complaint.status, command: command.type })
  }
  if ('on' in command && !isIsoDate(command.on)) return refuse('staff-errors:lifecycle.invalidDate')
  const stage = currentStage(complaint)
  switch (command.type) {
    case 'acknowledge':
      return acknowledge(complaint, stage, command, rules)
    case 'assign':
      return assign(complaint, command)
    case 'extend':
      return extend(complaint, stage, command, rules)
    case 'add_element': {
      const summary = command.summary.trim()
      if (!summary) return refuse('staff-errors:element.summaryRequired')
      // S1-8: a related issue raised before the response becomes another element.
      const element: ComplaintElement = { id: complaint.elements.length + 1, summary, addedLater: true }
      return done(complaint, { ...complaint, elements: [...complaint.elements, element] }, [
        { type: 'element_added', element },
      ])
    }
    case 'record_decision': {
      const element = complaint.elements.find((e) => e.id === command.elementId)
      if (!element) return refuse('staff-errors:decision.unknownElement')
      if (!decisions.includes(command.decision)) return refuse('staff-errors:decision.required')
      const reasons = command.reasons.trim()
      if (!reasons) return refuse('staff-errors:decision.reasonsRequired')
      const decided = { decision: command.decision, reasons }
      const elements = complaint.elements.map((e) =>
        e.id === element.id ? { ...e, ...(stage.stage === 1 ? { stage1: decided } : { stage2: decided }) } : e,
      )
      return done(complaint, { ...complaint, elements }, [
        { type: 'decision_recorded', stage: stage.stage, elementId: element.id, decision: command.decision, reasons },
      ])
    }
    case 'add_remedy': {
      if (!remedyTypes.includes(command.remedyType)) return refuse('staff-errors:remedy.typeRequired')
      if (!remedyStatuses.includes(command.status)) return refuse('staff-errors:remedy.statusRequired')
      if (!command.description.trim()) return refuse('staff-errors:remedy.descriptionRequired')
      const financial = command.remedyType === 'financial'
      if (
        financial &&
        (command.amountPence === null || !Number.isInteger(command.amountPence) || command.amountPence <= 0)
      ) {
        return refuse('staff-errors:remedy.amountRequired')
      }
      const remedy: Remedy = {
        id: complaint.remedies.length + 1,
        stage: stage.stage,
        type: command.remedyType,
        description: command.description.trim(),
        amountPence: financial ? command.amountPence : null,
        status: command.status,
      }
      return done(complaint, { ...complaint, remedies: [...complaint.remedies, remedy] }, [
        { type: 'remedy_added', remedy },
      ])
    }
    case 'no_remedy': {
      const reason = command.reason.trim()
      if (!reason) return refuse('staff-errors:remedy.noRemedyReasonRequired')
      const record = { ...stage, noRemedyReason: reason }
      return done(complaint, { ...complaint, stages: replaceStage(complaint, record) }, [
        { type: 'no_remedy_recorded', stage: stage.stage, reason },
      ])
    }
    case 'promise_action': {
      if (!command.description.trim()) return refuse('staff-errors:action.descriptionRequired')
      if (!command.owner.trim()) return refuse('staff-errors:action.ownerRequired')
      if (!isIsoDate(command.dueOn)) return refuse('staff-errors:action.dueDateRequired')
      const action: PromisedAction = {
        id: complaint.actions.length + 1,
        stage: stage.stage,
        description: command.description.trim(),
        owner: command.owner.trim(),
        dueOn: command.dueOn,
      }
      const record = { ...stage, noOutstandingActions: false }
      return done(
        complaint,
        { ...complaint, actions: [...complaint.actions, action], stages: replaceStage(complaint, record) },
        [{ type: 'action_promised', action }],
      )
    }
    case 'no_outstanding_actions': {
      if (complaint.actions.some((action) => action.stage === stage.stage))
        return refuse('staff-errors:action.alreadyPromised')
      const record = { ...stage, noOutstandingActions: true }
      return done(complaint, { ...complaint, stages: replaceStage(complaint, record) }, [
        { type: 'no_outstanding_actions_confirmed', stage: stage.stage },
      ])
    }
    case 'respond':
      return respond(complaint, stage, command, rules)
    case 'escalate':
      return escalate(complaint, command, rules)
    case 'decline': {
      const refusal = declineRefusal(command.request, complaint.receivedOn, command.on)
      if (refusal) return refuse(refusal)
      const decline = declineRecord(command.request, stage.stage, command.on, actorId(command.by))
      return done(complaint, { ...complaint, status: 'declined', decline }, [
        { type: 'declined', stage: stage.stage, on: command.on, ground: decline.ground },
      ])
    }
    case 'withdraw': {
      if (!command.channel.trim()) return refuse('staff-errors:withdraw.channelRequired')
      if (!command.residentWords.trim()) return refuse('staff-errors:withdraw.wordsRequired')
      const withdrawal = { on: command.on, channel: command.channel, residentWords: command.residentWords.trim() }
      return done(complaint, { ...complaint, status: 'withdrawn', withdrawal }, [
        { type: 'withdrawn', on: command.on, channel: command.channel },
      ])
    }
    case 'close':
      // GOV-2: a complaint with any element upheld or partly upheld closes only once its learning is recorded.
      if (needsLearning(complaint) && !rules.learningComplete) return refuse('staff-errors:learning.requiredToClose')
      return done(complaint, { ...complaint, status: 'closed', closedOn: command.on }, [
        { type: 'closed', on: command.on },
      ])
    case 'reopen': {
      const reason = command.reason.trim()
      if (!reason) return refuse('staff-errors:reopen.reasonRequired')
      const reopening = { on: command.on, by: actorId(command.by), reason }
      // A decline overturned puts the complaint back where it was declined, clocks as they were.
      const status: ComplaintStatus =
        complaint.status === 'declined' ? (stage.stage === 1 ? 'received' : 'escalated') : 'reopened'
      return done(
        complaint,
        {
          ...complaint,
          status,
          decline: complaint.status === 'declined' ? null : complaint.decline,
          closedOn: null,
          reopenings: [...complaint.reopenings, reopening],
        },
        [{ type: 'reopened', on: command.on, reason }],
      )
    }
  }
}

function acknowledge(
  complaint: ComplaintCase,
  stage: StageRecord,
  command: Extract<Command, { type: 'acknowledge' }>,
  { calendar, settings }: Rules,
): Transition {
  const summaries = command.elements.map((e) => e.trim()).filter(Boolean)
  // S1-3a / S2-4: the definition lists the elements; at Stage 2 the Stage 1 ones may be restated as they are.
  if (summaries.length === 0 && (stage.stage === 1 || complaint.elements.length === 0)) {
    return refuse('staff-errors:acknowledge.elementsRequired')
  }
  if (!command.outcomesSought.trim()) return refuse('staff-errors:acknowledge.outcomesRequired')
  if (command.on < stage.startedOn) return refuse('staff-errors:acknowledge.beforeReceipt')
  const late = command.on > stage.acknowledgement.due
  // S1-5 [U]: the response clock starts at the acknowledgement actually sent, late or early.
  const clockStart = late && settings.clampResponseClockToAckDue ? stage.acknowledgement.due : command.on
  const responseBase =
    stage.stage === 1 ? stage1ResponseDue(clockStart, calendar) : stage2ResponseDue(clockStart, calendar)
  const added: ComplaintElement[] = summaries.map((summary, index) => ({
    id: complaint.elements.length + index + 1,
    summary,
    addedLater: false,
  }))
  const record: StageRecord = {
    ...stage,
    acknowledgedOn: command.on,
    acknowledgedBy: actorId(command.by),
    responseBase,
  }
  const acknowledged: ComplaintCase = {
    ...complaint,
    status: stageStatus(stage.stage, 'acknowledged'),
    stages: replaceStage(complaint, record),
    definition: { outcomesSought: command.outcomesSought.trim(), notInScope: command.notInScope?.trim() || null },
    elements: [...complaint.elements, ...added],
  }
  return done(complaint, acknowledged, [
    ...added.map((element): CaseEvent => ({ type: 'element_added', element })),
    { type: 'acknowledged', stage: stage.stage, on: command.on, responseDue: responseBase, late },
  ])
}

function assign(complaint: ComplaintCase, command: Extract<Command, { type: 'assign' }>): Transition {
  const record = stageRecord(complaint, command.stage)
  if (!record) return refuse('staff-errors:assign.noSuchStage')
  if (record.respondedOn && complaint.status !== 'reopened') return refuse('staff-errors:assign.stageFinished')
  if (command.stage === 2) {
    // S2-3: the Stage 2 handler is never the person who handled or signed Stage 1.
    const stage1 = stageRecord(complaint, 1)
    if (stage1 && (stage1.handlerId === command.handlerId || stage1.respondedBy === command.handlerId)) {
      return refuse('staff-errors:assign.sameAsStage1')
    }
  }
  if (record.handlerId === command.handlerId) return refuse('staff-errors:assign.alreadyHandler')
  const updated = { ...record, handlerId: command.handlerId }
  return done(complaint, { ...complaint, stages: replaceStage(complaint, updated) }, [
    {
      type: 'handler_assigned',
      stage: command.stage,
      handlerId: command.handlerId,
      previousHandlerId: record.handlerId,
    },
  ])
}

function extend(
  complaint: ComplaintCase,
  stage: StageRecord,
  command: Extract<Command, { type: 'extend' }>,
  { calendar, settings }: Rules,
): Transition {
  if (complaint.status === 'reopened')
    return refuse('staff-errors:lifecycle.notAllowed', { status: complaint.status, command: 'extend' })
  if (!Number.isInteger(command.workingDays) || command.workingDays < 1)
    return refuse('staff-errors:extend.workingDaysInvalid')
  // EXT-1: the resident is told why.
  if (!command.reason.trim()) return refuse('staff-errors:extend.reasonRequired')
  const current = responseDeadline(stage)
  // EXT-4: on or before the current due date, never after it has passed.
  if (command.on > current.due) return refuse('staff-errors:extend.tooLate', { due: current.due })
  // EXT-4: the notice must carry the Ombudsman's contact details.
  if (!hasOmbudsmanDetails(settings)) return refuse('staff-errors:extend.noOmbudsmanDetails')
  // EXT-2: cumulative cap per stage, beyond it only with the resident's recorded agreement.
  const cap = extensionCap(stage.stage, settings)
  const used = extendedWorkingDays(stage)
  if (used + command.workingDays > cap && !command.residentAgreed) {
    return refuse('staff-errors:extend.overCap', { cap, used, remaining: Math.max(0, cap - used) })
  }
  const extension: Extension = {
    workingDays: command.workingDays,
    reason: command.reason.trim(),
    grantedOn: command.on,
    grantedBy: actorId(command.by),
    residentAgreed: command.residentAgreed,
    deadline: extendDeadline(current, command.workingDays, calendar),
  }
  const record = { ...stage, extensions: [...stage.extensions, extension] }
  return done(
    complaint,
    { ...complaint, status: stageStatus(stage.stage, 'extended'), stages: replaceStage(complaint, record) },
    [{ type: 'extended', stage: stage.stage, extension, previousDue: current.due }],
  )
}

function respond(
  complaint: ComplaintCase,
  stage: StageRecord,
  command: Extract<Command, { type: 'respond' }>,
  { settings }: Rules,
): Transition {
  if (!OPEN_STAGE_WORK.includes(complaint.status)) return refuse('staff-errors:respond.notAcknowledged')
  if (stage.stage === 2 && command.by.kind === 'staff') {
    // S2-3: whoever handled or signed Stage 1 may not sign Stage 2.
    const stage1 = stageRecord(complaint, 1)
    if (stage1 && (stage1.handlerId === command.by.id || stage1.respondedBy === command.by.id)) {
      return refuse('staff-errors:assign.sameAsStage1')
    }
  }
  const missing = missingFromResponse(complaint, stage.stage, settings)
  if (missing.length > 0) return refuse('staff-errors:respond.checklistIncomplete', { count: missing.length }, missing)
  const decided = complaint.elements
    .map((element) => (stage.stage === 1 ? element.stage1 : element.stage2)?.decision)
    .filter((d): d is Decision => d !== undefined)
  const outcome = overallOutcome(decided) ?? 'not_upheld'
  const reissued = stage.respondedOn !== null
  const record: StageRecord = reissued
    ? { ...stage, outcome }
    : { ...stage, respondedOn: command.on, respondedBy: actorId(command.by), outcome }
  const onTime = command.on <= responseDeadline(stage).due
  return done(
    complaint,
    { ...complaint, status: stageStatus(stage.stage, 'responded'), stages: replaceStage(complaint, record) },
    [{ type: 'responded', stage: stage.stage, on: command.on, outcome, onTime, reissued }],
  )
}

function escalate(
  complaint: ComplaintCase,
  command: Extract<Command, { type: 'escalate' }>,
  { calendar, settings }: Rules,
): Transition {
  const stage1 = stageRecord(complaint, 1)
  // S2-1: the request alone is enough, and it is never refused for want of a reason. Only a
  // complaint that has had its Stage 1 response, and has no Stage 2 yet, can go to Stage 2.
  if (!stage1?.respondedOn || stageRecord(complaint, 2)) return refuse('staff-errors:escalate.notAfterStage1')
  if (command.on < stage1.respondedOn) return refuse('staff-errors:escalate.beforeResponse')
  // S2-2 [P]: after the window the request is flagged for a manager, not refused.
  const windowEnds = addWorkingDays(stage1.respondedOn, settings.escalationWindowWorkingDays, calendar.nonWorkingDays)
  const late = command.on > windowEnds
  const acknowledgement = stage2AcknowledgementDue(command.on, calendar)
  const record: StageRecord = {
    stage: 2,
    startedOn: command.on,
    handlerId: null,
    acknowledgement,
    acknowledgedOn: null,
    acknowledgedBy: null,
    responseBase: stage2ResponseDue(acknowledgement.due, calendar),
    extensions: [],
    respondedOn: null,
    respondedBy: null,
    outcome: null,
    lateRequest: late,
    residentComment: command.residentComment?.trim() || null,
  }
  return done(complaint, { ...complaint, status: 'escalated', closedOn: null, stages: [...complaint.stages, record] }, [
    { type: 'escalated', on: command.on, acknowledgementDue: acknowledgement, late, channel: command.channel },
  ])
}

/** What is due next while a stage is open, for queues and reminders; null when no Code clock runs. */
export function nextDeadline(
  complaint: ComplaintCase,
): { stage: Stage; kind: 'acknowledgement' | 'response'; deadline: Deadline } | null {
  const stage = currentStage(complaint)
  if (complaint.status === 'received' || complaint.status === 'escalated') {
    return { stage: stage.stage, kind: 'acknowledgement', deadline: stage.acknowledgement }
  }
  if (['stage1_acknowledged', 'stage1_extended', 'stage2_acknowledged', 'stage2_extended'].includes(complaint.status)) {
    return { stage: stage.stage, kind: 'response', deadline: responseDeadline(stage) }
  }
  return null
}

/** Is the case waiting on us at all (anything but a final state)? */
export function isOpen(complaint: ComplaintCase): boolean {
  return ![
    'closed',
    'withdrawn',
    'declined',
    'resolved_at_first_contact',
    'stage1_responded',
    'stage2_responded',
  ].includes(complaint.status)
}
