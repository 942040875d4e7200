// Housing Ombudsman enquiries and investigations, MP and councillor enquiries and mediation
// (issue 7 §5; GOV-1; seed 000 "ADR/mediation", "MP/councillor cases"). What the outside body
// asks for is due on the date *stated in its letter* (kpis.md ombudsmanOnTimePct, §14 "Ombudsman
// request deadlines"): staff type that date in; it is never worked out here. Seed 003: actions
// from a determination are logged within 2 working days of it.
import type { FieldErrors } from './forms'
import { isIsoDate, workingDaysBetween, type IsoDate } from './working-days'

export const externalCaseKinds = [
  'ombudsman_enquiry',
  'ombudsman_investigation',
  'mp_enquiry',
  'councillor_enquiry',
  'mediation',
] as const
export type ExternalCaseKind = (typeof externalCaseKinds)[number]

/** What the outside body asks us for, answered by the date in its letter. */
export const askKinds = ['evidence', 'information', 'instruction_to_respond'] as const
export type AskKind = (typeof askKinds)[number]

/** What a determination tells us to do, each with its own due date and proof of compliance. */
export const actionKinds = ['order', 'recommendation'] as const
export type ActionKind = (typeof actionKinds)[number]

export const requestKinds = [...askKinds, ...actionKinds] as const
export type RequestKind = (typeof requestKinds)[number]

/** The Ombudsman's finding on each issue it investigated. */
export const findingKinds = [
  'severe_maladministration',
  'maladministration',
  'service_failure',
  'no_maladministration',
  'reasonable_redress',
  'outside_jurisdiction',
] as const
export type FindingKind = (typeof findingKinds)[number]

/** kpis.md ombudsmanAdverseFindingPct: any of these on any issue makes a determination adverse. */
export const adverseFindings: readonly FindingKind[] = [
  'severe_maladministration',
  'maladministration',
  'service_failure',
]

export const mediationOutcomes = ['resolved', 'partly_resolved', 'not_resolved', 'declined_by_resident'] as const
export type MediationOutcome = (typeof mediationOutcomes)[number]

/** Seed 003: "track … all actions from Housing Ombudsman determinations within 2 days of receipt". */
export const DETERMINATION_ACTIONS_WORKING_DAYS = 2

/** The most issues a determination form offers (blank rows are ignored). */
export const MAX_FINDINGS = 8

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value)
}

export const isExternalCaseKind = (value: string): value is ExternalCaseKind => isOneOf(externalCaseKinds, value)
export const isAskKind = (value: string): value is AskKind => isOneOf(askKinds, value)
export const isActionKind = (value: string): value is ActionKind => isOneOf(actionKinds, value)
export const isFindingKind = (value: string): value is FindingKind => isOneOf(findingKinds, value)
export const isMediationOutcome = (value: string): value is MediationOutcome => isOneOf(mediationOutcomes, value)

export function isOmbudsmanCase(kind: string): boolean {
  return kind === 'ombudsman_enquiry' || kind === 'ombudsman_investigation'
}

export function isElectedMemberEnquiry(kind: string): boolean {
  return kind === 'mp_enquiry' || kind === 'councillor_enquiry'
}

/** The Ombudsman asks for evidence, information or a response; an MP, councillor or mediator for a reply. */
export function askKindsFor(kind: ExternalCaseKind): readonly AskKind[] {
  return isOmbudsmanCase(kind) ? askKinds : ['information']
}

/** Determinations (findings, orders, recommendations) come from an Ombudsman investigation. */
export function hasDetermination(kind: string): boolean {
  return kind === 'ombudsman_investigation'
}

export interface RequestFacts {
  kind: string
  receivedOn: IsoDate
  dueOn: IsoDate
  answeredOn: IsoDate | null
}

/** On time ⇔ answered (or complied with) on or before the due date in the letter; null while open. */
export function isAnsweredOnTime(request: RequestFacts): boolean | null {
  if (!request.answeredOn) return null
  return request.answeredOn <= request.dueOn
}

/** Open past its due date: the due date itself is still in time. */
export function isOverdue(request: RequestFacts, today: IsoDate): boolean {
  return !request.answeredOn && request.dueOn < today
}

export type RequestState = 'open' | 'overdue' | 'on_time' | 'late'

export function requestState(request: RequestFacts, today: IsoDate): RequestState {
  const onTime = isAnsweredOnTime(request)
  if (onTime === null) return isOverdue(request, today) ? 'overdue' : 'open'
  return onTime ? 'on_time' : 'late'
}

export interface Finding {
  issue: string
  finding: FindingKind
}

export function isAdverseDetermination(findings: readonly Finding[]): boolean {
  return findings.some((f) => adverseFindings.includes(f.finding))
}

/** The most serious finding (the list is in order of seriousness), for lists and reports. */
export function mostSeriousFinding(findings: readonly Finding[]): FindingKind | null {
  for (const kind of findingKinds) if (findings.some((f) => f.finding === kind)) return kind
  return null
}

/** Reads the stored jsonb back, keeping only well-formed findings. */
export function findingsFrom(stored: unknown): Finding[] {
  const issues = typeof stored === 'object' && stored !== null && 'issues' in stored ? stored.issues : null
  if (!Array.isArray(issues)) return []
  return issues.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return []
    const issue = 'issue' in item && typeof item.issue === 'string' ? item.issue : null
    const finding = 'finding' in item && typeof item.finding === 'string' ? item.finding : null
    return issue !== null && finding !== null && isFindingKind(finding) ? [{ issue, finding }] : []
  })
}

/**
 * Seed 003: an order or recommendation recorded more than 2 working days after the determination
 * was logged late. The determination day is day 0 (WD-2), so a Thursday determination recorded on
 * the Monday is on time (Fri = 1, Mon = 2) and on the Tuesday is late.
 */
export function isActionLoggedLate(
  determinedOn: IsoDate,
  recordedOn: IsoDate,
  nonWorkingDays: ReadonlySet<IsoDate>,
  limit = DETERMINATION_ACTIONS_WORKING_DAYS,
): boolean {
  return workingDaysBetween(determinedOn, recordedOn, nonWorkingDays) > limit
}

type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors }

const done = <T>(errors: FieldErrors, value: () => T): Validated<T> =>
  Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: value() }

export interface NewCaseInput {
  kind: string
  theirReference: string
  openedOn: string
  complaintReference: string
  notes: string
}

export interface NewCase {
  kind: ExternalCaseKind
  theirReference: string | null
  openedOn: IsoDate
  complaintReference: string | null
  notes: string | null
}

/** A new case: its kind and the date it reached us (not in the future); their reference and our complaint optional. */
export function validateNewCase(input: NewCaseInput, today: IsoDate): Validated<NewCase> {
  const errors: FieldErrors = {}
  if (!isExternalCaseKind(input.kind)) errors.kind = { key: 'staff-errors:external.kindRequired' }
  if (!isIsoDate(input.openedOn)) errors.openedOn = { key: 'staff-errors:external.dateInvalid' }
  else if (input.openedOn > today) errors.openedOn = { key: 'staff-errors:external.dateInFuture' }
  return done(errors, () => ({
    kind: input.kind as ExternalCaseKind, // checked above
    theirReference: input.theirReference.trim() || null,
    openedOn: input.openedOn,
    complaintReference: input.complaintReference.trim() || null,
    notes: input.notes.trim() || null,
  }))
}

export interface CaseFacts {
  kind: string
  openedOn: IsoDate
  determinedOn: IsoDate | null
  closedOn: IsoDate | null
}

export interface AskInput {
  kind: string
  description: string
  receivedOn: string
  dueOn: string
}

/**
 * A request from the outside body. Its due date is the one stated in the letter, typed in by staff:
 * required, and not before the day the request arrived.
 */
export function validateAsk(
  input: AskInput,
  externalCase: CaseFacts,
  today: IsoDate,
): Validated<{ kind: AskKind; description: string; receivedOn: IsoDate; dueOn: IsoDate }> {
  const errors: FieldErrors = {}
  if (externalCase.closedOn) return { ok: false, errors: { kind: { key: 'staff-errors:external.caseClosed' } } }
  if (!isExternalCaseKind(externalCase.kind) || !askKindsFor(externalCase.kind).some((k) => k === input.kind))
    errors.kind = { key: 'staff-errors:external.requestKindRequired' }
  if (!input.description.trim()) errors.description = { key: 'staff-errors:external.descriptionRequired' }
  const receivedOk = isIsoDate(input.receivedOn)
  if (!receivedOk) errors.receivedOn = { key: 'staff-errors:external.dateInvalid' }
  else if (input.receivedOn > today) errors.receivedOn = { key: 'staff-errors:external.dateInFuture' }
  else if (input.receivedOn < externalCase.openedOn) errors.receivedOn = { key: 'staff-errors:external.beforeOpened' }
  if (!isIsoDate(input.dueOn)) errors.dueOn = { key: 'staff-errors:external.dueOnRequired' }
  else if (receivedOk && input.dueOn < input.receivedOn)
    errors.dueOn = { key: 'staff-errors:external.dueBeforeReceived' }
  return done(errors, () => ({
    kind: input.kind as AskKind, // checked above
    description: input.description.trim(),
    receivedOn: input.receivedOn,
    dueOn: input.dueOn,
  }))
}

export interface AnswerInput {
  answeredOn: string
  evidence: string
}

/**
 * Answering a request, or recording compliance with an order or recommendation. Compliance needs
 * its proof (what was done, where the evidence is); an answer may say what was sent.
 */
export function validateAnswer(
  input: AnswerInput,
  request: RequestFacts,
  today: IsoDate,
): Validated<{ answeredOn: IsoDate; evidence: string | null }> {
  if (request.answeredOn) return { ok: false, errors: { answeredOn: { key: 'staff-errors:external.alreadyAnswered' } } }
  const errors: FieldErrors = {}
  if (!isIsoDate(input.answeredOn)) errors.answeredOn = { key: 'staff-errors:external.dateInvalid' }
  else if (input.answeredOn > today) errors.answeredOn = { key: 'staff-errors:external.dateInFuture' }
  else if (input.answeredOn < request.receivedOn)
    errors.answeredOn = { key: 'staff-errors:external.answeredBeforeReceived' }
  if (isActionKind(request.kind) && !input.evidence.trim())
    errors.evidence = { key: 'staff-errors:external.evidenceRequired' }
  return done(errors, () => ({ answeredOn: input.answeredOn, evidence: input.evidence.trim() || null }))
}

export interface DeterminationInput {
  determinedOn: string
  /** One row per issue; rows left blank are ignored. */
  rows: Array<{ issue: string; finding: string }>
}

/** Field names of the determination form's rows: issue1/finding1, issue2/finding2… */
export const issueField = (row: number) => `issue${row + 1}`
export const findingField = (row: number) => `finding${row + 1}`

export function validateDetermination(
  input: DeterminationInput,
  externalCase: CaseFacts,
  today: IsoDate,
): Validated<{ determinedOn: IsoDate; findings: Finding[] }> {
  const errors: FieldErrors = {}
  if (!hasDetermination(externalCase.kind))
    return { ok: false, errors: { determinedOn: { key: 'staff-errors:external.noDeterminationForKind' } } }
  if (externalCase.closedOn) return { ok: false, errors: { determinedOn: { key: 'staff-errors:external.caseClosed' } } }
  if (externalCase.determinedOn)
    return { ok: false, errors: { determinedOn: { key: 'staff-errors:external.alreadyDetermined' } } }
  if (!isIsoDate(input.determinedOn)) errors.determinedOn = { key: 'staff-errors:external.dateInvalid' }
  else if (input.determinedOn > today) errors.determinedOn = { key: 'staff-errors:external.dateInFuture' }
  else if (input.determinedOn < externalCase.openedOn)
    errors.determinedOn = { key: 'staff-errors:external.beforeOpened' }
  const findings: Finding[] = []
  input.rows.forEach((row, index) => {
    const issue = row.issue.trim()
    if (!issue && !row.finding) return
    if (!issue) errors[issueField(index)] = { key: 'staff-errors:external.issueRequired' }
    if (!isFindingKind(row.finding)) errors[findingField(index)] = { key: 'staff-errors:external.findingRequired' }
    else if (issue) findings.push({ issue, finding: row.finding })
  })
  if (findings.length === 0 && !Object.keys(errors).some((key) => key.startsWith('issue') || key.startsWith('finding')))
    errors[issueField(0)] = { key: 'staff-errors:external.findingsRequired' }
  return done(errors, () => ({ determinedOn: input.determinedOn, findings }))
}

export interface ActionInput {
  kind: string
  description: string
  dueOn: string
}

/** An order or recommendation from the determination, with the due date the Ombudsman set. */
export function validateAction(
  input: ActionInput,
  externalCase: CaseFacts,
): Validated<{ kind: ActionKind; description: string; dueOn: IsoDate; receivedOn: IsoDate }> {
  if (externalCase.closedOn) return { ok: false, errors: { kind: { key: 'staff-errors:external.caseClosed' } } }
  const determinedOn = externalCase.determinedOn
  if (!determinedOn) return { ok: false, errors: { kind: { key: 'staff-errors:external.determinationFirst' } } }
  const errors: FieldErrors = {}
  if (!isActionKind(input.kind)) errors.kind = { key: 'staff-errors:external.actionKindRequired' }
  if (!input.description.trim()) errors.description = { key: 'staff-errors:external.descriptionRequired' }
  if (!isIsoDate(input.dueOn)) errors.dueOn = { key: 'staff-errors:external.dueOnRequired' }
  else if (input.dueOn < determinedOn) errors.dueOn = { key: 'staff-errors:external.dueBeforeDetermination' }
  return done(errors, () => ({
    kind: input.kind as ActionKind, // checked above
    description: input.description.trim(),
    dueOn: input.dueOn,
    receivedOn: determinedOn,
  }))
}

export interface CloseInput {
  closedOn: string
  outcome: string
}

/**
 * Closing: every request answered and every order complied with first (recommendations may stay
 * open: the landlord may decline one, with reasons in the notes). Mediation records its outcome.
 */
export function validateClose(
  input: CloseInput,
  externalCase: CaseFacts,
  requests: readonly RequestFacts[],
  today: IsoDate,
): Validated<{ closedOn: IsoDate; outcome: MediationOutcome | null }> {
  if (externalCase.closedOn) return { ok: false, errors: { closedOn: { key: 'staff-errors:external.caseClosed' } } }
  const errors: FieldErrors = {}
  if (requests.some((r) => !r.answeredOn && r.kind !== 'recommendation'))
    errors.closedOn = { key: 'staff-errors:external.openRequests' }
  else if (!isIsoDate(input.closedOn)) errors.closedOn = { key: 'staff-errors:external.dateInvalid' }
  else if (input.closedOn > today) errors.closedOn = { key: 'staff-errors:external.dateInFuture' }
  else if (input.closedOn < externalCase.openedOn) errors.closedOn = { key: 'staff-errors:external.beforeOpened' }
  const mediation = externalCase.kind === 'mediation'
  if (mediation && !isMediationOutcome(input.outcome)) errors.outcome = { key: 'staff-errors:external.outcomeRequired' }
  return done(errors, () => ({
    closedOn: input.closedOn,
    outcome: mediation ? (input.outcome as MediationOutcome) : null, // checked above
  }))
}

/** C2: one decimal, halves up; null when there is nothing to divide by. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((1000 * numerator) / denominator) / 10
}

export interface SummaryCase extends CaseFacts {
  id: string
  findings: readonly Finding[]
  outcome: string | null
}

export interface SummaryRequest extends RequestFacts {
  caseId: string
  /** The day it was recorded here (London date of creation): for orders, the seed 003 2-day target. */
  recordedOn: IsoDate
}

export interface ExternalSummary {
  opened: Record<ExternalCaseKind, number>
  openedTotal: number
  /** kpis.md ombudsmanOnTimePct: Ombudsman asks answered in the period by their stated date. */
  ombudsmanAnswered: number
  ombudsmanAnsweredOnTime: number
  ombudsmanOnTimePct: number | null
  /** MP and councillor enquiries: replies sent in the period by the date asked. */
  enquiriesAnswered: number
  enquiriesAnsweredOnTime: number
  enquiriesOnTimePct: number | null
  /** kpis.md ombudsmanAdverseFindingPct, by determination date. */
  determinations: number
  adverseDeterminations: number
  adverseFindingPct: number | null
  /** Orders and recommendations due in the period (open ones not yet due excluded), complied by the due date. */
  actionsDue: number
  actionsCompliedOnTime: number
  actionsOnTimePct: number | null
  /** Orders and recommendations from determinations in the period logged more than 2 working days later. */
  actionsLogged: number
  actionsLoggedLate: number
  /** Mediation cases closed in the period, by outcome. */
  mediationOutcomes: Record<MediationOutcome, number>
}

const inPeriod = (date: IsoDate | null, from: IsoDate, to: IsoDate): date is IsoDate =>
  date !== null && date >= from && date <= to

/** Counts and timeliness for a period [from, to] (C1, inclusive), as at `today`. */
export function summariseExternalCases(
  cases: readonly SummaryCase[],
  requests: readonly SummaryRequest[],
  period: { from: IsoDate; to: IsoDate },
  today: IsoDate,
  nonWorkingDays: ReadonlySet<IsoDate>,
): ExternalSummary {
  const { from, to } = period
  const byId = new Map(cases.map((c) => [c.id, c]))
  const opened = Object.fromEntries(externalCaseKinds.map((kind) => [kind, 0])) as Record<ExternalCaseKind, number> // filled below
  for (const c of cases) if (inPeriod(c.openedOn, from, to) && isExternalCaseKind(c.kind)) opened[c.kind] += 1
  const answered = (test: (kind: string) => boolean) =>
    requests.filter((r) => {
      const owner = byId.get(r.caseId)
      return owner && test(owner.kind) && isAskKind(r.kind) && inPeriod(r.answeredOn, from, to)
    })
  const ombudsman = answered(isOmbudsmanCase)
  const enquiries = answered(isElectedMemberEnquiry)
  const onTime = (list: SummaryRequest[]) => list.filter((r) => isAnsweredOnTime(r)).length
  const determined = cases.filter((c) => hasDetermination(c.kind) && inPeriod(c.determinedOn, from, to))
  const adverse = determined.filter((c) => isAdverseDetermination(c.findings)).length
  const actions = requests.filter((r) => isActionKind(r.kind))
  const due = actions.filter((r) => inPeriod(r.dueOn, from, to) && (r.answeredOn !== null || r.dueOn < today))
  const logged = actions.filter((r) => {
    const owner = byId.get(r.caseId)
    return owner?.determinedOn && inPeriod(owner.determinedOn, from, to)
  })
  const loggedLate = logged.filter((r) => {
    const determinedOn = byId.get(r.caseId)?.determinedOn
    return determinedOn ? isActionLoggedLate(determinedOn, r.recordedOn, nonWorkingDays) : false
  }).length
  const mediationOutcomesCount = Object.fromEntries(mediationOutcomes.map((o) => [o, 0])) as Record<
    MediationOutcome,
    number
  > // filled below
  for (const c of cases)
    if (c.kind === 'mediation' && inPeriod(c.closedOn, from, to) && c.outcome && isMediationOutcome(c.outcome))
      mediationOutcomesCount[c.outcome] += 1
  const ombudsmanOnTime = onTime(ombudsman)
  const enquiriesOnTime = onTime(enquiries)
  const actionsOnTime = due.filter((r) => isAnsweredOnTime(r)).length
  return {
    opened,
    openedTotal: Object.values(opened).reduce((a, b) => a + b, 0),
    ombudsmanAnswered: ombudsman.length,
    ombudsmanAnsweredOnTime: ombudsmanOnTime,
    ombudsmanOnTimePct: percent(ombudsmanOnTime, ombudsman.length),
    enquiriesAnswered: enquiries.length,
    enquiriesAnsweredOnTime: enquiriesOnTime,
    enquiriesOnTimePct: percent(enquiriesOnTime, enquiries.length),
    determinations: determined.length,
    adverseDeterminations: adverse,
    adverseFindingPct: percent(adverse, determined.length),
    actionsDue: due.length,
    actionsCompliedOnTime: actionsOnTime,
    actionsOnTimePct: percent(actionsOnTime, due.length),
    actionsLogged: logged.length,
    actionsLoggedLate: loggedLate,
    mediationOutcomes: mediationOutcomesCount,
  }
}
