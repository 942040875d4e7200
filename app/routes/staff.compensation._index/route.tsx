import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, Select } from '~/components/form'
import { awardStatuses, financialYearOf, ombudsmanBandNames, type BenchmarkRow } from '~/domain/compensation'
import { can } from '~/domain/permissions'
import { londonDate } from '~/domain/working-days'
import { formatDate, formatMoney, formatNumber } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { benchmarkFigures, budgetFigures, listAwards, loadCompensationSettings } from '~/server/compensation.server'
import { database } from '~/server/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'compensation:view')
  const url = new URL(request.url)
  const status = awardStatuses.find((s) => s === url.searchParams.get('status')) ?? null
  const thisYear = financialYearOf(londonDate(new Date()))
  const askedYear = Number(url.searchParams.get('year'))
  const year = Number.isInteger(askedYear) && askedYear >= 2000 && askedYear <= thisYear + 1 ? askedYear : thisYear
  const db = database()
  const [locale, compensation, awards] = await Promise.all([
    getLocale(request),
    loadCompensationSettings(db),
    listAwards(db, { status }),
  ])
  const [budget, bench] = await Promise.all([
    budgetFigures(db, year, compensation.budgets),
    benchmarkFigures(db, year, compensation.ombudsmanBands),
  ])
  const t = await getFixedT(locale, 'staff')
  const money = (pence: number | null) => (pence === null ? null : formatMoney(pence, locale))
  const row = (r: BenchmarkRow) => ({
    key: r.key,
    count: formatNumber(r.count, locale),
    total: money(r.totalPence),
    average: money(r.averagePence),
    median: money(r.medianPence),
    bands: ombudsmanBandNames.map((name) => formatNumber(r.byOmbudsmanBand[name], locale)),
    none: formatNumber(r.byOmbudsmanBand.none, locale),
  })
  return {
    title: t('compensation.title'),
    filters: { status: status ?? '', year: String(year) },
    years: [thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
      value: String(y),
      label: t('compensation.financialYear', { from: y, to: y + 1 }),
    })),
    canManage: can(staff, 'compensation:manage'),
    budget: {
      label: t('compensation.financialYear', { from: year, to: year + 1 }),
      budget: money(budget.budgetPence),
      paid: money(budget.paidPence),
      paidCount: budget.paidCount,
      paidCountShown: formatNumber(budget.paidCount, locale),
      ombudsmanOrdered: money(budget.ombudsmanOrderedPence),
      committed: money(budget.committedPence),
      remaining: money(budget.remainingPence),
      usedPct: budget.usedPct === null ? null : formatNumber(budget.usedPct, locale),
    },
    ombudsman: {
      version: compensation.ombudsmanBands.version,
      bands: ombudsmanBandNames.map((name) => {
        const range = compensation.ombudsmanBands.bands[name]
        return { name, min: money(range.minPence), max: money(range.maxPence) }
      }),
    },
    benchmark: {
      byCategory: bench.byCategory.map(row),
      byOutcome: bench.byOutcome.map(row),
      all: row(bench.all),
    },
    awards: awards.map((award) => ({
      id: award.id,
      reference: award.reference,
      category: award.category,
      amount: money(award.amountPence),
      status: award.status,
      proposedOn: formatDate(londonDate(award.createdAt), locale),
      proposer: award.proposerName,
      ombudsmanOrdered: award.ombudsmanOrdered,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

function BenchmarkTable({
  id,
  caption,
  rows,
  all,
  label,
}: {
  id: string
  caption: string
  rows: Loaded['benchmark']['byCategory']
  all: Loaded['benchmark']['all']
  label: (key: string) => string
}) {
  const { t } = useTranslation('staff')
  const cells = (r: Loaded['benchmark']['all']) => (
    <>
      <td>{r.count}</td>
      <td>{r.total ?? '–'}</td>
      <td>{r.average ?? '–'}</td>
      <td>{r.median ?? '–'}</td>
      {r.bands.map((count, index) => (
        <td key={ombudsmanBandNames[index]}>{count}</td>
      ))}
      <td>{r.none}</td>
    </>
  )
  return (
    <div className="table-wrapper" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="table">
        <caption id={id} className="table__caption">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('compensation.columns.group')}</th>
            <th scope="col">{t('compensation.columns.count')}</th>
            <th scope="col">{t('compensation.columns.total')}</th>
            <th scope="col">{t('compensation.columns.average')}</th>
            <th scope="col">{t('compensation.columns.median')}</th>
            {ombudsmanBandNames.map((name) => (
              <th scope="col" key={name}>
                {t(`compensation.ombudsmanBands.${name}`)}
              </th>
            ))}
            <th scope="col">{t('compensation.ombudsmanBands.none')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{label(r.key)}</th>
              {cells(r)}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('compensation.allAwards')}</th>
            {cells(all)}
          </tr>
        </tbody>
      </table>
    </div>
  )
}

export default function CompensationPage() {
  const { title, filters, years, canManage, budget, ombudsman, benchmark, awards } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  const csvHref = `/staff/compensation.csv${filters.status ? `?status=${filters.status}` : ''}`
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      {canManage ? (
        <p className="body">
          <Link className="link" to="/staff/compensation/policy">
            {t('compensation.policyLink')}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="filters">
        <Select name="year" label={t('compensation.filters.year')} defaultValue={filters.year} options={years} />
        <Select
          name="status"
          label={t('compensation.filters.status')}
          defaultValue={filters.status}
          options={[
            { value: '', label: t('compensation.filters.any') },
            ...awardStatuses.map((status) => ({ value: status, label: t(`compensation.statuses.${status}`) })),
          ]}
        />
        <Button variant="secondary">{t('compensation.filters.apply')}</Button>
      </Form>
      <h2 className="heading-m">{t('compensation.budgetHeading', { year: budget.label })}</h2>
      <dl className="summary-list">
        {(
          [
            ['budget', budget.budget ?? t('compensation.noBudget')],
            [
              'paid',
              t('compensation.paidCount', {
                amount: budget.paid,
                count: budget.paidCount,
                shown: budget.paidCountShown,
              }),
            ],
            ['ombudsmanOrdered', budget.ombudsmanOrdered],
            ['remaining', budget.remaining ?? '–'],
            [
              'usedPct',
              budget.usedPct === null ? t('quality.noData') : t('quality.percent', { value: budget.usedPct }),
            ],
            ['committed', budget.committed],
          ] as const
        ).map(([key, value]) => (
          <div className="summary-list__row" key={key}>
            <dt className="summary-list__key">{t(`compensation.budgetRows.${key}`)}</dt>
            <dd className="summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="heading-m">{t('compensation.benchmarkHeading', { year: budget.label })}</h2>
      <p className="body">{t('compensation.benchmarkIntro', { version: ombudsman.version })}</p>
      <ul className="list list--bullet">
        {ombudsman.bands.map((band) => (
          <li key={band.name}>
            {t(`compensation.ombudsmanBands.${band.name}`)}:{' '}
            {band.max === null
              ? t('compensation.rangeOpen', { min: band.min })
              : t('compensation.range', { min: band.min, max: band.max })}
          </li>
        ))}
      </ul>
      <BenchmarkTable
        id="by-category-caption"
        caption={t('compensation.byCategory')}
        rows={benchmark.byCategory}
        all={benchmark.all}
        label={(key) => t(`compensation.categories.${key}`)}
      />
      <BenchmarkTable
        id="by-outcome-caption"
        caption={t('compensation.byOutcome')}
        rows={benchmark.byOutcome}
        all={benchmark.all}
        label={(key) => t(`compensation.outcomes.${key}`)}
      />
      <h2 className="heading-m">{t('compensation.awardsHeading')}</h2>
      <p className="body">
        <a className="link" href={csvHref} download>
          {t('compensation.csv')}
        </a>
      </p>
      {awards.length === 0 ? (
        <p className="body">{t('compensation.noAwards')}</p>
      ) : (
        <div className="table-wrapper" role="region" aria-labelledby="awards-caption" tabIndex={0}>
          <table className="table">
            <caption id="awards-caption" className="table__caption visually-hidden">
              {t('compensation.awardsHeading')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('compensation.columns.award')}</th>
                <th scope="col">{t('compensation.columns.reference')}</th>
                <th scope="col">{t('compensation.columns.category')}</th>
                <th scope="col">{t('compensation.columns.status')}</th>
                <th scope="col">{t('compensation.columns.proposed')}</th>
              </tr>
            </thead>
            <tbody>
              {awards.map((award) => (
                <tr key={award.id}>
                  <th scope="row">
                    <Link className="link" to={`/staff/compensation/${award.id}`}>
                      {award.amount}
                    </Link>
                    {award.ombudsmanOrdered ? (
                      <>
                        {' '}
                        <strong className="tag tag--grey">{t('compensation.ordered')}</strong>
                      </>
                    ) : null}
                  </th>
                  <td>
                    <bdi>{award.reference}</bdi>
                  </td>
                  <td>{t(`compensation.categories.${award.category}`)}</td>
                  <td>
                    <strong className="tag">{t(`compensation.statuses.${award.status}`)}</strong>
                  </td>
                  <td>
                    {award.proposedOn}
                    {award.proposer ? ` – ${award.proposer}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
