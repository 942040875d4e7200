// The tenant panel (issue 7 §8; GOV-2, GOV-3; seed 000 "tenant complaint review group") sees only
// published material: anonymised case summaries a manager approved, "you said, we did", the
// annual report and self-assessment, and suppressed aggregates. Nothing here may identify anyone.
import type { FieldErrors } from './forms'
import { serviceAreas, type ServiceArea } from './complaints/status'
import { isIsoDate, type IsoDate } from './working-days'

export const summaryOutcomes = ['upheld', 'partly_upheld', 'not_upheld'] as const
export type SummaryOutcome = (typeof summaryOutcomes)[number]

export type IdentifyingKind = 'name' | 'email' | 'phone' | 'postcode' | 'address' | 'reference'

/** What a summary must not contain: the resident's details and the complaint's reference. */
export interface Identifiers {
  name: string | null
  email: string | null
  phone: string | null
  postcode: string | null
  address: string | null
  reference: string
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'rev', 'sir', 'lady', 'lord'])
/** Any of our own references (PR-2026-000123, pr 2026 123…), not only this complaint's. */
const ANY_REFERENCE = /\bPR[\s-]?\d{4}[\s-]?\d{1,}\b/i

const normalise = (text: string) => text.normalize('NFC').toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim()
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** A whole word (letters and digits around it are not part of it), in any script. */
const wordPattern = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'iu')

function containsName(text: string, name: string): boolean {
  const full = normalise(name)
  if (!full) return false
  if (wordPattern(full).test(text)) return true
  const parts = full.split(/[\s,.'’-]+/).filter((part) => part && !TITLES.has(part))
  // The name without its title ("Jo Li"), then each part of 3 letters or more ("Mrs Okafor" gives
  // her away as much as her full name; "Jo" alone is too common to refuse).
  if (parts.length > 0 && wordPattern(parts.join(' ')).test(text)) return true
  return parts.filter((part) => part.length >= 3).some((part) => wordPattern(part).test(text))
}

function containsPhone(text: string, phone: string): boolean {
  const digits = phone.replace(/\D/g, '')
  if (digits.length < 6) return false
  // The last 9 digits match 07700 900123 and +44 7700 900123 alike.
  const tail = digits.slice(-9)
  for (const run of text.matchAll(/\+?\d[\d\s().-]*\d/g)) {
    if (run[0].replace(/\D/g, '').includes(tail)) return true
  }
  return false
}

function containsPostcode(text: string, postcode: string): boolean {
  const compact = postcode.replace(/\s+/g, '').toUpperCase()
  if (compact.length < 5) return false
  return text.replace(/\s+/g, '').toUpperCase().includes(compact)
}

function containsAddress(text: string, address: string): boolean {
  const full = normalise(address.replace(/[\n,]+/g, ' '))
  const firstLine = normalise(address.split(/[\n,]/)[0] ?? '')
  const flat = normalise(text.replace(/[\n,]+/g, ' '))
  return (full.length >= 5 && flat.includes(full)) || (firstLine.length >= 5 && flat.includes(firstLine))
}

/** The first thing in `text` that identifies the resident or the case, or null when it is clean. */
export function findIdentifying(text: string, who: Identifiers): IdentifyingKind | null {
  const lower = normalise(text)
  if (!lower) return null
  if (lower.includes(normalise(who.reference)) || ANY_REFERENCE.test(text)) return 'reference'
  if (who.email && lower.includes(normalise(who.email))) return 'email'
  if (who.name && containsName(lower, who.name)) return 'name'
  if (who.phone && containsPhone(text, who.phone)) return 'phone'
  if (who.postcode && containsPostcode(text, who.postcode)) return 'postcode'
  if (who.address && containsAddress(text, who.address)) return 'address'
  return null
}

export interface SummaryInput {
  serviceArea: string
  summary: string
  outcome: string
  learning: string
}

export interface SummaryDraft {
  serviceArea: ServiceArea
  summary: string
  outcome: SummaryOutcome
  learning: string
}

/**
 * An anonymised summary for the panel: complete, and with nothing in its words that identifies
 * the resident (name, email, phone, postcode, address) or the case (its reference, or any other).
 */
export function validateSummary(
  input: SummaryInput,
  who: Identifiers,
): { ok: true; value: SummaryDraft } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const serviceArea = serviceAreas.find((area) => area === input.serviceArea)
  if (!serviceArea) errors.serviceArea = { key: 'staff-errors:panel.serviceAreaRequired' }
  const outcome = summaryOutcomes.find((o) => o === input.outcome)
  if (!outcome) errors.outcome = { key: 'staff-errors:panel.outcomeRequired' }
  for (const field of ['summary', 'learning'] as const) {
    const text = input[field].trim()
    if (!text) {
      errors[field] = { key: `staff-errors:panel.${field}Required` }
      continue
    }
    const found = findIdentifying(text, who)
    if (found) errors[field] = { key: `staff-errors:panel.identifying.${found}` }
  }
  if (!serviceArea || !outcome || Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    value: { serviceArea, outcome, summary: input.summary.trim(), learning: input.learning.trim() },
  }
}

/** GOV-3: one row per provision of the Code: complies or not, the evidence, and any action with its date. */
export interface SelfAssessmentRow {
  provision: string
  complies: boolean
  evidence: string
  action: string | null
  actionDueOn: IsoDate | null
}

/** The annual complaints performance report and self-assessment, kept in settings (`panel.selfAssessment`). */
export interface SelfAssessment {
  /** e.g. "2025/26". */
  reportingYear: string
  /** The annual report's narrative: performance, what was refused and why, Ombudsman findings, improvements. */
  report: string
  /** The governing body's response, published with it (GOV-3). */
  governingBodyResponse: string
  /** When the governing body approved it. */
  approvedOn: IsoDate | null
  rows: SelfAssessmentRow[]
}

export const SELF_ASSESSMENT_KEY = 'panel.selfAssessment'

export const emptySelfAssessment: SelfAssessment = {
  reportingYear: '',
  report: '',
  governingBodyResponse: '',
  approvedOn: null,
  rows: [],
}

const str = (value: unknown) => (typeof value === 'string' ? value : '')

/** Reads the stored document back, keeping only well-formed rows. */
export function selfAssessmentFrom(stored: unknown): SelfAssessment {
  if (typeof stored !== 'object' || stored === null) return emptySelfAssessment
  const get = (key: string): unknown => (key in stored ? (stored as Record<string, unknown>)[key] : undefined) // an object, checked above
  const rows = Array.isArray(get('rows')) ? (get('rows') as unknown[]) : []
  return {
    reportingYear: str(get('reportingYear')),
    report: str(get('report')),
    governingBodyResponse: str(get('governingBodyResponse')),
    approvedOn: isIsoDate(get('approvedOn')) ? str(get('approvedOn')) : null,
    rows: rows.flatMap((row) => {
      if (typeof row !== 'object' || row === null) return []
      const r = row as Record<string, unknown> // an object, checked above
      if (!str(r.provision) || typeof r.complies !== 'boolean') return []
      return [
        {
          provision: str(r.provision),
          complies: r.complies,
          evidence: str(r.evidence),
          action: str(r.action) || null,
          actionDueOn: isIsoDate(r.actionDueOn) ? str(r.actionDueOn) : null,
        },
      ]
    }),
  }
}

export interface SelfAssessmentRowInput {
  provision: string
  complies: string
  evidence: string
  action: string
  actionDueOn: string
}

export interface SelfAssessmentInput {
  reportingYear: string
  report: string
  governingBodyResponse: string
  approvedOn: string
  rows: SelfAssessmentRowInput[]
}

/** Field names of the self-assessment form's rows: provision1, complies1, evidence1… */
export const rowField = (name: keyof SelfAssessmentRowInput, row: number) => `${name}${row + 1}`

/**
 * GOV-3: each provision says whether we comply and the evidence; where we do not, the action and
 * its date. Rows left wholly blank are dropped (that is how a row is removed without JavaScript).
 */
export function validateSelfAssessment(
  input: SelfAssessmentInput,
): { ok: true; value: SelfAssessment } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  if (!/^\d{4}\/\d{2}$/.test(input.reportingYear.trim()))
    errors.reportingYear = { key: 'staff-errors:panel.reportingYearInvalid' }
  const approvedOn = input.approvedOn.trim()
  if (approvedOn && !isIsoDate(approvedOn)) errors.approvedOn = { key: 'staff-errors:panel.dateInvalid' }
  const rows: SelfAssessmentRow[] = []
  input.rows.forEach((row, index) => {
    const provision = row.provision.trim()
    const evidence = row.evidence.trim()
    const action = row.action.trim()
    const due = row.actionDueOn.trim()
    if (!provision && !row.complies && !evidence && !action && !due) return
    if (!provision) errors[rowField('provision', index)] = { key: 'staff-errors:panel.provisionRequired' }
    if (row.complies !== 'yes' && row.complies !== 'no')
      errors[rowField('complies', index)] = { key: 'staff-errors:panel.compliesRequired' }
    if (!evidence) errors[rowField('evidence', index)] = { key: 'staff-errors:panel.evidenceRequired' }
    if (due && !isIsoDate(due)) errors[rowField('actionDueOn', index)] = { key: 'staff-errors:panel.dateInvalid' }
    if (row.complies === 'no') {
      if (!action) errors[rowField('action', index)] = { key: 'staff-errors:panel.actionRequired' }
      if (!due) errors[rowField('actionDueOn', index)] = { key: 'staff-errors:panel.actionDueRequired' }
    }
    if (action && !due && row.complies === 'yes')
      errors[rowField('actionDueOn', index)] = { key: 'staff-errors:panel.actionDueRequired' }
    rows.push({
      provision,
      complies: row.complies === 'yes',
      evidence,
      action: action || null,
      actionDueOn: isIsoDate(due) ? due : null,
    })
  })
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    value: {
      reportingYear: input.reportingYear.trim(),
      report: input.report.trim(),
      governingBodyResponse: input.governingBodyResponse.trim(),
      approvedOn: approvedOn || null,
      rows,
    },
  }
}

/** How many provisions comply, for the report's headline. */
export function complianceCount(assessment: SelfAssessment): { complies: number; total: number } {
  return { complies: assessment.rows.filter((row) => row.complies).length, total: assessment.rows.length }
}
