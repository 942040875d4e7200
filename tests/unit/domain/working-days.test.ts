import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  englandAndWalesBankHolidays,
  isIsoDate,
  londonDate,
  workingDaysBetween,
} from '~/domain/working-days'

const none: ReadonlySet<string> = new Set()
const englandAndWales = new Set(englandAndWalesBankHolidays(2018, 2035))

// Published by GOV.UK (2018–2027) and worked out by hand from the rules for 2028–2035.
const expectedBankHolidays: Record<number, string[]> = {
  2018: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2028: ['01-03', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
  2029: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2030: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2031: ['01-01', '04-11', '04-14', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2032: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2033: ['01-03', '04-15', '04-18', '05-02', '05-30', '08-29', '12-26', '12-27'],
  2034: ['01-02', '04-07', '04-10', '05-01', '05-29', '08-28', '12-25', '12-26'],
  2035: ['01-01', '03-23', '03-26', '05-07', '05-28', '08-27', '12-25', '12-26'],
}

describe('englandAndWalesBankHolidays', () => {
  it.each(Object.entries(expectedBankHolidays))('lists the bank holidays of %s', (year, days) => {
    expect(englandAndWalesBankHolidays(Number(year), Number(year))).toEqual(days.map((d) => `${year}-${d}`))
  })

  it('covers a range of years in order', () => {
    const range = englandAndWalesBankHolidays(2025, 2027)
    expect(range).toHaveLength(24)
    expect([...range].sort()).toEqual(range)
    expect(range[0]).toBe('2025-01-01')
    expect(range.at(-1)).toBe('2027-12-28')
  })

  it('returns nothing for an empty range', () => {
    expect(englandAndWalesBankHolidays(2027, 2026)).toEqual([])
  })
})

describe('addWorkingDays (WD-2: the start day is day 0)', () => {
  it.each([
    ['2026-05-22', 5, '2026-06-01', 'E1: skips the spring bank holiday'],
    ['2026-06-01', 10, '2026-06-15', 'E1: Stage 1 response'],
    ['2026-06-15', 10, '2026-06-29', 'E1: extension'],
    ['2026-04-02', 5, '2026-04-13', 'E2: skips Good Friday and Easter Monday'],
    ['2026-04-03', 5, '2026-04-13', 'E2: received on Good Friday'],
    ['2026-04-13', 10, '2026-04-27', 'E2: response'],
    ['2026-04-27', 10, '2026-05-12', 'E2: extension skips the early May bank holiday'],
    ['2025-12-24', 5, '2026-01-05', 'E3: skips 25, 26 December and 1 January'],
    ['2026-01-05', 10, '2026-01-19', 'E3: response'],
    ['2025-12-31', 5, '2026-01-08', 'E5: skips New Year'],
    ['2026-12-24', 5, '2027-01-05', 'E6: skips 25, 28 December and 1 January'],
    ['2027-01-05', 20, '2027-02-02', 'E6: Stage 2 response'],
    ['2027-02-02', 20, '2027-03-02', 'E6: Stage 2 extension'],
    ['2026-08-28', 5, '2026-09-07', 'E7: skips the summer bank holiday'],
    ['2026-09-02', 20, '2026-09-30', 'E7: early acknowledgement brings the response forward'],
    ['2026-04-30', 10, '2026-05-15', 'E8: skips 4 May'],
    ['2026-05-15', 5, '2026-05-22', 'E8: first extension'],
    ['2026-05-22', 5, '2026-06-01', 'E8: second extension skips 25 May'],
    ['2026-01-10', 5, '2026-01-16', 'E9: a Saturday can be day 0'],
    ['2026-06-02', 5, '2026-06-09', 'E10: day 0 is the London date'],
    ['2026-06-03', 0, '2026-06-03', 'zero days is day 0 itself'],
    ['2026-06-06', 0, '2026-06-06', 'zero days from a Saturday is that Saturday'],
  ])('%s + %i working days = %s (%s)', (start, days, due) => {
    expect(addWorkingDays(start, days, englandAndWales)).toBe(due)
  })

  it('E4: closure days 29–31 December 2025 push the Christmas deadlines', () => {
    const withClosure = new Set([...englandAndWales, '2025-12-29', '2025-12-30', '2025-12-31'])
    expect(addWorkingDays('2025-12-24', 5, withClosure)).toBe('2026-01-08')
    expect(addWorkingDays('2026-01-08', 10, withClosure)).toBe('2026-01-22')
  })

  it('skips weekends even with no holidays', () => {
    expect(addWorkingDays('2026-11-20', 1, none)).toBe('2026-11-23')
    expect(addWorkingDays('2026-11-21', 1, none)).toBe('2026-11-23')
  })

  it.each([-1, 1.5, Number.NaN])('refuses %s working days', (days) => {
    expect(() => addWorkingDays('2026-01-05', days, none)).toThrow(RangeError)
  })

  it('refuses a date that is not a calendar date', () => {
    expect(() => addWorkingDays('2026-02-30', 1, none)).toThrow(RangeError)
    expect(() => addWorkingDays('5 Jan 2026', 1, none)).toThrow(RangeError)
  })
})

describe('workingDaysBetween (WD-5)', () => {
  it.each([
    ['2025-12-24', '2026-01-05', 5],
    ['2026-05-29', '2026-05-30', 0],
    ['2026-05-29', '2026-06-01', 1],
    ['2026-06-01', '2026-06-01', 0],
    ['2026-01-05', '2025-12-24', -5],
    ['2026-06-01', '2026-05-29', -1],
  ])('from %s to %s is %i', (start, end, expected) => {
    expect(workingDaysBetween(start, end, englandAndWales)).toBe(expected)
  })

  const isoDates = fc
    .date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2034-06-30T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10))

  it('is the inverse of addWorkingDays', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: 0, max: 200 }), (start, days) => {
        return workingDaysBetween(start, addWorkingDays(start, days, englandAndWales), englandAndWales) === days
      }),
    )
  })

  it('is antisymmetric', () => {
    fc.assert(
      fc.property(isoDates, isoDates, (a, b) => {
        return workingDaysBetween(a, b, englandAndWales) === -workingDaysBetween(b, a, englandAndWales)
      }),
    )
  })

  it('addWorkingDays always lands on a working day after the start', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: 1, max: 60 }), (start, days) => {
        const due = addWorkingDays(start, days, englandAndWales)
        const weekday = new Date(`${due}T00:00:00Z`).getUTCDay()
        return due > start && weekday !== 0 && weekday !== 6 && !englandAndWales.has(due)
      }),
    )
  })
})

describe('londonDate (WD-3, E10)', () => {
  it.each([
    ['2026-06-01T23:30:00Z', '2026-06-02', 'BST: 00:30 on 2 June'],
    ['2026-01-15T23:30:00Z', '2026-01-15', 'GMT: still 15 January'],
    ['2026-03-29T00:30:00Z', '2026-03-29', 'the night the clocks go forward'],
    ['2026-10-24T23:00:00Z', '2026-10-25', 'BST midnight before the clocks go back'],
  ])('%s is %s in London (%s)', (instant, date) => {
    expect(londonDate(new Date(instant))).toBe(date)
  })
})

describe('isIsoDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['26-01-01', false],
    ['2026-1-01', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected)
  })
})
