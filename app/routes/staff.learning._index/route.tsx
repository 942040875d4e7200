import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CommitmentStatusTags, RiskTag } from '~/components/commitment-tags'
import { isOverdue, riskRating, type CommitmentStatus } from '~/domain/commitments'
import { londonDate } from '~/domain/working-days'
import { formatDate, formatDateTime } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import {
  improvementList,
  learningFilters,
  learningLog,
  publishedYouSaidWeDid,
  youSaidWeDidAwaitingApproval,
} from '~/server/learning.server'

const PAGE_SIZE = 25

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'learning:record')
  const url = new URL(request.url)
  const filter = learningFilters.find((f) => f === url.searchParams.get('learning')) ?? null
  const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
  const db = database()
  const [log, improvements, awaiting, published, locale] = await Promise.all([
    learningLog(db, { filter, page, pageSize: PAGE_SIZE }),
    improvementList(db),
    youSaidWeDidAwaitingApproval(db),
    publishedYouSaidWeDid(db),
    getLocale(request),
  ])
  const t = await getFixedT(locale, 'staff')
  const today = londonDate(new Date())
  return {
    title: t('learning.log.title'),
    filter: filter ?? '',
    counts: log.counts,
    total: log.total,
    page: log.page,
    pages: Math.max(1, Math.ceil(log.total / PAGE_SIZE)),
    complaints: log.complaints.map((c) => ({ ...c, closedOn: c.closedOn ? formatDate(c.closedOn, locale) : null })),
    improvements: improvements.map((action) => ({
      id: action.id,
      reference: action.reference,
      kind: action.kind,
      description: action.description,
      owner: action.owner,
      dueOn: formatDate(action.dueOn, locale),
      status: action.status,
      overdue: isOverdue({ status: action.status as CommitmentStatus, dueOn: action.dueOn }, today),
      risk: riskRating(action.likelihood, action.impact),
    })),
    awaiting,
    published: published.map((item) => ({
      ...item,
      publishedAt: item.publishedAt ? formatDateTime(item.publishedAt, locale) : null,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function LearningLog() {
  const page = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  const link = (changes: Record<string, string>) =>
    `?${new URLSearchParams({ learning: page.filter, page: '1', ...changes }).toString()}`
  return (
    <>
      <h1 className="heading-l">{page.title}</h1>
      <p className="body">{t('learning.log.intro')}</p>

      <section aria-labelledby="log-heading">
        <h2 className="heading-m" id="log-heading">
          {t('learning.log.complaintsHeading')}
        </h2>
        <ul className="queue-tabs__list">
          {learningFilters.map((filter) => (
            <li key={filter}>
              <Link
                className="queue-tabs__link"
                to={link({ learning: page.filter === filter ? '' : filter })}
                aria-current={page.filter === filter ? 'page' : undefined}
              >
                {t(`learning.states.${filter}`)}: {page.counts[filter] ?? 0}
              </Link>
            </li>
          ))}
        </ul>
        {page.complaints.length === 0 ? (
          <p className="body">{t('learning.log.none')}</p>
        ) : (
          <div className="table-wrapper" role="region" aria-labelledby="log-caption" tabIndex={0}>
            <table className="table">
              <caption id="log-caption" className="table__caption">
                {t('learning.log.caption', { total: page.total, page: page.page, pages: page.pages })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('learning.log.columns.complaint')}</th>
                  <th scope="col">{t('learning.log.columns.service')}</th>
                  <th scope="col">{t('learning.log.columns.closed')}</th>
                  <th scope="col">{t('learning.log.columns.learning')}</th>
                  <th scope="col">{t('learning.log.columns.rootCause')}</th>
                </tr>
              </thead>
              <tbody>
                {page.complaints.map((c) => (
                  <tr key={c.reference}>
                    <th scope="row">
                      <Link className="link" to={`/staff/complaints/${encodeURIComponent(c.reference)}/learning`}>
                        <bdi>{c.reference}</bdi>
                      </Link>
                      {c.repeat ? (
                        <>
                          {' '}
                          <strong className="tag tag--red">{t('learning.repeat')}</strong>
                        </>
                      ) : null}
                    </th>
                    <td>{t(`serviceAreas.${c.category}`, { defaultValue: c.category })}</td>
                    <td>{c.closedOn ?? t(`statuses.${c.status}`, { defaultValue: c.status })}</td>
                    <td>
                      <span
                        className={
                          c.state === 'complete' ? 'tag tag--green' : c.state === 'missing' ? 'tag tag--red' : 'tag'
                        }
                      >
                        {t(`learning.states.${c.state}`)}
                      </span>
                    </td>
                    <td>{c.rootCause ? t(`learning.rootCauses.${c.rootCause}`, { defaultValue: c.rootCause }) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {page.pages > 1 ? (
          <nav className="pagination" aria-label={t('complaints.pagination')}>
            <ul className="pagination__list">
              {page.page > 1 ? (
                <li>
                  <Link className="link" to={link({ page: String(page.page - 1) })} rel="prev">
                    {t('complaints.previous')}
                  </Link>
                </li>
              ) : null}
              <li aria-current="page">{t('complaints.pageOf', { page: page.page, pages: page.pages })}</li>
              {page.page < page.pages ? (
                <li>
                  <Link className="link" to={link({ page: String(page.page + 1) })} rel="next">
                    {t('complaints.next')}
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="improvements-heading">
        <h2 className="heading-m" id="improvements-heading">
          {t('learning.improvements.heading')}
        </h2>
        {page.improvements.length === 0 ? (
          <p className="body">{t('learning.improvements.none')}</p>
        ) : (
          <div className="table-wrapper" role="region" aria-labelledby="improvements-caption" tabIndex={0}>
            <table className="table">
              <caption id="improvements-caption" className="table__caption visually-hidden">
                {t('learning.improvements.heading')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('learning.improvements.description')}</th>
                  <th scope="col">{t('learning.improvements.kind')}</th>
                  <th scope="col">{t('learning.log.columns.complaint')}</th>
                  <th scope="col">{t('learning.improvements.owner')}</th>
                  <th scope="col">{t('learning.improvements.dueOn')}</th>
                  <th scope="col">{t('commitments.columns.status')}</th>
                  <th scope="col">{t('commitments.columns.risk')}</th>
                </tr>
              </thead>
              <tbody>
                {page.improvements.map((action) => (
                  <tr key={action.id}>
                    <th scope="row">
                      <Link className="link" to={`/staff/learning/improvements/${action.id}`}>
                        {action.description}
                      </Link>
                    </th>
                    <td>{t(`learning.kinds.${action.kind}`, { defaultValue: action.kind })}</td>
                    <td>{action.reference ? <bdi>{action.reference}</bdi> : ''}</td>
                    <td>{action.owner}</td>
                    <td>{action.dueOn}</td>
                    <td>
                      <CommitmentStatusTags status={action.status} overdue={action.overdue} />
                    </td>
                    <td>
                      <RiskTag risk={action.risk} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="awaiting-heading">
        <h2 className="heading-m" id="awaiting-heading">
          {t('learning.youSaid.awaitingHeading')}
        </h2>
        {page.awaiting.length === 0 ? (
          <p className="body">{t('learning.youSaid.noneAwaiting')}</p>
        ) : (
          <ul className="list list--bullet">
            {page.awaiting.map((item) => (
              <li key={item.id}>
                <strong>{t('learning.youSaid.youSaid')}</strong>{' '}
                <Link className="link" to={`/staff/learning/improvements/${item.id}`}>
                  {item.youSaid}
                </Link>
                <br />
                <strong>{t('learning.youSaid.weDid')}</strong> <span className="preserve-lines">{item.weDid}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="published-heading">
        <h2 className="heading-m" id="published-heading">
          {t('learning.youSaid.publishedHeading')}
        </h2>
        {page.published.length === 0 ? (
          <p className="body">{t('learning.youSaid.nonePublished')}</p>
        ) : (
          <ul className="list list--bullet">
            {page.published.map((item) => (
              <li key={item.id}>
                <strong>{t('learning.youSaid.youSaid')}</strong> <span className="preserve-lines">{item.youSaid}</span>
                <br />
                <strong>{t('learning.youSaid.weDid')}</strong> <span className="preserve-lines">{item.weDid}</span>
                <br />
                <span className="hint">{t('learning.youSaid.publishedOn', { date: item.publishedAt ?? '' })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
