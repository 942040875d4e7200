// Code deadlines with their explanation (WD-6): the event that started the clock, the number of
// working days, and every day skipped, so a letter or a resident can check it against a calendar.
import type { WorkingCalendar } from '../calendar'
import { addWorkingDays, isWeekend, nonWorkingDaysBetween, type IsoDate } from '../working-days'

export type DeadlineRule = 'S1-2' | 'S1-5' | 'S2-4' | 'S2-5' | 'EXT-3'
export type ClockStart = 'received' | 'acknowledged' | 'escalation_requested' | 'stage2_acknowledged' | 'previous_due'

export interface SkippedDay {
  date: IsoDate
  reason: 'weekend' | 'bank_holiday' | 'closure_day'
}

export interface Deadline {
  rule: DeadlineRule
  startEvent: ClockStart
  from: IsoDate
  workingDays: number
  due: IsoDate
  skipped: SkippedDay[]
}

export const ACKNOWLEDGEMENT_WORKING_DAYS = 5
export const STAGE1_RESPONSE_WORKING_DAYS = 10
export const STAGE2_RESPONSE_WORKING_DAYS = 20

function deadline(
  rule: DeadlineRule,
  startEvent: ClockStart,
  from: IsoDate,
  workingDays: number,
  calendar: WorkingCalendar,
): Deadline {
  const due = addWorkingDays(from, workingDays, calendar.nonWorkingDays)
  const skipped = nonWorkingDaysBetween(from, due, calendar.nonWorkingDays).map((date): SkippedDay => ({
    date,
    reason: isWeekend(date) ? 'weekend' : calendar.bankHolidays.has(date) ? 'bank_holiday' : 'closure_day',
  }))
  return { rule, startEvent, from, workingDays, due, skipped }
}

/** S1-2: acknowledge, define and log within 5 working days of receipt. */
export function acknowledgementDue(receivedOn: IsoDate, calendar: WorkingCalendar): Deadline {
  return deadline('S1-2', 'received', receivedOn, ACKNOWLEDGEMENT_WORKING_DAYS, calendar)
}

/** S1-5: respond within 10 working days of the acknowledgement actually sent, not of receipt. */
export function stage1ResponseDue(acknowledgedOn: IsoDate, calendar: WorkingCalendar): Deadline {
  return deadline('S1-5', 'acknowledged', acknowledgedOn, STAGE1_RESPONSE_WORKING_DAYS, calendar)
}

/** S2-4: acknowledge a Stage 2 request within 5 working days of the escalation request. */
export function stage2AcknowledgementDue(escalationRequestedOn: IsoDate, calendar: WorkingCalendar): Deadline {
  return deadline('S2-4', 'escalation_requested', escalationRequestedOn, ACKNOWLEDGEMENT_WORKING_DAYS, calendar)
}

/** S2-5: respond within 20 working days of the Stage 2 acknowledgement. */
export function stage2ResponseDue(stage2AcknowledgedOn: IsoDate, calendar: WorkingCalendar): Deadline {
  return deadline('S2-5', 'stage2_acknowledged', stage2AcknowledgedOn, STAGE2_RESPONSE_WORKING_DAYS, calendar)
}

/** EXT-3: an extension adds working days to the current due date. */
export function extendDeadline(current: Deadline, workingDays: number, calendar: WorkingCalendar): Deadline {
  return deadline('EXT-3', 'previous_due', current.due, workingDays, calendar)
}

/** Recompute a deadline from its own start (WD-6): what a closure-day change does to open deadlines. */
export function redate(existing: Deadline, calendar: WorkingCalendar): Deadline {
  return deadline(existing.rule, existing.startEvent, existing.from, existing.workingDays, calendar)
}
