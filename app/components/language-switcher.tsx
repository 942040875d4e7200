import { useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { interfaceLanguages } from '~/i18n/config'
import endonyms from '../../locales/languages.json'

/**
 * Each language named in itself. Plain links with ?lng=: a full page load re-renders the page in
 * the chosen language with or without JavaScript, and the server remembers it in a cookie.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  return (
    <nav className="language-switcher" aria-label={t('common:language.switcherLabel')}>
      <ul className="language-switcher__list">
        {interfaceLanguages.map(({ code }) => {
          const params = new URLSearchParams(location.search)
          params.set('lng', code)
          const current = code === i18n.language
          return (
            <li key={code} className="language-switcher__item">
              <a
                className="language-switcher__link"
                href={`${location.pathname}?${params.toString()}`}
                lang={code}
                hrefLang={code}
                aria-current={current ? 'true' : undefined}
              >
                {endonyms[code]}
              </a>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
