// The languages PutRight is written in. Residents can use all of them; the back office is in the
// staff languages. Shared by server and browser, so no I/O here.
export const interfaceLanguages = [
  { code: 'en', dir: 'ltr', intl: 'en-GB', html: 'en', staff: true },
  { code: 'cy', dir: 'ltr', intl: 'cy-GB', html: 'cy', staff: true },
  { code: 'pl', dir: 'ltr', intl: 'pl-PL', html: 'pl', staff: false },
  { code: 'ro', dir: 'ltr', intl: 'ro-RO', html: 'ro', staff: false },
  { code: 'pa', dir: 'ltr', intl: 'pa-IN', html: 'pa', staff: false },
  { code: 'ur', dir: 'rtl', intl: 'ur-PK', html: 'ur', staff: false },
  { code: 'pt', dir: 'ltr', intl: 'pt-PT', html: 'pt', staff: false },
  { code: 'es', dir: 'ltr', intl: 'es-ES', html: 'es', staff: false },
  { code: 'ar', dir: 'rtl', intl: 'ar', html: 'ar', staff: true },
  { code: 'bn', dir: 'ltr', intl: 'bn-BD', html: 'bn', staff: false },
  { code: 'gu', dir: 'ltr', intl: 'gu-IN', html: 'gu', staff: false },
  { code: 'so', dir: 'ltr', intl: 'so-SO', html: 'so', staff: false },
  // Easy Read English: plain words, one idea per sentence. It is English to a screen reader.
  { code: 'en-easy', dir: 'ltr', intl: 'en-GB', html: 'en', staff: false },
] as const

export type InterfaceLanguage = (typeof interfaceLanguages)[number]['code']

export const fallbackLanguage: InterfaceLanguage = 'en'
/** What every language has: everything a resident reads, letters and emails included. */
export const residentNamespaces = ['common', 'resident', 'errors', 'letters'] as const
/** The back office, in the staff languages only. */
export const staffNamespaces = ['staff', 'staff-errors', 'imports'] as const
export const namespaces = [...residentNamespaces, ...staffNamespaces] as const
export type Namespace = (typeof namespaces)[number]
export const defaultNamespace: Namespace = 'common'
export const languageCookieName = 'lng'

export const staffLanguages = interfaceLanguages.filter((language) => language.staff).map((language) => language.code)

export function isInterfaceLanguage(code: unknown): code is InterfaceLanguage {
  return typeof code === 'string' && interfaceLanguages.some((language) => language.code === code)
}

export function isStaffLanguage(code: unknown): boolean {
  return typeof code === 'string' && (staffLanguages as readonly string[]).includes(code)
}

export function namespacesFor(code: string): readonly Namespace[] {
  return isStaffLanguage(code) ? namespaces : residentNamespaces
}

export function directionOf(code: string): 'ltr' | 'rtl' {
  return interfaceLanguages.find((language) => language.code === code)?.dir ?? 'ltr'
}

/** The value of <html lang>: a real language tag (Easy Read English is English). */
export function htmlLangOf(code: string): string {
  return interfaceLanguages.find((language) => language.code === code)?.html ?? 'en'
}

/** The locale Intl formats with: plain `en` prints American dates, so English means en-GB. */
export function intlLocaleOf(code: string): string {
  return interfaceLanguages.find((language) => language.code === code)?.intl ?? 'en-GB'
}

/**
 * i18next interpolation for server and browser alike: numbers put into text ({{count}}, {{max}},
 * {{stage}}) are written in the language's own digits, as its dates are (Bengali ১০, Arabic ١٠).
 */
export const interpolation = {
  escapeValue: false,
  alwaysFormat: true,
  // No grouping: a year or a reference number must not gain a comma. Other values pass untouched.
  format: (value: unknown, _format: string | undefined, lng: string | undefined): string =>
    typeof value === 'number' ? digitsOf(lng ?? fallbackLanguage).format(value) : (value as string),
}

// Making an Intl.NumberFormat costs far more than using one: one per language, kept.
const digitFormats = new Map<string, Intl.NumberFormat>()
function digitsOf(language: string): Intl.NumberFormat {
  let format = digitFormats.get(language)
  if (!format) {
    format = new Intl.NumberFormat(intlLocaleOf(language), { useGrouping: false })
    digitFormats.set(language, format)
  }
  return format
}
