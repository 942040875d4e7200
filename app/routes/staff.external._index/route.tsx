import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ExternalStateTag } from '~/components/external-state-tag'
import { Button, Checkboxes, Select, TextInput } from '~/components/form'
import { externalCaseKinds, isExternalCaseKind, mostSeriousFinding, requestState } from '~/domain/external-cases'
import { can } from '~/domain/permissions'
import { isIsoDate, londonDate } from '~/domain/working-days'
import { intlLocaleOf } from '~/i18n/config'
import { formatDate, formatNumber } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { externalSummary, listExternalCases, openExternalRequests } from '~/server/external-cases.server'

/** The reporting year (1 April) that `today` falls in. */
function reportingYearStart(today: string): string {
  const year = Number(today.slice(0, 4))
  return today.slice(5) >= '04-01' ? `${year}-04-01` : `${year - 1}-04-01`
}

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'external:view')
  const url = new URL(request.url)
  const today = londonDate(new Date())
  const kindParam = url.searchParams.get('kind') ?? ''
  const kind = isExternalCaseKind(kindParam) ? kindParam : null
  const open = url.searchParams.get('open') === '1'
  const fromParam = url.searchParams.get('from') ?? ''
  const toParam = url.searchParams.get('to') ?? ''
  let from = isIsoDate(fromParam) ? fromParam : reportingYearStart(today)
  let to = isIsoDate(toParam) ? toParam : today
  if (to < from) [from, to] = [to, from]
  const db = database()
  const locale = await getLocale(request)
  const [t, cases, requests, summary] = await Promise.all([
    getFixedT(locale, 'staff'),
    listExternalCases(db, { kind, open }),
    openExternalRequests(db),
    externalSummary(db, { from, to }, today),
  ])
  const oneDecimal = new Intl.NumberFormat(intlLocaleOf(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const fraction = (numerator: number, denominator: number, pct: number | null) =>
    pct === null
      ? t('external.summary.noData')
      : t('external.summary.fraction', {
          numerator: formatNumber(numerator, locale),
          denominator: formatNumber(denominator, locale),
          percent: oneDecimal.format(pct),
        })
  return {
    title: t('external.title'),
    canManage: can(staff, 'external:manage'),
    filters: { kind: kind ?? '', open, from, to },
    period: { from: formatDate(from, locale), to: formatDate(to, locale) },
    summary: [
      ...externalCaseKinds.map((k) => ({
        key: `opened-${k}`,
        label: t('external.summary.opened', { kind: t(`external.kinds.${k}`) }),
        value: formatNumber(summary.opened[k], locale),
      })),
      {
        key: 'ombudsmanOnTime',
        label: t('external.summary.ombudsmanOnTime'),
        value: fraction(summary.ombudsmanAnsweredOnTime, summary.ombudsmanAnswered, summary.ombudsmanOnTimePct),
      },
      {
        key: 'enquiriesOnTime',
        label: t('external.summary.enquiriesOnTime'),
        value: fraction(summary.enquiriesAnsweredOnTime, summary.enquiriesAnswered, summary.enquiriesOnTimePct),
      },
      {
        key: 'adverse',
        label: t('external.summary.adverse'),
        value: fraction(summary.adverseDeterminations, summary.determinations, summary.adverseFindingPct),
      },
      {
        key: 'actionsOnTime',
        label: t('external.summary.actionsOnTime'),
        value: fraction(summary.actionsCompliedOnTime, summary.actionsDue, summary.actionsOnTimePct),
      },
      {
        key: 'actionsLoggedLate',
        label: t('external.summary.actionsLoggedLate'),
        value: t('external.summary.ofCount', {
          numerator: formatNumber(summary.actionsLoggedLate, locale),
          denominator: formatNumber(summary.actionsLogged, locale),
        }),
      },
      ...Object.entries(summary.mediationOutcomes).map(([outcome, n]) => ({
        key: `mediation-${outcome}`,
        label: t('external.summary.mediation', { outcome: t(`external.mediationOutcomes.${outcome}`) }),
        value: formatNumber(n, locale),
      })),
    ],
    requests: requests.map((r) => ({
      id: r.id,
      caseId: r.caseId,
      caseKind: r.caseKind,
      theirReference: r.theirReference,
      kind: r.kind,
      description: r.description,
      due: formatDate(r.dueOn, locale),
      state: requestState(r, today),
    })),
    cases: cases.map((c) => ({
      id: c.id,
      kind: c.kind,
      theirReference: c.theirReference,
      complaintReference: c.complaintReference,
      opened: formatDate(c.openedOn, locale),
      closed: c.closedOn ? formatDate(c.closedOn, locale) : null,
      finding: mostSeriousFinding(c.findings),
      outcome: c.outcome,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function ExternalCasesPage() {
  const { title, canManage, filters, period, summary, requests, cases } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t('external.intro')}</p>
      {canManage ? (
        <p className="body">
          <Link className="button" to="/staff/external/new">
            {t('external.newLink')}
          </Link>
        </p>
      ) : null}

      <h2 className="heading-m">{t('external.openRequests.heading')}</h2>
      {requests.length === 0 ? (
        <p className="body">{t('external.openRequests.none')}</p>
      ) : (
        <div className="table-wrapper" role="region" aria-labelledby="open-requests-caption" tabIndex={0}>
          <table className="table">
            <caption id="open-requests-caption" className="table__caption visually-hidden">
              {t('external.openRequests.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('external.columns.due')}</th>
                <th scope="col">{t('external.columns.state')}</th>
                <th scope="col">{t('external.columns.request')}</th>
                <th scope="col">{t('external.columns.description')}</th>
                <th scope="col">{t('external.columns.case')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.due}</th>
                  <td>
                    <ExternalStateTag state={r.state} />
                  </td>
                  <td>{t(`external.requestKinds.${r.kind}`)}</td>
                  <td className="preserve-lines">{r.description}</td>
                  <td>
                    <Link className="link" to={`/staff/external/${r.caseId}`}>
                      {t(`external.kinds.${r.caseKind}`)}
                      {r.theirReference ? (
                        <>
                          {' '}
                          <bdi>{r.theirReference}</bdi>
                        </>
                      ) : null}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 className="heading-m">{t('external.summary.heading', period)}</h2>
      <Form method="get" className="filters">
        <TextInput type="date" name="from" label={t('external.filters.from')} defaultValue={filters.from} width="10" />
        <TextInput type="date" name="to" label={t('external.filters.to')} defaultValue={filters.to} width="10" />
        <input type="hidden" name="kind" value={filters.kind} />
        {filters.open ? <input type="hidden" name="open" value="1" /> : null}
        <Button variant="secondary">{t('external.filters.apply')}</Button>
      </Form>
      <div className="table-wrapper" role="region" aria-labelledby="summary-caption" tabIndex={0}>
        <table className="table">
          <caption id="summary-caption" className="table__caption visually-hidden">
            {t('external.summary.heading', period)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('external.summary.measure')}</th>
              <th scope="col">{t('external.summary.figure')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="heading-m">{t('external.cases.heading')}</h2>
      <Form method="get" className="filters">
        <Select
          name="kind"
          label={t('external.filters.kind')}
          defaultValue={filters.kind}
          options={[
            { value: '', label: t('external.filters.allKinds') },
            ...externalCaseKinds.map((kind) => ({ value: kind, label: t(`external.kinds.${kind}`) })),
          ]}
        />
        <Checkboxes
          name="open"
          legend={t('external.filters.status')}
          defaultValue={filters.open ? ['1'] : []}
          choices={[{ value: '1', label: t('external.filters.openOnly') }]}
        />
        <input type="hidden" name="from" value={filters.from} />
        <input type="hidden" name="to" value={filters.to} />
        <Button variant="secondary">{t('external.filters.apply')}</Button>
      </Form>
      {cases.length === 0 ? (
        <p className="body">{t('external.cases.none')}</p>
      ) : (
        <div className="table-wrapper" role="region" aria-labelledby="cases-caption" tabIndex={0}>
          <table className="table">
            <caption id="cases-caption" className="table__caption visually-hidden">
              {t('external.cases.heading')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('external.columns.case')}</th>
                <th scope="col">{t('external.columns.opened')}</th>
                <th scope="col">{t('external.columns.complaint')}</th>
                <th scope="col">{t('external.columns.status')}</th>
                <th scope="col">{t('external.columns.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link className="link" to={`/staff/external/${c.id}`}>
                      {t(`external.kinds.${c.kind}`)}
                      {c.theirReference ? (
                        <>
                          {' '}
                          <bdi>{c.theirReference}</bdi>
                        </>
                      ) : null}
                    </Link>
                  </th>
                  <td>{c.opened}</td>
                  <td>{c.complaintReference ? <bdi>{c.complaintReference}</bdi> : null}</td>
                  <td>{c.closed ? t('external.cases.closedOn', { date: c.closed }) : t('external.cases.open')}</td>
                  <td>
                    {c.finding
                      ? t(`external.findings.${c.finding}`)
                      : c.outcome
                        ? t(`external.mediationOutcomes.${c.outcome}`)
                        : null}
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
