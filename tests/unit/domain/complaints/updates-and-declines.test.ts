import { describe, expect, it } from 'vitest'
import { workingCalendar } from '~/domain/calendar'
import { subtractCalendarMonths, twelveMonthCutOff } from '~/domain/complaints/decline'
import { updateSchedule } from '~/domain/complaints/updates'
import { englandAndWalesBankHolidays } from '~/domain/working-days'

const calendar = workingCalendar(englandAndWalesBankHolidays(2025, 2027))

describe('keeping the resident informed (S1-9: every 5 working days while a stage is open)', () => {
  it('is due 5 working days after the stage opened', () => {
    expect(updateSchedule('2026-06-01', null, [], '2026-06-03', 5, calendar)).toEqual({
      nextDue: '2026-06-08',
      missed: [],
    })
  })

  it('counts an interval with no update as missed, and carries on from its due date', () => {
    expect(updateSchedule('2026-06-01', null, [], '2026-06-10', 5, calendar)).toEqual({
      nextDue: '2026-06-15',
      missed: ['2026-06-08'],
    })
  })

  it('runs the next interval from the last update sent', () => {
    expect(updateSchedule('2026-06-01', null, ['2026-06-05'], '2026-06-10', 5, calendar)).toEqual({
      nextDue: '2026-06-12',
      missed: [],
    })
  })

  it('skips bank holidays (the spring bank holiday 25 May 2026)', () => {
    expect(updateSchedule('2026-05-20', null, [], '2026-05-21', 5, calendar).nextDue).toBe('2026-05-28')
  })

  it('stops when the stage closes', () => {
    expect(updateSchedule('2026-06-01', '2026-06-12', [], '2026-07-01', 5, calendar)).toEqual({
      nextDue: null,
      missed: ['2026-06-08'],
    })
    expect(updateSchedule('2026-06-01', '2026-06-05', [], '2026-07-01', 5, calendar)).toEqual({
      nextDue: null,
      missed: [],
    })
  })
})

describe('calendar months back (EXC-2)', () => {
  it.each([
    ['2026-06-15', 12, '2025-06-15'],
    ['2024-02-29', 12, '2023-02-28'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2026-01-10', 1, '2025-12-10'],
    ['2026-12-31', 12, '2025-12-31'],
  ])('%s minus %i months is %s', (date, months, expected) => {
    expect(subtractCalendarMonths(date, months)).toBe(expected)
  })

  it('cuts off complaints about things more than 12 months before receipt', () => {
    expect(twelveMonthCutOff('2026-06-15')).toBe('2025-06-15')
  })
})
