import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CommitmentStatusTags, RiskTag } from '~/components/commitment-tags'
import { Button, ErrorSummary, Radios, Select, TextArea, TextInput } from '~/components/form'
import { isOverdue, riskRating, type CommitmentStatus } from '~/domain/commitments'
import { parseComplaintReference } from '~/domain/complaints/reference'
import { improvementKinds, rootCauses, validateImprovement } from '~/domain/learning'
import { can } from '~/domain/permissions'
import { cleanText } from '~/domain/text'
import { londonDate } from '~/domain/working-days'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { addImprovement, approveLearning, loadLearning, saveLearning } from '~/server/learning.server'
import { newSubmissionKey, submittedKey } from '~/server/submissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'learning:record')
  const reference = parseComplaintReference(params.reference ?? '')
  const learning = reference ? await loadLearning(database(), reference) : null
  if (!learning) throw new Response('Not found', { status: 404 })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const today = londonDate(new Date())
  return {
    title: t('learning.entry.title', { reference: learning.complaint.reference }),
    reference: learning.complaint.reference,
    backHref: `/staff/complaints/${encodeURIComponent(learning.complaint.reference)}`,
    done: new URL(request.url).searchParams.get('done'),
    submissionKey: newSubmissionKey(),
    today,
    canApprove: can(staff, 'learning:approve'),
    needed: learning.needed,
    repeat: learning.repeat,
    state: learning.state,
    entry: learning.entry,
    approvedByName: learning.approvedByName,
    improvements: learning.improvements.map((action) => ({
      id: action.id,
      kind: action.kind,
      description: action.description,
      owner: action.owner,
      measure: action.measure,
      dueOn: formatDate(action.dueOn, locale),
      status: action.status,
      overdue: isOverdue({ status: action.status as CommitmentStatus, dueOn: action.dueOn }, today),
      risk: riskRating(action.likelihood, action.impact),
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'learning:record')
  const reference = parseComplaintReference(params.reference ?? '')
  if (!reference) throw new Response('Not found', { status: 404 })
  const form = await readForm(request)
  const text = (name: string) => cleanText(single(form, name) ?? '')
  const intent = single(form, 'intent')
  const db = database()
  const back = `/staff/complaints/${encodeURIComponent(reference)}/learning`
  const actor = { id: staff.id, canApprove: can(staff, 'learning:approve') }
  if (intent === 'learning' || intent === 'no_learning') {
    const result = await saveLearning(db, {
      reference,
      learning: {
        mode: intent,
        rootCause: text('rootCause'),
        analysis: text('analysis'),
        learning: text('learning'),
        noLearningReason: text('noLearningReason'),
      },
      actor,
      now: new Date(),
      requestId: context.requestId,
    })
    if (!result.ok) {
      if ('notFound' in result) throw new Response('Not found', { status: 404 })
      return rejectForm(context, { errors: result.errors, values: form }, result.status)
    }
    return redirect(`${back}?done=${result.complete ? 'complete' : 'awaitingApproval'}`)
  }
  if (intent === 'approve') {
    if (!actor.canApprove) throw new Response('Forbidden', { status: 403 })
    const result = await approveLearning(db, { reference, actor, now: new Date(), requestId: context.requestId })
    if (!result.ok) {
      if ('notFound' in result) throw new Response('Not found', { status: 404 })
      return rejectForm(context, { errors: { approve: { key: result.key } }, values: form }, 409)
    }
    return redirect(`${back}?done=approved`)
  }
  if (intent === 'improvement') {
    const checked = validateImprovement(
      {
        kind: text('kind'),
        description: text('description'),
        owner: text('owner'),
        measure: text('measure'),
        dueOn: text('dueOn'),
      },
      londonDate(new Date()),
    )
    if (!checked.ok) return rejectForm(context, { errors: checked.errors, values: form })
    const result = await addImprovement(db, {
      reference,
      improvement: checked.value,
      staffId: staff.id,
      submissionKey: submittedKey(single(form, 'submissionKey')),
      requestId: context.requestId,
    })
    if (!result.ok) throw new Response('Not found', { status: 404 })
    return redirect(`${back}?done=improvement`)
  }
  throw new Response('Bad request', { status: 400 })
}

export default function LearningEntryPage() {
  const page = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const errors = rejected?.errors ?? {}
  const value = (name: string, fallback?: string | null) => {
    const v = rejected?.values[name]
    return typeof v === 'string' ? v : (fallback ?? undefined)
  }
  const mode = rejected?.values.intent
  const entry = page.entry
  return (
    <>
      <ErrorSummary errors={rejected?.errors} />
      {page.done ? (
        <div className="notice" role="status">
          <p className="body">{t(`learning.done.${page.done}`, { defaultValue: '' })}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{page.title}</h1>
      <div className={page.needed && page.state !== 'complete' ? 'notice notice--warning' : 'notice'} role="note">
        <p className="body">
          <strong className={page.state === 'complete' ? 'tag tag--green' : 'tag'}>
            {t(`learning.states.${page.state}`)}
          </strong>{' '}
          {t(page.needed ? 'learning.entry.needed' : 'learning.entry.notNeeded')}
        </p>
        {page.repeat ? (
          <p className="body">
            <strong className="tag tag--red">{t('learning.repeat')}</strong> {t('learning.entry.repeatHint')}
          </p>
        ) : null}
        {entry?.noLearningReason && entry.approvedBy && page.approvedByName ? (
          <p className="body">{t('learning.entry.approvedBy', { name: page.approvedByName })}</p>
        ) : null}
      </div>

      {page.state === 'awaiting_approval' && page.canApprove ? (
        <section aria-labelledby="approve-heading">
          <h2 className="heading-m" id="approve-heading">
            {t('learning.entry.approveHeading')}
          </h2>
          <p className="body preserve-lines">{entry?.noLearningReason}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="approve" />
            <Button id="approve">{t('learning.entry.approve')}</Button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="learning-heading">
        <h2 className="heading-m" id="learning-heading">
          {t('learning.entry.learningHeading')}
        </h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="learning" />
          <Radios
            name="rootCause"
            legend={t('learning.entry.rootCause')}
            error={mode === 'learning' ? errors.rootCause : undefined}
            defaultValue={mode === 'learning' ? value('rootCause') : (entry?.rootCause ?? undefined)}
            choices={rootCauses.map((cause) => ({ value: cause, label: t(`learning.rootCauses.${cause}`) }))}
          />
          <TextArea
            name="analysis"
            label={t('learning.entry.analysis')}
            hint={t('learning.entry.analysisHint')}
            error={mode === 'learning' ? errors.analysis : undefined}
            defaultValue={mode === 'learning' ? value('analysis') : (entry?.analysis ?? undefined)}
            rows={5}
          />
          <TextArea
            name="learning"
            label={t('learning.entry.learning')}
            hint={t('learning.entry.learningHint')}
            error={errors.learning}
            defaultValue={value('learning', entry?.learning)}
            rows={4}
          />
          <Button>{t('learning.entry.save')}</Button>
        </Form>
      </section>

      <section aria-labelledby="no-learning-heading">
        <h2 className="heading-m" id="no-learning-heading">
          {t('learning.entry.noLearningHeading')}
        </h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="no_learning" />
          <TextArea
            name="noLearningReason"
            label={t('learning.entry.noLearningReason')}
            hint={t(page.canApprove ? 'learning.entry.noLearningHintManager' : 'learning.entry.noLearningHint')}
            error={errors.noLearningReason}
            defaultValue={value('noLearningReason', entry?.noLearningReason)}
            rows={4}
          />
          <Button variant="secondary">{t('learning.entry.saveNoLearning')}</Button>
        </Form>
      </section>

      <section aria-labelledby="improvements-heading">
        <h2 className="heading-m" id="improvements-heading">
          {t('learning.improvements.heading')}
        </h2>
        {page.improvements.length === 0 ? (
          <p className="body">{t('learning.improvements.none')}</p>
        ) : (
          <ul className="list list--bullet">
            {page.improvements.map((action) => (
              <li key={action.id}>
                <Link className="link" to={`/staff/learning/improvements/${action.id}`}>
                  {action.description}
                </Link>{' '}
                – {t(`learning.kinds.${action.kind}`, { defaultValue: action.kind })} –{' '}
                {t('learning.improvements.ownerDue', { owner: action.owner, date: action.dueOn })} –{' '}
                <CommitmentStatusTags status={action.status} overdue={action.overdue} /> <RiskTag risk={action.risk} />
              </li>
            ))}
          </ul>
        )}
        <h3 className="heading-s">{t('learning.improvements.addHeading')}</h3>
        <p className="body">{t('learning.improvements.smart')}</p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="improvement" />
          <input type="hidden" name="submissionKey" value={page.submissionKey} />
          <Select
            name="kind"
            label={t('learning.improvements.kind')}
            error={errors.kind}
            defaultValue={value('kind', 'process')}
            options={improvementKinds.map((kind) => ({ value: kind, label: t(`learning.kinds.${kind}`) }))}
          />
          <TextArea
            name="description"
            label={t('learning.improvements.description')}
            hint={t('learning.improvements.descriptionHint')}
            error={errors.description}
            defaultValue={value('description')}
            rows={3}
          />
          <TextInput
            name="owner"
            label={t('learning.improvements.owner')}
            error={errors.owner}
            defaultValue={value('owner')}
            width="20"
          />
          <TextArea
            name="measure"
            label={t('learning.improvements.measure')}
            hint={t('learning.improvements.measureHint')}
            error={errors.measure}
            defaultValue={value('measure')}
            rows={2}
          />
          <TextInput
            type="date"
            name="dueOn"
            label={t('learning.improvements.dueOn')}
            error={errors.dueOn}
            defaultValue={value('dueOn')}
            width="10"
          />
          <Button variant="secondary">{t('learning.improvements.add')}</Button>
        </Form>
      </section>
    </>
  )
}
