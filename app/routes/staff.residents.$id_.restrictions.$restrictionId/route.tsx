import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, TextArea, TextInput } from '~/components/form'
import { defaultReviewOn, validateRenewal } from '~/domain/conduct'
import { cleanText } from '~/domain/text'
import { londonDate } from '~/domain/working-days'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { endRestriction, renewRestriction, restrictionsOf } from '~/server/conduct.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'

async function restrictionFor(residentId: string, restrictionId: string) {
  if (!/^[0-9a-f-]{36}$/.test(residentId)) return null
  const all = await restrictionsOf(database(), residentId, londonDate(new Date()))
  return all.find((r) => r.id === restrictionId && !r.endedOn) ?? null
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'conduct:manage')
  const restriction = await restrictionFor(params.id ?? '', params.restrictionId ?? '')
  if (!restriction) throw new Response('Not found', { status: 404 })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  return {
    title: t('conduct.reviewTitle'),
    backHref: `/staff/residents/${restriction.residentId}`,
    restriction: {
      kind: restriction.kind,
      behaviour: restriction.behaviour,
      restriction: restriction.restriction,
      reviewOn: formatDate(restriction.reviewOn, locale),
      state: restriction.state,
    },
    nextReviewOn: defaultReviewOn(londonDate(new Date())),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'conduct:manage')
  const form = await readForm(request)
  const residentId = params.id ?? ''
  const restrictionId = params.restrictionId ?? ''
  if (!(await restrictionFor(residentId, restrictionId))) throw new Response('Not found', { status: 404 })
  const today = londonDate(new Date())
  if (single(form, 'intent') === 'end') {
    const reason = cleanText(single(form, 'reason')).slice(0, 2000)
    if (!reason)
      return rejectForm(context, {
        errors: { reason: { key: 'staff-errors:conduct.endReasonRequired' } },
        values: form,
      })
    await endRestriction(database(), {
      residentId,
      restrictionId,
      reason,
      staffId: staff.id,
      today,
      requestId: context.requestId,
    })
    return redirect(`/staff/residents/${residentId}?done=restrictionEnded`)
  }
  const reviewOn = single(form, 'reviewOn') ?? ''
  const errors = validateRenewal(reviewOn, today)
  if (Object.keys(errors).length > 0) return rejectForm(context, { errors, values: form })
  await renewRestriction(database(), {
    residentId,
    restrictionId,
    reviewOn,
    staffId: staff.id,
    requestId: context.requestId,
  })
  return redirect(`/staff/residents/${residentId}?done=restrictionRenewed`)
}

export default function ReviewRestrictionPage() {
  const { title, restriction, nextReviewOn } = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const value = (name: string) => {
    const v = rejected?.values[name]
    return typeof v === 'string' ? v : undefined
  }
  return (
    <>
      <ErrorSummary errors={rejected?.errors} />
      <h1 className="heading-l">{title}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('conduct.kind')}</dt>
          <dd className="summary-list__value">{t(`conduct.kinds.${restriction.kind}`)}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('conduct.behaviour')}</dt>
          <dd className="summary-list__value preserve-lines">{restriction.behaviour}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('conduct.restriction')}</dt>
          <dd className="summary-list__value preserve-lines">{restriction.restriction}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('conduct.reviewOn')}</dt>
          <dd className="summary-list__value">
            {restriction.reviewOn} – {t(`conduct.states.${restriction.state}`)}
          </dd>
        </div>
      </dl>
      <h2 className="heading-m">{t('conduct.renewHeading')}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="renew" />
        <TextInput
          type="date"
          name="reviewOn"
          label={t('conduct.nextReviewOn')}
          hint={t('conduct.reviewOnHint')}
          error={rejected?.errors.reviewOn}
          defaultValue={value('reviewOn') ?? nextReviewOn}
          width="10"
        />
        <Button variant="secondary">{t('conduct.renew')}</Button>
      </Form>
      <h2 className="heading-m">{t('conduct.endHeading')}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="end" />
        <TextArea
          name="reason"
          label={t('conduct.endReason')}
          error={rejected?.errors.reason}
          defaultValue={value('reason')}
          rows={3}
        />
        <Button>{t('conduct.end')}</Button>
      </Form>
    </>
  )
}
