import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LanguageList } from '~/components/language-switcher'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'

export async function loader({ request }: LoaderFunctionArgs) {
  const requested = new URL(request.url).searchParams.get('return') ?? '/'
  // Only a path on this site: the list must not send anyone elsewhere.
  const returnTo =
    requested.startsWith('/') && !requested.startsWith('//') && !requested.startsWith('/\\') ? requested : '/'
  const t = await getFixedT(request, 'common')
  return { title: t('language.title'), returnTo, backHref: returnTo }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function LanguagePage() {
  const { title, returnTo } = useLoaderData<typeof loader>()
  const { t } = useTranslation('common')
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <h1 className="heading-l">{title}</h1>
        <p className="body">{t('language.intro')}</p>
        <LanguageList returnTo={returnTo} />
      </div>
    </div>
  )
}
