import { Link, useMatches } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

function backHrefOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || !('backHref' in data)) return null
  return typeof data.backHref === 'string' ? data.backHref : null
}

/** GOV.UK puts "Back" before <main>; the deepest route names where it goes with `backHref`. */
export function BackLink() {
  const matches = useMatches()
  const { t } = useTranslation()
  const href = backHrefOf(matches.at(-1)?.data)
  if (!href) return null
  return (
    <Link to={href} className="back-link">
      {t('common:back')}
    </Link>
  )
}
