import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, SummaryList, TextInput } from '~/components/form'
import type { StandardVerdict } from '~/domain/reports'
import { londonDate } from '~/domain/working-days'
import { formatDate, formatMoney, formatMonth, formatNumber } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { contractorFigures, handlingCost, repeatComplainants } from '~/server/reports.server'
import { dashboardQuery } from '../staff.dashboard/route'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'report:view')
  const db = database()
  const today = londonDate(new Date())
  const { from, to, errors } = dashboardQuery(new URL(request.url), today)
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const [contractors, cost, repeats] = await Promise.all([
    contractorFigures(db, { from, to, runDate: today }),
    handlingCost(db, { from, to }),
    repeatComplainants(db, today),
  ])
  const n = (value: number | null, suffix = '') => (value === null ? '–' : `${formatNumber(value, locale)}${suffix}`)
  const money = (pence: number | null) => (pence === null ? '–' : formatMoney(pence, locale))
  const line = (l: (typeof cost)['overall']) => ({
    cases: n(l.cases),
    hours: n(Math.round(l.handlingMinutes / 6) / 10),
    handling: money(l.handlingCostPence),
    compensation: money(l.compensationPence),
    total: money(l.totalPence),
    perCase: money(l.perCasePence),
  })
  return {
    title: t('reports.title'),
    period: t('reports.period', { from: formatDate(from, locale), to: formatDate(to, locale) }),
    filters: { from, to },
    errors,
    contractors: contractors.map((c) => ({
      contractor: c.contractor,
      received: n(c.received),
      responses: n(c.stage1Responses),
      upheld: n(c.upheldOrPartlyPct, '%'),
      withinCode: n(c.withinCodePct, '%'),
      days: n(c.avgWorkingDaysToRespond),
      commitments: t('reports.contractors.commitmentsValue', {
        onTime: formatNumber(c.commitmentsOnTime, locale),
        due: formatNumber(c.commitmentsDue, locale),
      }),
      compensation: money(c.compensationPaidPence),
      response: {
        verdict: c.responseVerdict,
        standard: c.standard?.responseWorkingDays ?? null,
      },
      upheldStandard: { verdict: c.upheldVerdict, standard: c.standard?.maxUpheldPct ?? null },
    })),
    cost: {
      hourly: money(cost.hourlyCostPence),
      overall: line(cost.overall),
      byServiceArea: cost.byServiceArea.map((l) => ({ serviceArea: l.serviceArea, ...line(l) })),
    },
    repeats: {
      period: t('reports.period', { from: formatDate(repeats.from, locale), to: formatDate(repeats.to, locale) }),
      studies: repeats.studies.map((s) => ({
        ...s,
        months: s.months.map((month) => formatMonth(month, locale)),
      })),
    },
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

function Verdict({ verdict, standard }: { verdict: StandardVerdict; standard: string | null }) {
  const { t } = useTranslation('staff')
  if (verdict === 'none') return <>{t('reports.verdicts.none')}</>
  const tag = verdict === 'met' ? 'tag tag--green' : verdict === 'not_met' ? 'tag tag--red' : 'tag'
  return (
    <>
      {standard} <strong className={tag}>{t(`reports.verdicts.${verdict}`)}</strong>
    </>
  )
}

export default function ReportsPage() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <ErrorSummary errors={data.errors} />
      <h1 className="heading-l">{data.title}</h1>
      <p className="body">{data.period}</p>
      <Form method="get" className="filters">
        <TextInput
          name="from"
          type="date"
          label={t('reports.from')}
          defaultValue={data.filters.from}
          error={data.errors.from}
          width="10"
        />
        <TextInput
          name="to"
          type="date"
          label={t('reports.to')}
          defaultValue={data.filters.to}
          error={data.errors.to}
          width="10"
        />
        <Button variant="secondary">{t('reports.apply')}</Button>
      </Form>
      <ul className="list">
        <li>
          <Link className="link" to="/staff/reports/benchmark">
            {t('reports.benchmark.link')}
          </Link>
        </li>
      </ul>

      <h2 className="heading-m" id="contractors">
        {t('reports.contractors.heading')}
      </h2>
      <p className="body">{t('reports.contractors.intro')}</p>
      {data.contractors.length === 0 ? (
        <p className="body">{t('reports.contractors.none')}</p>
      ) : (
        <div className="table-wrapper" role="region" aria-labelledby="contractors-caption" tabIndex={0}>
          <table className="table">
            <caption id="contractors-caption" className="table__caption">
              {t('reports.contractors.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.contractors.contractor')}</th>
                <th scope="col">{t('reports.contractors.received')}</th>
                <th scope="col">{t('reports.contractors.responses')}</th>
                <th scope="col">{t('reports.contractors.upheld')}</th>
                <th scope="col">{t('reports.contractors.withinCode')}</th>
                <th scope="col">{t('reports.contractors.days')}</th>
                <th scope="col">{t('reports.contractors.responseStandard')}</th>
                <th scope="col">{t('reports.contractors.upheldStandard')}</th>
                <th scope="col">{t('reports.contractors.commitments')}</th>
                <th scope="col">{t('reports.contractors.compensation')}</th>
              </tr>
            </thead>
            <tbody>
              {data.contractors.map((c) => (
                <tr key={c.contractor}>
                  <th scope="row">{c.contractor}</th>
                  <td>{c.received}</td>
                  <td>{c.responses}</td>
                  <td>{c.upheld}</td>
                  <td>{c.withinCode}</td>
                  <td>{c.days}</td>
                  <td>
                    <Verdict
                      verdict={c.response.verdict}
                      standard={
                        c.response.standard === null
                          ? null
                          : t('reports.contractors.daysStandard', { days: c.response.standard })
                      }
                    />
                  </td>
                  <td>
                    <Verdict
                      verdict={c.upheldStandard.verdict}
                      standard={
                        c.upheldStandard.standard === null
                          ? null
                          : t('reports.contractors.upheldLimit', { pct: c.upheldStandard.standard })
                      }
                    />
                  </td>
                  <td>{c.commitments}</td>
                  <td>{c.compensation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 className="heading-m" id="cost">
        {t('reports.cost.heading')}
      </h2>
      <p className="body">{t('reports.cost.intro', { hourly: data.cost.hourly })}</p>
      <div className="table-wrapper" role="region" aria-labelledby="cost-caption" tabIndex={0}>
        <table className="table">
          <caption id="cost-caption" className="table__caption">
            {t('reports.cost.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.cost.serviceArea')}</th>
              <th scope="col">{t('reports.cost.cases')}</th>
              <th scope="col">{t('reports.cost.hours')}</th>
              <th scope="col">{t('reports.cost.handling')}</th>
              <th scope="col">{t('reports.cost.compensation')}</th>
              <th scope="col">{t('reports.cost.total')}</th>
              <th scope="col">{t('reports.cost.perCase')}</th>
            </tr>
          </thead>
          <tbody>
            {data.cost.byServiceArea.map((l) => (
              <tr key={l.serviceArea}>
                <th scope="row">{t(`serviceAreas.${l.serviceArea}`, { defaultValue: l.serviceArea })}</th>
                <td>{l.cases}</td>
                <td>{l.hours}</td>
                <td>{l.handling}</td>
                <td>{l.compensation}</td>
                <td>{l.total}</td>
                <td>{l.perCase}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('reports.cost.all')}</th>
              <td>{data.cost.overall.cases}</td>
              <td>{data.cost.overall.hours}</td>
              <td>{data.cost.overall.handling}</td>
              <td>{data.cost.overall.compensation}</td>
              <td>{data.cost.overall.total}</td>
              <td>{data.cost.overall.perCase}</td>
            </tr>
          </tbody>
        </table>
      </div>

      <h2 className="heading-m" id="repeats">
        {t('reports.repeats.heading')}
      </h2>
      <p className="body">{t('reports.repeats.intro', { period: data.repeats.period })}</p>
      {data.repeats.studies.length === 0 ? <p className="body">{t('reports.repeats.none')}</p> : null}
      {data.repeats.studies.map((study) => (
        <section key={study.label} aria-labelledby={`study-${study.label}`}>
          <h3 className="heading-s" id={`study-${study.label}`}>
            {t('reports.repeats.resident', { label: study.label, complaints: study.complaints })}
          </h3>
          <SummaryList
            rows={[
              {
                key: 'areas',
                question: t('reports.repeats.serviceAreas'),
                answer: study.byServiceArea
                  .map((s) => `${t(`serviceAreas.${s.serviceArea}`, { defaultValue: s.serviceArea })}: ${s.count}`)
                  .join('; '),
              },
              {
                key: 'stages',
                question: t('reports.repeats.stages'),
                answer: study.stagesReached
                  .map((s) => `${t('reports.repeats.stage', { stage: s.stage })}: ${s.count}`)
                  .join('; '),
              },
              {
                key: 'outcomes',
                question: t('reports.repeats.outcomes'),
                answer: study.outcomes
                  .map(
                    (o) =>
                      `${o.outcome === 'open' ? t('reports.repeats.open') : t(`decisions.${o.outcome}`, { defaultValue: o.outcome })}: ${o.count}`,
                  )
                  .join('; '),
              },
              { key: 'months', question: t('reports.repeats.months'), answer: study.months.join(', ') },
            ]}
          />
        </section>
      ))}
    </>
  )
}
