import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'

// The pages every public service has, each a list of sections in the locale files.
export const helpPages = {
  policy: 5,
  timescales: 4,
  ombudsman: 3,
  accessibility: 5,
  privacy: 5,
  contact: 3,
} as const
type HelpPage = keyof typeof helpPages

function isHelpPage(value: string | undefined): value is HelpPage {
  return value !== undefined && value in helpPages
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isHelpPage(params.page)) throw new Response('Not found', { status: 404 })
  const t = await getFixedT(request, 'resident')
  return { page: params.page, sections: helpPages[params.page], title: t(`help.${params.page}.title`) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function HelpPageRoute() {
  const { page, sections, title } = useLoaderData<typeof loader>()
  const { t } = useTranslation('resident')
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <h1 className="heading-l">{title}</h1>
        <p className="body-l">{t(`help.${page}.lead`)}</p>
        {Array.from({ length: sections }, (_, index) => index + 1).map((n) => (
          <section key={n}>
            <h2 className="heading-m">{t(`help.${page}.s${n}.heading`)}</h2>
            <p className="body">{t(`help.${page}.s${n}.body`)}</p>
          </section>
        ))}
      </div>
    </div>
  )
}
