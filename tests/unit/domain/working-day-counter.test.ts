import { describe, expect, it } from 'vitest'
import {
  addCalendarDays,
  addWorkingDays,
  englandAndWalesBankHolidays,
  workingDayCounter,
  workingDaysBetween,
} from '~/domain/working-days'

const holidays = new Set([...englandAndWalesBankHolidays(2019, 2030), '2026-12-29', '2026-12-30'])
const counter = workingDayCounter(holidays)

describe('the working-day table', () => {
  it('counts exactly as the day-by-day functions over seven years of starts, weekends and holidays included', () => {
    for (let offset = 0; offset < 7 * 366; offset += 3) {
      const start = addCalendarDays('2020-01-01', offset)
      for (const span of [0, 1, 4, 11, 30]) {
        const end = addCalendarDays(start, span)
        expect(counter.between(start, end)).toBe(workingDaysBetween(start, end, holidays))
        // + 0: the day-by-day count says -0 for a backwards span with no working day in it.
        expect(counter.between(end, start)).toBe(workingDaysBetween(end, start, holidays) + 0)
      }
      for (const days of [0, 1, 5, 10, 20, 30]) {
        expect(counter.add(start, days)).toBe(addWorkingDays(start, days, holidays))
      }
    }
  })

  it('skips closure days of its own calendar, and is built once per calendar', () => {
    expect(counter.add('2026-12-24', 1)).toBe('2026-12-31')
    expect(workingDayCounter(holidays)).toBe(counter)
  })

  it('falls back to the day-by-day functions outside 2000–2060 and refuses what they refuse', () => {
    expect(counter.between('1999-12-30', '2000-01-04')).toBe(workingDaysBetween('1999-12-30', '2000-01-04', holidays))
    expect(counter.add('2061-01-01', 3)).toBe(addWorkingDays('2061-01-01', 3, holidays))
    expect(() => counter.add('2026-01-01', -1)).toThrow(RangeError)
    expect(() => counter.between('2026-02-30', '2026-03-01')).toThrow(RangeError)
  })
})
