import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, Select } from '~/components/form'
import { tsmYear, type KpiBases, type KpiKey } from '~/domain/kpis'
import { isSuppressed, suppressCell, type Cell } from '~/domain/suppression'
import { londonDate } from '~/domain/working-days'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { formatKpi } from '~/i18n/kpi-format'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { kpiReportWithBases } from '~/server/kpis.server'

// Aggregate outcomes for the tenant panel: every count of 1–9 and every rate over fewer than 10
// cases shows "fewer than 10" (kpis.md), so nobody can be picked out of a small number.
const published: ReadonlyArray<{ key: KpiKey; base?: keyof KpiBases; money?: true }> = [
  { key: 'stage1Received' },
  { key: 'stage2Received' },
  { key: 'earlyResolutions' },
  { key: 'stage1AckOnTimePct', base: 'stage1Acks' },
  { key: 'stage1WithinCodePct', base: 'stage1Responses' },
  { key: 'stage2AckOnTimePct', base: 'stage2Acks' },
  { key: 'stage2WithinCodePct', base: 'stage2Responses' },
  { key: 'avgWorkingDaysToRespondStage1', base: 'stage1Responses' },
  { key: 'avgWorkingDaysToRespondStage2', base: 'stage2Responses' },
  { key: 'escalationRatePct', base: 'stage1Responses' },
  { key: 'stage1UpheldPct', base: 'stage1Responses' },
  { key: 'stage1PartlyUpheldPct', base: 'stage1Responses' },
  { key: 'stage1NotUpheldPct', base: 'stage1Responses' },
  { key: 'stage2UpheldPct', base: 'stage2Responses' },
  { key: 'stage2PartlyUpheldPct', base: 'stage2Responses' },
  { key: 'stage2NotUpheldPct', base: 'stage2Responses' },
  { key: 'satisfactionHandlingPct', base: 'handlingAnswers' },
  { key: 'satisfactionOutcomePct', base: 'outcomeAnswers' },
  { key: 'compensationPaidTotal', money: true },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'panel:view')
  const today = londonDate(new Date())
  const current = tsmYear(today)
  const firstYear = Number(current.from.slice(0, 4))
  const years = [firstYear, firstYear - 1, firstYear - 2]
  const asked = Number(new URL(request.url).searchParams.get('year'))
  const year = years.includes(asked) ? asked : firstYear
  const period = tsmYear(`${year}-04-01`)
  const to = period.to > today ? today : period.to
  const { figures, bases } = await kpiReportWithBases(database(), { from: period.from, to })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const rows = published.map(({ key, base, money }) => {
    const value = figures[key] as number | null
    const cell: Cell = money
      ? { kind: 'money', value: value ?? 0 }
      : base
        ? { kind: 'rate', value, denominator: bases[base] }
        : { kind: 'count', value: value ?? 0 }
    const shown = suppressCell(cell).value
    return {
      key,
      label: t(`kpis.${key}`),
      value: isSuppressed(shown) ? t('panelFigures.fewerThan10') : formatKpi(t, key, shown, locale),
    }
  })
  return {
    title: t('panelFigures.title'),
    period: t('dashboard.period', { from: formatDate(period.from, locale), to: formatDate(to, locale) }),
    year: String(year),
    years: years.map((y) => ({ value: String(y), label: t('panelFigures.year', { from: y, to: y + 1 }) })),
    rows,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function PanelFigures() {
  const { title, period, year, years, rows } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t('panelFigures.intro')}</p>
      <Form method="get" className="filters">
        <Select name="year" label={t('panelFigures.chooseYear')} defaultValue={year} options={years} />
        <Button variant="secondary">{t('panelFigures.show')}</Button>
      </Form>
      <div className="table-wrapper" role="region" aria-labelledby="panel-figures-caption" tabIndex={0}>
        <table className="table">
          <caption id="panel-figures-caption" className="table__caption">
            {period}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.columns.measure')}</th>
              <th scope="col">{t('dashboard.columns.value')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
