// Dates and numbers in the reader's language. An IsoDate is a calendar day, so it is formatted in
// UTC: formatting it in a local zone could show the day before.
import type { IsoDate } from '~/domain/working-days'
import { intlLocaleOf } from './config'

const dateFormats = new Map<string, Intl.DateTimeFormat>()
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()

export function formatDate(date: IsoDate, language: string): string {
  const locale = intlLocaleOf(language)
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      weekday: 'long',
      timeZone: 'UTC',
    })
    dateFormats.set(locale, format)
  }
  return format.format(new Date(`${date}T00:00:00Z`))
}

export function formatDateTime(instant: Date | string, language: string): string {
  const locale = intlLocaleOf(language)
  let format = dateTimeFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' })
    dateTimeFormats.set(locale, format)
  }
  return format.format(typeof instant === 'string' ? new Date(instant) : instant)
}

export function formatNumber(value: number, language: string): string {
  const locale = intlLocaleOf(language)
  let format = numberFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale)
    numberFormats.set(locale, format)
  }
  return format.format(value)
}
