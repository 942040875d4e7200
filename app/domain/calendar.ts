// The working calendar a deadline is computed against (WD-1): weekends, England and Wales bank
// holidays, and the landlord's own closure days. Kept apart so a deadline can say which it skipped.
import type { IsoDate } from './working-days'

export interface WorkingCalendar {
  readonly bankHolidays: ReadonlySet<IsoDate>
  readonly closureDays: ReadonlySet<IsoDate>
  /** Bank holidays and closure days together: what `addWorkingDays` needs. */
  readonly nonWorkingDays: ReadonlySet<IsoDate>
}

export function workingCalendar(bankHolidays: Iterable<IsoDate>, closureDays: Iterable<IsoDate> = []): WorkingCalendar {
  const bank = new Set(bankHolidays)
  const closure = new Set(closureDays)
  return { bankHolidays: bank, closureDays: closure, nonWorkingDays: new Set([...bank, ...closure]) }
}
