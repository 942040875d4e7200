import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNonce } from './components/nonce'
import { directionOf, fallbackLanguage, htmlLangOf } from './i18n/config'
import { getFixedT, getLocale, localesVersion } from './i18n/i18n.server'
import { enhanceScriptVersion } from './server/assets.server'
import styles from './styles.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.ico', sizes: '48x48' },
]

export const handle = { i18n: ['common', 'errors'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'common')
  return {
    locale,
    dir: directionOf(locale),
    serviceName: t('serviceName'),
    errorTitlePrefix: context.page.formRejected ? t('errors.titlePrefix') : '',
    localesVersion,
    enhanceScriptVersion,
  }
}

function errorKind(error: unknown): string {
  const status = isRouteErrorResponse(error) ? error.status : 500
  // A form we could not read (not UTF-8, a broken upload) says so, not "a problem with the service".
  if (status === 400) return '415'
  return [403, 404, 413, 415].includes(status) ? String(status) : '500'
}

/**
 * Staff pages hydrate (React, i18next); resident pages are server-rendered HTML with a small
 * enhancement script, so they are fast on a cheap phone and identical without JavaScript.
 */
function useHydration(): boolean {
  return useMatches().some((match) => {
    const handle: unknown = match.handle
    return typeof handle === 'object' && handle !== null && 'hydrate' in handle && handle.hydrate === true
  })
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const error = useRouteError()
  const hydrate = useHydration()
  const { t, i18n } = useTranslation()
  const nonce = useNonce()
  const locale = data?.locale ?? i18n.language ?? fallbackLanguage
  return (
    <html lang={htmlLangOf(locale)} dir={data?.dir ?? directionOf(locale)} data-locale={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="putright-locales" content={data?.localesVersion ?? ''} />
        {error ? (
          <title>{`${t(`common:errorPage.${errorKind(error)}.title`)} – ${t('common:serviceName')}`}</title>
        ) : (
          <Meta />
        )}
        <Links />
      </head>
      <body>
        <a href="#main-content" className="skip-link">
          {t('common:skipLink')}
        </a>
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          <script src={`/assets/enhance.js?v=${data?.enhanceScriptVersion ?? ''}`} nonce={nonce} defer />
        )}
      </body>
    </html>
  )
}

export default function App() {
  // Tests (and curious people) can tell a hydrated page from server-rendered HTML.
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true'
  }, [])
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const kind = errorKind(error)
  return (
    <div className="width-container">
      <main className="main" id="main-content">
        <h1 className="heading-l">{t(`common:errorPage.${kind}.title`)}</h1>
        <p className="body">{t(`common:errorPage.${kind}.body`)}</p>
        <p className="body">
          <a className="link" href="/">
            {t('common:errorPage.home')}
          </a>
        </p>
      </main>
    </div>
  )
}
