// Every KPI and KPM of the performance plan, defined exactly as ../shared/reference/kpis.md says.
// One pure function computes them all from plain facts, so the dashboard, the tenant panel and the
// `report kpis` command cannot disagree. Rule numbers (C1…C9) are that file's conventions.
import type { WorkingCalendar } from './calendar'
import { declineGrounds, type Decision } from './complaints/case'
import { subtractCalendarMonths } from './complaints/decline'
import { workingDayCounter, type IsoDate } from './working-days'

export interface KpiStageFacts {
  /** Stage 1: the receipt date; Stage 2: the date the escalation request was received. */
  startedOn: IsoDate
  acknowledgementDue: IsoDate
  acknowledgedOn: IsoDate | null
  /** The stored due date in force, extensions included (C3, WD-6). */
  responseDue: IsoDate
  extensionWorkingDays: number
  /** EXT-1…EXT-4 met for every extension of the stage. */
  extensionsValid: boolean
  respondedOn: IsoDate | null
  outcome: Decision | null
  /** Stage 2 only: overall outcome or any element's decision differs from Stage 1. */
  decisionChanged: boolean | null
}

export interface KpiComplaintFacts {
  id: string
  residentId: string
  /** The primary category (service area): what repeat complaints match on. */
  category: string
  team: string | null
  handlerId: string | null
  receivedOn: IsoDate
  /** The instant of receipt, ISO 8601: orders two complaints received on the same day. */
  receivedAt: string
  earlyResolution: boolean
  /** A declined complaint (stage 1) or refused escalation (stage 2), with the decision date. */
  decline: { stage: 1 | 2; on: IsoDate; ground: string } | null
  withdrawnOn: IsoDate | null
  /** CH01 counts residents only (TSM edge cases). */
  nonResident: boolean
  /** S1-8: a complaint split from another is never a repeat of its parent. */
  splitFrom: string | null
  stage1: KpiStageFacts
  stage2: KpiStageFacts | null
}

export interface KpiCommitmentFacts {
  complaintId: string
  stage: 1 | 2
  originalDueOn: IsoDate
  completedOn: IsoDate | null
  /** Done counts only after head-of-service sign-off (PTR-5). */
  status: 'open' | 'in_progress' | 'awaiting_sign_off' | 'done' | 'cancelled'
  cancellationApproved: boolean
}

export interface KpiQaReviewFacts {
  complaintId: string
  reviewedOn: IsoDate
  /** Points met ÷ applicable points × 100. */
  score: number
  /** Any of R1–R7 missing. */
  criticalFail: boolean
}

export const satisfiedAnswers = ['very_satisfied', 'fairly_satisfied'] as const
export const fivePointAnswers = [
  'very_satisfied',
  'fairly_satisfied',
  'neither',
  'fairly_dissatisfied',
  'very_dissatisfied',
] as const

export interface KpiSurveyAnswerFacts {
  complaintId: string
  question: 'handling' | 'outcome'
  answer: string
  answeredOn: IsoDate
}

export interface KpiPaymentFacts {
  complaintId: string | null
  paidOn: IsoDate
  amountPence: number
  ombudsmanOrdered: boolean
}

export interface KpiOmbudsmanCaseFacts {
  complaintId: string | null
  openedOn: IsoDate
  determinedOn: IsoDate | null
  /** Findings across the determination's issues. */
  findings: string[]
  /** Requests for evidence, information or an instruction to respond, due by the date they state. */
  requests: Array<{ dueOn: IsoDate; answeredOn: IsoDate | null }>
}

export const adverseFindings = ['severe_maladministration', 'maladministration', 'service_failure'] as const

export interface KpiImprovementFacts {
  complaintId: string | null
  kind: string
  dueOn: IsoDate
  completedOn: IsoDate | null
  status: string
}

export interface KpiPerceptionFacts {
  surveyedOn: IsoDate
  complainedLast12Months: boolean
  answer: string
}

export interface KpiFacts {
  complaints: KpiComplaintFacts[]
  commitments: KpiCommitmentFacts[]
  qaReviews: KpiQaReviewFacts[]
  surveyAnswers: KpiSurveyAnswerFacts[]
  payments: KpiPaymentFacts[]
  ombudsmanCases: KpiOmbudsmanCaseFacts[]
  improvements: KpiImprovementFacts[]
  perception: KpiPerceptionFacts[]
}

export interface KpiFilters {
  serviceArea?: string | null
  team?: string | null
  handlerId?: string | null
}

export interface KpiOptions {
  from: IsoDate
  to: IsoDate
  /** The day the report runs: open commitments due on or after it are not yet late. */
  runDate: IsoDate
  calendar: WorkingCalendar
  /** Homes owned at period end (CH01); null when unknown. */
  homes: number | null
  /** Annual compensation budget in pence, for the financial year that contains `to`. */
  compensationBudgetPence: number | null
  qaPassMark?: number
  filters?: KpiFilters
}

/** The documented JSON contract of `report kpis` (issue 7) plus every other key of kpis.md. */
export interface KpiFigures {
  from: IsoDate
  to: IsoDate
  stage1Received: number
  stage2Received: number
  earlyResolutions: number
  stage1AckOnTimePct: number | null
  stage2AckOnTimePct: number | null
  stage1ResponseOnTimePct: number | null
  stage1WithinCodePct: number | null
  stage2ResponseOnTimePct: number | null
  stage2WithinCodePct: number | null
  stage1ExtendedPct: number | null
  stage2ExtendedPct: number | null
  overdueOpenAtEnd: number
  stage1OverduePct: number | null
  stage2OverduePct: number | null
  avgWorkingDaysToRespondStage1: number | null
  avgWorkingDaysToRespondStage2: number | null
  escalationRatePct: number | null
  stage1UpheldPct: number | null
  stage1PartlyUpheldPct: number | null
  stage1NotUpheldPct: number | null
  stage2UpheldPct: number | null
  stage2PartlyUpheldPct: number | null
  stage2NotUpheldPct: number | null
  stage2DecisionChangedPct: number | null
  repeatComplaintsPct: number | null
  repeatReductionPct: number | null
  commitmentsOnTimePctS1: number | null
  commitmentsOnTimePctS2: number | null
  qaAverageScore: number | null
  qaPassPct: number | null
  satisfactionHandlingPct: number | null
  satisfactionOutcomePct: number | null
  compensationPaidTotal: number
  compensationOmbudsmanOrderedTotal: number
  compensationBudgetUsedPct: number | null
  ombudsmanOnTimePct: number | null
  ombudsmanAdverseFindingPct: number | null
  ombudsmanReferredCount: number
  excludedCount: number
  excludedByReason: Record<string, number>
  policyChangesCount: number
  improvementsOnTimePct: number | null
  learningImplementedPct: number | null
  ch01Stage1Per1000: number | null
  ch01Stage2Per1000: number | null
  tp09SatisfiedPct: number | null
}

/** The keys the report command's contract names, in its documented order. */
export const contractKeys = [
  'stage1Received',
  'stage2Received',
  'earlyResolutions',
  'stage1AckOnTimePct',
  'stage2AckOnTimePct',
  'stage1ResponseOnTimePct',
  'stage1WithinCodePct',
  'stage2ResponseOnTimePct',
  'stage2WithinCodePct',
  'stage1ExtendedPct',
  'stage2ExtendedPct',
  'overdueOpenAtEnd',
  'escalationRatePct',
  'stage1UpheldPct',
  'stage1PartlyUpheldPct',
  'stage1NotUpheldPct',
  'stage2DecisionChangedPct',
  'avgWorkingDaysToRespondStage1',
  'avgWorkingDaysToRespondStage2',
  'compensationPaidTotal',
  'ch01Stage1Per1000',
  'ch01Stage2Per1000',
] as const satisfies ReadonlyArray<keyof KpiFigures>

/** C2: one decimal, halves rounded up; null when the denominator is 0. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null
  return Math.round((1000 * numerator) / denominator) / 10
}

/** C2: averages to one decimal. */
export function average(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sum = values.reduce((total, value) => total + value, 0)
  return Math.round((10 * sum) / values.length) / 10
}

const pounds = (pence: number) => Math.round(pence) / 100

const inPeriod = (date: IsoDate | null | undefined, from: IsoDate, to: IsoDate): date is IsoDate =>
  date != null && date >= from && date <= to

/** The same dates one year earlier (29 February clamps to the 28th). */
export function previousYear(from: IsoDate, to: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: subtractCalendarMonths(from, 12), to: subtractCalendarMonths(to, 12) }
}

/** 1 April that starts the financial (and TSM reporting) year containing `date`. */
export function financialYearStart(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4))
  const start = `${year}-04-01`
  return date >= start ? start : `${year - 1}-04-01`
}

/** C4: declined at Stage 1 leaves every complaint KPI; refused escalations leave Stage 2 ones. */
const isStage1 = (c: KpiComplaintFacts) => !(c.decline && c.decline.stage === 1)
const stage2Of = (c: KpiComplaintFacts) =>
  isStage1(c) && c.stage2 && !(c.decline && c.decline.stage === 2) ? c.stage2 : null

function matchesFilters(c: KpiComplaintFacts, filters: KpiFilters | undefined): boolean {
  if (!filters) return true
  if (filters.serviceArea && c.category !== filters.serviceArea) return false
  if (filters.team && c.team !== filters.team) return false
  if (filters.handlerId && c.handlerId !== filters.handlerId) return false
  return true
}

const hasFilters = (filters: KpiFilters | undefined) =>
  Boolean(filters && (filters.serviceArea || filters.team || filters.handlerId))

/** The acknowledgement happened on its own date, or (DEF-6) in the letter that also responded. */
const ackDate = (s: KpiStageFacts) => s.acknowledgedOn ?? s.respondedOn

function stageTimeliness(stages: KpiStageFacts[], responseWorkingDays: number, o: KpiOptions) {
  const acks = stages.filter((s) => inPeriod(ackDate(s), o.from, o.to))
  const responses = stages.filter((s) => inPeriod(s.respondedOn, o.from, o.to))
  const onTime = responses.filter((s) => {
    const start = ackDate(s) as IsoDate
    return (s.respondedOn as IsoDate) <= workingDayCounter(o.calendar.nonWorkingDays).add(start, responseWorkingDays)
  })
  // EXT-4: an invalid extension makes the response late everywhere.
  const withinCode = responses.filter(
    (s) => (s.extensionWorkingDays === 0 || s.extensionsValid) && (s.respondedOn as IsoDate) <= s.responseDue,
  )
  const outcome = (d: Decision) => percent(responses.filter((s) => s.outcome === d).length, responses.length)
  return {
    ackOnTimePct: percent(acks.filter((s) => (ackDate(s) as IsoDate) <= s.acknowledgementDue).length, acks.length),
    responseOnTimePct: percent(onTime.length, responses.length),
    withinCodePct: percent(withinCode.length, responses.length),
    extendedPct: percent(responses.filter((s) => s.extensionWorkingDays > 0).length, responses.length),
    acks,
    responses,
    upheldPct: outcome('upheld'),
    partlyUpheldPct: outcome('partly_upheld'),
    notUpheldPct: outcome('not_upheld'),
  }
}

/** C6: steps of a stage not done by the end of `to` whose current due date is on or before `to`. */
function stageOverdue(s: KpiStageFacts, to: IsoDate): boolean {
  if (s.startedOn > to) return false
  const done = (date: IsoDate | null) => date != null && date <= to
  const ackOverdue = !done(ackDate(s)) && s.acknowledgementDue <= to
  const responseOverdue = !done(s.respondedOn) && s.responseDue <= to
  return ackOverdue || responseOverdue
}

const openAt = (s: KpiStageFacts, c: KpiComplaintFacts, to: IsoDate) =>
  s.startedOn <= to && !(s.respondedOn && s.respondedOn <= to) && !(c.withdrawnOn && c.withdrawnOn <= to)

// The month-by-month trend computes a year's figures twelve times over the same facts.
const repeatCache = new WeakMap<readonly KpiComplaintFacts[], Set<string>>()
function repeatsOf(all: readonly KpiComplaintFacts[]): Set<string> {
  let repeats = repeatCache.get(all)
  if (!repeats) {
    repeats = repeatComplaintIds(all)
    repeatCache.set(all, repeats)
  }
  return repeats
}

/** Complaints that repeat an earlier one by the same resident in the same category within 12 months. */
export function repeatComplaintIds(all: readonly KpiComplaintFacts[]): Set<string> {
  const byResident = new Map<string, KpiComplaintFacts[]>()
  for (const c of all) {
    if (!isStage1(c)) continue
    const list = byResident.get(c.residentId) ?? []
    list.push(c)
    byResident.set(c.residentId, list)
  }
  const repeats = new Set<string>()
  const sinceOf = new Map<IsoDate, IsoDate>()
  for (const list of byResident.values()) {
    if (list.length < 2) continue
    for (const c of list) {
      let since = sinceOf.get(c.receivedOn)
      if (since === undefined) {
        since = subtractCalendarMonths(c.receivedOn, 12)
        sinceOf.set(c.receivedOn, since)
      }
      const earlier = list.some(
        (other) =>
          other.id !== c.id &&
          other.category === c.category &&
          other.receivedOn >= since &&
          other.receivedAt < c.receivedAt &&
          c.splitFrom !== other.id,
      )
      if (earlier) repeats.add(c.id)
    }
  }
  return repeats
}

/** What the published rates are worked out over: the tenant panel suppresses a rate whose base is under 10. */
export interface KpiBases {
  stage1Acks: number
  stage1Responses: number
  stage2Acks: number
  stage2Responses: number
  handlingAnswers: number
  outcomeAnswers: number
}

export function computeKpis(facts: KpiFacts, o: KpiOptions): KpiFigures {
  return computeKpisWithBases(facts, o).figures
}

export function computeKpisWithBases(facts: KpiFacts, o: KpiOptions): { figures: KpiFigures; bases: KpiBases } {
  return computeFrom(facts, o, contextOf(facts.complaints, o.filters))
}

/** What every period computed over the same facts shares: repeats and the filtered complaints' ids. */
interface FactsContext {
  repeats: Set<string>
  filteredIds: Set<string>
}

function contextOf(all: readonly KpiComplaintFacts[], filters: KpiFilters | undefined): FactsContext {
  return {
    repeats: repeatsOf(all),
    filteredIds: new Set(all.filter((c) => matchesFilters(c, filters)).map((c) => c.id)),
  }
}

function computeFrom(facts: KpiFacts, o: KpiOptions, context: FactsContext): { figures: KpiFigures; bases: KpiBases } {
  const { from, to } = o
  const all = facts.complaints
  const complaints = all.filter((c) => matchesFilters(c, o.filters))
  const ids = context.filteredIds
  const filtered = hasFilters(o.filters)
  // C7: unfiltered, every record counts, even one whose complaint closed before the period and is not
  // in the facts (PTR-5: closing a complaint never closes its commitments; QA, surveys, payments and
  // Ombudsman cases come after closure). Filtered, a record follows its complaint; unattached ones drop.
  const belongs = (complaintId: string | null) => !filtered || (complaintId != null && ids.has(complaintId))

  const stage1 = complaints.filter(isStage1)
  const stage1Stages = stage1.map((c) => c.stage1)
  const stage2Pairs = stage1.flatMap((c) => {
    const s2 = stage2Of(c)
    return s2 ? [{ c, s2 }] : []
  })
  const stage2Stages = stage2Pairs.map((p) => p.s2)

  const received1 = stage1.filter((c) => inPeriod(c.receivedOn, from, to))
  const received2 = stage2Stages.filter((s) => inPeriod(s.startedOn, from, to))
  const s1 = stageTimeliness(stage1Stages, 10, o)
  const s2 = stageTimeliness(stage2Stages, 20, o)

  const live = stage1.filter((c) => !(c.withdrawnOn && c.withdrawnOn <= to))
  const overdueCases = live.filter((c) => {
    const second = stage2Of(c)
    return stageOverdue(c.stage1, to) || (second ? stageOverdue(second, to) : false)
  })
  const open1 = live.filter((c) => openAt(c.stage1, c, to))
  const open2 = stage2Pairs.filter(({ c, s2: stage }) => openAt(stage, c, to))

  const daysToRespond = (stages: KpiStageFacts[]) =>
    average(
      stages.map((s) => workingDayCounter(o.calendar.nonWorkingDays).between(s.startedOn, s.respondedOn as IsoDate)),
    )

  const repeats = context.repeats
  const repeatCount = (f: IsoDate, t: IsoDate) =>
    stage1.filter((c) => inPeriod(c.receivedOn, f, t) && repeats.has(c.id)).length
  const last = previousYear(from, to)
  const repeatsNow = repeatCount(from, to)
  const repeatsBefore = repeatCount(last.from, last.to)

  const commitmentsPct = (stage: 1 | 2) => {
    const due = facts.commitments.filter(
      (k) =>
        k.stage === stage &&
        belongs(k.complaintId) &&
        inPeriod(k.originalDueOn, from, to) &&
        !(k.status === 'cancelled' && k.cancellationApproved) &&
        !(k.status !== 'done' && k.originalDueOn >= o.runDate),
    )
    const onTime = due.filter((k) => k.status === 'done' && k.completedOn != null && k.completedOn <= k.originalDueOn)
    return percent(onTime.length, due.length)
  }

  const reviews = facts.qaReviews.filter((r) => belongs(r.complaintId) && inPeriod(r.reviewedOn, from, to))
  const passMark = o.qaPassMark ?? 95

  const satisfaction = (question: 'handling' | 'outcome') => {
    const valid = facts.surveyAnswers.filter(
      (a) =>
        a.question === question &&
        belongs(a.complaintId) &&
        inPeriod(a.answeredOn, from, to) &&
        (fivePointAnswers as readonly string[]).includes(a.answer),
    )
    const satisfied = valid.filter((a) => (satisfiedAnswers as readonly string[]).includes(a.answer))
    return { pct: percent(satisfied.length, valid.length), answers: valid.length }
  }
  const handling = satisfaction('handling')
  const outcome = satisfaction('outcome')

  const payments = facts.payments.filter((p) => belongs(p.complaintId))
  const paidInPeriod = payments.filter((p) => inPeriod(p.paidOn, from, to))
  const sumPence = (list: KpiPaymentFacts[]) => list.reduce((total, p) => total + p.amountPence, 0)
  const yearStart = financialYearStart(to)
  const paidThisYear = sumPence(payments.filter((p) => inPeriod(p.paidOn, yearStart, to)))

  const ombudsman = facts.ombudsmanCases.filter((k) => belongs(k.complaintId))
  const answered = ombudsman.flatMap((k) => k.requests).filter((r) => inPeriod(r.answeredOn, from, to))
  const determinations = ombudsman.filter((k) => inPeriod(k.determinedOn, from, to))

  const declines = complaints.filter((c) => c.decline && inPeriod(c.decline.on, from, to))
  const excludedByReason: Record<string, number> = Object.fromEntries(declineGrounds.map((g) => [g, 0]))
  for (const c of declines) {
    const ground = c.decline?.ground ?? 'other'
    excludedByReason[ground] = (excludedByReason[ground] ?? 0) + 1
  }

  const improvements = facts.improvements.filter((a) => belongs(a.complaintId))
  const improvementsDue = improvements.filter(
    (a) => inPeriod(a.dueOn, from, to) && a.status !== 'cancelled' && !(a.status !== 'done' && a.dueOn >= o.runDate),
  )
  const completedBy = (a: KpiImprovementFacts, date: IsoDate) =>
    a.status === 'done' && a.completedOn != null && a.completedOn <= date

  // The latest response of a complaint, if it was issued in the period and upheld in any part.
  const learningBase = stage1.filter((c) => {
    const second = stage2Of(c)
    const latest = second?.respondedOn ? second : c.stage1
    return inPeriod(latest.respondedOn, from, to) && (latest.outcome === 'upheld' || latest.outcome === 'partly_upheld')
  })
  const learned = learningBase.filter((c) => improvements.some((a) => a.complaintId === c.id && completedBy(a, to)))

  const residentsOnly = (n: (c: KpiComplaintFacts) => boolean) => stage1.filter((c) => !c.nonResident && n(c)).length
  const per1000 = (count: number) => (o.homes && o.homes > 0 ? Math.round((10000 * count) / o.homes) / 10 : null)

  const perception = facts.perception.filter(
    (p) =>
      !filtered &&
      p.complainedLast12Months &&
      inPeriod(p.surveyedOn, from, to) &&
      (fivePointAnswers as readonly string[]).includes(p.answer),
  )

  const bases: KpiBases = {
    stage1Acks: s1.acks.length,
    stage1Responses: s1.responses.length,
    stage2Acks: s2.acks.length,
    stage2Responses: s2.responses.length,
    handlingAnswers: handling.answers,
    outcomeAnswers: outcome.answers,
  }
  const figures: KpiFigures = {
    from,
    to,
    stage1Received: received1.length,
    stage2Received: received2.length,
    earlyResolutions: received1.filter((c) => c.earlyResolution).length,
    stage1AckOnTimePct: s1.ackOnTimePct,
    stage2AckOnTimePct: s2.ackOnTimePct,
    stage1ResponseOnTimePct: s1.responseOnTimePct,
    stage1WithinCodePct: s1.withinCodePct,
    stage2ResponseOnTimePct: s2.responseOnTimePct,
    stage2WithinCodePct: s2.withinCodePct,
    stage1ExtendedPct: s1.extendedPct,
    stage2ExtendedPct: s2.extendedPct,
    overdueOpenAtEnd: overdueCases.length,
    stage1OverduePct: percent(open1.filter((c) => stageOverdue(c.stage1, to)).length, open1.length),
    stage2OverduePct: percent(open2.filter(({ s2: stage }) => stageOverdue(stage, to)).length, open2.length),
    avgWorkingDaysToRespondStage1: daysToRespond(s1.responses),
    avgWorkingDaysToRespondStage2: daysToRespond(s2.responses),
    escalationRatePct: percent(received2.length, s1.responses.length),
    stage1UpheldPct: s1.upheldPct,
    stage1PartlyUpheldPct: s1.partlyUpheldPct,
    stage1NotUpheldPct: s1.notUpheldPct,
    stage2UpheldPct: s2.upheldPct,
    stage2PartlyUpheldPct: s2.partlyUpheldPct,
    stage2NotUpheldPct: s2.notUpheldPct,
    stage2DecisionChangedPct: percent(
      s2.responses.filter((s) => s.decisionChanged === true).length,
      s2.responses.length,
    ),
    repeatComplaintsPct: percent(repeatsNow, received1.length),
    repeatReductionPct: percent(repeatsBefore - repeatsNow, repeatsBefore),
    commitmentsOnTimePctS1: commitmentsPct(1),
    commitmentsOnTimePctS2: commitmentsPct(2),
    qaAverageScore: average(reviews.map((r) => r.score)),
    qaPassPct: percent(reviews.filter((r) => r.score >= passMark && !r.criticalFail).length, reviews.length),
    satisfactionHandlingPct: handling.pct,
    satisfactionOutcomePct: outcome.pct,
    compensationPaidTotal: pounds(sumPence(paidInPeriod)),
    compensationOmbudsmanOrderedTotal: pounds(sumPence(paidInPeriod.filter((p) => p.ombudsmanOrdered))),
    compensationBudgetUsedPct: o.compensationBudgetPence ? percent(paidThisYear, o.compensationBudgetPence) : null,
    ombudsmanOnTimePct: percent(answered.filter((r) => (r.answeredOn as IsoDate) <= r.dueOn).length, answered.length),
    ombudsmanAdverseFindingPct: percent(
      determinations.filter((k) => k.findings.some((f) => (adverseFindings as readonly string[]).includes(f))).length,
      determinations.length,
    ),
    ombudsmanReferredCount: ombudsman.filter((k) => inPeriod(k.openedOn, from, to)).length,
    excludedCount: declines.length,
    excludedByReason,
    policyChangesCount: improvements.filter(
      (a) =>
        ['policy', 'procedure', 'process'].includes(a.kind) && a.status === 'done' && inPeriod(a.completedOn, from, to),
    ).length,
    improvementsOnTimePct: percent(
      improvementsDue.filter((a) => completedBy(a, a.dueOn)).length,
      improvementsDue.length,
    ),
    learningImplementedPct: percent(learned.length, learningBase.length),
    ch01Stage1Per1000: per1000(residentsOnly((c) => inPeriod(c.receivedOn, from, to))),
    ch01Stage2Per1000: per1000(
      stage2Pairs.filter(({ c, s2: stage }) => !c.nonResident && inPeriod(stage.startedOn, from, to)).length,
    ),
    tp09SatisfiedPct: percent(
      perception.filter((p) => (satisfiedAnswers as readonly string[]).includes(p.answer)).length,
      perception.length,
    ),
  }
  return { figures, bases }
}

// ---- Targets and RAG (C9) -------------------------------------------------------------------

export type KpiKey = Exclude<keyof KpiFigures, 'from' | 'to' | 'excludedByReason'>

export interface KpiTarget {
  key: KpiKey
  /** 'atLeast': green at or above; 'atMost': green at or below. */
  direction: 'atLeast' | 'atMost'
  target: number
}

/** The performance plan's KPI table (seed 003) with its targets. */
export const kpiTargets: readonly KpiTarget[] = [
  { key: 'stage1AckOnTimePct', direction: 'atLeast', target: 100 },
  { key: 'stage1ResponseOnTimePct', direction: 'atLeast', target: 95 },
  { key: 'stage1ExtendedPct', direction: 'atMost', target: 5 },
  { key: 'stage1OverduePct', direction: 'atMost', target: 0 },
  { key: 'stage2AckOnTimePct', direction: 'atLeast', target: 100 },
  { key: 'stage2ResponseOnTimePct', direction: 'atLeast', target: 95 },
  { key: 'qaPassPct', direction: 'atLeast', target: 95 },
  { key: 'stage2ExtendedPct', direction: 'atMost', target: 5 },
  { key: 'stage2OverduePct', direction: 'atMost', target: 0 },
  { key: 'escalationRatePct', direction: 'atMost', target: 20 },
  { key: 'commitmentsOnTimePctS1', direction: 'atLeast', target: 90 },
  { key: 'commitmentsOnTimePctS2', direction: 'atLeast', target: 90 },
  { key: 'satisfactionHandlingPct', direction: 'atLeast', target: 70 },
  { key: 'satisfactionOutcomePct', direction: 'atLeast', target: 70 },
  { key: 'ombudsmanOnTimePct', direction: 'atLeast', target: 100 },
]

/** The performance plan's KPMs: measured and reported, some with a target. */
export const kpmRows: ReadonlyArray<{ key: KpiKey; target?: KpiTarget }> = [
  { key: 'stage1UpheldPct' },
  { key: 'stage1PartlyUpheldPct' },
  { key: 'stage1NotUpheldPct' },
  { key: 'stage2DecisionChangedPct' },
  { key: 'stage2UpheldPct' },
  { key: 'stage2PartlyUpheldPct' },
  { key: 'stage2NotUpheldPct' },
  { key: 'avgWorkingDaysToRespondStage1' },
  { key: 'avgWorkingDaysToRespondStage2' },
  { key: 'learningImplementedPct' },
  { key: 'policyChangesCount' },
  { key: 'repeatComplaintsPct' },
  { key: 'repeatReductionPct', target: { key: 'repeatReductionPct', direction: 'atLeast', target: 20 } },
  { key: 'improvementsOnTimePct', target: { key: 'improvementsOnTimePct', direction: 'atLeast', target: 80 } },
  { key: 'ombudsmanAdverseFindingPct' },
  { key: 'ombudsmanReferredCount' },
  { key: 'excludedCount' },
  { key: 'compensationPaidTotal' },
  { key: 'compensationBudgetUsedPct' },
  { key: 'qaAverageScore', target: { key: 'qaAverageScore', direction: 'atLeast', target: 95 } },
]

export type Rag = 'green' | 'amber' | 'red' | 'grey'

/** C9: green at target, amber within `tolerance` points, red beyond; grey when there is no data. */
export function rag(value: number | null, target: KpiTarget, tolerance = 5): Rag {
  if (value === null) return 'grey'
  if (target.direction === 'atLeast') {
    if (value >= target.target) return 'green'
    return value >= target.target - tolerance ? 'amber' : 'red'
  }
  if (value <= target.target) return 'green'
  return value <= target.target + tolerance ? 'amber' : 'red'
}

/** Calendar months from `from` to `to`, each clipped to the period: the trend charts' buckets. */
export function monthsBetween(from: IsoDate, to: IsoDate): Array<{ from: IsoDate; to: IsoDate; month: string }> {
  const months: Array<{ from: IsoDate; to: IsoDate; month: string }> = []
  let year = Number(from.slice(0, 4))
  let month = Number(from.slice(5, 7))
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    if (`${key}-01` > to) break
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
    const start = `${key}-01` < from ? from : `${key}-01`
    const end = `${key}-${String(lastDay).padStart(2, '0')}`
    months.push({ from: start, to: end > to ? to : end, month: key })
    month += 1
    if (month === 13) {
      month = 1
      year += 1
    }
  }
  return months
}

/** The same figures month by month: the dashboard's trend charts. */
export function kpiTrend(facts: KpiFacts, o: KpiOptions): Array<{ month: string; figures: KpiFigures }> {
  return [...kpiTrendMonths(facts, o)]
}

/** The trend a month at a time, so a caller with a busy event loop can let it turn between months. */
export function* kpiTrendMonths(facts: KpiFacts, o: KpiOptions): Generator<{ month: string; figures: KpiFigures }> {
  const context = contextOf(facts.complaints, o.filters)
  for (const m of monthsBetween(o.from, o.to)) {
    // Last year's same month too: the repeat reduction compares with it.
    const lastYear = previousYear(m.from, m.to)
    const complaints = facts.complaints.filter(
      (c) => mattersIn(c, m.from, m.to) || inPeriod(c.receivedOn, lastYear.from, lastYear.to),
    )
    yield {
      month: m.month,
      figures: computeFrom({ ...facts, complaints }, { ...o, from: m.from, to: m.to }, context).figures,
    }
  }
}

/**
 * Whether a complaint can count in any figure of [from, to]: something happened to it then, or it
 * was still open at the end. The trend computes each month over these only; repeats and filters
 * come from the whole set, so the figures are the same as over every complaint.
 */
export function mattersIn(c: KpiComplaintFacts, from: IsoDate, to: IsoDate): boolean {
  if (c.receivedOn > to) return false
  const s1 = c.stage1
  const s2 = c.stage2
  const dates = [
    c.receivedOn,
    s1.acknowledgedOn,
    s1.respondedOn,
    s2?.startedOn,
    s2?.acknowledgedOn,
    s2?.respondedOn,
    c.decline?.on,
    c.withdrawnOn,
  ]
  if (dates.some((date) => date != null && date >= from && date <= to)) return true
  const openAt = (s: KpiStageFacts) => s.startedOn <= to && !(s.respondedOn && s.respondedOn <= to)
  return openAt(s1) || (s2 ? openAt(s2) : false)
}

/** The Tenant Satisfaction Measures reporting year (1 April to 31 March) that contains `date`. */
export function tsmYear(date: IsoDate): { from: IsoDate; to: IsoDate } {
  const from = financialYearStart(date)
  return { from, to: `${Number(from.slice(0, 4)) + 1}-03-31` }
}

/** How far back facts must reach for a period: repeats look 12 months before last year's period. */
export function factsWindowStart(from: IsoDate): IsoDate {
  return subtractCalendarMonths(from, 24)
}

export type KpiUnit = 'count' | 'percent' | 'days' | 'money' | 'score' | 'per1000'

/** How each figure reads: what the dashboard and panel put after the number. */
export function kpiUnit(key: KpiKey): KpiUnit {
  if (key === 'compensationPaidTotal' || key === 'compensationOmbudsmanOrderedTotal') return 'money'
  if (key.startsWith('avgWorkingDays')) return 'days'
  if (key.startsWith('ch01')) return 'per1000'
  if (key === 'qaAverageScore') return 'score'
  if (key.endsWith('Pct') || key.includes('Pct')) return 'percent'
  return 'count'
}
