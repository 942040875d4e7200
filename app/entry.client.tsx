import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import Backend from 'i18next-http-backend'
import { StrictMode, startTransition } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { defaultNamespace, interpolation, namespacesFor } from './i18n/config'

async function hydrate() {
  const version = document.querySelector('meta[name="putright-locales"]')?.getAttribute('content') ?? ''
  await i18next
    .use(initReactI18next)
    .use(Backend)
    .init({
      lng: document.documentElement.dataset.locale ?? document.documentElement.lang,
      // Every locale has every key (tests/unit/locales.test.ts), so no fallback is fetched.
      fallbackLng: false,
      load: 'currentOnly',
      lowerCaseLng: true,
      ns: [...namespacesFor(document.documentElement.dataset.locale ?? 'en')],
      defaultNS: defaultNamespace,
      backend: { loadPath: `/locales/{{lng}}/{{ns}}.json?v=${version}` },
      interpolation,
      react: { useSuspense: false },
    })
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()
