import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, Radios, TextArea, TextInput } from '~/components/form'
import { externalCaseKinds, validateNewCase } from '~/domain/external-cases'
import { cleanLine, cleanText } from '~/domain/text'
import { londonDate } from '~/domain/working-days'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { createExternalCase } from '~/server/external-cases.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { newSubmissionKey, submittedKey } from '~/server/submissions.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'external:manage')
  const t = await getFixedT(request, 'staff')
  return {
    title: t('external.new.title'),
    backHref: '/staff/external',
    submissionKey: newSubmissionKey(),
    // Opened from a complaint's page: its reference is filled in (staff can still change it).
    complaintReference: cleanLine(new URL(request.url).searchParams.get('complaint')).slice(0, 40),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'external:manage')
  const form = await readForm(request)
  const input = {
    kind: single(form, 'kind') ?? '',
    theirReference: cleanLine(single(form, 'theirReference')).slice(0, 100),
    openedOn: single(form, 'openedOn') ?? '',
    complaintReference: cleanLine(single(form, 'complaintReference')).slice(0, 40),
    notes: cleanText(single(form, 'notes')).slice(0, 5000),
  }
  const now = new Date()
  const checked = validateNewCase(input, londonDate(now))
  if (!checked.ok) return rejectForm(context, { errors: checked.errors, values: input })
  const result = await createExternalCase(database(), {
    value: checked.value,
    staffId: staff.id,
    submissionKey: submittedKey(single(form, 'submissionKey')),
    requestId: context.requestId,
    now,
  })
  if (!result.ok) {
    if ('notFound' in result) throw new Response('Not found', { status: 404 })
    return rejectForm(context, { errors: result.errors, values: input }, result.status)
  }
  return redirect(`/staff/external/${result.id}`)
}

export default function NewExternalCasePage() {
  const { title, submissionKey, complaintReference } = useLoaderData<typeof loader>()
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
        <Form method="post" noValidate>
          <input type="hidden" name="submissionKey" value={submissionKey} />
          <Radios
            name="kind"
            legend={t('external.new.kind')}
            error={rejected?.errors.kind}
            defaultValue={value('kind')}
            choices={externalCaseKinds.map((kind) => ({ value: kind, label: t(`external.kinds.${kind}`) }))}
          />
          <TextInput
            name="theirReference"
            label={t('external.new.theirReference')}
            hint={t('external.new.theirReferenceHint')}
            error={rejected?.errors.theirReference}
            defaultValue={value('theirReference')}
            width="20"
          />
          <TextInput
            type="date"
            name="openedOn"
            label={t('external.new.openedOn')}
            hint={t('external.new.openedOnHint')}
            error={rejected?.errors.openedOn}
            defaultValue={value('openedOn')}
            width="10"
          />
          <TextInput
            name="complaintReference"
            label={t('external.new.complaintReference')}
            hint={t('external.new.complaintReferenceHint')}
            error={rejected?.errors.complaintReference}
            defaultValue={value('complaintReference') ?? complaintReference}
            width="20"
            spellCheck={false}
          />
          <TextArea
            name="notes"
            label={t('external.new.notes')}
            error={rejected?.errors.notes}
            defaultValue={value('notes')}
            rows={4}
          />
          <Button>{t('external.new.submit')}</Button>
        </Form>
      </div>
    </div>
  )
}
