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

const moneyFormats = new Map<string, Intl.NumberFormat>()
const monthFormats = new Map<string, Intl.DateTimeFormat>()

/** Whole pence as pounds with 2 decimals in the reader's language ("£1,234.50"). */
export function formatMoney(pence: number, language: string): string {
  const locale = intlLocaleOf(language)
  let format = moneyFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 })
    moneyFormats.set(locale, format)
  }
  return format.format(pence / 100)
}

/** A 'YYYY-MM' month as words ("March 2026"). */
export function formatMonth(month: string, language: string): string {
  const locale = intlLocaleOf(language)
  let format = monthFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })
    monthFormats.set(locale, format)
  }
  return format.format(new Date(`${month}-01T00:00:00Z`))
}
