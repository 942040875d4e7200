import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { htmlLangOf, interfaceLanguages, staffLanguages } from '~/i18n/config'
import endonyms from '../../locales/languages.json'

function withLanguage(pathname: string, search: string, code: string): string {
  const params = new URLSearchParams(search)
  params.set('lng', code)
  return `${pathname}?${params.toString()}`
}

/**
 * The back office: each staff language named in itself, as plain links with ?lng= (a full page
 * load re-renders the page in that language, with or without JavaScript; the server remembers it).
 */
export function StaffLanguageSwitcher() {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  return (
    <nav className="language-switcher" aria-label={t('common:language.switcherLabel')}>
      <ul className="language-switcher__list">
        {staffLanguages.map((code) => (
          <li key={code} className="language-switcher__item">
            <a
              className="language-switcher__link"
              href={withLanguage(location.pathname, location.search, code)}
              lang={htmlLangOf(code)}
              hrefLang={htmlLangOf(code)}
              aria-current={code === i18n.language ? 'true' : undefined}
            >
              {endonyms[code as keyof typeof endonyms]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** Residents: thirteen languages are too many for a header, so it names the current one and links to the list. */
export function ResidentLanguageSwitcher() {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  const current = i18n.language as keyof typeof endonyms
  const back = `${location.pathname}${location.search}`
  return (
    <nav className="language-switcher" aria-label={t('common:language.switcherLabel')}>
      <p className="language-switcher__current">
        <span lang={htmlLangOf(current)}>{endonyms[current] ?? endonyms.en}</span>{' '}
        <Link className="language-switcher__link" to={`/language?return=${encodeURIComponent(back)}`}>
          {t('common:language.change')}
          <span className="visually-hidden"> {t('common:language.changeHidden')}</span>
        </Link>
      </p>
    </nav>
  )
}

/** The full list, each language named in itself (for whoever reads it) and in the page's language. */
export function LanguageList({ returnTo }: { returnTo: string }) {
  const { t, i18n } = useTranslation()
  const url = new URL(returnTo, 'http://putright.local')
  return (
    <ul className="language-list">
      {interfaceLanguages.map(({ code }) => (
        <li key={code}>
          <a
            className="language-list__link"
            href={withLanguage(url.pathname, url.search, code)}
            lang={htmlLangOf(code)}
            hrefLang={htmlLangOf(code)}
            aria-current={code === i18n.language ? 'true' : undefined}
          >
            {endonyms[code as keyof typeof endonyms]}
          </a>{' '}
          {code === i18n.language ? null : (
            <span className="hint language-list__name">({t(`common:languageNames.${code}`)})</span>
          )}
        </li>
      ))}
    </ul>
  )
}
