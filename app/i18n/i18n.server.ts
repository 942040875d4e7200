// One i18next instance per language, made once: an instance per request halved throughput.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createInstance, type i18n as I18n, type Resource } from 'i18next'
import { LanguageDetector } from 'remix-i18next/server'
import { serializeCookie } from '../server/cookies.server'
import {
  defaultNamespace,
  fallbackLanguage,
  interfaceLanguages,
  isInterfaceLanguage,
  languageCookieName,
  namespaces,
  namespacesFor,
  isStaffLanguage,
  type InterfaceLanguage,
  type Namespace,
  interpolation,
} from './config'

const localesDir = path.resolve(process.env.PUTRIGHT_LOCALES_DIR ?? 'locales')

function loadResources(): { resources: Resource; version: string } {
  const hash = createHash('sha256')
  const resources: Resource = {}
  for (const { code } of interfaceLanguages) {
    resources[code] = {}
    for (const ns of namespacesFor(code)) {
      const raw = readFileSync(path.join(localesDir, code, `${ns}.json`), 'utf8')
      hash.update(raw)
      resources[code][ns] = JSON.parse(raw) as Record<string, unknown>
    }
  }
  return { resources, version: hash.digest('hex').slice(0, 12) }
}

const { resources, version } = loadResources()

/** Changes whenever a locale file changes, so browsers can cache translations for a year. */
export const localesVersion = version

const instances = new Map<InterfaceLanguage, I18n>()

export function getI18n(language: InterfaceLanguage): I18n {
  let instance = instances.get(language)
  if (!instance) {
    instance = createInstance()
    void instance.init({
      lng: language,
      fallbackLng: fallbackLanguage,
      supportedLngs: interfaceLanguages.map((l) => l.code),
      ns: [...namespaces],
      defaultNS: defaultNamespace,
      resources,
      initImmediate: false,
      // Keeps 'en-easy' as written: i18next would otherwise read 'easy' as a script ('en-Easy').
      lowerCaseLng: true,
      interpolation,
      react: { useSuspense: false },
    })
    instances.set(language, instance)
  }
  return instance
}

function cookieLanguage(request: Request): string | null {
  const header = request.headers.get('Cookie') ?? ''
  for (const part of header.split(';')) {
    const [name, value] = part.trim().split('=')
    if (name === languageCookieName && isInterfaceLanguage(value)) return value
  }
  return null
}

const detector = new LanguageDetector({
  supportedLanguages: interfaceLanguages.map((l) => l.code),
  fallbackLanguage,
  order: ['searchParams', 'custom', 'header'],
  findLocale: async (request) => cookieLanguage(request),
})

/**
 * `?lng=` first, then the remembered choice, then the browser's Accept-Language, then English.
 * The back office is in the staff languages only: anything else shows it in English.
 */
export async function getLocale(request: Request): Promise<InterfaceLanguage> {
  const detected = await detector.detect(request)
  const language = isInterfaceLanguage(detected) ? detected : fallbackLanguage
  if (new URL(request.url).pathname.startsWith('/staff') && !isStaffLanguage(language)) return fallbackLanguage
  return language
}

export async function getFixedT(requestOrLanguage: Request | InterfaceLanguage, ns: Namespace = defaultNamespace) {
  const language = typeof requestOrLanguage === 'string' ? requestOrLanguage : await getLocale(requestOrLanguage)
  return getI18n(language).getFixedT(language, ns)
}

/** A Set-Cookie value remembering a language chosen with `?lng=`, or null when none was chosen. */
export function rememberLanguageCookie(request: Request): string | null {
  const chosen = new URL(request.url).searchParams.get('lng')
  if (!isInterfaceLanguage(chosen)) return null
  return serializeCookie(languageCookieName, chosen, { maxAgeSeconds: 365 * 86_400 })
}
