import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CommitmentStatusTags, RiskTag } from '~/components/commitment-tags'
import { ErrorSummary, SummaryList } from '~/components/form'
import { TrackedActionForms } from '~/components/tracked-action-forms'
import {
  commandFromForm,
  isFinished,
  isOverdue,
  riskRating,
  trackedIntents,
  type CommitmentStatus,
  type TrackedIntent,
} from '~/domain/commitments'
import { can, type StaffAction } from '~/domain/permissions'
import { isIsoDate, londonDate } from '~/domain/working-days'
import { formatDate, formatDateTime } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { loadCommitment, updateCommitment } from '~/server/commitments.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { newSubmissionKey, submittedKey } from '~/server/submissions.server'

/** Owners (handlers) report and complete; only the head of service signs off or decides a cancellation. */
const permissionFor: Record<TrackedIntent, StaffAction> = {
  progress: 'commitment:update',
  risk: 'commitment:update',
  revise: 'commitment:update',
  complete: 'commitment:update',
  cancel: 'commitment:update',
  sign_off: 'commitment:sign_off',
  return: 'commitment:sign_off',
  approve_cancellation: 'commitment:sign_off',
  reject_cancellation: 'commitment:sign_off',
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'commitment:view')
  const commitment = await loadCommitment(database(), params.id ?? '')
  if (!commitment) throw new Response('Not found', { status: 404 })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const today = londonDate(new Date())
  const status = commitment.status as CommitmentStatus
  return {
    title: t('commitments.detail.title'),
    backHref: '/staff/commitments',
    done: new URL(request.url).searchParams.get('done'),
    submissionKey: newSubmissionKey(),
    today,
    canUpdate: can(staff, 'commitment:update'),
    canSignOff: can(staff, 'commitment:sign_off'),
    commitment: {
      id: commitment.id,
      reference: commitment.reference,
      stage: commitment.stage,
      description: commitment.description,
      owner: commitment.owner,
      handlerName: commitment.handlerName,
      serviceArea: commitment.serviceArea,
      status,
      finished: isFinished(status),
      overdue: isOverdue({ status, dueOn: commitment.dueOn }, today),
      cancellationAwaitingApproval: status === 'cancelled' && !commitment.cancelApprovedBy,
      dueOn: formatDate(commitment.dueOn, locale),
      originalDueOn:
        commitment.originalDueOn !== commitment.dueOn ? formatDate(commitment.originalDueOn, locale) : null,
      evidence: commitment.evidence,
      completedOn: commitment.completedOn ? formatDate(commitment.completedOn, locale) : null,
      signedOff:
        commitment.signedOffByName && commitment.signedOffAt
          ? { by: commitment.signedOffByName, at: formatDateTime(commitment.signedOffAt, locale) }
          : null,
      cancelReason: commitment.cancelReason,
      cancelApprovedBy: commitment.cancelApprovedByName,
      residentUpdate: commitment.residentUpdate,
      likelihood: commitment.likelihood,
      impact: commitment.impact,
      risk: riskRating(commitment.likelihood, commitment.impact),
    },
    history: commitment.history.map((event) => ({
      ...event,
      occurredAt: formatDateTime(event.occurredAt, locale),
      revised:
        isIsoDate(event.details.from) && isIsoDate(event.details.to)
          ? { from: formatDate(event.details.from, locale), to: formatDate(event.details.to, locale) }
          : null,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'commitment:view')
  const form = await readForm(request)
  const intent = trackedIntents.find((i) => i === single(form, 'intent'))
  if (!intent) throw new Response('Bad request', { status: 400 })
  if (!can(staff, permissionFor[intent])) throw new Response('Forbidden', { status: 403 })
  const id = params.id ?? ''
  const today = londonDate(new Date())
  const result = await updateCommitment(database(), {
    id,
    command: commandFromForm(intent, form, {
      today,
      by: { id: staff.id, canSignOff: can(staff, 'commitment:sign_off') },
    }),
    staffId: staff.id,
    submissionKey: submittedKey(single(form, 'submissionKey')),
    now: new Date(),
    requestId: context.requestId,
  })
  if (!result.ok) {
    if ('notFound' in result) throw new Response('Not found', { status: 404 })
    return rejectForm(context, { errors: result.errors, values: form }, result.status)
  }
  return redirect(`/staff/commitments/${id}?done=${intent}`)
}

export default function CommitmentPage() {
  const page = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const c = page.commitment
  return (
    <>
      <ErrorSummary errors={rejected?.errors} />
      {page.done ? (
        <div className="notice" role="status">
          <p className="body">{t(`commitments.done.${page.done}`, { defaultValue: '' })}</p>
        </div>
      ) : null}
      <span className="caption-l">
        <bdi>{c.reference}</bdi>
      </span>
      <h1 className="heading-l">{page.title}</h1>
      <SummaryList
        rows={[
          {
            key: 'description',
            question: t('commitments.columns.action'),
            answer: <span className="preserve-lines">{c.description}</span>,
          },
          {
            key: 'complaint',
            question: t('commitments.columns.complaint'),
            answer: (
              <>
                <Link className="link" to={`/staff/complaints/${encodeURIComponent(c.reference)}`}>
                  <bdi>{c.reference}</bdi>
                </Link>{' '}
                ({t('case.stage', { stage: c.stage })})
              </>
            ),
          },
          {
            key: 'service',
            question: t('commitments.columns.service'),
            answer: c.serviceArea ? t(`serviceAreas.${c.serviceArea}`, { defaultValue: c.serviceArea }) : '',
          },
          { key: 'owner', question: t('commitments.columns.owner'), answer: c.owner },
          { key: 'handler', question: t('commitments.detail.handler'), answer: c.handlerName ?? t('case.unassigned') },
          {
            key: 'due',
            question: t('commitments.columns.due'),
            answer: (
              <>
                {c.dueOn}
                {c.originalDueOn ? (
                  <>
                    <br />
                    <span className="hint">{t('commitments.originally', { date: c.originalDueOn })}</span>
                  </>
                ) : null}
              </>
            ),
          },
          {
            key: 'status',
            question: t('commitments.columns.status'),
            answer: (
              <CommitmentStatusTags
                status={c.status}
                overdue={c.overdue}
                cancellationAwaitingApproval={c.cancellationAwaitingApproval}
              />
            ),
          },
          { key: 'risk', question: t('commitments.columns.risk'), answer: <RiskTag risk={c.risk} /> },
          {
            key: 'residentUpdate',
            question: t('commitments.detail.residentUpdate'),
            answer: c.residentUpdate ? (
              <span className="preserve-lines">{c.residentUpdate}</span>
            ) : (
              t('commitments.detail.none')
            ),
          },
          ...(c.evidence
            ? [
                {
                  key: 'evidence',
                  question: t('commitments.detail.evidence'),
                  answer: <span className="preserve-lines">{c.evidence}</span>,
                },
              ]
            : []),
          ...(c.completedOn
            ? [{ key: 'completedOn', question: t('commitments.detail.completedOn'), answer: c.completedOn }]
            : []),
          ...(c.signedOff
            ? [
                {
                  key: 'signedOff',
                  question: t('commitments.detail.signedOff'),
                  answer: t('commitments.detail.signedOffBy', c.signedOff),
                },
              ]
            : []),
          ...(c.cancelReason
            ? [
                {
                  key: 'cancelReason',
                  question: t('commitments.detail.cancelReason'),
                  answer: (
                    <>
                      <span className="preserve-lines">{c.cancelReason}</span>
                      {c.cancelApprovedBy ? (
                        <>
                          <br />
                          <span className="hint">
                            {t('commitments.detail.cancelApprovedBy', { name: c.cancelApprovedBy })}
                          </span>
                        </>
                      ) : null}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      <TrackedActionForms
        kind="commitment"
        action={{
          status: c.status,
          likelihood: c.likelihood,
          impact: c.impact,
          cancellationAwaitingApproval: c.cancellationAwaitingApproval,
        }}
        canUpdate={page.canUpdate}
        canSignOff={page.canSignOff}
        submissionKey={page.submissionKey}
        today={page.today}
        rejected={rejected ?? null}
      />
      <h2 className="heading-m">{t('commitments.history.heading')}</h2>
      {page.history.length === 0 ? (
        <p className="body">{t('commitments.detail.none')}</p>
      ) : (
        <ol className="timeline">
          {page.history.map((event, index) => (
            <li key={index} className="timeline__item">
              <p className="timeline__meta">
                <strong>
                  {t(`commitments.history.actions.${event.action.replace(/^\w+\./, '')}`, {
                    defaultValue: event.action,
                  })}
                </strong>{' '}
                – {event.occurredAt}
                {event.actorName ? ` – ${event.actorName}` : ''}
              </p>
              {[event.details.note, event.details.residentUpdate, event.details.reason, event.details.evidence]
                .filter((text): text is string => typeof text === 'string' && text.length > 0)
                .map((text, i) => (
                  <p key={i} className="body preserve-lines">
                    {text}
                  </p>
                ))}
              {event.revised ? <p className="body">{t('commitments.history.revised', event.revised)}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
