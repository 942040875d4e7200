// Every locale has every key English has (plural forms per Intl.PluralRules), with the same
// placeholders and no empty values; and every English key is used somewhere in app/.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { interfaceLanguages, namespaces, namespacesFor } from '~/i18n/config'

const localesDir = path.resolve('locales')
const PLURAL = /_(zero|one|two|few|many|other)$/

type Flat = Map<string, string>

function flatten(value: unknown, prefix = '', into: Flat = new Map()): Flat {
  if (typeof value === 'string') into.set(prefix, value)
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into)
  } else into.set(prefix, String(value))
  return into
}

function load(language: string, ns: string): Flat {
  return flatten(JSON.parse(readFileSync(path.join(localesDir, language, `${ns}.json`), 'utf8')))
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort()

/** English keys grouped: plural families by base name, everything else as itself. */
function families(flat: Flat): Map<string, { plural: boolean; sample: string }> {
  const result = new Map<string, { plural: boolean; sample: string }>()
  for (const [key, value] of flat) {
    const base = key.replace(PLURAL, '')
    if (PLURAL.test(key)) {
      if (!result.has(base) || key.endsWith('_other')) result.set(base, { plural: true, sample: value })
    } else result.set(key, { plural: false, sample: value })
  }
  return result
}

const localeDirs = readdirSync(localesDir).filter((entry) => statSync(path.join(localesDir, entry)).isDirectory())

it('ships a folder for every interface language and no other', () => {
  expect(localeDirs.sort()).toEqual(interfaceLanguages.map((l) => l.code).sort())
})

describe.each(interfaceLanguages.map((l) => l.code))('locale %s', (language) => {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories

  it('has a file for each of its namespaces, and no other', () => {
    const files = readdirSync(path.join(localesDir, language)).map((f) => f.replace(/\.json$/, ''))
    expect(files.sort()).toEqual([...namespacesFor(language)].sort())
  })

  it.each([...namespacesFor(language)])(
    '%s has exactly English’s keys, plural forms for its own plural rules',
    (ns) => {
      const english = families(load('en', ns))
      const flat = load(language, ns)
      const expected = new Set<string>()
      for (const [key, { plural }] of english) {
        if (plural) for (const category of categories) expected.add(`${key}_${category}`)
        else expected.add(key)
      }
      const actual = new Set(flat.keys())
      expect(
        [...expected].filter((k) => !actual.has(k)),
        'missing',
      ).toEqual([])
      expect(
        [...actual].filter((k) => !expected.has(k)),
        'extra',
      ).toEqual([])
    },
  )

  it.each([...namespacesFor(language)])('%s has no empty text and the same placeholders as English', (ns) => {
    const english = families(load('en', ns))
    for (const [key, value] of load(language, ns)) {
      expect(value.trim(), `${ns}:${key} is empty`).not.toBe('')
      const family = english.get(key.replace(PLURAL, '')) ?? english.get(key)
      if (!family) continue
      const want = placeholders(family.sample)
      // A plural form may spell the number out ("one day"), so {{count}} is optional in it.
      const got = placeholders(value)
      const comparable = family.plural ? want.filter((p) => p !== 'count' || got.includes('count')) : want
      expect(got, `${ns}:${key}`).toEqual(comparable)
    }
  })
})

describe('every English key is used', () => {
  const sources: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry)
      if (statSync(full).isDirectory()) walk(full)
      else if (/\.(ts|tsx)$/.test(entry)) sources.push(readFileSync(full, 'utf8'))
    }
  }
  walk(path.resolve('app'))
  const code = sources.join('\n')
  const literals = new Set<string>()
  const patterns: RegExp[] = []
  for (const match of code.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)) {
    const text = match[1] ?? match[2] ?? match[3] ?? ''
    if (match[3] !== undefined && text.includes('${')) {
      const source = text
        .split(/\$\{[^}]*\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^\\s]+?')
      patterns.push(new RegExp(`^(\\w+:)?${source}$`))
    } else literals.add(text.replace(/^\w+:/, ''))
  }

  it.each([...namespaces])('%s', (ns) => {
    const unused = [...families(load('en', ns)).keys()].filter(
      (key) => !literals.has(key) && !patterns.some((pattern) => pattern.test(key) || pattern.test(`${ns}:${key}`)),
    )
    expect(unused).toEqual([])
  })
})
