// UB-1…3: a restriction on *how* a resident contacts us while complaining — proportionate, with the
// equality consideration recorded, reviewed after three months and lapsing then unless renewed. It
// never stops anyone logging, progressing or escalating a complaint, or reporting an urgent repair.
import type { FieldErrors } from './forms'
import { isIsoDate, type IsoDate } from './working-days'

export const REVIEW_MONTHS = 3

/** What a restriction may limit: the channel and rhythm of contact, never the right to complain. */
export const restrictionKinds = ['single_contact', 'written_only', 'scheduled_calls', 'no_visits', 'other'] as const
export type RestrictionKind = (typeof restrictionKinds)[number]

export interface ConductRestriction {
  startsOn: IsoDate
  reviewOn: IsoDate
  endedOn: IsoDate | null
}

export type RestrictionState = 'active' | 'lapsed' | 'ended' | 'scheduled'

/** The same day `months` calendar months later, clamped to the month's end (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`
}

/** UB-2: the review is due three months after the start. */
export function defaultReviewOn(startsOn: IsoDate): IsoDate {
  return addMonths(startsOn, REVIEW_MONTHS)
}

/** Ended when ended; lapsed on its review date unless renewed (a renewal moves the review date). */
export function restrictionState(restriction: ConductRestriction, today: IsoDate): RestrictionState {
  if (restriction.endedOn && restriction.endedOn <= today) return 'ended'
  if (today < restriction.startsOn) return 'scheduled'
  if (today >= restriction.reviewOn) return 'lapsed'
  return 'active'
}

/** Review reminders start this many days before the review date (and continue until it is decided). */
export function reviewIsDue(restriction: ConductRestriction, today: IsoDate, daysAhead = 10): boolean {
  if (restrictionState(restriction, today) !== 'active') return false
  const due = new Date(`${restriction.reviewOn}T00:00:00Z`).getTime() - daysAhead * 86_400_000
  return new Date(`${today}T00:00:00Z`).getTime() >= due
}

export interface RestrictionInput {
  kind: string
  behaviour: string
  restriction: string
  equalityConsideration: string
  startsOn: string
  reviewOn: string
}

/**
 * The record UB-2 asks for, complete and proportionate: a review at most three months away, and
 * nothing that reads as a bar on complaining.
 */
export function validateRestriction(
  input: RestrictionInput,
  today: IsoDate,
):
  | { ok: true; value: RestrictionInput & { kind: RestrictionKind; startsOn: IsoDate; reviewOn: IsoDate } }
  | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  if (!(restrictionKinds as readonly string[]).includes(input.kind))
    errors.kind = { key: 'staff-errors:conduct.kindRequired' }
  if (!input.behaviour.trim()) errors.behaviour = { key: 'staff-errors:conduct.behaviourRequired' }
  if (!input.restriction.trim()) errors.restriction = { key: 'staff-errors:conduct.restrictionRequired' }
  if (!input.equalityConsideration.trim())
    errors.equalityConsideration = { key: 'staff-errors:conduct.equalityRequired' }
  const startsOk = isIsoDate(input.startsOn)
  if (!startsOk) errors.startsOn = { key: 'staff-errors:conduct.startsOnInvalid' }
  else if (input.startsOn < addMonths(today, -1)) errors.startsOn = { key: 'staff-errors:conduct.startsOnPast' }
  const reviewOk = isIsoDate(input.reviewOn)
  if (!reviewOk) errors.reviewOn = { key: 'staff-errors:conduct.reviewOnInvalid' }
  else if (startsOk && input.reviewOn <= input.startsOn)
    errors.reviewOn = { key: 'staff-errors:conduct.reviewBeforeStart' }
  else if (startsOk && input.reviewOn > defaultReviewOn(input.startsOn))
    errors.reviewOn = { key: 'staff-errors:conduct.reviewTooLate', values: { months: REVIEW_MONTHS } }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    value: {
      ...input,
      kind: input.kind as RestrictionKind,
      startsOn: input.startsOn,
      reviewOn: input.reviewOn,
    },
  }
}

/** A renewal is a fresh decision: a new review date at most three months from the renewal. */
export function validateRenewal(reviewOn: string, today: IsoDate): FieldErrors {
  if (!isIsoDate(reviewOn)) return { reviewOn: { key: 'staff-errors:conduct.reviewOnInvalid' } }
  if (reviewOn <= today) return { reviewOn: { key: 'staff-errors:conduct.reviewBeforeStart' } }
  if (reviewOn > defaultReviewOn(today))
    return { reviewOn: { key: 'staff-errors:conduct.reviewTooLate', values: { months: REVIEW_MONTHS } } }
  return {}
}
