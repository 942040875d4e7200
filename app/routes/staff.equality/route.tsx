import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, TextInput } from '~/components/form'
import type { FieldError } from '~/domain/forms'
import { financialYearStart } from '~/domain/kpis'
import { isSuppressed, type ShownCell } from '~/domain/suppression'
import { isIsoDate, londonDate } from '~/domain/working-days'
import { formatDate, formatNumber } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { viewEqualityMonitoring } from '~/server/equality-monitoring.server'

// Equality monitoring for managers (issue 7 §7): who complained in the period beside everyone who
// answered the optional questions. Every cell is suppressed below 10; no answer is shown alone.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'equality:view')
  const today = londonDate(new Date())
  const url = new URL(request.url)
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
  const [locale, monitoring] = await Promise.all([
    getLocale(request),
    viewEqualityMonitoring(database(), { staffId: staff.id, from, to, requestId: context.requestId }),
  ])
  const t = await getFixedT(locale, 'staff')
  const shown = (cell: ShownCell) => {
    if (isSuppressed(cell.value)) return t('equality.fewerThan10')
    if (cell.value === null) return t('dashboard.noData')
    const number = formatNumber(cell.value, locale)
    return cell.kind === 'rate' ? t('dashboard.percent', { value: number }) : number
  }
  return {
    title: t('equality.title'),
    period: t('dashboard.period', { from: formatDate(from, locale), to: formatDate(to, locale) }),
    filters: { from, to },
    errors,
    totals: [
      { key: 'complainants', label: t('equality.totals.complainants'), value: shown(monitoring.complainants) },
      { key: 'population', label: t('equality.totals.population'), value: shown(monitoring.population) },
    ],
    questions: monitoring.questions.map((q) => ({
      key: q.question,
      label: t(`equality.questions.${q.question}`, { defaultValue: q.question }),
      rows: q.rows.map((row) => ({
        key: row.answer,
        label: t(`equality.answers.${row.answer}`, { defaultValue: row.answer }),
        complainants: shown(row.complainants),
        complainantsPct: shown(row.complainantsPct),
        population: shown(row.population),
        populationPct: shown(row.populationPct),
      })),
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function EqualityMonitoring() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <ErrorSummary errors={data.errors} />
      <h1 className="heading-l">{data.title}</h1>
      <p className="body">{data.period}</p>
      <p className="body">{t('equality.intro')}</p>
      <Form method="get" className="filters">
        <TextInput
          name="from"
          type="date"
          label={t('dashboard.filters.from')}
          defaultValue={data.filters.from}
          error={data.errors.from}
          width="10"
        />
        <TextInput
          name="to"
          type="date"
          label={t('dashboard.filters.to')}
          defaultValue={data.filters.to}
          error={data.errors.to}
          width="10"
        />
        <Button variant="secondary">{t('dashboard.filters.apply')}</Button>
      </Form>

      <dl className="summary-list">
        {data.totals.map((total) => (
          <div className="summary-list__row" key={total.key}>
            <dt className="summary-list__key">{total.label}</dt>
            <dd className="summary-list__value">{total.value}</dd>
          </div>
        ))}
      </dl>

      {data.questions.map((question) => (
        <section key={question.key} aria-labelledby={`equality-${question.key}`}>
          <h2 className="heading-m" id={`equality-${question.key}`}>
            {question.label}
          </h2>
          <div
            className="table-wrapper"
            role="region"
            aria-labelledby={`equality-${question.key}-caption`}
            tabIndex={0}
          >
            <table className="table">
              <caption id={`equality-${question.key}-caption`} className="table__caption">
                {t('equality.caption', { question: question.label })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('equality.columns.answer')}</th>
                  <th scope="col">{t('equality.columns.complainants')}</th>
                  <th scope="col">{t('equality.columns.complainantsPct')}</th>
                  <th scope="col">{t('equality.columns.population')}</th>
                  <th scope="col">{t('equality.columns.populationPct')}</th>
                </tr>
              </thead>
              <tbody>
                {question.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    <td>{row.complainants}</td>
                    <td>{row.complainantsPct}</td>
                    <td>{row.population}</td>
                    <td>{row.populationPct}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  )
}
