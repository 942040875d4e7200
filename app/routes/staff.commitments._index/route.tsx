import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, Select, TextInput } from '~/components/form'
import { commitmentFilters, riskRating, type CommitmentFilter } from '~/domain/commitments'
import { serviceAreas } from '~/domain/complaints/status'
import { isIsoDate, londonDate } from '~/domain/working-days'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { listCommitments } from '~/server/commitments.server'
import { database } from '~/server/db.server'
import { CommitmentStatusTags, RiskTag } from '~/components/commitment-tags'

const PAGE_SIZE = 50

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'commitment:view')
  const url = new URL(request.url)
  const param = (name: string) => url.searchParams.get(name)?.trim() ?? ''
  const service = serviceAreas.find((area) => area === param('service')) ?? null
  const status = commitmentFilters.find((s) => s === param('status')) ?? null
  const dueFrom = isIsoDate(param('dueFrom')) ? param('dueFrom') : null
  const dueTo = isIsoDate(param('dueTo')) ? param('dueTo') : null
  const page = Math.max(1, Number.parseInt(param('page') || '1', 10) || 1)
  const today = londonDate(new Date())
  const owner = param('owner') || null
  const list = await listCommitments(database(), {
    service,
    owner,
    status,
    dueFrom,
    dueTo,
    today,
    page,
    pageSize: PAGE_SIZE,
  })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  return {
    title: t('commitments.title'),
    filters: {
      service: service ?? '',
      owner: owner && list.owners.includes(owner) ? owner : '',
      status: status ?? '',
      dueFrom: dueFrom ?? '',
      dueTo: dueTo ?? '',
    },
    owners: list.owners,
    counts: list.counts,
    total: list.total,
    page: list.page,
    pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
    jeopardy: { days: list.jeopardyWorkingDays, until: formatDate(list.horizon, locale) },
    items: list.items.map((item) => ({
      id: item.id,
      reference: item.reference,
      description: item.description,
      owner: item.owner,
      serviceArea: item.serviceArea,
      status: item.status,
      overdue: item.overdue,
      cancellationAwaitingApproval: item.status === 'cancelled' && !item.cancelApprovedBy,
      dueOn: formatDate(item.dueOn, locale),
      originalDueOn: item.originalDueOn !== item.dueOn ? formatDate(item.originalDueOn, locale) : null,
      risk: riskRating(item.likelihood, item.impact),
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

const countOrder: CommitmentFilter[] = [
  'overdue',
  'jeopardy',
  'open',
  'in_progress',
  'awaiting_sign_off',
  'done',
  'cancelled',
]

export default function CommitmentsRegister() {
  const { title, filters, owners, counts, total, page, pages, items, jeopardy } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  const link = (changes: Record<string, string>) =>
    `?${new URLSearchParams({ ...filters, page: '1', ...changes }).toString()}`
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t('commitments.intro')}</p>
      <h2 className="heading-m">{t('commitments.counts.heading')}</h2>
      <ul className="queue-tabs__list">
        {countOrder.map((status) => (
          <li key={status}>
            <Link
              className="queue-tabs__link"
              to={link({ status: filters.status === status ? '' : status })}
              aria-current={filters.status === status ? 'page' : undefined}
            >
              {t(`commitments.filters.statuses.${status}`)}: {counts[status] ?? 0}
            </Link>
          </li>
        ))}
      </ul>
      <p className="hint">{t('commitments.jeopardyHint', { count: jeopardy.days, date: jeopardy.until })}</p>
      <Form method="get" className="filters">
        <Select
          name="service"
          label={t('commitments.filters.service')}
          defaultValue={filters.service}
          options={[
            { value: '', label: t('commitments.filters.any') },
            ...serviceAreas.map((area) => ({ value: area, label: t(`serviceAreas.${area}`) })),
          ]}
        />
        <Select
          name="owner"
          label={t('commitments.filters.owner')}
          defaultValue={filters.owner}
          options={[{ value: '', label: t('commitments.filters.any') }, ...owners.map((o) => ({ value: o, label: o }))]}
        />
        <Select
          name="status"
          label={t('commitments.filters.status')}
          defaultValue={filters.status}
          options={[
            { value: '', label: t('commitments.filters.any') },
            ...commitmentFilters.map((status) => ({
              value: status,
              label: t(`commitments.filters.statuses.${status}`),
            })),
          ]}
        />
        <TextInput
          type="date"
          name="dueFrom"
          label={t('commitments.filters.dueFrom')}
          defaultValue={filters.dueFrom}
          width="10"
        />
        <TextInput
          type="date"
          name="dueTo"
          label={t('commitments.filters.dueTo')}
          defaultValue={filters.dueTo}
          width="10"
        />
        <Button variant="secondary">{t('commitments.filters.apply')}</Button>
      </Form>
      <p className="body" role="status">
        {t('commitments.count', { count: total })}
      </p>
      {items.length > 0 ? (
        <div className="table-wrapper" role="region" aria-labelledby="commitments-caption" tabIndex={0}>
          <table className="table">
            <caption id="commitments-caption" className="table__caption">
              {t('commitments.caption', { page, pages })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('commitments.columns.action')}</th>
                <th scope="col">{t('commitments.columns.complaint')}</th>
                <th scope="col">{t('commitments.columns.service')}</th>
                <th scope="col">{t('commitments.columns.owner')}</th>
                <th scope="col">{t('commitments.columns.due')}</th>
                <th scope="col">{t('commitments.columns.status')}</th>
                <th scope="col">{t('commitments.columns.risk')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Link className="link" to={`/staff/commitments/${item.id}`}>
                      {item.description}
                    </Link>
                  </th>
                  <td>
                    <Link className="link" to={`/staff/complaints/${encodeURIComponent(item.reference)}`}>
                      <bdi>{item.reference}</bdi>
                    </Link>
                  </td>
                  <td>
                    {item.serviceArea ? t(`serviceAreas.${item.serviceArea}`, { defaultValue: item.serviceArea }) : ''}
                  </td>
                  <td>{item.owner}</td>
                  <td>
                    {item.dueOn}
                    {item.originalDueOn ? (
                      <>
                        <br />
                        <span className="hint">{t('commitments.originally', { date: item.originalDueOn })}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <CommitmentStatusTags
                      status={item.status}
                      overdue={item.overdue}
                      cancellationAwaitingApproval={item.cancellationAwaitingApproval}
                    />
                  </td>
                  <td>
                    <RiskTag risk={item.risk} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
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
