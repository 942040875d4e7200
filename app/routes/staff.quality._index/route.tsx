import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, TextInput } from '~/components/form'
import { can } from '~/domain/permissions'
import {
  isSampleMonth,
  previousMonth,
  qaSummary,
  reviewPassed,
  reviewStatus,
  validateSampleMonth,
} from '~/domain/quality'
import { londonDate } from '~/domain/working-days'
import { formatDate, formatMonth, formatNumber } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { drawMonthlySample, loadQaSettings, responsesIssuedIn, sampleFor } from '~/server/quality.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'qa:review')
  const url = new URL(request.url)
  const asked = url.searchParams.get('month')
  const month = isSampleMonth(asked) ? asked : previousMonth(londonDate(new Date()))
  const db = database()
  const [locale, qa, rows, responses] = await Promise.all([
    getLocale(request),
    loadQaSettings(db),
    sampleFor(db, month),
    responsesIssuedIn(db, month),
  ])
  const t = await getFixedT(locale, 'staff')
  const summary = qaSummary(rows, qa.passMark)
  const added = url.searchParams.get('added')
  return {
    title: t('quality.title'),
    month,
    monthName: formatMonth(month, locale),
    canDraw: can(staff, 'qa:sample'),
    notice:
      added !== null ? { added: Number(added) || 0 } : url.searchParams.get('reviewed') ? { reviewed: true } : null,
    figures: {
      responses: formatNumber(responses.length, locale),
      sampled: formatNumber(rows.length, locale),
      reviewed: formatNumber(summary.reviewed, locale),
      averageScore: summary.averageScore === null ? null : formatNumber(summary.averageScore, locale),
      passPct: summary.passPct === null ? null : formatNumber(summary.passPct, locale),
      samplePct: formatNumber(qa.samplePct, locale),
      passMark: formatNumber(qa.passMark, locale),
    },
    rows: rows.map((row, index) => {
      const status = reviewStatus(row)
      const passed = reviewPassed(row, qa.passMark)
      return {
        id: row.id,
        number: index + 1,
        stage: row.stage,
        handler: row.handlerName,
        respondedOn: row.respondedOn ? formatDate(row.respondedOn, locale) : null,
        status,
        score: row.scoreTenths === null ? null : formatNumber(row.scoreTenths / 10, locale),
        result: status === 'to_review' ? null : row.criticalFail ? 'critical' : passed ? 'pass' : ('fail' as const),
      }
    }),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'qa:sample')
  const form = await readForm(request)
  const month = single(form, 'month') ?? ''
  const errors = validateSampleMonth(month, londonDate(new Date()))
  if (Object.keys(errors).length > 0) return rejectForm(context, { errors, values: form })
  const result = await drawMonthlySample(database(), { month, staffId: staff.id, requestId: context.requestId })
  return redirect(`/staff/quality?month=${month}&added=${result.added}`)
}

const resultTag: Record<string, string> = { pass: 'tag tag--green', fail: 'tag tag--red', critical: 'tag tag--red' }

export default function QualityPage() {
  const { title, month, monthName, canDraw, notice, figures, rows } = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const drawnValue = rejected?.values.month
  return (
    <>
      <ErrorSummary errors={rejected?.errors} />
      {notice ? (
        <div className="notice" role="status">
          <p className="body">
            {'added' in notice ? t('quality.done.drawn', { count: notice.added }) : t('quality.done.reviewed')}
          </p>
        </div>
      ) : null}
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t('quality.intro', { pct: figures.samplePct, mark: figures.passMark })}</p>
      <p className="body">
        <Link className="link" to="/staff/quality/mine">
          {t('quality.mineLink')}
        </Link>
      </p>
      <Form method="get" className="filters">
        <TextInput
          type="month"
          name="month"
          label={t('quality.month')}
          hint={t('quality.monthHint')}
          defaultValue={month}
          error={rejected?.errors.month}
          width="10"
        />
        <Button variant="secondary">{t('quality.show')}</Button>
      </Form>
      <h2 className="heading-m">{t('quality.sampleHeading', { month: monthName })}</h2>
      <dl className="summary-list">
        {(
          [
            ['responses', figures.responses],
            ['sampled', figures.sampled],
            ['reviewed', figures.reviewed],
            ['averageScore', figures.averageScore ?? t('quality.noData')],
            [
              'passPct',
              figures.passPct === null ? t('quality.noData') : t('quality.percent', { value: figures.passPct }),
            ],
          ] as const
        ).map(([key, value]) => (
          <div className="summary-list__row" key={key}>
            <dt className="summary-list__key">{t(`quality.figures.${key}`)}</dt>
            <dd className="summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      {canDraw ? (
        <Form method="post" noValidate>
          <input type="hidden" name="month" value={typeof drawnValue === 'string' ? drawnValue : month} />
          <p className="body">{t('quality.drawHint')}</p>
          <Button>{t('quality.draw', { month: monthName })}</Button>
        </Form>
      ) : null}
      {rows.length === 0 ? (
        <p className="body">{t('quality.empty')}</p>
      ) : (
        <div className="table-wrapper" role="region" aria-labelledby="sample-caption" tabIndex={0}>
          <table className="table">
            <caption id="sample-caption" className="table__caption">
              {t('quality.caption', { month: monthName })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('quality.columns.response')}</th>
                <th scope="col">{t('quality.columns.stage')}</th>
                <th scope="col">{t('quality.columns.handler')}</th>
                <th scope="col">{t('quality.columns.respondedOn')}</th>
                <th scope="col">{t('quality.columns.status')}</th>
                <th scope="col">{t('quality.columns.score')}</th>
                <th scope="col">{t('quality.columns.result')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link className="link" to={`/staff/quality/${row.id}`}>
                      {t('quality.responseNumber', { number: row.number })}
                    </Link>
                  </th>
                  <td>{t('case.stage', { stage: row.stage })}</td>
                  <td>{row.handler ?? t('quality.noHandler')}</td>
                  <td>{row.respondedOn}</td>
                  <td>
                    <strong className={row.status === 'reviewed' ? 'tag' : 'tag tag--grey'}>
                      {t(`quality.statuses.${row.status}`)}
                    </strong>
                  </td>
                  <td>{row.score ?? '–'}</td>
                  <td>
                    {row.result ? (
                      <strong className={resultTag[row.result]}>{t(`quality.results.${row.result}`)}</strong>
                    ) : (
                      '–'
                    )}
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
