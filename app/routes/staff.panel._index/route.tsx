import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can } from '~/domain/permissions'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'

// The tenant panel's home: only published, anonymised material is linked from here.
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'panel:view')
  const t = await getFixedT(request, 'staff')
  return { title: t('panel.home.title'), canPublish: can(staff, 'panel:publish') }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

const sections = ['cases', 'figures', 'you-said-we-did', 'annual-report'] as const
const sectionKeys = {
  cases: 'cases',
  figures: 'figures',
  'you-said-we-did': 'youSaidWeDid',
  'annual-report': 'annualReport',
} as const

export default function PanelHomePage() {
  const { title, canPublish } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t('panel.home.intro')}</p>
      <ul className="list">
        {sections.map((section) => (
          <li key={section}>
            <h2 className="heading-s">
              <Link className="link" to={`/staff/panel/${section}`}>
                {t(`panel.home.sections.${sectionKeys[section]}.title`)}
              </Link>
            </h2>
            <p className="body">{t(`panel.home.sections.${sectionKeys[section]}.description`)}</p>
          </li>
        ))}
      </ul>
      {canPublish ? (
        <>
          <h2 className="heading-m">{t('panel.home.managers')}</h2>
          <ul className="list list--bullet">
            <li>
              <Link className="link" to="/staff/panel/summaries">
                {t('panel.summaries.title')}
              </Link>
            </li>
            <li>
              <Link className="link" to="/staff/panel/self-assessment">
                {t('panel.selfAssessment.editTitle')}
              </Link>
            </li>
          </ul>
        </>
      ) : null}
    </>
  )
}
