import { describe, expect, it } from 'vitest'
import { workingCalendar } from '~/domain/calendar'
import {
  acknowledgementDue,
  extendDeadline,
  redate,
  stage1ResponseDue,
  stage2AcknowledgementDue,
  stage2ResponseDue,
} from '~/domain/complaints/deadlines'
import { englandAndWalesBankHolidays } from '~/domain/working-days'

const englandAndWales = workingCalendar(englandAndWalesBankHolidays(2025, 2027))

describe('acknowledgement due (S1-2)', () => {
  it.each([
    ['2026-05-22', '2026-06-01', 'E1: skips the spring bank holiday'],
    ['2026-04-02', '2026-04-13', 'E2: Easter'],
    ['2026-04-03', '2026-04-13', 'E2: received on Good Friday'],
    ['2025-12-24', '2026-01-05', 'E3: Christmas'],
    ['2025-12-31', '2026-01-08', 'E5: New Year'],
    ['2026-01-10', '2026-01-16', 'E9: received on a Saturday'],
    ['2026-06-02', '2026-06-09', 'E10: day 0 is the London date'],
  ])('a complaint received %s is acknowledged by %s (%s)', (received, due) => {
    expect(acknowledgementDue(received, englandAndWales).due).toBe(due)
  })

  it('explains itself: start, count and every day skipped, with the reason', () => {
    expect(acknowledgementDue('2025-12-24', englandAndWales)).toEqual({
      rule: 'S1-2',
      startEvent: 'received',
      from: '2025-12-24',
      workingDays: 5,
      due: '2026-01-05',
      skipped: [
        { date: '2025-12-25', reason: 'bank_holiday' },
        { date: '2025-12-26', reason: 'bank_holiday' },
        { date: '2025-12-27', reason: 'weekend' },
        { date: '2025-12-28', reason: 'weekend' },
        { date: '2026-01-01', reason: 'bank_holiday' },
        { date: '2026-01-03', reason: 'weekend' },
        { date: '2026-01-04', reason: 'weekend' },
      ],
    })
  })

  it('E4: names closure days as closure days', () => {
    const withClosure = workingCalendar(englandAndWalesBankHolidays(2025, 2027), [
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
    ])
    const deadline = acknowledgementDue('2025-12-24', withClosure)
    expect(deadline.due).toBe('2026-01-08')
    expect(deadline.skipped.filter((d) => d.reason === 'closure_day').map((d) => d.date)).toEqual([
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
    ])
  })
})

describe('stage 1 response due (S1-5)', () => {
  it('is 10 working days after the acknowledgement actually sent (E1, E3)', () => {
    expect(stage1ResponseDue('2026-06-01', englandAndWales).due).toBe('2026-06-15')
    expect(stage1ResponseDue('2026-01-05', englandAndWales).due).toBe('2026-01-19')
  })
})

describe('stage 2 deadlines (S2-4, S2-5)', () => {
  it('E6: Christmas 2026', () => {
    const ack = stage2AcknowledgementDue('2026-12-24', englandAndWales)
    expect(ack.due).toBe('2027-01-05')
    const response = stage2ResponseDue(ack.due, englandAndWales)
    expect(response.due).toBe('2027-02-02')
    expect(extendDeadline(response, 20, englandAndWales).due).toBe('2027-03-02')
  })

  it('E7: an early Stage 2 acknowledgement brings the response forward', () => {
    expect(stage2AcknowledgementDue('2026-08-28', englandAndWales).due).toBe('2026-09-07')
    expect(stage2ResponseDue('2026-09-02', englandAndWales).due).toBe('2026-09-30')
  })
})

describe('extensions (EXT-3) and re-dating (WD-6)', () => {
  it('E8: two extensions add to the current due date', () => {
    const response = stage1ResponseDue('2026-04-30', englandAndWales)
    expect(response.due).toBe('2026-05-15')
    const first = extendDeadline(response, 5, englandAndWales)
    expect(first).toMatchObject({ rule: 'EXT-3', startEvent: 'previous_due', from: '2026-05-15', due: '2026-05-22' })
    expect(extendDeadline(first, 5, englandAndWales).due).toBe('2026-06-01')
  })

  it('re-dates a deadline from its own start when a closure day is added later', () => {
    const before = acknowledgementDue('2025-12-24', englandAndWales)
    const after = redate(
      before,
      workingCalendar(englandAndWalesBankHolidays(2025, 2027), ['2025-12-29', '2025-12-30', '2025-12-31']),
    )
    expect(after.due).toBe('2026-01-08')
    expect(after.from).toBe(before.from)
  })
})
