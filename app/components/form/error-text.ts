import { useTranslation } from 'react-i18next'
import type { FieldError } from '~/domain/forms'
import { formatNumber } from '~/i18n/format'

/** Turns a FieldError (locale key + values) into text, numbers formatted for the reader. */
export function useErrorText(): (error: FieldError) => string {
  const { t, i18n } = useTranslation()
  return (error) => {
    const values: Record<string, string | number> = {}
    for (const [name, value] of Object.entries(error.values ?? {})) {
      // `count` stays a number: i18next picks the plural form from it.
      values[name] = typeof value === 'number' && name !== 'count' ? formatNumber(value, i18n.language) : value
    }
    return t(error.key, values)
  }
}

export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const list = ids.filter(Boolean)
  return list.length > 0 ? list.join(' ') : undefined
}
