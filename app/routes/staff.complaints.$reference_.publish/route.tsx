import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, Radios, Select, TextArea } from '~/components/form'
import { parseComplaintReference } from '~/domain/complaints/reference'
import { serviceAreas } from '~/domain/complaints/status'
import { summaryOutcomes } from '~/domain/panel'
import { cleanText } from '~/domain/text'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { complaintForSummary, draftSummary } from '~/server/panel.server'
import { newSubmissionKey, submittedKey } from '~/server/submissions.server'

// The draft form starts empty: nothing from the case is copied in, so nothing identifying can be
// carried over by accident. The domain check refuses the resident's details and any reference.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'complaint:view')
  const reference = parseComplaintReference(params.reference ?? '')
  const complaint = reference ? await complaintForSummary(database(), reference) : null
  if (!complaint) throw new Response('Not found', { status: 404 })
  const t = await getFixedT(request, 'staff')
  return {
    title: t('panel.draft.title', { reference: complaint.reference }),
    backHref: `/staff/complaints/${encodeURIComponent(complaint.reference)}`,
    state: complaint.existing
      ? complaint.existing.publishedAt
        ? ('published' as const)
        : ('drafted' as const)
      : complaint.status === 'closed'
        ? ('open' as const)
        : ('notClosed' as const),
    submissionKey: newSubmissionKey(),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'complaint:view')
  const reference = parseComplaintReference(params.reference ?? '')
  if (!reference) throw new Response('Not found', { status: 404 })
  const form = await readForm(request)
  const summary = {
    serviceArea: single(form, 'serviceArea') ?? '',
    outcome: single(form, 'outcome') ?? '',
    summary: cleanText(single(form, 'summary')).slice(0, 5000),
    learning: cleanText(single(form, 'learning')).slice(0, 5000),
  }
  const result = await draftSummary(database(), {
    reference,
    summary,
    staffId: staff.id,
    submissionKey: submittedKey(single(form, 'submissionKey')),
    requestId: context.requestId,
  })
  if (!result.ok) {
    if ('notFound' in result) throw new Response('Not found', { status: 404 })
    return rejectForm(context, { errors: result.errors, values: summary }, result.status)
  }
  return redirect(`/staff/complaints/${encodeURIComponent(reference)}/publish`)
}

export default function DraftPanelSummaryPage() {
  const { title, state, submissionKey } = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const value = (name: string) => {
    const v = rejected?.values[name]
    return typeof v === 'string' ? v : undefined
  }
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={rejected?.errors} />
        <h1 className="heading-l">{title}</h1>
        {state !== 'open' ? (
          <div className="notice" role="status">
            <p className="body">{t(`panel.draft.states.${state}`)}</p>
          </div>
        ) : (
          <>
            <div className="notice">
              <p className="body">{t('panel.draft.intro')}</p>
            </div>
            <Form method="post" noValidate>
              <input type="hidden" name="submissionKey" value={submissionKey} />
              <Select
                name="serviceArea"
                label={t('panel.fields.serviceArea')}
                error={rejected?.errors.serviceArea}
                defaultValue={value('serviceArea') ?? ''}
                options={[
                  { value: '', label: t('panel.draft.chooseServiceArea') },
                  ...serviceAreas.map((area) => ({ value: area, label: t(`serviceAreas.${area}`) })),
                ]}
              />
              <Radios
                name="outcome"
                legend={t('panel.fields.outcome')}
                error={rejected?.errors.outcome}
                defaultValue={value('outcome')}
                choices={summaryOutcomes.map((o) => ({ value: o, label: t(`panel.outcomes.${o}`) }))}
              />
              <TextArea
                name="summary"
                label={t('panel.fields.summary')}
                hint={t('panel.draft.summaryHint')}
                error={rejected?.errors.summary}
                defaultValue={value('summary')}
                rows={6}
              />
              <TextArea
                name="learning"
                label={t('panel.fields.learning')}
                hint={t('panel.draft.learningHint')}
                error={rejected?.errors.learning}
                defaultValue={value('learning')}
                rows={4}
              />
              <Button>{t('panel.draft.submit')}</Button>
            </Form>
          </>
        )}
      </div>
    </div>
  )
}
