import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldErrors } from '~/domain/forms'
import { useErrorText } from './error-text'

/**
 * GOV.UK error summary: first in <main>, takes focus, links each error to its field. Without
 * JavaScript the root loader puts "Error: " in the title; with it, this does.
 */
export function ErrorSummary({ errors }: { errors?: FieldErrors | null }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const ref = useRef<HTMLDivElement>(null)
  const entries = Object.entries(errors ?? {})
  const prefix = t('common:errors.titlePrefix')

  useEffect(() => {
    if (entries.length === 0) return
    ref.current?.focus()
    if (!document.title.startsWith(prefix)) document.title = `${prefix}${document.title}`
  })

  if (entries.length === 0) return null
  return (
    <div className="error-summary" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <div role="alert">
        <h2 className="error-summary__title" id="error-summary-title">
          {t('common:errors.summaryTitle')}
        </h2>
        <ul className="error-summary__list">
          {entries.map(([field, error]) => (
            <li key={field}>
              <a href={`#${field}`}>{errorText(error)}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
