// The languages the interface is written in. Shared by server and browser, so no I/O here.
export const interfaceLanguages = [
  { code: 'en', dir: 'ltr', intl: 'en-GB' },
  { code: 'cy', dir: 'ltr', intl: 'cy-GB' },
  { code: 'ar', dir: 'rtl', intl: 'ar' },
] as const

export type InterfaceLanguage = (typeof interfaceLanguages)[number]['code']

export const fallbackLanguage: InterfaceLanguage = 'en'
export const namespaces = ['common', 'resident', 'staff', 'errors', 'letters', 'imports'] as const
export type Namespace = (typeof namespaces)[number]
export const defaultNamespace: Namespace = 'common'
export const languageCookieName = 'lng'

export function isInterfaceLanguage(code: unknown): code is InterfaceLanguage {
  return typeof code === 'string' && interfaceLanguages.some((language) => language.code === code)
}

export function directionOf(code: string): 'ltr' | 'rtl' {
  return interfaceLanguages.find((language) => language.code === code)?.dir ?? 'ltr'
}

/** The locale Intl formats with: plain `en` prints American dates, so English means en-GB. */
export function intlLocaleOf(code: string): string {
  return interfaceLanguages.find((language) => language.code === code)?.intl ?? 'en-GB'
}
