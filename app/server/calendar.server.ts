// The working calendar in force: built-in bank holidays plus the closure days administrators keep.
import { workingCalendar, type WorkingCalendar } from '~/domain/calendar'
import { englandAndWalesBankHolidays } from '~/domain/working-days'
import { closureDays } from '../../db/schema'
import type { Database } from './db.server'

// Wide enough for six years of retained cases and any deadline set today.
const bankHolidays = englandAndWalesBankHolidays(2018, 2040)

// The same calendar object while the closure days are unchanged, so what is worked out from it
// once (the working-day table behind every KPI) is not worked out again on every request.
let kept: { key: string; calendar: WorkingCalendar } | undefined

export async function loadCalendar(db: Database): Promise<WorkingCalendar> {
  const closures = await db.select({ date: closureDays.date }).from(closureDays)
  const dates = closures.map((row) => row.date).sort()
  const key = dates.join(',')
  if (kept?.key !== key) kept = { key, calendar: workingCalendar(bankHolidays, dates) }
  return kept.calendar
}
