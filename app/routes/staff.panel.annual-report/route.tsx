import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { complianceCount } from '~/domain/panel'
import { can } from '~/domain/permissions'
import { formatDate, formatNumber } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { loadSelfAssessment } from '~/server/panel.server'

// GOV-3: the annual complaints performance and service improvement report with the self-assessment
// against the Code and the governing body's response, read-only for the panel.
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'panel:view')
  const locale = await getLocale(request)
  const [t, assessment] = await Promise.all([getFixedT(locale, 'staff'), loadSelfAssessment(database())])
  const counts = complianceCount(assessment)
  return {
    title: t('panel.annualReport.title'),
    backHref: '/staff/panel',
    canEdit: can(staff, 'panel:publish'),
    reportingYear: assessment.reportingYear,
    report: assessment.report,
    governingBodyResponse: assessment.governingBodyResponse,
    approvedOn: assessment.approvedOn ? formatDate(assessment.approvedOn, locale) : null,
    complies: formatNumber(counts.complies, locale),
    total: formatNumber(counts.total, locale),
    rows: assessment.rows.map((row) => ({
      ...row,
      actionDueOn: row.actionDueOn ? formatDate(row.actionDueOn, locale) : null,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function AnnualReportPage() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <h1 className="heading-l">
        {data.title}
        {data.reportingYear ? ` ${data.reportingYear}` : ''}
      </h1>
      {data.canEdit ? (
        <p className="body">
          <Link className="link" to="/staff/panel/self-assessment">
            {t('panel.selfAssessment.editTitle')}
          </Link>
        </p>
      ) : null}
      {!data.reportingYear ? (
        <p className="body">{t('panel.annualReport.none')}</p>
      ) : (
        <>
          <p className="body">
            {data.approvedOn
              ? t('panel.annualReport.approved', { date: data.approvedOn })
              : t('panel.annualReport.notApproved')}
          </p>
          {data.report ? (
            <section aria-labelledby="report-heading">
              <h2 className="heading-m" id="report-heading">
                {t('panel.selfAssessment.report')}
              </h2>
              <p className="body preserve-lines">{data.report}</p>
            </section>
          ) : null}
          <section aria-labelledby="assessment-heading">
            <h2 className="heading-m" id="assessment-heading">
              {t('panel.annualReport.assessmentHeading')}
            </h2>
            <p className="body">
              {t('panel.annualReport.complianceCount', { complies: data.complies, total: data.total })}
            </p>
            <div className="table-wrapper" role="region" aria-labelledby="assessment-heading" tabIndex={0}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('panel.selfAssessment.provision')}</th>
                    <th scope="col">{t('panel.selfAssessment.complies')}</th>
                    <th scope="col">{t('panel.selfAssessment.evidence')}</th>
                    <th scope="col">{t('panel.selfAssessment.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row, index) => (
                    <tr key={index}>
                      <th scope="row" className="preserve-lines">
                        {row.provision}
                      </th>
                      <td>{row.complies ? t('panel.selfAssessment.yes') : t('panel.selfAssessment.no')}</td>
                      <td className="preserve-lines">{row.evidence}</td>
                      <td className="preserve-lines">
                        {row.action
                          ? row.actionDueOn
                            ? t('panel.annualReport.actionBy', { action: row.action, date: row.actionDueOn })
                            : row.action
                          : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          {data.governingBodyResponse ? (
            <section aria-labelledby="response-heading">
              <h2 className="heading-m" id="response-heading">
                {t('panel.selfAssessment.governingBodyResponse')}
              </h2>
              <p className="body preserve-lines">{data.governingBodyResponse}</p>
            </section>
          ) : null}
        </>
      )}
    </>
  )
}
