import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CommitmentStatusTags, RiskTag } from '~/components/commitment-tags'
import { Button, ErrorSummary, SummaryList, TextArea } from '~/components/form'
import { TrackedActionForms } from '~/components/tracked-action-forms'
import {
  commandFromForm,
  isOverdue,
  riskRating,
  trackedIntents,
  type CommitmentStatus,
  type TrackedIntent,
} from '~/domain/commitments'
import { publicationState } from '~/domain/learning'
import { can, type StaffAction } from '~/domain/permissions'
import { cleanText } from '~/domain/text'
import { londonDate } from '~/domain/working-days'
import { formatDate, formatDateTime } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { loadImprovement, publishImprovement, saveYouSaidWeDid, updateImprovement } from '~/server/learning.server'
import { newSubmissionKey, submittedKey } from '~/server/submissions.server'

/** Handlers report and complete; managers sign off, cancel and publish. No revised dates here (SMART). */
const permissionFor: Partial<Record<TrackedIntent, StaffAction>> = {
  progress: 'learning:record',
  risk: 'learning:record',
  complete: 'learning:record',
  sign_off: 'improvement:manage',
  return: 'improvement:manage',
  cancel: 'improvement:manage',
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'learning:record')
  const action = await loadImprovement(database(), params.id ?? '')
  if (!action) throw new Response('Not found', { status: 404 })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const today = londonDate(new Date())
  const status = action.status as CommitmentStatus
  return {
    title: t('learning.improvement.title'),
    backHref: action.reference
      ? `/staff/complaints/${encodeURIComponent(action.reference)}/learning`
      : '/staff/learning',
    done: new URL(request.url).searchParams.get('done'),
    submissionKey: newSubmissionKey(),
    today,
    canUpdate: can(staff, 'learning:record'),
    canManage: can(staff, 'improvement:manage'),
    action: {
      reference: action.reference,
      kind: action.kind,
      description: action.description,
      owner: action.owner,
      measure: action.measure,
      dueOn: formatDate(action.dueOn, locale),
      status,
      overdue: isOverdue({ status, dueOn: action.dueOn }, today),
      evidence: action.evidence,
      completedOn: action.completedOn ? formatDate(action.completedOn, locale) : null,
      likelihood: action.likelihood,
      impact: action.impact,
      risk: riskRating(action.likelihood, action.impact),
      youSaid: action.youSaid,
      weDid: action.weDid,
      publication: publicationState(action),
      published:
        action.publishedByName && action.publishedAt
          ? { by: action.publishedByName, at: formatDateTime(action.publishedAt, locale) }
          : null,
    },
    history: action.history.map((event) => ({ ...event, occurredAt: formatDateTime(event.occurredAt, locale) })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'learning:record')
  const form = await readForm(request)
  const intent = single(form, 'intent')
  const id = params.id ?? ''
  const db = database()
  const now = new Date()
  let result
  if (intent === 'you_said') {
    result = await saveYouSaidWeDid(db, {
      id,
      youSaid: cleanText(single(form, 'youSaid') ?? ''),
      weDid: cleanText(single(form, 'weDid') ?? ''),
      staffId: staff.id,
      now,
      requestId: context.requestId,
    })
  } else if (intent === 'publish') {
    if (!can(staff, 'improvement:manage')) throw new Response('Forbidden', { status: 403 })
    result = await publishImprovement(db, {
      id,
      actor: { id: staff.id, canPublish: true },
      now,
      requestId: context.requestId,
    })
  } else {
    const tracked = trackedIntents.find((i) => i === intent)
    const permission = tracked ? permissionFor[tracked] : undefined
    if (!tracked || !permission) throw new Response('Bad request', { status: 400 })
    if (!can(staff, permission)) throw new Response('Forbidden', { status: 403 })
    const canSignOff = can(staff, 'improvement:manage')
    result = await updateImprovement(db, {
      id,
      command: commandFromForm(tracked, form, { today: londonDate(now), by: { id: staff.id, canSignOff } }),
      staffId: staff.id,
      submissionKey: submittedKey(single(form, 'submissionKey')),
      now,
      requestId: context.requestId,
    })
  }
  if (!result.ok) {
    if ('notFound' in result) throw new Response('Not found', { status: 404 })
    return rejectForm(context, { errors: result.errors, values: form }, result.status)
  }
  return redirect(`/staff/learning/improvements/${id}?done=${intent}`)
}

export default function ImprovementPage() {
  const page = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const a = page.action
  const errors = rejected?.errors ?? {}
  const value = (name: string, fallback: string | null) => {
    const v = rejected?.values[name]
    return typeof v === 'string' ? v : (fallback ?? undefined)
  }
  return (
    <>
      <ErrorSummary errors={rejected?.errors} />
      {page.done ? (
        <div className="notice" role="status">
          <p className="body">{t(`commitments.done.${page.done}`, { defaultValue: '' })}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{page.title}</h1>
      <SummaryList
        rows={[
          {
            key: 'description',
            question: t('learning.improvements.description'),
            answer: <span className="preserve-lines">{a.description}</span>,
          },
          {
            key: 'kind',
            question: t('learning.improvements.kind'),
            answer: t(`learning.kinds.${a.kind}`, { defaultValue: a.kind }),
          },
          ...(a.reference
            ? [
                {
                  key: 'complaint',
                  question: t('learning.log.columns.complaint'),
                  answer: (
                    <Link className="link" to={`/staff/complaints/${encodeURIComponent(a.reference)}`}>
                      <bdi>{a.reference}</bdi>
                    </Link>
                  ),
                },
              ]
            : []),
          { key: 'owner', question: t('learning.improvements.owner'), answer: a.owner },
          {
            key: 'measure',
            question: t('learning.improvements.measure'),
            answer: <span className="preserve-lines">{a.measure}</span>,
          },
          { key: 'due', question: t('learning.improvements.dueOn'), answer: a.dueOn },
          {
            key: 'status',
            question: t('commitments.columns.status'),
            answer: <CommitmentStatusTags status={a.status} overdue={a.overdue} />,
          },
          { key: 'risk', question: t('commitments.columns.risk'), answer: <RiskTag risk={a.risk} /> },
          ...(a.evidence
            ? [
                {
                  key: 'evidence',
                  question: t('commitments.detail.evidence'),
                  answer: <span className="preserve-lines">{a.evidence}</span>,
                },
              ]
            : []),
          ...(a.completedOn
            ? [{ key: 'completedOn', question: t('commitments.detail.completedOn'), answer: a.completedOn }]
            : []),
        ]}
      />
      <TrackedActionForms
        kind="improvement"
        action={{ status: a.status, likelihood: a.likelihood, impact: a.impact, cancellationAwaitingApproval: false }}
        canUpdate={page.canUpdate}
        canSignOff={page.canManage}
        submissionKey={page.submissionKey}
        today={page.today}
        rejected={rejected ?? null}
      />

      <section aria-labelledby="you-said-heading">
        <h2 className="heading-m" id="you-said-heading">
          {t('learning.youSaid.heading')}
        </h2>
        <p className="body">
          <strong className={a.publication === 'published' ? 'tag tag--green' : 'tag'}>
            {t(`learning.youSaid.states.${a.publication}`)}
          </strong>{' '}
          {a.published ? t('learning.youSaid.publishedBy', a.published) : null}
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="you_said" />
          <TextArea
            name="youSaid"
            label={t('learning.youSaid.youSaid')}
            hint={t('learning.youSaid.youSaidHint')}
            error={errors.youSaid}
            defaultValue={value('youSaid', a.youSaid)}
            rows={3}
          />
          <TextArea
            name="weDid"
            label={t('learning.youSaid.weDid')}
            hint={t('learning.youSaid.weDidHint')}
            error={errors.weDid}
            defaultValue={value('weDid', a.weDid)}
            rows={3}
          />
          <Button variant="secondary">{t('learning.youSaid.save')}</Button>
        </Form>
        {page.canManage && a.publication === 'awaiting_approval' ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="publish" />
            {a.status !== 'done' ? <p className="body">{t('learning.youSaid.notDoneYet')}</p> : null}
            <Button id="publish">{t('learning.youSaid.publish')}</Button>
          </Form>
        ) : null}
      </section>

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
              {[event.details.note, event.details.reason, event.details.evidence]
                .filter((text): text is string => typeof text === 'string' && text.length > 0)
                .map((text, i) => (
                  <p key={i} className="body preserve-lines">
                    {text}
                  </p>
                ))}
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
