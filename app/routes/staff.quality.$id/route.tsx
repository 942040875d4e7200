import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, Radios, TextArea } from '~/components/form'
import {
  canReview,
  checklistAnswers,
  checklistItems,
  checklistPoints,
  codeChecklistItems,
  handlingChecklistItems,
  redact,
  redactionKinds,
  reviewPassed,
  validateReview,
  type ChecklistItem,
} from '~/domain/quality'
import { cleanText } from '~/domain/text'
import { londonDate } from '~/domain/working-days'
import { directionOf, htmlLangOf } from '~/i18n/config'
import { formatDate, formatNumber } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { recordView } from '~/server/audit.server'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { loadQaSettings, sampledResponse, saveReview } from '~/server/quality.server'
import { newSubmissionKey, submittedKey } from '~/server/submissions.server'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'qa:review')
  const db = database()
  const sampled = await sampledResponse(db, params.id ?? '')
  if (!sampled) throw new Response('Not found', { status: 404 })
  // The reviewer reads the response (redacted), still a view of the case: audited like any other.
  await recordView(db, {
    staffId: staff.id,
    entityType: 'complaint',
    entityId: sampled.review.complaintId,
    requestId: context.requestId,
  })
  const [locale, qa] = await Promise.all([getLocale(request), loadQaSettings(db)])
  const t = await getFixedT(locale, 'staff')
  const labels = Object.fromEntries(redactionKinds.map((kind) => [kind, t(`quality.redacted.${kind}`)])) as Record<
    (typeof redactionKinds)[number],
    string
  >
  const hide = (text: string) => redact(text, sampled.personal, labels)
  const { review } = sampled
  const answers = (review.answers ?? {}) as Partial<Record<ChecklistItem, string>>
  return {
    title: t('quality.reviewTitle', { stage: review.stage }),
    backHref: `/staff/quality?month=${review.sampleMonth}`,
    ownResponse: !canReview(staff.id, review.handlerId),
    submissionKey: newSubmissionKey(),
    facts: {
      stage: review.stage,
      handler: sampled.handlerName,
      respondedOn: sampled.stage?.respondedOn ? formatDate(sampled.stage.respondedOn, locale) : null,
      responseDue: sampled.stage?.responseDue ? formatDate(sampled.stage.responseDue, locale) : null,
      extensionWorkingDays: sampled.stage?.extensionWorkingDays ?? 0,
      outcome: sampled.stage?.outcome ?? null,
      adjustments: sampled.adjustments.map((a) => ({ kind: a.kind, detail: a.detail ? hide(a.detail) : null })),
    },
    letter: sampled.letter
      ? {
          subject: hide(sampled.letter.subject),
          body: hide(sampled.letter.bodyText),
          lang: htmlLangOf(sampled.letter.language),
          dir: directionOf(sampled.letter.language),
        }
      : null,
    reviewed: review.reviewedOn
      ? {
          on: formatDate(review.reviewedOn, locale),
          by: sampled.reviewerName,
          score: review.scoreTenths === null ? null : formatNumber(review.scoreTenths / 10, locale),
          criticalFail: review.criticalFail ?? false,
          passed: reviewPassed(review, qa.passMark),
        }
      : null,
    answers,
    feedback: review.feedback ?? '',
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'qa:review')
  const form = await readForm(request)
  const checked = validateReview({
    answers: Object.fromEntries(checklistItems.map((item) => [item, single(form, item)])),
    feedback: cleanText(single(form, 'feedback')).slice(0, 5000),
  })
  if (!checked.ok) return rejectForm(context, { errors: checked.errors, values: form })
  const db = database()
  const qa = await loadQaSettings(db)
  const id = params.id ?? ''
  const saved = await saveReview(db, {
    id,
    reviewerId: staff.id,
    answers: checked.answers,
    feedback: checked.feedback,
    passMark: qa.passMark,
    today: londonDate(new Date()),
    submissionKey: submittedKey(single(form, 'submissionKey')),
    requestId: context.requestId,
  })
  if (!saved.ok && saved.refusal === 'notFound') throw new Response('Not found', { status: 404 })
  if (!saved.ok)
    return rejectForm(context, { errors: { R1: { key: 'staff-errors:quality.ownResponse' } }, values: form }, 409)
  const sampled = await sampledResponse(db, id)
  return redirect(`/staff/quality?month=${sampled?.review.sampleMonth ?? ''}&reviewed=1`)
}

export default function ReviewPage() {
  const { title, ownResponse, submissionKey, facts, letter, reviewed, answers, feedback } =
    useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const value = (name: string) => {
    const v = rejected?.values[name]
    return typeof v === 'string' ? v : undefined
  }
  const item = (name: ChecklistItem) => (
    <Radios
      key={name}
      name={name}
      legend={t(`quality.items.${name}.label`)}
      hint={t('quality.itemHint', { hint: t(`quality.items.${name}.hint`), points: checklistPoints[name] })}
      error={rejected?.errors[name]}
      defaultValue={value(name) ?? answers[name]}
      choices={checklistAnswers.map((answer) => ({ value: answer, label: t(`quality.answers.${answer}`) }))}
    />
  )
  return (
    <>
      <ErrorSummary errors={rejected?.errors} />
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t('quality.redactedIntro')}</p>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('quality.columns.handler')}</dt>
          <dd className="summary-list__value">{facts.handler ?? t('quality.noHandler')}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('quality.columns.respondedOn')}</dt>
          <dd className="summary-list__value">{facts.respondedOn ?? '–'}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('quality.responseDue')}</dt>
          <dd className="summary-list__value">
            {facts.responseDue ?? '–'}
            {facts.extensionWorkingDays > 0 ? ` (${t('quality.extended', { count: facts.extensionWorkingDays })})` : ''}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('quality.outcome')}</dt>
          <dd className="summary-list__value">{facts.outcome ? t(`decisions.${facts.outcome}`) : '–'}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('quality.adjustments')}</dt>
          <dd className="summary-list__value">
            {facts.adjustments.length === 0
              ? t('quality.noAdjustments')
              : facts.adjustments
                  .map((a) => `${t(`adjustments.${a.kind}`)}${a.detail ? ` (${a.detail})` : ''}`)
                  .join(', ')}
          </dd>
        </div>
      </dl>
      <h2 className="heading-m">{t('quality.letterHeading')}</h2>
      {letter ? (
        <div className="letter-sheet" lang={letter.lang} dir={letter.dir}>
          <p className="body">
            <strong>{letter.subject}</strong>
          </p>
          <div className="letter-text">{letter.body}</div>
        </div>
      ) : (
        <p className="body">{t('quality.noLetter')}</p>
      )}
      {reviewed ? (
        <div className="notice" role="note">
          <p className="body">
            {t('quality.reviewedBy', { date: reviewed.on, name: reviewed.by ?? '–' })}{' '}
            {reviewed.score === null ? t('quality.noData') : t('quality.scoreIs', { score: reviewed.score })}{' '}
            {t(`quality.results.${reviewed.criticalFail ? 'critical' : reviewed.passed ? 'pass' : 'fail'}`)}
          </p>
        </div>
      ) : null}
      {ownResponse ? (
        <div className="notice notice--warning" role="note">
          <p className="body">{t('quality.ownResponse')}</p>
        </div>
      ) : (
        <Form method="post" noValidate>
          <input type="hidden" name="submissionKey" value={submissionKey} />
          <h2 className="heading-m">{t('quality.codeHeading')}</h2>
          {codeChecklistItems.map(item)}
          <h2 className="heading-m">{t('quality.handlingHeading')}</h2>
          {handlingChecklistItems.map(item)}
          <TextArea
            name="feedback"
            label={t('quality.feedback')}
            hint={t('quality.feedbackHint')}
            error={rejected?.errors.feedback}
            defaultValue={value('feedback') ?? feedback}
            rows={5}
          />
          <Button>{reviewed ? t('quality.saveRevised') : t('quality.save')}</Button>
        </Form>
      )}
    </>
  )
}
