import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { londonDate } from '~/domain/working-days'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { summariesForManagers } from '~/server/panel.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'panel:publish')
  const locale = await getLocale(request)
  const [t, rows] = await Promise.all([getFixedT(locale, 'staff'), summariesForManagers(database())])
  const view = (row: (typeof rows)[number]) => ({
    id: row.id,
    reference: row.reference,
    serviceArea: row.serviceArea,
    outcome: row.outcome,
    draftedBy: row.draftedBy,
    drafted: formatDate(londonDate(row.createdAt), locale),
    published: row.publishedAt ? formatDate(londonDate(row.publishedAt), locale) : null,
  })
  return {
    title: t('panel.summaries.title'),
    backHref: '/staff/panel',
    drafts: rows.filter((row) => !row.publishedAt).map(view),
    published: rows.filter((row) => row.publishedAt).map(view),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

type Row = ReturnType<typeof useLoaderData<typeof loader>>['drafts'][number]

function SummaryTable({ id, caption, rows }: { id: string; caption: string; rows: Row[] }) {
  const { t } = useTranslation('staff')
  return (
    <div className="table-wrapper" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="table">
        <caption id={`${id}-caption`} className="table__caption">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('panel.summaries.complaint')}</th>
            <th scope="col">{t('panel.fields.serviceArea')}</th>
            <th scope="col">{t('panel.fields.outcome')}</th>
            <th scope="col">{t('panel.summaries.draftedBy')}</th>
            <th scope="col">{t('panel.summaries.published')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link className="link" to={`/staff/panel/summaries/${row.id}`}>
                  <bdi>{row.reference}</bdi>
                </Link>
              </th>
              <td>{t(`serviceAreas.${row.serviceArea}`, { defaultValue: row.serviceArea })}</td>
              <td>{t(`panel.outcomes.${row.outcome}`, { defaultValue: row.outcome })}</td>
              <td>
                {row.draftedBy} ({row.drafted})
              </td>
              <td>{row.published ?? t('panel.summaries.awaiting')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export default function PanelSummariesPage() {
  const { title, drafts, published } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t('panel.summaries.intro')}</p>
      {drafts.length === 0 ? (
        <p className="body">{t('panel.summaries.noDrafts')}</p>
      ) : (
        <SummaryTable id="drafts" caption={t('panel.summaries.drafts')} rows={drafts} />
      )}
      {published.length > 0 ? (
        <SummaryTable id="published" caption={t('panel.summaries.publishedHeading')} rows={published} />
      ) : null}
    </>
  )
}
