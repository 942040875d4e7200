import { Link, Outlet } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BackLink } from '~/components/back-link'
import { ResidentLanguageSwitcher } from '~/components/language-switcher'

export const handle = { i18n: ['common', 'resident', 'errors'] }

export default function ResidentLayout() {
  const { t } = useTranslation()
  return (
    <>
      <header className="header">
        <div className="width-container header__inner">
          <Link to="/" className="header__service">
            {t('common:serviceName')}
          </Link>
          <ResidentLanguageSwitcher />
        </div>
      </header>
      <div className="width-container">
        <BackLink />
        <main className="main" id="main-content">
          <Outlet />
        </main>
      </div>
      <footer className="footer">
        <div className="width-container">
          <p className="footer__text">{t('common:footer.landlord')}</p>
          <ul className="footer__links">
            {(['track', 'compliment'] as const).map((page) => (
              <li key={page}>
                <Link className="link" to={`/${page}`}>
                  {t(`common:footer.${page}`)}
                </Link>
              </li>
            ))}
            {(['policy', 'timescales', 'ombudsman', 'contact', 'accessibility', 'privacy'] as const).map((page) => (
              <li key={page}>
                <Link className="link" to={`/help/${page}`}>
                  {t(`common:footer.${page}`)}
                </Link>
              </li>
            ))}
            <li>
              <Link className="link" to="/staff">
                {t('common:footer.staff')}
              </Link>
            </li>
          </ul>
        </div>
      </footer>
    </>
  )
}
