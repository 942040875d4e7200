import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, TextInput } from '~/components/form'
import { FiguresTable } from '~/components/figures-table'
import type { FieldError } from '~/domain/forms'
import { kpiTargets, rag, type KpiFigures, type KpiKey, type KpiTarget } from '~/domain/kpis'
import { isMonth, lastCompleteMonth } from '~/domain/report-pack'
import { londonDate } from '~/domain/working-days'
import { formatDate, formatMonth, formatNumber } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { formatKpi } from '~/i18n/kpi-format'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { reportPack } from '~/server/report-pack.server'

// The monthly report pack for the leadership team and board (issue 7 §7): one page that prints
// well, each section starting on a new sheet, from the same KPI module as the dashboard.
const trendKeys = [
  'stage1Received',
  'stage2Received',
  'stage1ResponseOnTimePct',
  'stage2ResponseOnTimePct',
  'escalationRatePct',
  'commitmentsOnTimePctS1',
] as const satisfies readonly KpiKey[]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'report:view')
  const today = londonDate(new Date())
  const fallback = lastCompleteMonth(today)
  const asked = new URL(request.url).searchParams.get('month')
  const errors: Record<string, FieldError> = {}
  let month = fallback
  if (asked) {
    if (isMonth(asked) && asked <= today.slice(0, 7)) month = asked
    else errors.month = { key: 'staff-errors:pack.month' }
  }
  const [locale, pack] = await Promise.all([getLocale(request), reportPack(database(), { month, today })])
  const t = await getFixedT(locale, 'staff')
  const show = (key: KpiKey, value: number | null) => formatKpi(t, key, value, locale)
  const count = (value: number) => formatNumber(value, locale)
  const target = (rule: KpiTarget) =>
    t(rule.direction === 'atLeast' ? 'dashboard.atLeast' : 'dashboard.atMost', { value: show(rule.key, rule.target) })
  const row = (key: KpiKey, rule: KpiTarget | undefined, figures: KpiFigures) => ({
    key,
    label: t(`kpis.${key}`),
    value: show(key, figures[key] as number | null),
    target: rule ? target(rule) : null,
    rag: rule ? rag(figures[key] as number | null, rule) : null,
  })
  const ruleFor = (key: KpiKey) => kpiTargets.find((rule) => rule.key === key)
  const categories = (list: Array<{ category: string; count: number }>) =>
    list.map((item) => ({
      key: item.category,
      label: t(`serviceAreas.${item.category}`, { defaultValue: item.category }),
      count: count(item.count),
    }))
  const { spotlight } = pack
  const actionRows = (kind: 'orders' | 'recommendations') => {
    const figures = spotlight[kind]
    return (['due', 'dueComplied', 'compliedInMonth', 'outstanding'] as const).map((measure) => ({
      key: `${kind}-${measure}`,
      label: t(`pack.spotlight.${kind}.${measure}`),
      value: count(figures[measure]),
    }))
  }
  return {
    title: t('pack.title', { month: formatMonth(month, locale) }),
    month,
    errors,
    period: t('dashboard.period', { from: formatDate(pack.month.from, locale), to: formatDate(pack.month.to, locale) }),
    yearPeriod: t('dashboard.period', {
      from: formatDate(pack.yearToDate.from, locale),
      to: formatDate(pack.yearToDate.to, locale),
    }),
    volumes: (['stage1Received', 'stage2Received', 'earlyResolutions', 'overdueOpenAtEnd'] as const).map((key) =>
      row(key, undefined, pack.figures),
    ),
    kpis: kpiTargets.map((rule) => row(rule.key, rule, pack.figures)),
    yearVolumes: (['stage1Received', 'stage2Received', 'earlyResolutions'] as const).map((key) =>
      row(key, undefined, pack.yearFigures),
    ),
    yearKpis: kpiTargets.map((rule) => row(rule.key, rule, pack.yearFigures)),
    trend: {
      columns: trendKeys.map((key) => ({ key, label: t(`kpis.${key}`) })),
      months: pack.trend.map((m) => ({
        month: formatMonth(m.month, locale),
        values: trendKeys.map((key) => show(key, m.figures[key])),
      })),
    },
    drivers: { total: count(pack.drivers.total), rows: categories(pack.drivers.top) },
    recurring: { total: count(pack.recurring.total), rows: categories(pack.recurring.top) },
    commitments: [
      row('commitmentsOnTimePctS1', ruleFor('commitmentsOnTimePctS1'), pack.figures),
      row('commitmentsOnTimePctS2', ruleFor('commitmentsOnTimePctS2'), pack.figures),
      {
        key: 'open',
        label: t('pack.commitments.open'),
        value: count(pack.commitments.open),
        target: null,
        rag: null,
      },
      {
        key: 'overdue',
        label: t('pack.commitments.overdue'),
        value: count(pack.commitments.overdue),
        target: null,
        rag: null,
      },
    ],
    spotlight: {
      summary: (['opened', 'determinations', 'adverseDeterminations', 'actionsTaken'] as const).map((measure) => ({
        key: measure,
        label: t(`pack.spotlight.${measure}`),
        value: count(spotlight[measure]),
      })),
      commonIssues: categories(spotlight.commonIssues),
      findings: spotlight.findings.map((f) => ({
        key: f.finding,
        label: t(`external.findings.${f.finding}`),
        count: count(f.count),
      })),
      actions: [...actionRows('orders'), ...actionRows('recommendations')],
    },
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

function CountTable({
  id,
  caption,
  heading,
  rows,
  empty,
}: {
  id: string
  caption: string
  heading: string
  rows: Array<{ key: string; label: string; count: string }>
  empty: string
}) {
  const { t } = useTranslation('staff')
  if (rows.length === 0) return <p className="body">{empty}</p>
  return (
    <div className="table-wrapper" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="table">
        <caption id={id} className="table__caption">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col">{t('pack.columns.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export default function ReportPack() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  const plain = (rows: Array<{ key: string; label: string; value: string }>) =>
    rows.map((row) => ({ ...row, target: null, rag: null }))
  return (
    <div className="report-pack">
      <ErrorSummary errors={data.errors} />
      <h1 className="heading-l">{data.title}</h1>
      <p className="body">{data.period}</p>
      <Form method="get" className="filters">
        <TextInput
          name="month"
          type="month"
          label={t('pack.monthLabel')}
          hint={t('pack.monthHint')}
          defaultValue={data.month}
          error={data.errors.month}
          width="10"
        />
        <Button variant="secondary">{t('pack.show')}</Button>
      </Form>

      <h2 className="heading-m">{t('pack.month')}</h2>
      <FiguresTable id="pack-volumes" caption={t('pack.volumesCaption')} rows={data.volumes} withTargets={false} />
      <FiguresTable id="pack-kpis" caption={t('pack.kpisCaption')} rows={data.kpis} withTargets />

      <h2 className="heading-m">{t('pack.yearToDate')}</h2>
      <p className="body">{data.yearPeriod}</p>
      <FiguresTable
        id="pack-year-volumes"
        caption={t('pack.yearVolumesCaption')}
        rows={data.yearVolumes}
        withTargets={false}
      />
      <FiguresTable id="pack-year-kpis" caption={t('pack.yearKpisCaption')} rows={data.yearKpis} withTargets />

      <h2 className="heading-m">{t('pack.trend')}</h2>
      <div className="table-wrapper" role="region" aria-labelledby="pack-trend" tabIndex={0}>
        <table className="table">
          <caption id="pack-trend" className="table__caption">
            {t('pack.trendCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.columns.month')}</th>
              {data.trend.columns.map((column) => (
                <th scope="col" key={column.key}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.trend.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                {m.values.map((value, index) => (
                  <td key={data.trend.columns[index]?.key}>{value}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="heading-m">{t('pack.drivers')}</h2>
      <p className="body">{t('pack.driversTotal', { total: data.drivers.total })}</p>
      <CountTable
        id="pack-drivers"
        caption={t('pack.driversCaption')}
        heading={t('pack.columns.serviceArea')}
        rows={data.drivers.rows}
        empty={t('pack.none')}
      />

      <h2 className="heading-m">{t('pack.recurring')}</h2>
      <p className="body">{t('pack.recurringTotal', { total: data.recurring.total })}</p>
      <CountTable
        id="pack-recurring"
        caption={t('pack.recurringCaption')}
        heading={t('pack.columns.serviceArea')}
        rows={data.recurring.rows}
        empty={t('pack.none')}
      />

      <h2 className="heading-m">{t('pack.commitments.title')}</h2>
      <FiguresTable id="pack-commitments" caption={t('pack.commitments.caption')} rows={data.commitments} withTargets />

      <h2 className="heading-m">{t('pack.spotlight.title')}</h2>
      <FiguresTable
        id="pack-spotlight"
        caption={t('pack.spotlight.caption')}
        rows={plain(data.spotlight.summary)}
        withTargets={false}
      />
      <h3 className="heading-s">{t('pack.spotlight.commonIssues')}</h3>
      <CountTable
        id="pack-common-issues"
        caption={t('pack.spotlight.commonIssuesCaption')}
        heading={t('pack.columns.serviceArea')}
        rows={data.spotlight.commonIssues}
        empty={t('pack.none')}
      />
      <h3 className="heading-s">{t('pack.spotlight.findings')}</h3>
      <CountTable
        id="pack-findings"
        caption={t('pack.spotlight.findingsCaption')}
        heading={t('pack.columns.finding')}
        rows={data.spotlight.findings}
        empty={t('pack.none')}
      />
      <h3 className="heading-s">{t('pack.spotlight.actions')}</h3>
      <FiguresTable
        id="pack-actions"
        caption={t('pack.spotlight.actionsCaption')}
        rows={plain(data.spotlight.actions)}
        withTargets={false}
      />
    </div>
  )
}
