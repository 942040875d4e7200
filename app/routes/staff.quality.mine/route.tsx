import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/form'
import { checklistItems, reviewPassed, type ChecklistItem } from '~/domain/quality'
import { formatDate, formatMonth, formatNumber } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, single } from '~/server/forms.server'
import { feedbackFor, loadQaSettings, markFeedbackSeen } from '~/server/quality.server'

// Any case worker sees the quality reviews of the responses they handled, and nobody else's.
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'complaint:view')
  const db = database()
  const [locale, qa, reviews] = await Promise.all([getLocale(request), loadQaSettings(db), feedbackFor(db, staff.id)])
  const t = await getFixedT(locale, 'staff')
  return {
    title: t('quality.mineTitle'),
    reviews: reviews.map((review) => {
      const answers = (review.answers ?? {}) as Partial<Record<ChecklistItem, string>>
      return {
        id: review.id,
        reference: review.reference,
        stage: review.stage,
        month: formatMonth(review.sampleMonth, locale),
        reviewedOn: review.reviewedOn ? formatDate(review.reviewedOn, locale) : '',
        reviewer: review.reviewerName,
        score: review.scoreTenths === null ? null : formatNumber(review.scoreTenths / 10, locale),
        result: review.criticalFail ? 'critical' : reviewPassed(review, qa.passMark) ? 'pass' : 'fail',
        notMet: checklistItems.filter((item) => answers[item] === 'not_met'),
        feedback: review.feedback,
        seen: review.seenByHandlerAt !== null,
      }
    }),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'complaint:view')
  const form = await readForm(request)
  await markFeedbackSeen(database(), {
    reviewId: single(form, 'reviewId') ?? '',
    handlerId: staff.id,
    now: new Date(),
    requestId: context.requestId,
  })
  return redirect('/staff/quality/mine')
}

export default function MyFeedbackPage() {
  const { title, reviews } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      {reviews.length === 0 ? <p className="body">{t('quality.mineEmpty')}</p> : null}
      {reviews.map((review) => (
        <section key={review.id} aria-labelledby={`review-${review.id}`} className="stage-block">
          <h2 className="heading-m" id={`review-${review.id}`}>
            <Link className="link" to={`/staff/complaints/${encodeURIComponent(review.reference)}`}>
              <bdi>{review.reference}</bdi>
            </Link>{' '}
            – {t('case.stage', { stage: review.stage })}
            {review.seen ? null : (
              <>
                {' '}
                <strong className="tag">{t('quality.new')}</strong>
              </>
            )}
          </h2>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('quality.sampledIn')}</dt>
              <dd className="summary-list__value">{review.month}</dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('quality.reviewed')}</dt>
              <dd className="summary-list__value">
                {t('quality.reviewedBy', { date: review.reviewedOn, name: review.reviewer ?? '–' })}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('quality.columns.score')}</dt>
              <dd className="summary-list__value">
                {review.score ?? t('quality.noData')}{' '}
                <strong className={review.result === 'pass' ? 'tag tag--green' : 'tag tag--red'}>
                  {t(`quality.results.${review.result}`)}
                </strong>
              </dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('quality.notMet')}</dt>
              <dd className="summary-list__value">
                {review.notMet.length === 0 ? (
                  t('quality.allMet')
                ) : (
                  <ul className="list list--bullet">
                    {review.notMet.map((item) => (
                      <li key={item}>{t(`quality.items.${item}.label`)}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('quality.feedback')}</dt>
              <dd className="summary-list__value preserve-lines">{review.feedback ?? '–'}</dd>
            </div>
          </dl>
          {review.seen ? null : (
            <Form method="post">
              <input type="hidden" name="reviewId" value={review.id} />
              <Button variant="secondary">
                {t('quality.markSeen')}
                <span className="visually-hidden"> {t('quality.markSeenHidden', { reference: review.reference })}</span>
              </Button>
            </Form>
          )}
        </section>
      ))}
    </>
  )
}
