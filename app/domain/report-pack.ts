// The monthly report pack for the leadership team and board (issue 7 §7; GOV-1 "Member Responsible
// for Complaints" pack): which month it covers, what drove complaints to Stage 2, which issues keep
// coming back, how commitments stand, and the Ombudsman's spotlight. Pure: the facts come in.
import { adverseFindings, findingsFrom, isActionKind, type FindingKind } from './external-cases'
import { repeatComplaintIds, type KpiComplaintFacts, type KpiFacts } from './kpis'
import type { IsoDate } from './working-days'

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** The calendar month before the one `today` is in: the last complete month, as YYYY-MM. */
export function lastCompleteMonth(today: IsoDate): string {
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
}

export function isMonth(value: string): boolean {
  return MONTH.test(value)
}

/** First and last day of a YYYY-MM month. */
export function monthRange(month: string): { from: IsoDate; to: IsoDate } {
  const match = MONTH.exec(month)
  if (!match) throw new RangeError(`Not a month: ${month}`)
  const year = Number(match[1])
  const m = Number(match[2])
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` }
}

/** The YYYY-MM `count` months before `month` (12 months back from 2026-03 is 2025-03). */
export function monthsBefore(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - count
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

export interface CategoryCount {
  category: string
  count: number
}

const inPeriod = (date: IsoDate | null | undefined, from: IsoDate, to: IsoDate) =>
  date != null && date >= from && date <= to

/** Most first, then by name, so the order never depends on the database's. */
function topCategories(list: ReadonlyArray<{ category: string }>, limit: number): CategoryCount[] {
  const counts = new Map<string, number>()
  for (const c of list) counts.set(c.category, (counts.get(c.category) ?? 0) + 1)
  return [...counts.entries()]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category))
    .slice(0, limit)
}

/**
 * Stage 2 drivers: the service areas of complaints escalated in the period (Stage 2 started in it),
 * leaving out escalations that were refused (declined at Stage 2) and complaints declined at Stage 1.
 */
export function stage2Drivers(facts: Pick<KpiFacts, 'complaints'>, from: IsoDate, to: IsoDate, limit = 5) {
  const escalated = facts.complaints.filter(
    (c) => c.stage2 != null && inPeriod(c.stage2.startedOn, from, to) && c.decline == null,
  )
  return { total: escalated.length, top: topCategories(escalated, limit) }
}

/**
 * Recurring issues: the service areas of repeat complaints (kpis.md: same resident, same service
 * area, within 12 months of an earlier one) received in the period.
 */
export function recurringIssues(facts: Pick<KpiFacts, 'complaints'>, from: IsoDate, to: IsoDate, limit = 5) {
  const repeats = repeatComplaintIds(facts.complaints)
  const received = facts.complaints.filter((c) => repeats.has(c.id) && inPeriod(c.receivedOn, from, to))
  return { total: received.length, top: topCategories(received, limit) }
}

export interface CommitmentState {
  status: string
  dueOn: IsoDate
  completedOn: IsoDate | null
  /** The day the commitment was made (its creation, in London). */
  createdOn: IsoDate
}

/**
 * Commitments as they stood at the end of the day `at`: open if made by then and neither done by
 * then nor cancelled; overdue if open and due before `at`.
 */
export function commitmentsAt(rows: readonly CommitmentState[], at: IsoDate) {
  const open = rows.filter(
    (k) => k.createdOn <= at && k.status !== 'cancelled' && !(k.completedOn != null && k.completedOn <= at),
  )
  return { open: open.length, overdue: open.filter((k) => k.dueOn < at).length }
}

export interface SpotlightCase {
  id: string
  kind: string
  complaintId: string | null
  openedOn: IsoDate
  determinedOn: IsoDate | null
  /** As stored: { issues: [{ issue, finding }] }. */
  findings: unknown
}

export interface SpotlightRequest {
  caseId: string
  kind: string
  dueOn: IsoDate
  answeredOn: IsoDate | null
}

export interface SpotlightImprovement {
  completedOn: IsoDate | null
  status: string
}

const isOmbudsman = (kind: string) => kind === 'ombudsman_enquiry' || kind === 'ombudsman_investigation'

/**
 * The Ombudsman spotlight for a month: cases opened (and the service areas of their complaints,
 * the common issues), determinations and how many had an adverse finding, findings by kind, orders
 * and recommendations due and complied with, those still outstanding past their due date at the
 * month's end, and improvement actions completed (the actions taken).
 */
export function ombudsmanSpotlight(
  input: {
    cases: readonly SpotlightCase[]
    requests: readonly SpotlightRequest[]
    improvements: readonly SpotlightImprovement[]
    complaints: ReadonlyArray<Pick<KpiComplaintFacts, 'id' | 'category'>>
  },
  from: IsoDate,
  to: IsoDate,
  limit = 5,
) {
  const cases = input.cases.filter((k) => isOmbudsman(k.kind))
  const opened = cases.filter((k) => inPeriod(k.openedOn, from, to))
  const categoryOf = new Map(input.complaints.map((c) => [c.id, c.category]))
  const openedComplaints = opened.flatMap((k) => {
    const category = k.complaintId ? categoryOf.get(k.complaintId) : undefined
    return category ? [{ category }] : []
  })
  const determined = cases.filter((k) => inPeriod(k.determinedOn, from, to))
  const findingCounts = new Map<FindingKind, number>()
  let adverse = 0
  for (const k of determined) {
    const findings = findingsFrom(k.findings)
    if (findings.some((f) => adverseFindings.includes(f.finding))) adverse += 1
    for (const f of findings) findingCounts.set(f.finding, (findingCounts.get(f.finding) ?? 0) + 1)
  }
  const ombudsmanIds = new Set(cases.map((k) => k.id))
  const actions = input.requests.filter((r) => ombudsmanIds.has(r.caseId) && isActionKind(r.kind))
  const actionFigures = (kind: 'order' | 'recommendation') => {
    const ofKind = actions.filter((r) => r.kind === kind)
    const due = ofKind.filter((r) => inPeriod(r.dueOn, from, to))
    return {
      due: due.length,
      dueComplied: due.filter((r) => r.answeredOn != null && r.answeredOn <= r.dueOn).length,
      compliedInMonth: ofKind.filter((r) => inPeriod(r.answeredOn, from, to)).length,
      outstanding: ofKind.filter((r) => r.dueOn <= to && !(r.answeredOn != null && r.answeredOn <= to)).length,
    }
  }
  return {
    opened: opened.length,
    commonIssues: topCategories(openedComplaints, limit),
    determinations: determined.length,
    adverseDeterminations: adverse,
    findings: [...findingCounts.entries()]
      .map(([finding, count]) => ({ finding, count }))
      .sort((a, b) => b.count - a.count || a.finding.localeCompare(b.finding)),
    orders: actionFigures('order'),
    recommendations: actionFigures('recommendation'),
    actionsTaken: input.improvements.filter((i) => i.status !== 'cancelled' && inPeriod(i.completedOn, from, to))
      .length,
  }
}
