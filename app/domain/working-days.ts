// The Code counts in working days (WD-1…WD-5 of the complaint-handling reference).
// Dates here are calendar days in Europe/London as 'YYYY-MM-DD' strings, never instants,
// so a deadline is a day and arithmetic never crosses a clock change.
import Holidays from 'date-holidays'

/** A calendar date in Europe/London, 'YYYY-MM-DD'. Never a timestamp. */
export type IsoDate = string

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date written as 'YYYY-MM-DD' (so 2026-02-30 is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const [, y, m, d] = match
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d)
}

function toDayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${String(date)}`)
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS
}

function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days)
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const weekday = new Date(toDayNumber(date) * DAY_MS).getUTCDay()
  return weekday === 0 || weekday === 6
}

export function isWorkingDay(date: IsoDate, nonWorkingDays: ReadonlySet<IsoDate>): boolean {
  return !isWeekend(date) && !nonWorkingDays.has(date)
}

/**
 * The `days`-th working day after `start` (WD-2: the start day is day 0, and may itself be a
 * non-working day). Saturdays and Sundays never count; `nonWorkingDays` adds bank holidays and
 * closure days.
 */
export function addWorkingDays(start: IsoDate, days: number, nonWorkingDays: ReadonlySet<IsoDate>): IsoDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${days}`)
  let day = toDayNumber(start)
  let counted = 0
  while (counted < days) {
    day += 1
    if (isWorkingDay(fromDayNumber(day), nonWorkingDays)) counted += 1
  }
  return fromDayNumber(day)
}

/**
 * Working days after `start` up to and including `end` (WD-5), so
 * `workingDaysBetween(s, addWorkingDays(s, n, h), h) === n`. Negative when `end` is before `start`.
 */
export function workingDaysBetween(start: IsoDate, end: IsoDate, nonWorkingDays: ReadonlySet<IsoDate>): number {
  const from = toDayNumber(start)
  const to = toDayNumber(end)
  if (to < from) return -workingDaysBetween(end, start, nonWorkingDays)
  let count = 0
  for (let day = from + 1; day <= to; day += 1) {
    if (isWorkingDay(fromDayNumber(day), nonWorkingDays)) count += 1
  }
  return count
}

/** Every calendar day after `start` up to and including `end` that is not a working day, in order. */
export function nonWorkingDaysBetween(start: IsoDate, end: IsoDate, nonWorkingDays: ReadonlySet<IsoDate>): IsoDate[] {
  const skipped: IsoDate[] = []
  for (let day = toDayNumber(start) + 1; day <= toDayNumber(end); day += 1) {
    const date = fromDayNumber(day)
    if (!isWorkingDay(date, nonWorkingDays)) skipped.push(date)
  }
  return skipped
}

const bankHolidaysByYear = new Map<number, IsoDate[]>()

/**
 * England and Wales bank holidays that fall on a weekday, including substitute days and the
 * one-off days (2020 VE Day move, 2022 Platinum Jubilee and State Funeral, 2023 Coronation).
 * The data comes from the date-holidays package (region GB-ENG, public holidays only); the
 * weekend dates it also lists are dropped because their substitute days are what close offices.
 */
export function englandAndWalesBankHolidays(fromYear: number, toYear: number): IsoDate[] {
  const dates: IsoDate[] = []
  for (let year = fromYear; year <= toYear; year += 1) {
    let forYear = bankHolidaysByYear.get(year)
    if (!forYear) {
      forYear = [
        ...new Set(
          new Holidays('GB', 'ENG')
            .getHolidays(year)
            .filter((holiday) => holiday.type === 'public')
            .map((holiday) => holiday.date.slice(0, 10))
            .filter((date) => !isWeekend(date)),
        ),
      ].sort()
      bankHolidaysByYear.set(year, forYear)
    }
    dates.push(...forYear)
  }
  return dates
}

const londonDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The Europe/London calendar date of an instant (WD-3, example E10: 23:30 UTC on 1 June is 2 June). */
export function londonDate(instant: Date): IsoDate {
  return londonDateFormat.format(instant)
}

/** Working-day arithmetic answered from a table: the same answers as the functions above, in O(1). */
export interface WorkingDayCounter {
  between(start: IsoDate, end: IsoDate): number
  add(start: IsoDate, days: number): IsoDate
}

const TABLE_FIRST = Date.parse('2000-01-01T00:00:00Z') / DAY_MS
const TABLE_DAYS = 366 * 61
const counters = new WeakMap<ReadonlySet<IsoDate>, WorkingDayCounter>()

/**
 * For reports that count working days for every case of a year: a cumulative count per day from
 * 2000 to 2060 built once per calendar; dates outside it fall back to the day-by-day functions.
 */
export function workingDayCounter(nonWorkingDays: ReadonlySet<IsoDate>): WorkingDayCounter {
  const cached = counters.get(nonWorkingDays)
  if (cached) return cached
  const upTo = new Int32Array(TABLE_DAYS)
  const workingDayIndexes: number[] = []
  for (let i = 1; i < TABLE_DAYS; i += 1) {
    const working = isWorkingDay(fromDayNumber(TABLE_FIRST + i), nonWorkingDays)
    upTo[i] = (upTo[i - 1] ?? 0) + (working ? 1 : 0)
    if (working) workingDayIndexes.push(i)
  }
  const indexes = new Map<IsoDate, number>()
  const indexOf = (date: IsoDate): number => {
    let index = indexes.get(date)
    if (index === undefined) {
      index = toDayNumber(date) - TABLE_FIRST
      indexes.set(date, index)
    }
    return index
  }
  const inTable = (index: number) => index >= 0 && index < TABLE_DAYS
  const counter: WorkingDayCounter = {
    between(start, end) {
      const from = indexOf(start)
      const to = indexOf(end)
      if (!inTable(from) || !inTable(to)) return workingDaysBetween(start, end, nonWorkingDays)
      return (upTo[to] ?? 0) - (upTo[from] ?? 0)
    },
    add(start, days) {
      const from = indexOf(start)
      if (!Number.isInteger(days) || days < 0 || !inTable(from)) return addWorkingDays(start, days, nonWorkingDays)
      if (days === 0) return start
      const target = workingDayIndexes[(upTo[from] ?? 0) + days - 1]
      return target === undefined ? addWorkingDays(start, days, nonWorkingDays) : fromDayNumber(TABLE_FIRST + target)
    },
  }
  counters.set(nonWorkingDays, counter)
  return counter
}
