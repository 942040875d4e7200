import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, Select } from '~/components/form'
import { serviceAreas } from '~/domain/complaints/status'
import { addWorkingDays, londonDate, workingDaysBetween } from '~/domain/working-days'
import { formatDate, formatNumber } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { loadCalendar } from '~/server/calendar.server'
import { activeStaff } from '~/server/cases.server'
import {
  listComplaints,
  QUEUE_COUNT_LIMIT,
  queueSorts,
  queueViews,
  type QueueSort,
  type QueueView,
} from '~/server/complaints.server'
import { database } from '~/server/db.server'

const PAGE_SIZE = 25

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((option) => option === value) ?? fallback
}

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'complaint:list')
  const url = new URL(request.url)
  const view: QueueView = pick(url.searchParams.get('view'), queueViews, 'all')
  const sort: QueueSort = pick(url.searchParams.get('sort'), queueSorts, view === 'all' ? 'received' : 'due')
  const stageParam = url.searchParams.get('stage')
  const stage = stageParam === '1' ? 1 : stageParam === '2' ? 2 : null
  const service = serviceAreas.find((area) => area === url.searchParams.get('service')) ?? null
  const handlerParam = url.searchParams.get('handler')
  const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
  const db = database()
  const [calendar, locale, handlers] = await Promise.all([loadCalendar(db), getLocale(request), activeStaff(db)])
  const handlerId = handlers.some((h) => h.id === handlerParam) ? handlerParam : null
  const today = londonDate(new Date())
  const list = await listComplaints(db, {
    view,
    staffId: staff.id,
    today,
    dueSoonUntil: addWorkingDays(today, 2, calendar.nonWorkingDays),
    stage,
    service,
    handlerId,
    sort,
    page,
    pageSize: PAGE_SIZE,
  })
  const t = await getFixedT(locale, 'staff')
  const filters = { view, sort, stage: stage ? String(stage) : '', service: service ?? '', handler: handlerId ?? '' }
  return {
    title: t(`queues.titles.${view}`),
    filters,
    handlers: handlers.map((h) => ({ id: h.id, name: h.name })),
    page: list.page,
    pages: Math.max(1, Math.ceil(list.total / list.pageSize)),
    total: list.total,
    more: list.more,
    limit: formatNumber(QUEUE_COUNT_LIMIT, locale),
    items: list.items.map((item) => ({
      reference: item.reference,
      received: formatDate(item.receivedOn, locale),
      category: item.category,
      status: item.status,
      stage: item.currentStage,
      handler: item.handlerName,
      nextDue: item.nextDue ? formatDate(item.nextDue, locale) : null,
      nextDueKind: item.nextDueKind,
      workingDaysLeft: item.nextDue ? workingDaysBetween(today, item.nextDue, calendar.nonWorkingDays) : null,
      adjustments: item.adjustments,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function WorkQueues() {
  const { title, items, page, pages, total, more, limit, filters, handlers } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  const link = (changes: Record<string, string>) =>
    `?${new URLSearchParams({ ...filters, page: '1', ...changes }).toString()}`
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      <nav className="queue-tabs" aria-label={t('queues.label')}>
        <ul className="queue-tabs__list">
          {(['mine', 'unassigned', 'due-soon', 'overdue', 'all'] as const).map((view) => (
            <li key={view}>
              <Link
                className="queue-tabs__link"
                to={link({ view, sort: view === 'all' ? 'received' : 'due' })}
                aria-current={filters.view === view ? 'page' : undefined}
              >
                {t(`queues.tabs.${view}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="filters">
        <input type="hidden" name="view" value={filters.view} />
        <Select
          name="stage"
          label={t('queues.filters.stage')}
          defaultValue={filters.stage}
          options={[
            { value: '', label: t('queues.filters.any') },
            { value: '1', label: t('case.stage', { stage: 1 }) },
            { value: '2', label: t('case.stage', { stage: 2 }) },
          ]}
        />
        <Select
          name="service"
          label={t('queues.filters.service')}
          defaultValue={filters.service}
          options={[
            { value: '', label: t('queues.filters.any') },
            ...serviceAreas.map((area) => ({ value: area, label: t(`serviceAreas.${area}`) })),
          ]}
        />
        <Select
          name="handler"
          label={t('queues.filters.handler')}
          defaultValue={filters.handler}
          options={[
            { value: '', label: t('queues.filters.any') },
            ...handlers.map((h) => ({ value: h.id, label: h.name })),
          ]}
        />
        <Select
          name="sort"
          label={t('queues.filters.sort')}
          defaultValue={filters.sort}
          options={(['due', 'received', 'reference'] as const).map((sort) => ({
            value: sort,
            label: t(`queues.sorts.${sort}`),
          }))}
        />
        <Button variant="secondary">{t('queues.filters.apply')}</Button>
      </Form>
      <p className="body">{more ? t('complaints.countMore', { limit }) : t('complaints.count', { count: total })}</p>
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
              <th scope="col">{t('complaints.columns.stage')}</th>
              <th scope="col">{t('complaints.columns.handler')}</th>
              <th scope="col">{t('complaints.columns.nextDue')}</th>
              <th scope="col">{t('complaints.columns.workingDaysLeft')}</th>
              <th scope="col">{t('complaints.columns.status')}</th>
              <th scope="col">{t('complaints.columns.adjustments')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.reference}>
                <th scope="row">
                  <Link className="link" to={`/staff/complaints/${encodeURIComponent(item.reference)}`}>
                    <bdi>{item.reference}</bdi>
                  </Link>
                </th>
                <td>{item.received}</td>
                <td>{t(`serviceAreas.${item.category}`, { defaultValue: item.category })}</td>
                <td>{item.stage}</td>
                <td>{item.handler ?? t('case.unassigned')}</td>
                <td>
                  {item.nextDue
                    ? `${item.nextDue} (${t(`queues.dueKinds.${item.nextDueKind ?? 'none'}`)})`
                    : t('queues.noClock')}
                </td>
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
                <Link className="link" to={link({ page: String(page - 1) })} rel="prev">
                  {t('complaints.previous')}
                </Link>
              </li>
            ) : null}
            <li aria-current="page">{t('complaints.pageOf', { page, pages })}</li>
            {page < pages ? (
              <li>
                <Link className="link" to={link({ page: String(page + 1) })} rel="next">
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
