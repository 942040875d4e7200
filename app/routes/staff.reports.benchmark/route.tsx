import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data as answer, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, Select, TextArea } from '~/components/form'
import { useErrorText } from '~/components/form/error-text'
import type { FieldErrors } from '~/domain/forms'
import { financialYearStart } from '~/domain/kpis'
import { can } from '~/domain/permissions'
import { benchmarkColumns, normaliseTsmYear, type BenchmarkFigures, type BenchmarkProblem } from '~/domain/reports'
import { londonDate } from '~/domain/working-days'
import { formatDate, formatNumber } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, single } from '~/server/forms.server'
import { benchmarkComparison, importBenchmarks } from '~/server/reports.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'report:view')
  const today = londonDate(new Date())
  const url = new URL(request.url)
  const current = normaliseTsmYear(financialYearStart(today).slice(0, 4)) as string
  const year = normaliseTsmYear(url.searchParams.get('year') ?? '') ?? current
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const comparison = await benchmarkComparison(database(), year, today)
  const n = (value: number | null) => (value === null ? '–' : formatNumber(value, locale))
  const figures = (f: BenchmarkFigures) => ({
    stage1Per1000: n(f.stage1Per1000),
    stage2Per1000: n(f.stage2Per1000),
    stage1WithinCodePct: f.stage1WithinCodePct === null ? '–' : `${n(f.stage1WithinCodePct)}%`,
    stage2WithinCodePct: f.stage2WithinCodePct === null ? '–' : `${n(f.stage2WithinCodePct)}%`,
  })
  return {
    title: t('reports.benchmark.title'),
    year,
    period: t('reports.period', {
      from: formatDate(comparison.period.from, locale),
      to: formatDate(comparison.period.to, locale),
    }),
    years: [...new Set([current, year, ...comparison.years])].sort().reverse(),
    ours: { homes: n(comparison.ours.homes), ...figures(comparison.ours.figures) },
    peers: comparison.peers.map((peer) => ({
      landlord: peer.landlord,
      homes: n(peer.homes),
      ...figures(peer.figures),
    })),
    canImport: can(staff, 'report:export'),
    imported: url.searchParams.get('done') === 'imported' ? Number(url.searchParams.get('count') ?? 0) : null,
    columns: benchmarkColumns.join(','),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'report:export')
  const form = await readForm(request)
  const csv = single(form, 'csv') ?? ''
  const result = csv.trim()
    ? await importBenchmarks(database(), { csv, staffId: staff.id, requestId: context.requestId })
    : ({ ok: false, problems: [] } as { ok: false; problems: BenchmarkProblem[] })
  if (!result.ok) {
    const errors: FieldErrors = {
      csv:
        result.problems.length === 0
          ? { key: 'staff-errors:reports.csv.required' }
          : { key: 'staff-errors:reports.csv.problems', values: { number: result.problems.length } },
    }
    context.page.formRejected = true
    return answer({ errors, values: { csv }, problems: result.problems }, { status: 400 })
  }
  const year = normaliseTsmYear(new URL(request.url).searchParams.get('year') ?? '')
  const params = new URLSearchParams({ done: 'imported', count: String(result.imported) })
  if (year) params.set('year', year)
  return redirect(`/staff/reports/benchmark?${params.toString()}`)
}

export default function BenchmarkPage() {
  const data = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const errorText = useErrorText()
  const rows = [
    { key: 'ours', landlord: t('reports.benchmark.ours'), ...data.ours },
    ...data.peers.map((p) => ({ key: p.landlord, ...p })),
  ]
  return (
    <>
      <ErrorSummary errors={rejected?.errors} />
      <p className="body">
        <Link className="link" to="/staff/reports">
          {t('reports.back')}
        </Link>
      </p>
      <h1 className="heading-l">{data.title}</h1>
      {data.imported !== null ? (
        <div className="notice" role="status">
          <p className="body">{t('reports.benchmark.imported', { rows: data.imported })}</p>
        </div>
      ) : null}
      <Form method="get" className="filters">
        <Select
          name="year"
          label={t('reports.benchmark.year')}
          defaultValue={data.year}
          options={data.years.map((year) => ({ value: year, label: year }))}
        />
        <Button variant="secondary">{t('reports.apply')}</Button>
      </Form>
      <p className="body">{data.period}</p>
      <div className="table-wrapper" role="region" aria-labelledby="benchmark-caption" tabIndex={0}>
        <table className="table">
          <caption id="benchmark-caption" className="table__caption">
            {t('reports.benchmark.caption', { year: data.year })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.benchmark.landlord')}</th>
              <th scope="col">{t('reports.benchmark.homes')}</th>
              <th scope="col">{t('reports.benchmark.stage1Per1000')}</th>
              <th scope="col">{t('reports.benchmark.stage2Per1000')}</th>
              <th scope="col">{t('reports.benchmark.stage1WithinCode')}</th>
              <th scope="col">{t('reports.benchmark.stage2WithinCode')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.landlord}</th>
                <td>{row.homes}</td>
                <td>{row.stage1Per1000}</td>
                <td>{row.stage2Per1000}</td>
                <td>{row.stage1WithinCodePct}</td>
                <td>{row.stage2WithinCodePct}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.peers.length === 0 ? <p className="body">{t('reports.benchmark.none')}</p> : null}
      {data.canImport ? (
        <>
          <h2 className="heading-m">{t('reports.benchmark.importHeading')}</h2>
          {rejected?.problems && rejected.problems.length > 0 ? (
            <ul className="list list--bullet" aria-label={t('reports.benchmark.problems')}>
              {rejected.problems.map((problem, index) => (
                <li key={index}>
                  {t('reports.benchmark.line', { line: problem.line })}{' '}
                  {errorText({ key: problem.key, values: problem.values })}
                </li>
              ))}
            </ul>
          ) : null}
          <Form method="post" noValidate>
            <TextArea
              name="csv"
              label={t('reports.benchmark.csv')}
              hint={t('reports.benchmark.csvHint', { columns: data.columns })}
              error={rejected?.errors.csv}
              defaultValue={typeof rejected?.values.csv === 'string' ? rejected.values.csv : undefined}
              rows={8}
              spellCheck={false}
            />
            <Button>{t('reports.benchmark.import')}</Button>
          </Form>
        </>
      ) : null}
    </>
  )
}
