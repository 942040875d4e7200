import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, Select, TextInput } from '~/components/form'
import { FiguresTable } from '~/components/figures-table'
import { TrendChart } from '~/components/trend-chart'
import { serviceAreas } from '~/domain/complaints/status'
import type { FieldError } from '~/domain/forms'
import {
  financialYearStart,
  kpiTargets,
  kpmRows,
  rag,
  type KpiFigures,
  type KpiKey,
  type KpiTarget,
} from '~/domain/kpis'
import { can } from '~/domain/permissions'
import { isIsoDate, londonDate } from '~/domain/working-days'
import { formatDate, formatDateTime, formatMonth } from '~/i18n/format'
import { formatKpi } from '~/i18n/kpi-format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { activeStaff } from '~/server/cases.server'
import { database } from '~/server/db.server'
import { keptKpiDashboard, staffTeams } from '~/server/kpis.server'

/** The period and filters from the query string; anything unreadable falls back with an error shown. */
export function dashboardQuery(url: URL, today: string) {
  const errors: Record<string, FieldError> = {}
  const date = (name: 'from' | 'to', fallback: string) => {
    const value = url.searchParams.get(name)
    if (!value) return fallback
    if (isIsoDate(value)) return value
    errors[name] = { key: 'staff-errors:dashboard.date' }
    return fallback
  }
  let from = date('from', financialYearStart(today))
  let to = date('to', today)
  if (from > to) {
    errors.to = { key: 'staff-errors:dashboard.order' }
    from = financialYearStart(today)
    to = today
  }
  const service = serviceAreas.find((area) => area === url.searchParams.get('service')) ?? ''
  return {
    from,
    to,
    service,
    team: url.searchParams.get('team') ?? '',
    handler: url.searchParams.get('handler') ?? '',
    errors,
  }
}

/** The period and filters asked for, with a team or handler we do not know dropped. */
async function dashboardRequest(request: Request, url: URL) {
  const db = database()
  const query = dashboardQuery(url, londonDate(new Date()))
  const [locale, handlers, teams] = await Promise.all([getLocale(request), activeStaff(db), staffTeams(db)])
  const team = teams.includes(query.team) ? query.team : ''
  const handler = handlers.some((h) => h.id === query.handler) ? query.handler : ''
  const options = {
    from: query.from,
    to: query.to,
    filters: { serviceArea: query.service || null, team: team || null, handlerId: handler || null },
  }
  return { db, query, locale, handlers, teams, team, handler, options }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'report:view')
  const { db, query, locale, handlers, teams, team, handler, options } = await dashboardRequest(
    request,
    new URL(request.url),
  )
  const { figures, trend, tsm, tsmYear, homes, computedAt, changedSince } = await keptKpiDashboard(db, options)
  const t = await getFixedT(locale, 'staff')
  const show = (key: KpiKey, value: number | null) => formatKpi(t, key, value, locale)
  const target = (rule: KpiTarget) =>
    t(rule.direction === 'atLeast' ? 'dashboard.atLeast' : 'dashboard.atMost', {
      value: show(rule.key, rule.target),
    })
  const row = (key: KpiKey, rule: KpiTarget | undefined, from: KpiFigures = figures) => ({
    key,
    label: t(`kpis.${key}`),
    value: show(key, from[key] as number | null),
    target: rule ? target(rule) : null,
    rag: rule ? rag(from[key] as number | null, rule) : null,
  })
  const trendPoints = (key: KpiKey) =>
    trend.map((month) => ({ label: formatMonth(month.month, locale), value: month.figures[key] as number | null }))
  const filters = { from: query.from, to: query.to, service: query.service, team, handler }
  return {
    title: t('dashboard.title'),
    period: t('dashboard.period', { from: formatDate(query.from, locale), to: formatDate(query.to, locale) }),
    asOf: t('dashboard.asOf', { time: formatDateTime(computedAt, locale) }),
    changedSince,
    errors: query.errors,
    filters,
    handlers: handlers.map((h) => ({ id: h.id, name: h.name })),
    teams,
    kpis: kpiTargets.map((rule) => row(rule.key, rule)),
    kpms: kpmRows.map((k) => row(k.key, k.target)),
    volumes: (['stage1Received', 'stage2Received', 'earlyResolutions', 'overdueOpenAtEnd'] as const).map((key) =>
      row(key, undefined),
    ),
    tsm: {
      year: t('dashboard.tsmYear', { from: formatDate(tsmYear.from, locale), to: formatDate(tsmYear.to, locale) }),
      homesMissing: homes === null,
      rows: [
        row('ch01Stage1Per1000', undefined, tsm),
        row('ch01Stage2Per1000', undefined, tsm),
        { ...row('stage1WithinCodePct', undefined, tsm), label: t('dashboard.ch02Stage1') },
        { ...row('stage2WithinCodePct', undefined, tsm), label: t('dashboard.ch02Stage2') },
        { ...row('stage1ResponseOnTimePct', undefined, tsm), label: t('dashboard.ch02Stage1Strict') },
        { ...row('stage2ResponseOnTimePct', undefined, tsm), label: t('dashboard.ch02Stage2Strict') },
        { ...row('tp09SatisfiedPct', undefined, tsm), label: t('dashboard.tp09') },
      ],
    },
    trend: {
      months: trend.map((month) => ({
        month: formatMonth(month.month, locale),
        stage1Received: show('stage1Received', month.figures.stage1Received),
        stage2Received: show('stage2Received', month.figures.stage2Received),
        stage1ResponseOnTimePct: show('stage1ResponseOnTimePct', month.figures.stage1ResponseOnTimePct),
        stage1WithinCodePct: show('stage1WithinCodePct', month.figures.stage1WithinCodePct),
        escalationRatePct: show('escalationRatePct', month.figures.escalationRatePct),
      })),
      received: trendPoints('stage1Received'),
      onTime: trendPoints('stage1ResponseOnTimePct'),
    },
    /** The unformatted figures, exactly what `report kpis` prints for the same period and filters. */
    figures,
    csvLink: can(staff, 'report:export') ? `/staff/dashboard.csv?${new URLSearchParams(filters).toString()}` : null,
    equalityLink: can(staff, 'equality:view'),
  }
}

/** Works the figures out again now (the page shows kept figures while nothing has changed). */
export async function action({ request }: ActionFunctionArgs) {
  await requireStaff(request, 'report:view')
  const url = new URL(request.url)
  const { db, options } = await dashboardRequest(request, url)
  await keptKpiDashboard(db, options, { force: true })
  return redirect(`/staff/dashboard${url.search}`)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function Dashboard() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  const { search } = useLocation()
  const { filters } = data
  return (
    <>
      <ErrorSummary errors={data.errors} />
      <h1 className="heading-l">{data.title}</h1>
      <p className="body">{data.period}</p>
      <div className={data.changedSince ? 'notice' : undefined}>
        <p className="body">
          {data.asOf} {data.changedSince ? t('dashboard.changedSince') : null}
        </p>
        <Form method="post" action={`/staff/dashboard${search}`} className="no-print">
          <Button variant="secondary">{t('dashboard.workOutAgain')}</Button>
        </Form>
      </div>
      <Form method="get" className="filters">
        <TextInput
          name="from"
          type="date"
          label={t('dashboard.filters.from')}
          defaultValue={filters.from}
          error={data.errors.from}
          width="10"
        />
        <TextInput
          name="to"
          type="date"
          label={t('dashboard.filters.to')}
          defaultValue={filters.to}
          error={data.errors.to}
          width="10"
        />
        <Select
          name="service"
          label={t('dashboard.filters.service')}
          defaultValue={filters.service}
          options={[
            { value: '', label: t('queues.filters.any') },
            ...serviceAreas.map((area) => ({ value: area, label: t(`serviceAreas.${area}`) })),
          ]}
        />
        <Select
          name="team"
          label={t('dashboard.filters.team')}
          defaultValue={filters.team}
          options={[
            { value: '', label: t('queues.filters.any') },
            ...data.teams.map((team) => ({ value: team, label: team })),
          ]}
        />
        <Select
          name="handler"
          label={t('dashboard.filters.handler')}
          defaultValue={filters.handler}
          options={[
            { value: '', label: t('queues.filters.any') },
            ...data.handlers.map((h) => ({ value: h.id, label: h.name })),
          ]}
        />
        <Button variant="secondary">{t('dashboard.filters.apply')}</Button>
      </Form>
      <ul className="list no-print">
        {data.csvLink ? (
          <li>
            <a className="link" href={data.csvLink} download>
              {t('dashboard.csv')}
            </a>
          </li>
        ) : null}
        <li>
          <Link className="link" to="/staff/reports">
            {t('reports.link')}
          </Link>
        </li>
        <li>
          <a className="link" href="/staff/dashboard/pack">
            {t('dashboard.pack')}
          </a>
        </li>
        {data.equalityLink ? (
          <li>
            <a className="link" href="/staff/equality">
              {t('dashboard.equality')}
            </a>
          </li>
        ) : null}
      </ul>

      <h2 className="heading-m">{t('dashboard.volumes')}</h2>
      <FiguresTable
        id="volumes-caption"
        caption={t('dashboard.volumesCaption')}
        rows={data.volumes}
        withTargets={false}
      />

      <h2 className="heading-m">{t('dashboard.kpis')}</h2>
      <FiguresTable id="kpis-caption" caption={t('dashboard.kpisCaption')} rows={data.kpis} withTargets />

      <h2 className="heading-m">{t('dashboard.kpms')}</h2>
      <FiguresTable id="kpms-caption" caption={t('dashboard.kpmsCaption')} rows={data.kpms} withTargets />

      <h2 className="heading-m">{t('dashboard.trends')}</h2>
      <TrendChart
        title={t('dashboard.charts.received')}
        description={t('dashboard.charts.receivedDescription')}
        points={data.trend.received}
      />
      <TrendChart
        title={t('dashboard.charts.onTime')}
        description={t('dashboard.charts.onTimeDescription')}
        points={data.trend.onTime}
        max={100}
        target={95}
      />
      <div className="table-wrapper" role="region" aria-labelledby="trend-caption" tabIndex={0}>
        <table className="table">
          <caption id="trend-caption" className="table__caption">
            {t('dashboard.trendCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.columns.month')}</th>
              <th scope="col">{t('kpis.stage1Received')}</th>
              <th scope="col">{t('kpis.stage2Received')}</th>
              <th scope="col">{t('kpis.stage1ResponseOnTimePct')}</th>
              <th scope="col">{t('kpis.stage1WithinCodePct')}</th>
              <th scope="col">{t('kpis.escalationRatePct')}</th>
            </tr>
          </thead>
          <tbody>
            {data.trend.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                <td>{m.stage1Received}</td>
                <td>{m.stage2Received}</td>
                <td>{m.stage1ResponseOnTimePct}</td>
                <td>{m.stage1WithinCodePct}</td>
                <td>{m.escalationRatePct}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="heading-m">{t('dashboard.tsm')}</h2>
      <p className="body">{data.tsm.year}</p>
      {data.tsm.homesMissing ? <p className="notice">{t('dashboard.homesMissing')}</p> : null}
      <FiguresTable id="tsm-caption" caption={t('dashboard.tsmCaption')} rows={data.tsm.rows} withTargets={false} />
    </>
  )
}
