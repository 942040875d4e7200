// Quality dip-sampling (seed 000 "dip-sampling QA", seed 003 "QA of 10% of closed cases"): a monthly
// sample of the Stage 1 and Stage 2 responses issued in the month, at least one per handler, drawn
// the same way every time for the same month; a checklist of the Code's response content (R1–R7,
// rules §5) and of the handling (tone, accuracy, remedy, timeliness, adjustments) with a score; and
// a redacted view so the reviewer judges the response, not the resident.
import type { FieldErrors } from './forms'
import { isIsoDate, type IsoDate } from './working-days'

export interface QaSettings {
  /** kpis.md `qaSamplePct`: share of the month's responses sampled, rounded up. */
  samplePct: number
  /** kpis.md `qaPassMark`: a review passes with a score at least this and no critical fail. */
  passMark: number
}

export const defaultQaSettings: QaSettings = { samplePct: 10, passMark: 95 }

/** Stored values win when they are sensible numbers; anything else falls back to the default. */
export function qaSettingsFrom(stored: { samplePct?: unknown; passMark?: unknown }): QaSettings {
  const pct = Number(stored.samplePct)
  const mark = Number(stored.passMark)
  return {
    samplePct:
      stored.samplePct !== undefined && stored.samplePct !== null && Number.isFinite(pct) && pct > 0 && pct <= 100
        ? pct
        : defaultQaSettings.samplePct,
    passMark:
      stored.passMark !== undefined && stored.passMark !== null && Number.isFinite(mark) && mark >= 0 && mark <= 100
        ? mark
        : defaultQaSettings.passMark,
  }
}

// ---------------------------------------------------------------------------------------------
// The month

/** A sample month is 'YYYY-MM'. */
export function isSampleMonth(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)
}

/** The first and last day of a month, both inclusive. */
export function monthRange(month: string): { from: IsoDate; to: IsoDate } {
  const [year, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}

/** The month before the one `today` falls in: the month a reviewer normally samples. */
export function previousMonth(today: IsoDate): string {
  const [year, month] = today.split('-').map(Number) as [number, number]
  const total = year * 12 + (month - 1) - 1
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
}

/** A month can be sampled once it has started: never a month still to come. */
export function validateSampleMonth(month: unknown, today: IsoDate): FieldErrors {
  if (!isSampleMonth(month)) return { month: { key: 'staff-errors:quality.monthInvalid' } }
  if (`${month}-01` > today) return { month: { key: 'staff-errors:quality.monthFuture' } }
  return {}
}

// ---------------------------------------------------------------------------------------------
// Drawing the sample

export interface SampleCandidate {
  complaintId: string
  stage: 1 | 2
  /** Who handled the response; null when no member of staff can be named (imported history). */
  handlerId: string | null
  respondedOn: IsoDate
}

/** `pct` % of `population`, rounded up (10 % of 7 → 1, of 11 → 2); 0 of 0. */
export function sampleSize(population: number, pct: number): number {
  if (population <= 0 || pct <= 0) return 0
  return Math.min(population, Math.ceil((population * pct) / 100))
}

/**
 * A 32-bit FNV-1a hash, then a murmur-style finaliser: the same text always gives the same
 * number, and nearby texts give unrelated ones. Not for secrets; for a repeatable shuffle.
 */
export function hashRank(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return hash >>> 0
}

/**
 * The sample: every candidate gets a rank from the seed and its own identity (so the order the
 * database returns rows in, or a response added later, never reshuffles the others); the
 * best-ranked response of each handler is taken first, then the best-ranked of the rest until
 * `samplePct` % (rounded up) is reached. A handler is never left out, so the sample can be larger
 * than the percentage when there are many handlers.
 */
export function drawSample(
  candidates: readonly SampleCandidate[],
  options: { samplePct: number; seed: string },
): SampleCandidate[] {
  const ranked = [...candidates]
    .map((candidate) => ({ candidate, rank: hashRank(`${options.seed}|${candidate.complaintId}|${candidate.stage}`) }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.candidate.complaintId.localeCompare(b.candidate.complaintId) ||
        a.candidate.stage - b.candidate.stage,
    )
  const chosen = new Set<(typeof ranked)[number]>()
  const handlersSeen = new Set<string>()
  for (const entry of ranked) {
    const key = entry.candidate.handlerId ?? ''
    if (handlersSeen.has(key)) continue
    handlersSeen.add(key)
    chosen.add(entry)
  }
  const target = sampleSize(candidates.length, options.samplePct)
  for (const entry of ranked) {
    if (chosen.size >= target) break
    chosen.add(entry)
  }
  return ranked.filter((entry) => chosen.has(entry)).map((entry) => entry.candidate)
}

// ---------------------------------------------------------------------------------------------
// The checklist and its score

/** Rules §5: the response content the Code requires. Any of these not met is a critical fail. */
export const codeChecklistItems = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'] as const
/** Seed 000: depth, clarity, actions delivered — how the complaint was handled. */
export const handlingChecklistItems = [
  'tone',
  'accuracy',
  'remedyProportionate',
  'timeliness',
  'adjustmentsHonoured',
] as const
export const checklistItems = [...codeChecklistItems, ...handlingChecklistItems] as const
export type ChecklistItem = (typeof checklistItems)[number]

export const checklistAnswers = ['met', 'not_met', 'not_applicable'] as const
export type ChecklistAnswer = (typeof checklistAnswers)[number]
export type ChecklistAnswers = Record<ChecklistItem, ChecklistAnswer>

/**
 * Points per item, 100 in all: each Code item 10 and accuracy 10 (a wrong fact or decision
 * undermines the response), the other handling items 5. So one handling item of 5 points missed
 * scores exactly 95 — a pass at the default mark — while accuracy or any Code item missed fails.
 */
export const checklistPoints: Record<ChecklistItem, number> = {
  R1: 10,
  R2: 10,
  R3: 10,
  R4: 10,
  R5: 10,
  R6: 10,
  R7: 10,
  tone: 5,
  accuracy: 10,
  remedyProportionate: 5,
  timeliness: 5,
  adjustmentsHonoured: 5,
}

export function isCritical(item: ChecklistItem): boolean {
  return (codeChecklistItems as readonly string[]).includes(item)
}

/** kpis.md C2: one decimal, halves up; null when nothing applies. */
export function percentTenths(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null
  return Math.round((1000 * numerator) / denominator)
}

export interface ReviewScore {
  pointsMet: number
  pointsApplicable: number
  /** Score × 10 (963 = 96.3), as qa_reviews.score_tenths stores it; null when nothing applied. */
  scoreTenths: number | null
  /** The score to one decimal (kpis.md C2); null when nothing applied. */
  score: number | null
  /** Any of R1–R7 not met (kpis.md `qaPassPct`). */
  criticalFail: boolean
  notMet: ChecklistItem[]
  passed: boolean
}

/** Score = points met ÷ applicable points × 100; pass = score ≥ pass mark and no critical fail. */
export function scoreReview(
  answers: ChecklistAnswers,
  passMark: number = defaultQaSettings.passMark,
  points: Record<ChecklistItem, number> = checklistPoints,
): ReviewScore {
  let pointsMet = 0
  let pointsApplicable = 0
  const notMet: ChecklistItem[] = []
  for (const item of checklistItems) {
    const answer = answers[item]
    if (answer === 'not_applicable') continue
    pointsApplicable += points[item]
    if (answer === 'met') pointsMet += points[item]
    else notMet.push(item)
  }
  const scoreTenths = percentTenths(pointsMet, pointsApplicable)
  const criticalFail = notMet.some(isCritical)
  const score = scoreTenths === null ? null : scoreTenths / 10
  // Compared in tenths so 95.0 against a mark of 95 is exact, never a floating-point near miss.
  const passed = scoreTenths !== null && !criticalFail && scoreTenths >= Math.round(passMark * 10)
  return { pointsMet, pointsApplicable, scoreTenths, score, criticalFail, notMet, passed }
}

export interface ReviewInput {
  answers: Partial<Record<string, unknown>>
  feedback: string
}

/**
 * Every item answered with one of the three answers; at least one item that applies (a review of
 * nothing is no review); feedback whenever something was not met, so the handler knows why.
 */
export function validateReview(
  input: ReviewInput,
): { ok: true; answers: ChecklistAnswers; feedback: string } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const answers = {} as ChecklistAnswers
  for (const item of checklistItems) {
    const value = input.answers[item]
    if (typeof value === 'string' && (checklistAnswers as readonly string[]).includes(value)) {
      answers[item] = value as ChecklistAnswer
    } else errors[item] = { key: 'staff-errors:quality.answerRequired' }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  if (checklistItems.every((item) => answers[item] === 'not_applicable'))
    return { ok: false, errors: { R1: { key: 'staff-errors:quality.nothingApplies' } } }
  const feedback = input.feedback.trim()
  if (!feedback && checklistItems.some((item) => answers[item] === 'not_met'))
    return { ok: false, errors: { feedback: { key: 'staff-errors:quality.feedbackRequired' } } }
  return { ok: true, answers, feedback }
}

/** Reviewers judge others' work: nobody reviews a response they handled themselves. */
export function canReview(reviewerId: string, handlerId: string | null): boolean {
  return reviewerId !== handlerId
}

export interface ReviewedScore {
  scoreTenths: number | null
  criticalFail: boolean | null
}

/** kpis.md `qaPassPct`: a score at least the pass mark (compared in tenths) and no critical fail. */
export function reviewPassed(review: ReviewedScore, passMark: number = defaultQaSettings.passMark): boolean {
  return review.scoreTenths !== null && !review.criticalFail && review.scoreTenths >= Math.round(passMark * 10)
}

/**
 * kpis.md `qaAverageScore` and `qaPassPct` over a set of reviews: the mean score (one decimal) and
 * the share passing; null when there are no scored reviews.
 */
export function qaSummary(reviews: readonly ReviewedScore[], passMark: number = defaultQaSettings.passMark) {
  const scored = reviews.filter(
    (r): r is { scoreTenths: number; criticalFail: boolean | null } => r.scoreTenths !== null,
  )
  const total = scored.reduce((sum, r) => sum + r.scoreTenths, 0)
  const passes = scored.filter((r) => reviewPassed(r, passMark)).length
  const passTenths = percentTenths(passes, scored.length)
  return {
    reviewed: scored.length,
    passed: passes,
    averageScore: scored.length === 0 ? null : Math.round(total / scored.length) / 10,
    passPct: passTenths === null ? null : passTenths / 10,
  }
}

/** The sample row's state for the lists. */
export function reviewStatus(row: { reviewedOn: IsoDate | null }): 'to_review' | 'reviewed' {
  return row.reviewedOn && isIsoDate(row.reviewedOn) ? 'reviewed' : 'to_review'
}

// ---------------------------------------------------------------------------------------------
// Redaction

export const redactionKinds = ['name', 'address', 'email', 'phone', 'postcode', 'reference'] as const
export type RedactionKind = (typeof redactionKinds)[number]

export interface PersonalDetails {
  names?: ReadonlyArray<string | null | undefined>
  address?: string | null
  email?: string | null
  phone?: string | null
  postcode?: string | null
  reference?: string | null
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Not a letter or digit on either side: "Ann" is not found inside "Annual" or "Joanna". */
const whole = (source: string) => `(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`
const spaced = (text: string) =>
  text
    .trim()
    .split(/\s+/)
    .map((part) => escapeRegExp(part))
    .join('\\s+')
/** Titles and particles that are not the resident's own name ("Mr", "de"), never redacted alone. */
const NOT_A_NAME = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'rev',
  'sir',
  'dame',
  'lord',
  'lady',
  'de',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'al',
  'el',
  'bin',
  'ap',
])

interface Pattern {
  kind: RedactionKind
  regex: RegExp
  /** Longer, more specific patterns first: the full name before its parts, the email before all. */
  weight: number
}

function patternsFor(details: PersonalDetails): Pattern[] {
  const patterns: Pattern[] = []
  const add = (kind: RedactionKind, source: string, weight: number, flags = 'giu') => {
    patterns.push({ kind, regex: new RegExp(whole(source), flags), weight })
  }
  const email = details.email?.trim()
  if (email && email.includes('@')) add('email', escapeRegExp(email), 1000 + email.length)
  const reference = details.reference?.trim()
  if (reference) add('reference', spaced(reference), 900 + reference.length)
  const postcode = details.postcode?.replace(/\s+/g, '').toUpperCase()
  if (postcode && postcode.length >= 5) {
    // "CF10 1AA", "cf101aa" and "CF10  1AA" are the same postcode: the inward code is the last 3.
    add('postcode', `${escapeRegExp(postcode.slice(0, -3))}\\s*${escapeRegExp(postcode.slice(-3))}`, 800)
  }
  const digits = details.phone?.replace(/\D/g, '') ?? ''
  if (digits.length >= 6) {
    const national = digits.startsWith('44') ? `0${digits.slice(2)}` : digits
    const variants = new Set([national])
    if (national.startsWith('0')) variants.add(`44${national.slice(1)}`)
    const between = '[\\s\\-.()]*'
    const source = [...variants]
      .map((variant) => {
        const body = variant.split('').join(between)
        return variant.startsWith('44') ? `\\+?${body}` : `\\(?${body}`
      })
      .join('|')
    add('phone', source, 700)
  }
  const address = details.address?.trim()
  if (address) {
    add(
      'address',
      address
        .split(/\s*[,\n]\s*/)
        .map(spaced)
        .join('[\\s,]+'),
      600 + address.length,
    )
    for (const line of address.split(/\s*[,\n]\s*/)) {
      if (line.trim().length >= 4) add('address', spaced(line), 500 + line.length)
    }
  }
  for (const name of details.names ?? []) {
    const full = name?.trim()
    if (!full) continue
    add('name', spaced(full), 400 + full.length)
    // Parts of a name match only as capitalised words ("Dear Ms Smith"), so a resident called
    // "Rose" leaves "the rent rose" alone.
    for (const part of full.split(/[\s-]+/)) {
      if (part.length < 2 || NOT_A_NAME.has(part.toLowerCase())) continue
      add('name', escapeRegExp(part), 300 + part.length, 'gu')
    }
  }
  return patterns.sort((a, b) => b.weight - a.weight)
}

/**
 * The text with the resident's personal details replaced by a label for each kind ("[name]"):
 * the full name and each part of it, every line of the address, the email address, the phone
 * number however it is spaced (and with +44), the postcode with or without its space, and the
 * complaint reference. Details are replaced most specific first, and a replacement is never
 * searched again, so a label cannot be half-redacted by a later pattern.
 */
export function redact(text: string, details: PersonalDetails, labels: Record<RedactionKind, string>): string {
  const found: string[] = []
  let result = text
  for (const pattern of patternsFor(details)) {
    result = result.replace(pattern.regex, () => {
      found.push(pattern.kind)
      // A private-use character marks the spot; no pattern can match it.
      return `\uE000${found.length - 1}\uE001`
    })
  }
  return result.replace(/\uE000(\d+)\uE001/g, (_, index: string) => labels[found[Number(index)] as RedactionKind])
}
