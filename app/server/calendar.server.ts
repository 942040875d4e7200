// The working calendar in force: built-in bank holidays plus the closure days administrators keep.
import { workingCalendar, type WorkingCalendar } from '~/domain/calendar'
import { englandAndWalesBankHolidays } from '~/domain/working-days'
import { closureDays } from '../../db/schema'
import type { Database } from './db.server'

// Wide enough for six years of retained cases and any deadline set today.
const bankHolidays = englandAndWalesBankHolidays(2018, 2040)

export async function loadCalendar(db: Database): Promise<WorkingCalendar> {
  const closures = await db.select({ date: closureDays.date }).from(closureDays)
  return workingCalendar(
    bankHolidays,
    closures.map((row) => row.date),
  )
}
