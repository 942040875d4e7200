import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { availableActions } from '~/domain/complaints/case-forms'
import { parseComplaintReference } from '~/domain/complaints/reference'
import { can } from '~/domain/permissions'
import { londonDate } from '~/domain/working-days'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { recordView } from '~/server/audit.server'
import { requireStaff } from '~/server/auth.server'
import { loadCaseForStaff } from '~/server/case-view.server'
import { activeRestriction } from '~/server/conduct.server'
import { database } from '~/server/db.server'
import { learningSummary } from '~/server/learning.server'
import { externalCasesForComplaint } from '~/server/external-cases.server'
import { caseViewModel } from './case-view-model'
import {
  AdjustmentsNotice,
  ChecklistSection,
  DeadlinesSection,
  DefinitionSection,
  DetailsSection,
  LearningSection,
  ExternalCasesSection,
  LettersSection,
  MessagesSection,
  PromisesSection,
  TimelineSection,
  UpdatesSection,
} from './sections'

const TIMELINE_SHOWN = 50

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'complaint:view')
  const reference = parseComplaintReference(params.reference ?? '')
  const today = londonDate(new Date())
  const view = reference ? await loadCaseForStaff(database(), reference, today) : null
  if (!view) throw new Response('Not found', { status: 404 })
  await recordView(database(), {
    staffId: staff.id,
    entityType: 'complaint',
    entityId: view.record.id,
    requestId: context.requestId,
  })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const restriction = await activeRestriction(database(), view.resident.id, today)
  const learning = can(staff, 'learning:record')
    ? await learningSummary(database(), view.record.id, view.complaint)
    : null
  const externalCases = can(staff, 'external:view') ? await externalCasesForComplaint(database(), view.record.id) : []
  // The newest entries; a case years old can have hundreds, and the page would carry them all.
  const wholeTimeline = new URL(request.url).searchParams.get('timeline') === 'all'
  const timeline = wholeTimeline ? view.timeline : view.timeline.slice(0, TIMELINE_SHOWN)
  const model = caseViewModel({ ...view, timeline }, locale, today)
  return {
    restriction: restriction
      ? {
          text: restriction.restriction,
          reviewOn: formatDate(restriction.reviewOn, locale),
          residentId: view.resident.id,
        }
      : null,
    title: t('complaint.title', { reference: view.record.reference }),
    backHref: '/staff/complaints',
    actions: availableActions(view.complaint.status, (permission) => can(staff, permission)),
    canSeeAudit: can(staff, 'audit:view'),
    learning,
    externalCases: externalCases.map((c) => ({ id: c.id, kind: c.kind, opened: formatDate(c.openedOn, locale) })),
    ...model,
    timelineTotal: view.timeline.length,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function StaffComplaintPage() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <span className="caption-l">{t(`statuses.${data.status}`)}</span>
      <h1 className="heading-l">{data.title}</h1>
      {data.restriction ? (
        <div className="notice notice--warning" role="note" aria-labelledby="restriction-heading">
          <h2 className="heading-s" id="restriction-heading">
            {t('conduct.caseHeading')}
          </h2>
          <p className="body preserve-lines">{data.restriction.text}</p>
          <p className="body">
            {t('conduct.caseBody', { date: data.restriction.reviewOn })}{' '}
            <Link className="link" to={`/staff/residents/${data.restriction.residentId}`}>
              {t('conduct.caseLink')}
            </Link>
          </p>
        </div>
      ) : null}
      <AdjustmentsNotice
        language={data.resident.preferredLanguage}
        contact={data.resident.preferredContactMethod}
        adjustments={data.adjustments}
      />
      {data.actions.length > 0 ? (
        <nav className="case-actions" aria-labelledby="case-actions-heading">
          <h2 className="heading-s" id="case-actions-heading">
            {t('case.actions.heading')}
          </h2>
          <ul className="case-actions__list">
            {data.actions.map((action) => (
              <li key={action}>
                <Link
                  className="button button--secondary"
                  to={`/staff/complaints/${encodeURIComponent(data.reference)}/${action}`}
                >
                  {t(`case.actions.${action}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <DeadlinesSection stages={data.stages} />
      <UpdatesSection updates={data.updates} />
      {data.checklist ? <ChecklistSection checklist={data.checklist} /> : null}
      <DefinitionSection definition={data.definition} elements={data.elements} />
      <PromisesSection remedies={data.remedies} commitments={data.commitments} noRemedyReasons={data.noRemedyReasons} />
      {data.learning ? <LearningSection reference={data.reference} learning={data.learning} /> : null}
      <LettersSection reference={data.reference} letters={data.letters} tasks={data.formatTasks} />
      <MessagesSection messages={data.messages} />
      <ExternalCasesSection cases={data.externalCases} />
      <DetailsSection details={data.details} resident={data.resident} />
      <TimelineSection timeline={data.timeline} total={data.timelineTotal} reference={data.reference} />
      {data.status === 'closed' ? (
        <p className="body">
          <Link className="link" to={`/staff/complaints/${encodeURIComponent(data.reference)}/publish`}>
            {t('panel.draft.link')}
          </Link>
        </p>
      ) : null}
      {data.canSeeAudit ? (
        <p className="body">
          <Link className="link" to={`/staff/complaints/${encodeURIComponent(data.reference)}/audit`}>
            {t('audit.link')}
          </Link>
        </p>
      ) : null}
    </>
  )
}
