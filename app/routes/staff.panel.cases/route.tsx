import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { publishedSummariesForPanel } from '~/server/panel.server'
import { londonDate } from '~/domain/working-days'

// Published summaries only, in their approved words: no reference, no id, no link to a case.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'panel:view')
  const locale = await getLocale(request)
  const [t, summaries] = await Promise.all([getFixedT(locale, 'staff'), publishedSummariesForPanel(database())])
  return {
    title: t('panel.cases.title'),
    backHref: '/staff/panel',
    summaries: summaries.map((s) => ({
      serviceArea: s.serviceArea,
      outcome: s.outcome,
      summary: s.summary,
      learning: s.learning,
      published: s.publishedAt ? formatDate(londonDate(s.publishedAt), locale) : null,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function PanelCasesPage() {
  const { title, summaries } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t('panel.cases.intro')}</p>
      {summaries.length === 0 ? <p className="body">{t('panel.cases.none')}</p> : null}
      {summaries.map((s, index) => (
        <article className="stage-block" key={index} aria-labelledby={`summary-${index}`}>
          <h2 className="heading-m" id={`summary-${index}`}>
            {t(`serviceAreas.${s.serviceArea}`, { defaultValue: s.serviceArea })}:{' '}
            {t(`panel.outcomes.${s.outcome}`, { defaultValue: s.outcome })}
          </h2>
          {s.published ? <p className="caption-l">{t('panel.cases.published', { date: s.published })}</p> : null}
          <h3 className="heading-s">{t('panel.fields.summary')}</h3>
          <p className="body preserve-lines">{s.summary}</p>
          <h3 className="heading-s">{t('panel.fields.learning')}</h3>
          <p className="body preserve-lines">{s.learning}</p>
        </article>
      ))}
    </>
  )
}
