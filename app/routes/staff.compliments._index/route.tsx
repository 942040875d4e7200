import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, TextInput } from '~/components/form'
import { can } from '~/domain/permissions'
import { isIsoDate, londonDate } from '~/domain/working-days'
import { formatDate, formatNumber } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { complimentsReport } from '~/server/compliments.server'
import { database } from '~/server/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'complaint:list')
  const url = new URL(request.url)
  const today = londonDate(new Date())
  const year = Number(today.slice(0, 4))
  const yearStart = today.slice(5) >= '04-01' ? `${year}-04-01` : `${year - 1}-04-01`
  const fromParam = url.searchParams.get('from') ?? ''
  const toParam = url.searchParams.get('to') ?? ''
  let from = isIsoDate(fromParam) ? fromParam : yearStart
  let to = isIsoDate(toParam) ? toParam : today
  if (to < from) [from, to] = [to, from]
  const locale = await getLocale(request)
  const [t, report] = await Promise.all([getFixedT(locale, 'staff'), complimentsReport(database(), { from, to })])
  return {
    title: t('compliments.title'),
    canRecord: can(staff, 'complaint:note'),
    recorded: url.searchParams.get('done') === 'recorded',
    filters: { from, to },
    period: { from: formatDate(from, locale), to: formatDate(to, locale) },
    total: formatNumber(report.total, locale),
    byServiceArea: report.byServiceArea.map((row) => ({
      label: row.label,
      count: formatNumber(row.count, locale),
    })),
    byTeamOrPerson: report.byTeamOrPerson.map((row) => ({
      label: row.label,
      count: formatNumber(row.count, locale),
    })),
    latest: report.latest.map((c) => ({
      id: c.id,
      received: formatDate(c.receivedOn, locale),
      source: c.source,
      serviceArea: c.serviceArea,
      aboutWhom: c.aboutWhom,
      message: c.message,
      recordedBy: c.recordedByName,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function ComplimentsPage() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  const area = (label: string | null) =>
    label ? t(`serviceAreas.${label}`, { defaultValue: label }) : t('compliments.notSaid')
  return (
    <>
      <h1 className="heading-l">{data.title}</h1>
      {data.recorded ? (
        <div className="notice" role="status">
          <p className="body">{t('compliments.recorded')}</p>
        </div>
      ) : null}
      {data.canRecord ? (
        <p className="body">
          <Link className="button" to="/staff/compliments/new">
            {t('compliments.newLink')}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="filters">
        <TextInput type="date" name="from" label={t('compliments.from')} defaultValue={data.filters.from} width="10" />
        <TextInput type="date" name="to" label={t('compliments.to')} defaultValue={data.filters.to} width="10" />
        <Button variant="secondary">{t('compliments.apply')}</Button>
      </Form>
      <p className="body">{t('compliments.total', { ...data.period, total: data.total })}</p>
      <div className="grid-row">
        <div className="column-one-half">
          <CountTable
            id="by-area"
            caption={t('compliments.byServiceArea')}
            column={t('compliments.serviceArea')}
            rows={data.byServiceArea.map((row) => ({ label: area(row.label), count: row.count }))}
          />
        </div>
        <div className="column-one-half">
          <CountTable
            id="by-whom"
            caption={t('compliments.byTeamOrPerson')}
            column={t('compliments.teamOrPerson')}
            rows={data.byTeamOrPerson.map((row) => ({
              label: row.label ?? t('compliments.notSaid'),
              count: row.count,
            }))}
          />
        </div>
      </div>
      <h2 className="heading-m">{t('compliments.latest')}</h2>
      {data.latest.length === 0 ? (
        <p className="body">{t('compliments.none')}</p>
      ) : (
        <ul className="list">
          {data.latest.map((c) => (
            <li key={c.id} className="timeline__item">
              <p className="timeline__meta">
                {c.received} – {t(`compliments.sources.${c.source}`)} – {area(c.serviceArea)}
                {c.aboutWhom ? ` – ${c.aboutWhom}` : ''}
              </p>
              <p className="body preserve-lines">{c.message}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

function CountTable({
  id,
  caption,
  column,
  rows,
}: {
  id: string
  caption: string
  column: string
  rows: Array<{ label: string; count: string }>
}) {
  const { t } = useTranslation('staff')
  return (
    <div className="table-wrapper" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="table">
        <caption id={`${id}-caption`} className="table__caption">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            <th scope="col">{t('compliments.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
