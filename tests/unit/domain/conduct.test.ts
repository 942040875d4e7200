import { describe, expect, it } from 'vitest'
import {
  addMonths,
  defaultReviewOn,
  restrictionState,
  reviewIsDue,
  validateRenewal,
  validateRestriction,
} from '~/domain/conduct'

const complete = {
  kind: 'written_only',
  behaviour: 'Forty calls in a week to the same officer, some abusive.',
  restriction: 'Please contact us in writing, to complaints@example.org.',
  equalityConsideration: 'No disability known; writing is accessible for this resident.',
  startsOn: '2026-03-02',
  reviewOn: '2026-06-02',
}

describe('the review date (UB-2)', () => {
  it('is three calendar months after the start, clamped to the end of a shorter month', () => {
    expect(defaultReviewOn('2026-03-02')).toBe('2026-06-02')
    expect(defaultReviewOn('2026-11-30')).toBe('2027-02-28')
    expect(defaultReviewOn('2027-11-30')).toBe('2028-02-29')
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15')
  })
})

describe('a restriction’s state', () => {
  const r = { startsOn: '2026-03-02', reviewOn: '2026-06-02', endedOn: null }
  it('is in force from its start until the day before its review, then lapses unless renewed', () => {
    expect(restrictionState(r, '2026-03-01')).toBe('scheduled')
    expect(restrictionState(r, '2026-03-02')).toBe('active')
    expect(restrictionState(r, '2026-06-01')).toBe('active')
    expect(restrictionState(r, '2026-06-02')).toBe('lapsed')
  })
  it('is ended from the day it was ended', () => {
    expect(restrictionState({ ...r, endedOn: '2026-04-01' }, '2026-03-31')).toBe('active')
    expect(restrictionState({ ...r, endedOn: '2026-04-01' }, '2026-04-01')).toBe('ended')
  })
  it('asks for a review from ten days before the review date, only while in force', () => {
    expect(reviewIsDue(r, '2026-05-22')).toBe(false)
    expect(reviewIsDue(r, '2026-05-23')).toBe(true)
    expect(reviewIsDue(r, '2026-06-01')).toBe(true)
    expect(reviewIsDue(r, '2026-06-02')).toBe(false)
  })
})

describe('recording a restriction', () => {
  it('accepts the complete record UB-2 asks for', () => {
    expect(validateRestriction(complete, '2026-03-02').ok).toBe(true)
  })

  it.each([
    ['kind', { kind: 'no_complaints' }, 'staff-errors:conduct.kindRequired'],
    ['behaviour', { behaviour: '  ' }, 'staff-errors:conduct.behaviourRequired'],
    ['restriction', { restriction: '' }, 'staff-errors:conduct.restrictionRequired'],
    ['equalityConsideration', { equalityConsideration: '' }, 'staff-errors:conduct.equalityRequired'],
    ['startsOn', { startsOn: '2026-02-30' }, 'staff-errors:conduct.startsOnInvalid'],
    ['startsOn', { startsOn: '2026-01-01' }, 'staff-errors:conduct.startsOnPast'],
    ['reviewOn', { reviewOn: 'soon' }, 'staff-errors:conduct.reviewOnInvalid'],
    ['reviewOn', { reviewOn: '2026-03-02' }, 'staff-errors:conduct.reviewBeforeStart'],
    ['reviewOn', { reviewOn: '2026-06-03' }, 'staff-errors:conduct.reviewTooLate'],
  ])('refuses a missing or wrong %s', (field, change, key) => {
    const result = validateRestriction({ ...complete, ...change }, '2026-03-02')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[field]?.key).toBe(key)
  })

  it('allows the review on exactly three months, not a day later', () => {
    expect(validateRestriction({ ...complete, reviewOn: '2026-06-02' }, '2026-03-02').ok).toBe(true)
    expect(validateRestriction({ ...complete, reviewOn: '2026-06-03' }, '2026-03-02').ok).toBe(false)
  })

  it('renews only to a date after today and within three months of it', () => {
    expect(validateRenewal('2026-09-01', '2026-06-01')).toEqual({})
    expect(validateRenewal('2026-09-02', '2026-06-01').reviewOn?.key).toBe('staff-errors:conduct.reviewTooLate')
    expect(validateRenewal('2026-06-01', '2026-06-01').reviewOn?.key).toBe('staff-errors:conduct.reviewBeforeStart')
    expect(validateRenewal('x', '2026-06-01').reviewOn?.key).toBe('staff-errors:conduct.reviewOnInvalid')
  })
})
