import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, TextInput } from '~/components/form'
import { parseComplaintReference } from '~/domain/complaints/reference'
import { cleanContractor, validateMinutes } from '~/domain/reports'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { formatNumber } from '~/i18n/format'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { knownContractors, loadAttribution, saveAttribution } from '~/server/reports.server'
import { newSubmissionKey, submittedKey } from '~/server/submissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'complaint:assign')
  const reference = parseComplaintReference(params.reference ?? '')
  const db = database()
  const complaint = reference ? await loadAttribution(db, reference) : null
  if (!complaint) throw new Response('Not found', { status: 404 })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const contractors = await knownContractors(db)
  return {
    title: t('reports.attribution.title', { reference: complaint.reference }),
    backHref: `/staff/complaints/${encodeURIComponent(complaint.reference)}`,
    contractor: complaint.contractor ?? '',
    minutes: formatNumber(complaint.handlingMinutes, locale),
    contractors: contractors.join(', '),
    saved: new URL(request.url).searchParams.get('done') === 'saved',
    submissionKey: newSubmissionKey(),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'complaint:assign')
  const reference = parseComplaintReference(params.reference ?? '')
  if (!reference) throw new Response('Not found', { status: 404 })
  const form = await readForm(request)
  const values = { contractor: single(form, 'contractor') ?? '', addMinutes: single(form, 'addMinutes') ?? '' }
  const minutes = validateMinutes(values.addMinutes)
  if (!minutes.ok) return rejectForm(context, { errors: { addMinutes: { key: minutes.key } }, values })
  const result = await saveAttribution(database(), {
    reference,
    contractor: cleanContractor(values.contractor),
    addMinutes: minutes.minutes,
    submissionKey: submittedKey(single(form, 'submissionKey')),
    staffId: staff.id,
    requestId: context.requestId,
  })
  if (result === 'not_found') throw new Response('Not found', { status: 404 })
  return redirect(`/staff/complaints/${encodeURIComponent(reference)}/contractor?done=saved`)
}

export default function AttributionPage() {
  const data = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const value = (name: string) => {
    const v = rejected?.values[name]
    return typeof v === 'string' ? v : undefined
  }
  return (
    <>
      <ErrorSummary errors={rejected?.errors} />
      <p className="body">
        <Link className="link" to={data.backHref}>
          {t('reports.attribution.back')}
        </Link>
      </p>
      <h1 className="heading-l">{data.title}</h1>
      {data.saved ? (
        <div className="notice" role="status">
          <p className="body">{t('reports.attribution.saved')}</p>
        </div>
      ) : null}
      <p className="body">{t('reports.attribution.recorded', { minutes: data.minutes })}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="submissionKey" value={data.submissionKey} />
        <TextInput
          name="contractor"
          label={t('reports.attribution.contractor')}
          hint={
            data.contractors
              ? t('reports.attribution.contractorHintKnown', { contractors: data.contractors })
              : t('reports.attribution.contractorHint')
          }
          defaultValue={value('contractor') ?? data.contractor}
          autoComplete="off"
        />
        <TextInput
          name="addMinutes"
          inputMode="numeric"
          label={t('reports.attribution.addMinutes')}
          hint={t('reports.attribution.addMinutesHint')}
          error={rejected?.errors.addMinutes}
          defaultValue={value('addMinutes')}
          width="5"
        />
        <Button>{t('reports.attribution.submit')}</Button>
      </Form>
    </>
  )
}
