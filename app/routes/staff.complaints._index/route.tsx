import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { workingDaysBetween, londonDate } from '~/domain/working-days'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { loadCalendar } from '~/server/calendar.server'
import { listComplaints } from '~/server/complaints.server'
import { database } from '~/server/db.server'

const PAGE_SIZE = 25

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'complaint:list')
  const page = Math.max(1, Number.parseInt(new URL(request.url).searchParams.get('page') ?? '1', 10) || 1)
  const db = database()
  const [list, calendar, locale] = await Promise.all([
    listComplaints(db, { page, pageSize: PAGE_SIZE }),
    loadCalendar(db),
    getLocale(request),
  ])
  const t = await getFixedT(locale, 'staff')
  const today = londonDate(new Date())
  return {
    title: t('complaints.title'),
    page: list.page,
    pages: Math.max(1, Math.ceil(list.total / list.pageSize)),
    total: list.total,
    items: list.items.map((item) => ({
      reference: item.reference,
      received: formatDate(item.receivedOn, locale),
      category: item.category,
      status: item.status,
      acknowledgeBy: formatDate(item.acknowledgementDue, locale),
      // Only a complaint still waiting for its acknowledgement has this clock running.
      workingDaysLeft:
        item.status === 'received' ? workingDaysBetween(today, item.acknowledgementDue, calendar.nonWorkingDays) : null,
      adjustments: item.adjustments,
      language: item.language,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function ComplaintsList() {
  const { title, items, page, pages, total } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t('complaints.count', { count: total })}</p>
      <div className="table-wrapper" role="region" aria-labelledby="complaints-caption" tabIndex={0}>
        <table className="table">
          <caption id="complaints-caption" className="table__caption visually-hidden">
            {t('complaints.caption', { page, pages })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('complaints.columns.reference')}</th>
              <th scope="col">{t('complaints.columns.received')}</th>
              <th scope="col">{t('complaints.columns.category')}</th>
              <th scope="col">{t('complaints.columns.acknowledgeBy')}</th>
              <th scope="col">{t('complaints.columns.workingDaysLeft')}</th>
              <th scope="col">{t('complaints.columns.status')}</th>
              <th scope="col">{t('complaints.columns.adjustments')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.reference}>
                <th scope="row">
                  <Link className="link" to={`/staff/complaints/${item.reference}`}>
                    <bdi>{item.reference}</bdi>
                  </Link>
                </th>
                <td>{item.received}</td>
                <td>{t(`serviceAreas.${item.category}`, { defaultValue: item.category })}</td>
                <td>{item.acknowledgeBy}</td>
                <td>
                  {item.workingDaysLeft === null ? (
                    <span className="visually-hidden">{t('complaints.notRunning')}</span>
                  ) : item.workingDaysLeft < 0 ? (
                    <strong className="tag tag--red">
                      {t('complaints.overdue', { count: -item.workingDaysLeft })}
                    </strong>
                  ) : (
                    t('complaints.daysLeft', { count: item.workingDaysLeft })
                  )}
                </td>
                <td>
                  <span className="tag">{t(`statuses.${item.status}`)}</span>
                </td>
                <td>
                  {item.adjustments.length === 0 ? (
                    <span className="visually-hidden">{t('complaints.noAdjustments')}</span>
                  ) : (
                    <ul className="list list--compact">
                      {item.adjustments.map((kind) => (
                        <li key={kind}>{t(`adjustments.${kind}`)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="pagination" aria-label={t('complaints.pagination')}>
          <ul className="pagination__list">
            {page > 1 ? (
              <li>
                <Link className="link" to={`?page=${page - 1}`} rel="prev">
                  {t('complaints.previous')}
                </Link>
              </li>
            ) : null}
            <li aria-current="page">{t('complaints.pageOf', { page, pages })}</li>
            {page < pages ? (
              <li>
                <Link className="link" to={`?page=${page + 1}`} rel="next">
                  {t('complaints.next')}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  )
}
