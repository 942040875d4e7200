// S1-9 [P]: while a stage is open the handler updates the resident every N working days (seed 003:
// weekly). Each interval with no update recorded in it is a missed update, reportable.
import type { WorkingCalendar } from '../calendar'
import { addWorkingDays, type IsoDate } from '../working-days'

export interface UpdateSchedule {
  /** When the next update is due, or null when the stage is not open. */
  nextDue: IsoDate | null
  /** Update due dates that passed with no update in their interval. */
  missed: IsoDate[]
}

/**
 * `openedOn`: the day the stage's clock started; `closedOn`: when it stopped (response, withdrawal),
 * or null while open; `updates`: the days updates were sent; `today`: the edge's clock.
 */
export function updateSchedule(
  openedOn: IsoDate,
  closedOn: IsoDate | null,
  updates: readonly IsoDate[],
  today: IsoDate,
  intervalWorkingDays: number,
  calendar: WorkingCalendar,
): UpdateSchedule {
  const sent = [...updates].sort()
  const until = closedOn ?? today
  const missed: IsoDate[] = []
  let from = openedOn
  for (let guard = 0; guard < 1000; guard += 1) {
    const due = addWorkingDays(from, intervalWorkingDays, calendar.nonWorkingDays)
    const inInterval = sent.filter((day) => day > from && day <= due)
    if (due >= until && closedOn) return { nextDue: null, missed }
    if (due >= today && !closedOn)
      return {
        nextDue:
          inInterval.length > 0
            ? addWorkingDays(inInterval.at(-1) ?? due, intervalWorkingDays, calendar.nonWorkingDays)
            : due,
        missed,
      }
    if (inInterval.length === 0) missed.push(due)
    // The next interval runs from the last update in this one, or from this due date.
    from = inInterval.at(-1) ?? due
  }
  return { nextDue: null, missed }
}
