// Compensation and remedies (PTR-2, PTR-4, PTR-5; seed 000 "published policy, quarterly
// benchmarking"): awards proposed against the landlord's policy bands, authorised within each
// role's limit (above it, someone whose limit covers the amount approves, never the proposer),
// offered, accepted or declined, and paid; spend against the financial year's budget; and
// benchmarking by category and outcome against the Ombudsman's remedies guidance bands.
// Money is always whole pence.
import { z } from 'zod'
import type { FieldErrors } from './forms'
import type { StaffRole } from './permissions'
import { isIsoDate, type IsoDate } from './working-days'

export const compensationCategories = [
  'time_and_trouble',
  'delay',
  'distress_and_inconvenience',
  'financial_loss',
  'other',
] as const
export type CompensationCategory = (typeof compensationCategories)[number]

export const policyBands = ['low', 'medium', 'high'] as const
export type PolicyBand = (typeof policyBands)[number]

export interface BandRange {
  minPence: number
  /** null: no upper limit. */
  maxPence: number | null
}

export type CompensationPolicy = Record<CompensationCategory, Record<PolicyBand, BandRange>>

const standardBands: Record<PolicyBand, BandRange> = {
  low: { minPence: 5_000, maxPence: 25_000 },
  medium: { minPence: 25_000, maxPence: 70_000 },
  high: { minPence: 70_000, maxPence: null },
}

/** The default policy: the same bands for every category until the landlord publishes its own. */
export const defaultCompensationPolicy: CompensationPolicy = Object.fromEntries(
  compensationCategories.map((category) => [category, { ...standardBands }]),
) as CompensationPolicy

export const ombudsmanBandNames = ['minor', 'adverse', 'significant', 'severe'] as const
export type OmbudsmanBandName = (typeof ombudsmanBandNames)[number]

/** PTR-4 [U]: the Ombudsman's remedies guidance bands are configuration citing their version. */
export interface OmbudsmanBands {
  version: string
  bands: Record<OmbudsmanBandName, BandRange>
}

export const defaultOmbudsmanBands: OmbudsmanBands = {
  version: 'Housing Ombudsman, Guidance on remedies (revised April 2024): verify before go-live',
  bands: {
    minor: { minPence: 100, maxPence: 10_000 },
    adverse: { minPence: 10_000, maxPence: 60_000 },
    significant: { minPence: 60_000, maxPence: 100_000 },
    severe: { minPence: 100_000, maxPence: null },
  },
}

/** PTR-5 [P]: authorisation limit per role, in pence; null = no limit; a role not listed = 0. */
export type AuthorisationLimits = Partial<Record<StaffRole, number | null>>

export const defaultAuthorisationLimits: AuthorisationLimits = {
  complaint_handler: 25_000,
  stage2_reviewer: 50_000,
  manager: 100_000,
  compensation_approver: null,
}

/** The roles whose limit the policy page sets: those who may propose or approve an award. */
export const limitedRoles = ['complaint_handler', 'stage2_reviewer', 'manager', 'compensation_approver'] as const

/** Budgets per financial year, keyed by the year it starts ("2026" = 1 April 2026 – 31 March 2027). */
export type CompensationBudgets = Record<string, number>

// ---------------------------------------------------------------------------------------------
// Reading settings: what was stored, where it makes sense; the defaults otherwise.

const pence = z.number().int().nonnegative()
const rangeSchema = z.object({ minPence: pence, maxPence: pence.nullable() })

export function policyFrom(stored: unknown): CompensationPolicy {
  const policy = structuredClone(defaultCompensationPolicy)
  if (!stored || typeof stored !== 'object') return policy
  for (const category of compensationCategories) {
    const bands = (stored as Record<string, unknown>)[category]
    if (!bands || typeof bands !== 'object') continue
    for (const band of policyBands) {
      const parsed = rangeSchema.safeParse((bands as Record<string, unknown>)[band])
      if (parsed.success) policy[category][band] = parsed.data
    }
  }
  return policy
}

export function ombudsmanBandsFrom(stored: unknown): OmbudsmanBands {
  const result = structuredClone(defaultOmbudsmanBands)
  if (!stored || typeof stored !== 'object') return result
  const { version, bands } = stored as { version?: unknown; bands?: unknown }
  if (typeof version === 'string' && version.trim()) result.version = version
  if (bands && typeof bands === 'object') {
    for (const name of ombudsmanBandNames) {
      const parsed = rangeSchema.safeParse((bands as Record<string, unknown>)[name])
      if (parsed.success) result.bands[name] = parsed.data
    }
  }
  return result
}

export function limitsFrom(stored: unknown): AuthorisationLimits {
  const limits: AuthorisationLimits = { ...defaultAuthorisationLimits }
  if (!stored || typeof stored !== 'object') return limits
  for (const role of limitedRoles) {
    if (!(role in stored)) continue
    const parsed = pence.nullable().safeParse((stored as Record<string, unknown>)[role])
    if (parsed.success) limits[role] = parsed.data
  }
  return limits
}

export function budgetsFrom(stored: unknown): CompensationBudgets {
  const budgets: CompensationBudgets = {}
  if (!stored || typeof stored !== 'object') return budgets
  for (const [year, value] of Object.entries(stored)) {
    if (/^\d{4}$/.test(year) && pence.safeParse(value).success) budgets[year] = value as number
  }
  return budgets
}

// ---------------------------------------------------------------------------------------------
// Money

/**
 * Pounds as typed ("250", "£250.50", "1,000", "0.5") → pence; null for anything else. Thousands
 * separators only in the right places, at most two decimals, and never more than £10,000,000.
 */
export function parsePounds(text: string): number | null {
  const cleaned = text.trim().replace(/^£\s*/, '')
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(cleaned)
  if (!match) return null
  const pounds = Number((match[1] ?? '').replace(/,/g, ''))
  const fraction = (match[2] ?? '').padEnd(2, '0')
  const result = pounds * 100 + Number(fraction)
  return Number.isSafeInteger(result) && result <= 1_000_000_000 ? result : null
}

/** Pence back to what a form field shows ("250.00"), with no currency sign or separators. */
export function penceToPounds(amount: number): string {
  return `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`
}

export function fitsRange(amountPence: number, range: BandRange): boolean {
  return amountPence >= range.minPence && (range.maxPence === null || amountPence <= range.maxPence)
}

/** The policy bands an amount fits in a category (an amount on a boundary fits both bands). */
export function bandsFor(
  amountPence: number,
  category: CompensationCategory,
  policy: CompensationPolicy,
): PolicyBand[] {
  return policyBands.filter((band) => fitsRange(amountPence, policy[category][band]))
}

/** The Ombudsman guidance band an amount falls in; on a boundary, the lower band. */
export function ombudsmanBandOf(amountPence: number, bands: OmbudsmanBands): OmbudsmanBandName | null {
  return ombudsmanBandNames.find((name) => fitsRange(amountPence, bands.bands[name])) ?? null
}

// ---------------------------------------------------------------------------------------------
// Authorisation

/** A role's limit in pence; null = no limit; a role with no limit set may authorise nothing. */
export function limitOf(role: StaffRole, limits: AuthorisationLimits): number | null {
  const limit = limits[role]
  return limit === undefined ? 0 : limit
}

export function withinLimit(amountPence: number, role: StaffRole, limits: AuthorisationLimits): boolean {
  const limit = limitOf(role, limits)
  return limit === null || amountPence <= limit
}

// ---------------------------------------------------------------------------------------------
// States

export const awardStatuses = ['proposed', 'approved', 'rejected', 'offered', 'accepted', 'declined', 'paid'] as const
export type AwardStatus = (typeof awardStatuses)[number]

export const paymentMethods = ['bank', 'cheque', 'rent_credit'] as const
export type PaymentMethod = (typeof paymentMethods)[number]

export interface AwardFacts {
  status: AwardStatus
  amountPence: number
  proposedBy: string | null
  offeredOn: IsoDate | null
  decidedOn: IsoDate | null
}

export type AwardCommand =
  | { type: 'approve'; by: { id: string; role: StaffRole } }
  | { type: 'reject'; by: { id: string; role: StaffRole }; reason: string }
  | { type: 'offer'; on: IsoDate }
  | { type: 'decide'; on: IsoDate; accepted: boolean }
  | { type: 'pay'; on: IsoDate; method: string }

export type AwardRefusal =
  | 'staff-errors:compensation.notAwaitingApproval'
  | 'staff-errors:compensation.ownProposal'
  | 'staff-errors:compensation.overYourLimit'
  | 'staff-errors:compensation.rejectReasonRequired'
  | 'staff-errors:compensation.notApproved'
  | 'staff-errors:compensation.notOffered'
  | 'staff-errors:compensation.notAccepted'
  | 'staff-errors:compensation.dateInvalid'
  | 'staff-errors:compensation.dateFuture'
  | 'staff-errors:compensation.dateBeforeOffer'
  | 'staff-errors:compensation.dateBeforeDecision'
  | 'staff-errors:compensation.methodRequired'

export type AwardTransition =
  | { ok: true; status: AwardStatus; set: Partial<{ offeredOn: IsoDate; decidedOn: IsoDate; paidOn: IsoDate }> }
  | { ok: false; refusal: AwardRefusal; field: string }

/** The status an award starts in: approved at once when the proposer's own limit covers it. */
export function initialStatus(amountPence: number, proposerRole: StaffRole, limits: AuthorisationLimits): AwardStatus {
  return withinLimit(amountPence, proposerRole, limits) ? 'approved' : 'proposed'
}

function dateRefusal(on: IsoDate, today: IsoDate): AwardRefusal | null {
  if (!isIsoDate(on)) return 'staff-errors:compensation.dateInvalid'
  if (on > today) return 'staff-errors:compensation.dateFuture'
  return null
}

/**
 * The award's state machine: proposed → approved | rejected (by someone else whose limit covers
 * the amount); approved → offered; offered → accepted | declined; accepted → paid. Paid only
 * after the resident accepted, with how it was paid; dates never in the future or out of order.
 */
export function applyAwardCommand(
  award: AwardFacts,
  command: AwardCommand,
  context: { limits: AuthorisationLimits; today: IsoDate },
): AwardTransition {
  switch (command.type) {
    case 'approve':
    case 'reject': {
      if (award.status !== 'proposed')
        return { ok: false, refusal: 'staff-errors:compensation.notAwaitingApproval', field: 'approval' }
      if (command.by.id === award.proposedBy)
        return { ok: false, refusal: 'staff-errors:compensation.ownProposal', field: 'approval' }
      if (!withinLimit(award.amountPence, command.by.role, context.limits))
        return { ok: false, refusal: 'staff-errors:compensation.overYourLimit', field: 'approval' }
      if (command.type === 'reject') {
        if (!command.reason.trim())
          return { ok: false, refusal: 'staff-errors:compensation.rejectReasonRequired', field: 'rejectReason' }
        return { ok: true, status: 'rejected', set: {} }
      }
      return { ok: true, status: 'approved', set: {} }
    }
    case 'offer': {
      if (award.status !== 'approved')
        return { ok: false, refusal: 'staff-errors:compensation.notApproved', field: 'offeredOn' }
      const refusal = dateRefusal(command.on, context.today)
      if (refusal) return { ok: false, refusal, field: 'offeredOn' }
      return { ok: true, status: 'offered', set: { offeredOn: command.on } }
    }
    case 'decide': {
      if (award.status !== 'offered')
        return { ok: false, refusal: 'staff-errors:compensation.notOffered', field: 'decidedOn' }
      const refusal = dateRefusal(command.on, context.today)
      if (refusal) return { ok: false, refusal, field: 'decidedOn' }
      if (award.offeredOn && command.on < award.offeredOn)
        return { ok: false, refusal: 'staff-errors:compensation.dateBeforeOffer', field: 'decidedOn' }
      return { ok: true, status: command.accepted ? 'accepted' : 'declined', set: { decidedOn: command.on } }
    }
    case 'pay': {
      if (award.status !== 'accepted')
        return { ok: false, refusal: 'staff-errors:compensation.notAccepted', field: 'paidOn' }
      if (!(paymentMethods as readonly string[]).includes(command.method))
        return { ok: false, refusal: 'staff-errors:compensation.methodRequired', field: 'paymentMethod' }
      const refusal = dateRefusal(command.on, context.today)
      if (refusal) return { ok: false, refusal, field: 'paidOn' }
      if (award.decidedOn && command.on < award.decidedOn)
        return { ok: false, refusal: 'staff-errors:compensation.dateBeforeDecision', field: 'paidOn' }
      return { ok: true, status: 'paid', set: { paidOn: command.on } }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Proposing an award

export interface ProposalInput {
  stage: string
  category: string
  band: string
  amount: string
  reason: string
  outsideBandReason: string
  ombudsmanOrdered: boolean
}

export interface Proposal {
  stage: 1 | 2
  category: CompensationCategory
  band: PolicyBand
  amountPence: number
  reason: string
  /** Present only when the amount is outside the chosen band. */
  outsideBandReason: string | null
  ombudsmanOrdered: boolean
}

/**
 * A proposal names its stage, category and band, a positive amount and the reason for it
 * (PTR-2: the impact on the resident). An amount outside the chosen band needs its own reason.
 */
export function validateProposal(
  input: ProposalInput,
  policy: CompensationPolicy,
  stages: ReadonlyArray<1 | 2>,
): { ok: true; value: Proposal } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const stage = Number(input.stage)
  if (!(stage === 1 || stage === 2) || !stages.includes(stage))
    errors.stage = { key: 'staff-errors:compensation.stageRequired' }
  const category = compensationCategories.find((c) => c === input.category)
  if (!category) errors.category = { key: 'staff-errors:compensation.categoryRequired' }
  const band = policyBands.find((b) => b === input.band)
  if (!band) errors.band = { key: 'staff-errors:compensation.bandRequired' }
  const amountPence = parsePounds(input.amount)
  if (amountPence === null) errors.amount = { key: 'staff-errors:compensation.amountInvalid' }
  else if (amountPence === 0) errors.amount = { key: 'staff-errors:compensation.amountZero' }
  const reason = input.reason.trim()
  if (!reason) errors.reason = { key: 'staff-errors:compensation.reasonRequired' }
  let outsideBandReason: string | null = null
  if (category && band && amountPence) {
    const fits = fitsRange(amountPence, policy[category][band])
    outsideBandReason = fits ? null : input.outsideBandReason.trim()
    if (outsideBandReason === '') {
      const range = policy[category][band]
      errors.outsideBandReason = {
        key:
          range.maxPence === null
            ? 'staff-errors:compensation.outsideOpenBand'
            : 'staff-errors:compensation.outsideBand',
        values: { min: penceToPounds(range.minPence), max: penceToPounds(range.maxPence ?? 0) },
      }
    }
  }
  if (Object.keys(errors).length > 0 || !category || !band || !amountPence) return { ok: false, errors }
  return {
    ok: true,
    value: {
      stage: stage as 1 | 2,
      category,
      band,
      amountPence,
      reason,
      outsideBandReason,
      ombudsmanOrdered: input.ombudsmanOrdered,
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Settings forms (the policy page), validated with zod; messages are locale keys.

const moneyField = z.string({ error: 'staff-errors:compensation.amountInvalid' }).transform((text, ctx) => {
  const value = parsePounds(text)
  if (value === null) {
    ctx.addIssue({ code: 'custom', message: 'staff-errors:compensation.amountInvalid' })
    return z.NEVER
  }
  return value
})
const optionalMoneyField = z.string({ error: 'staff-errors:compensation.amountInvalid' }).transform((text, ctx) => {
  if (!text.trim()) return null
  const value = parsePounds(text)
  if (value === null) {
    ctx.addIssue({ code: 'custom', message: 'staff-errors:compensation.amountInvalid' })
    return z.NEVER
  }
  return value
})

/** The field names of the policy form: `<category>-<band>-min` and `-max`, in pounds. */
export const policyFieldName = (category: string, band: string, end: 'min' | 'max') => `${category}-${band}-${end}`

/**
 * The policy form: every band a minimum, a maximum not below it (empty for "no upper limit"),
 * and each band starting no lower than the one before it.
 */
export function parsePolicyForm(
  values: Record<string, string | undefined>,
): { ok: true; policy: CompensationPolicy } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const policy = structuredClone(defaultCompensationPolicy)
  for (const category of compensationCategories) {
    let previousMin = -1
    for (const band of policyBands) {
      const minName = policyFieldName(category, band, 'min')
      const maxName = policyFieldName(category, band, 'max')
      const min = moneyField.safeParse(values[minName] ?? '')
      const max = optionalMoneyField.safeParse(values[maxName] ?? '')
      if (!min.success) errors[minName] = { key: 'staff-errors:compensation.amountInvalid' }
      if (!max.success) errors[maxName] = { key: 'staff-errors:compensation.amountInvalid' }
      if (!min.success || !max.success) continue
      if (max.data !== null && max.data < min.data) errors[maxName] = { key: 'staff-errors:compensation.maxBelowMin' }
      else if (min.data < previousMin) errors[minName] = { key: 'staff-errors:compensation.bandsOutOfOrder' }
      previousMin = min.data
      policy[category][band] = { minPence: min.data, maxPence: max.data }
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, policy }
}

export const limitsForm = z.object(
  Object.fromEntries(limitedRoles.map((role) => [role, optionalMoneyField])) as Record<
    (typeof limitedRoles)[number],
    typeof optionalMoneyField
  >,
)

export const budgetForm = z.object({
  year: z
    .string({ error: 'staff-errors:compensation.yearInvalid' })
    .regex(/^20\d{2}$/, { error: 'staff-errors:compensation.yearInvalid' }),
  budget: moneyField,
})

export const ombudsmanBandsFieldName = (name: string, end: 'min' | 'max') => `ombudsman-${name}-${end}`

export function parseOmbudsmanForm(
  values: Record<string, string | undefined>,
): { ok: true; bands: OmbudsmanBands } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const result = structuredClone(defaultOmbudsmanBands)
  const version = (values.version ?? '').trim()
  if (!version) errors.version = { key: 'staff-errors:compensation.versionRequired' }
  else result.version = version.slice(0, 300)
  for (const name of ombudsmanBandNames) {
    const minName = ombudsmanBandsFieldName(name, 'min')
    const maxName = ombudsmanBandsFieldName(name, 'max')
    const min = moneyField.safeParse(values[minName] ?? '')
    const max = optionalMoneyField.safeParse(values[maxName] ?? '')
    if (!min.success) errors[minName] = { key: 'staff-errors:compensation.amountInvalid' }
    if (!max.success) errors[maxName] = { key: 'staff-errors:compensation.amountInvalid' }
    if (!min.success || !max.success) continue
    if (max.data !== null && max.data < min.data) errors[maxName] = { key: 'staff-errors:compensation.maxBelowMin' }
    result.bands[name] = { minPence: min.data, maxPence: max.data }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, bands: result }
}

// ---------------------------------------------------------------------------------------------
// The financial year and the budget

/** The financial year a day falls in, named by the year it starts: 31 March 2027 → 2026. */
export function financialYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4))
  return date.slice(5) >= '04-01' ? year : year - 1
}

export function financialYearRange(startYear: number): { from: IsoDate; to: IsoDate } {
  return { from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` }
}

export interface BudgetUse {
  budgetPence: number | null
  paidPence: number
  /** Approved, offered or accepted but not yet paid: money the landlord has committed. */
  committedPence: number
  remainingPence: number | null
  /** kpis.md `compensationBudgetUsedPct`: paid ÷ budget, C2 rounding; null without a budget. */
  usedPct: number | null
}

export function budgetUse(budgetPence: number | null | undefined, paidPence: number, committedPence = 0): BudgetUse {
  const budget = budgetPence ?? null
  return {
    budgetPence: budget,
    paidPence,
    committedPence,
    remainingPence: budget === null ? null : budget - paidPence,
    usedPct: budget === null || budget === 0 ? null : Math.round((1000 * paidPence) / budget) / 10,
  }
}

/** Awards that count as money spent or committed; proposals and rejections are neither. */
export const committedStatuses: readonly AwardStatus[] = ['approved', 'offered', 'accepted']

// ---------------------------------------------------------------------------------------------
// Benchmarking

export interface BenchmarkAward {
  category: string
  /** The overall outcome of the stage the award was made at (upheld, partly_upheld, not_upheld). */
  outcome: string | null
  amountPence: number
}

export interface BenchmarkRow {
  key: string
  count: number
  totalPence: number
  averagePence: number | null
  medianPence: number | null
  minPence: number | null
  maxPence: number | null
  /** How many awards fall in each Ombudsman guidance band (and how many in none). */
  byOmbudsmanBand: Record<OmbudsmanBandName | 'none', number>
}

/** The middle amount (the mean of the two middle ones, to the nearest penny, when even). */
export function median(amounts: readonly number[]): number | null {
  if (amounts.length === 0) return null
  const sorted = [...amounts].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length % 2 === 1) return sorted[middle] ?? null
  return Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2)
}

function benchmarkRow(key: string, amounts: number[], bands: OmbudsmanBands): BenchmarkRow {
  const byOmbudsmanBand = Object.fromEntries([...ombudsmanBandNames, 'none'].map((name) => [name, 0])) as Record<
    OmbudsmanBandName | 'none',
    number
  >
  for (const amount of amounts) byOmbudsmanBand[ombudsmanBandOf(amount, bands) ?? 'none'] += 1
  const totalPence = amounts.reduce((sum, amount) => sum + amount, 0)
  return {
    key,
    count: amounts.length,
    totalPence,
    averagePence: amounts.length === 0 ? null : Math.round(totalPence / amounts.length),
    medianPence: median(amounts),
    minPence: amounts.length === 0 ? null : Math.min(...amounts),
    maxPence: amounts.length === 0 ? null : Math.max(...amounts),
    byOmbudsmanBand,
  }
}

/**
 * Awards grouped by category (every category, in policy order, even when empty) and by outcome
 * (upheld, partly upheld, not upheld, then "unknown" for awards with no recorded outcome), with a
 * row for all awards.
 */
export function benchmark(awards: readonly BenchmarkAward[], bands: OmbudsmanBands) {
  const byCategory = compensationCategories.map((category) =>
    benchmarkRow(
      category,
      awards.filter((a) => a.category === category).map((a) => a.amountPence),
      bands,
    ),
  )
  const outcomes = ['upheld', 'partly_upheld', 'not_upheld', 'unknown'] as const
  const outcomeOf = (award: BenchmarkAward) =>
    (outcomes as readonly string[]).includes(award.outcome ?? '') ? (award.outcome as string) : 'unknown'
  const byOutcome = outcomes.map((outcome) =>
    benchmarkRow(
      outcome,
      awards.filter((a) => outcomeOf(a) === outcome).map((a) => a.amountPence),
      bands,
    ),
  )
  const all = benchmarkRow(
    'all',
    awards.map((a) => a.amountPence),
    bands,
  )
  return { byCategory, byOutcome, all }
}
