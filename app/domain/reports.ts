// Attribution and comparison (issue 7 §7): per-contractor figures against the contractor service
// standards, other landlords' published figures (CSV) beside ours, the cost of complaint handling,
// and the top repeat complainants as anonymised case studies. Pure: the server passes the rows in.
import { z } from 'zod'
import { percent } from './kpis'
import { workingDaysBetween, type IsoDate } from './working-days'

const inPeriod = (date: IsoDate | null | undefined, from: IsoDate, to: IsoDate): date is IsoDate =>
  date != null && date >= from && date <= to

// ---- Contractors --------------------------------------------------------------------------------

/** The `contractors.standards` setting: what each contractor agreed to. */
export interface ContractorStandard {
  /** Stage 1 responses on complaints about them, on average within this many working days. */
  responseWorkingDays?: number
  /** At most this share of Stage 1 responses upheld or partly upheld. */
  maxUpheldPct?: number
}

export type ContractorStandards = Record<string, ContractorStandard>

/** Reads the setting leniently: anything that is not a non-negative number is left out. */
export function parseContractorStandards(value: unknown): ContractorStandards {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
  const standards: ContractorStandards = {}
  for (const [contractor, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!raw || typeof raw !== 'object') continue
    const entry = raw as Record<string, unknown>
    const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined)
    const standard: ContractorStandard = {}
    const days = number(entry.responseWorkingDays)
    const upheld = number(entry.maxUpheldPct)
    if (days !== undefined) standard.responseWorkingDays = days
    if (upheld !== undefined) standard.maxUpheldPct = upheld
    standards[contractor] = standard
  }
  return standards
}

/** A contractor name as typed by staff: trimmed, inner spaces collapsed, blank means none. */
export function cleanContractor(value: string | null | undefined): string | null {
  const cleaned = (value ?? '').replace(/\s+/g, ' ').trim().slice(0, 200)
  return cleaned === '' ? null : cleaned
}

export interface ContractorStageRow {
  contractor: string
  receivedOn: IsoDate
  /** Stage 1: declined complaints leave the Stage 1 figures (kpis.md C4). */
  declinedAtStage1: boolean
  startedOn: IsoDate
  responseDue: IsoDate
  extensionWorkingDays: number
  extensionsValid: boolean
  respondedOn: IsoDate | null
  outcome: string | null
}

export interface ContractorCommitmentRow {
  contractor: string
  originalDueOn: IsoDate
  completedOn: IsoDate | null
  status: string
  cancellationApproved: boolean
}

export interface ContractorPaymentRow {
  contractor: string
  paidOn: IsoDate
  amountPence: number
}

export interface ContractorFigures {
  contractor: string
  received: number
  stage1Responses: number
  upheldOrPartlyPct: number | null
  withinCodePct: number | null
  avgWorkingDaysToRespond: number | null
  commitmentsDue: number
  commitmentsOnTime: number
  commitmentsOnTimePct: number | null
  compensationPaidPence: number
}

export type StandardVerdict = 'met' | 'not_met' | 'no_data' | 'none'

export interface ContractorReportRow extends ContractorFigures {
  standard: ContractorStandard | null
  responseVerdict: StandardVerdict
  upheldVerdict: StandardVerdict
}

/** Met or not met for one standard: 'none' when there is no standard, 'no_data' when nothing to judge. */
export function verdict(value: number | null, limit: number | undefined): StandardVerdict {
  if (limit === undefined) return 'none'
  if (value === null) return 'no_data'
  return value <= limit ? 'met' : 'not_met'
}

export function standardVerdicts(
  figures: Pick<ContractorFigures, 'avgWorkingDaysToRespond' | 'upheldOrPartlyPct'>,
  standard: ContractorStandard | null | undefined,
): { responseVerdict: StandardVerdict; upheldVerdict: StandardVerdict } {
  return {
    responseVerdict: verdict(figures.avgWorkingDaysToRespond, standard?.responseWorkingDays),
    upheldVerdict: verdict(figures.upheldOrPartlyPct, standard?.maxUpheldPct),
  }
}

/**
 * Per contractor for a period: complaints received; Stage 1 responses issued, the share upheld or
 * partly upheld and the share within the Code (kpis.md: due date in force met, extensions valid);
 * commitments originally due in the period (approved cancellations and those not yet due left
 * out) and those done by their original date; compensation paid. Every contractor with a
 * standard is listed even without complaints.
 */
export function contractorReport(
  input: {
    stages: readonly ContractorStageRow[]
    commitments: readonly ContractorCommitmentRow[]
    payments: readonly ContractorPaymentRow[]
    standards: ContractorStandards
  },
  o: { from: IsoDate; to: IsoDate; runDate: IsoDate; nonWorkingDays: ReadonlySet<IsoDate> },
): ContractorReportRow[] {
  const names = new Set<string>([
    ...input.stages.map((s) => s.contractor),
    ...input.commitments.map((c) => c.contractor),
    ...input.payments.map((p) => p.contractor),
    ...Object.keys(input.standards),
  ])
  return [...names]
    .sort((a, b) => a.localeCompare(b))
    .map((contractor) => {
      const stages = input.stages.filter((s) => s.contractor === contractor && !s.declinedAtStage1)
      const responses = stages.filter((s) => inPeriod(s.respondedOn, o.from, o.to))
      const upheld = responses.filter((s) => s.outcome === 'upheld' || s.outcome === 'partly_upheld')
      const withinCode = responses.filter(
        (s) => (s.extensionWorkingDays === 0 || s.extensionsValid) && (s.respondedOn as IsoDate) <= s.responseDue,
      )
      const days = responses.map((s) => workingDaysBetween(s.startedOn, s.respondedOn as IsoDate, o.nonWorkingDays))
      const due = input.commitments.filter(
        (k) =>
          k.contractor === contractor &&
          inPeriod(k.originalDueOn, o.from, o.to) &&
          !(k.status === 'cancelled' && k.cancellationApproved) &&
          !(k.status !== 'done' && k.originalDueOn >= o.runDate),
      )
      const onTime = due.filter((k) => k.status === 'done' && k.completedOn != null && k.completedOn <= k.originalDueOn)
      const figures: ContractorFigures = {
        contractor,
        received: stages.filter((s) => inPeriod(s.receivedOn, o.from, o.to)).length,
        stage1Responses: responses.length,
        upheldOrPartlyPct: percent(upheld.length, responses.length),
        withinCodePct: percent(withinCode.length, responses.length),
        avgWorkingDaysToRespond:
          days.length === 0 ? null : Math.round((10 * days.reduce((a, b) => a + b, 0)) / days.length) / 10,
        commitmentsDue: due.length,
        commitmentsOnTime: onTime.length,
        commitmentsOnTimePct: percent(onTime.length, due.length),
        compensationPaidPence: input.payments
          .filter((p) => p.contractor === contractor && inPeriod(p.paidOn, o.from, o.to))
          .reduce((total, p) => total + p.amountPence, 0),
      }
      const standard = input.standards[contractor] ?? null
      return { ...figures, standard, ...standardVerdicts(figures, standard) }
    })
}

// ---- Peer benchmark CSV -------------------------------------------------------------------------

export const benchmarkColumns = [
  'landlord',
  'year',
  'homes',
  'stage1_per_1000',
  'stage2_per_1000',
  'stage1_within_code_pct',
  'stage2_within_code_pct',
] as const

export interface BenchmarkFigures {
  stage1Per1000: number | null
  stage2Per1000: number | null
  stage1WithinCodePct: number | null
  stage2WithinCodePct: number | null
}

export interface BenchmarkRow {
  landlord: string
  /** The TSM reporting year, '2025/26' (1 April 2025 to 31 March 2026). */
  year: string
  homes: number | null
  figures: BenchmarkFigures
}

export interface BenchmarkProblem {
  line: number
  /** A staff-errors locale key. */
  key: string
  values?: Record<string, string | number>
}

/** '2025', '2025/26', '2025-26' or '2025/2026' → '2025/26'; null when it is not a reporting year. */
export function normaliseTsmYear(value: string): string | null {
  const match = /^(\d{4})(?:[/-](\d{2}|\d{4}))?$/.exec(value.trim())
  if (!match) return null
  const start = Number(match[1])
  const next = String(start + 1)
  if (match[2] && match[2] !== next && match[2] !== next.slice(2)) return null
  return `${start}/${next.slice(2)}`
}

/** The first day of a reporting year '2025/26'. */
export function tsmYearStart(year: string): IsoDate {
  return `${year.slice(0, 4)}-04-01`
}

/** A blank cell is null; otherwise a plain decimal number within [0, max] (a whole one when asked). */
const numberCell = (key: string, max: number, whole = false) =>
  z.string().transform((text, ctx): number | null => {
    const trimmed = text.trim()
    if (trimmed === '') return null
    const valid = whole ? /^\d+$/.test(trimmed) : /^\d+(\.\d+)?$/.test(trimmed)
    const value = Number(trimmed)
    if (!valid || value > max || (whole && value < 1)) {
      ctx.addIssue({ code: 'custom', message: key })
      return null
    }
    return value
  })

const benchmarkSchema = z.object({
  landlord: z
    .string()
    .trim()
    .min(1, { error: 'staff-errors:reports.csv.landlord' })
    .max(200, { error: 'staff-errors:reports.csv.landlord' }),
  year: z.string().transform((value, ctx) => {
    const year = normaliseTsmYear(value)
    if (!year) ctx.addIssue({ code: 'custom', message: 'staff-errors:reports.csv.year' })
    return year ?? ''
  }),
  homes: numberCell('staff-errors:reports.csv.homes', 10_000_000, true),
  stage1_per_1000: numberCell('staff-errors:reports.csv.per1000', 10_000),
  stage2_per_1000: numberCell('staff-errors:reports.csv.per1000', 10_000),
  stage1_within_code_pct: numberCell('staff-errors:reports.csv.pct', 100),
  stage2_within_code_pct: numberCell('staff-errors:reports.csv.pct', 100),
})

/**
 * Checks parsed CSV records (the header first) line by line. All or nothing: any problem and no
 * rows are returned. A landlord and year given twice is a problem, not a silent overwrite.
 */
export function validateBenchmarkRecords(
  records: ReadonlyArray<{ line: number; fields: string[] }>,
): { ok: true; rows: BenchmarkRow[] } | { ok: false; problems: BenchmarkProblem[] } {
  const [header, ...body] = records
  if (!header) return { ok: false, problems: [{ line: 1, key: 'staff-errors:reports.csv.empty' }] }
  const names = header.fields.map((name) => name.trim().toLowerCase())
  const missing = benchmarkColumns.filter((column) => !names.includes(column))
  if (missing.length > 0) {
    return {
      ok: false,
      problems: [
        { line: header.line, key: 'staff-errors:reports.csv.columns', values: { columns: missing.join(', ') } },
      ],
    }
  }
  if (body.length === 0) return { ok: false, problems: [{ line: header.line, key: 'staff-errors:reports.csv.noRows' }] }
  const problems: BenchmarkProblem[] = []
  const rows: BenchmarkRow[] = []
  const seen = new Map<string, number>()
  for (const record of body) {
    const raw = Object.fromEntries(
      benchmarkColumns.map((column) => [column, record.fields[names.indexOf(column)] ?? '']),
    )
    const parsed = benchmarkSchema.safeParse(raw)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? '')
        problems.push({ line: record.line, key: issue.message, values: { column } })
      }
      continue
    }
    const row = parsed.data
    const identity = `${row.landlord.toLowerCase()}|${row.year}`
    const earlier = seen.get(identity)
    if (earlier !== undefined) {
      problems.push({ line: record.line, key: 'staff-errors:reports.csv.duplicate', values: { earlier } })
      continue
    }
    seen.set(identity, record.line)
    rows.push({
      landlord: row.landlord,
      year: row.year,
      homes: row.homes,
      figures: {
        stage1Per1000: row.stage1_per_1000,
        stage2Per1000: row.stage2_per_1000,
        stage1WithinCodePct: row.stage1_within_code_pct,
        stage2WithinCodePct: row.stage2_within_code_pct,
      },
    })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows }
}

/** Stored figures read back leniently (a number or null for each). */
export function benchmarkFigures(value: unknown): BenchmarkFigures {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>
  const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null)
  return {
    stage1Per1000: n(v.stage1Per1000),
    stage2Per1000: n(v.stage2Per1000),
    stage1WithinCodePct: n(v.stage1WithinCodePct),
    stage2WithinCodePct: n(v.stage2WithinCodePct),
  }
}

// ---- Cost of complaint handling -----------------------------------------------------------------

export const DEFAULT_HOURLY_COST_PENCE = 3000

export interface CostCase {
  complaintId: string
  serviceArea: string
  handlingMinutes: number
}

export interface CostPayment {
  complaintId: string
  amountPence: number
}

export interface CostLine {
  cases: number
  handlingMinutes: number
  handlingCostPence: number
  compensationPence: number
  totalPence: number
  /** Total ÷ cases, rounded to the penny; null without cases. */
  perCasePence: number | null
}

/** Minutes at an hourly cost, rounded to the penny. */
export function handlingCostPence(minutes: number, hourlyCostPence: number): number {
  return Math.round((minutes * hourlyCostPence) / 60)
}

/**
 * The cost of handling the period's complaints: their recorded handling time at the hourly cost,
 * plus compensation paid on them (payments on other complaints are not this cohort's cost).
 */
export function complaintHandlingCost(
  cases: readonly CostCase[],
  payments: readonly CostPayment[],
  hourlyCostPence: number,
): { overall: CostLine; byServiceArea: Array<CostLine & { serviceArea: string }> } {
  const paidOn = new Map<string, number>()
  for (const p of payments) paidOn.set(p.complaintId, (paidOn.get(p.complaintId) ?? 0) + p.amountPence)
  const line = (list: readonly CostCase[]): CostLine => {
    const handlingMinutes = list.reduce((total, c) => total + Math.max(0, c.handlingMinutes), 0)
    const handlingCost = handlingCostPence(handlingMinutes, hourlyCostPence)
    const compensationPence = list.reduce((total, c) => total + (paidOn.get(c.complaintId) ?? 0), 0)
    const totalPence = handlingCost + compensationPence
    return {
      cases: list.length,
      handlingMinutes,
      handlingCostPence: handlingCost,
      compensationPence,
      totalPence,
      perCasePence: list.length === 0 ? null : Math.round(totalPence / list.length),
    }
  }
  const areas = [...new Set(cases.map((c) => c.serviceArea))].sort()
  return {
    overall: line(cases),
    byServiceArea: areas.map((serviceArea) => ({
      serviceArea,
      ...line(cases.filter((c) => c.serviceArea === serviceArea)),
    })),
  }
}

/** Reads the hourly cost: a positive whole number of pence, else the default (£30). */
export function hourlyCost(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : DEFAULT_HOURLY_COST_PENCE
}

/** Minutes to add on the attribution page: a whole number from 1 to 1,440 (a day), or blank. */
export function validateMinutes(value: string): { ok: true; minutes: number } | { ok: false; key: string } {
  const trimmed = value.trim()
  if (trimmed === '') return { ok: true, minutes: 0 }
  if (!/^\d+$/.test(trimmed)) return { ok: false, key: 'staff-errors:reports.minutes' }
  const minutes = Number(trimmed)
  if (minutes < 1 || minutes > 1440) return { ok: false, key: 'staff-errors:reports.minutes' }
  return { ok: true, minutes }
}

// ---- Repeat complainants as anonymised case studies ---------------------------------------------

export interface RepeatComplaintRow {
  residentId: string
  serviceArea: string
  receivedOn: IsoDate
  /** The highest stage the complaint reached. */
  stageReached: 1 | 2
  /** The latest response's outcome, or null while no response has been sent. */
  outcome: string | null
}

export interface CaseStudy {
  /** 'A', 'B', … 'Z', 'AA': never the resident's name or id. */
  label: string
  complaints: number
  byServiceArea: Array<{ serviceArea: string; count: number }>
  stagesReached: Array<{ stage: 1 | 2; count: number }>
  outcomes: Array<{ outcome: string; count: number }>
  /** 'YYYY-MM' of each month with a complaint, oldest first: nothing finer than the month. */
  months: string[]
}

/** A, B, … Z, AA, AB, … */
export function caseStudyLabel(index: number): string {
  let n = index
  let label = ''
  do {
    label = String.fromCharCode(65 + (n % 26)) + label
    n = Math.floor(n / 26) - 1
  } while (n >= 0)
  return label
}

const tally = <K extends string | number>(values: readonly K[]) => {
  const counts = new Map<K, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
}

/**
 * Residents with at least `minimum` complaints received between `from` and `to`, most complaints
 * first (ties in no identifying order: by their first month then their pattern), at most `limit`.
 * The result holds counts and months only: no names, references, ids or days.
 */
export function repeatCaseStudies(
  rows: readonly RepeatComplaintRow[],
  o: { from: IsoDate; to: IsoDate; minimum?: number; limit?: number },
): CaseStudy[] {
  const minimum = o.minimum ?? 2
  const byResident = new Map<string, RepeatComplaintRow[]>()
  for (const row of rows) {
    if (!inPeriod(row.receivedOn, o.from, o.to)) continue
    const list = byResident.get(row.residentId) ?? []
    list.push(row)
    byResident.set(row.residentId, list)
  }
  const studies = [...byResident.values()]
    .filter((list) => list.length >= minimum)
    .map((list) => ({
      complaints: list.length,
      byServiceArea: tally(list.map((r) => r.serviceArea)).map(([serviceArea, count]) => ({ serviceArea, count })),
      stagesReached: tally(list.map((r) => r.stageReached))
        .map(([stage, count]) => ({ stage, count }))
        .sort((a, b) => a.stage - b.stage),
      outcomes: tally(list.map((r) => r.outcome ?? 'open')).map(([outcome, count]) => ({ outcome, count })),
      months: [...new Set(list.map((r) => r.receivedOn.slice(0, 7)))].sort(),
    }))
    .sort(
      (a, b) =>
        b.complaints - a.complaints ||
        (a.months[0] ?? '').localeCompare(b.months[0] ?? '') ||
        JSON.stringify(a).localeCompare(JSON.stringify(b)),
    )
    .slice(0, o.limit ?? 10)
  return studies.map((study, index) => ({ label: caseStudyLabel(index), ...study }))
}
