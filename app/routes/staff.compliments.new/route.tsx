import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, Radios, Select, TextArea, TextInput } from '~/components/form'
import { serviceAreas } from '~/domain/complaints/status'
import { staffComplimentSources, validateStaffCompliment } from '~/domain/compliments'
import { cleanLine, cleanText } from '~/domain/text'
import { londonDate } from '~/domain/working-days'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { recordCompliment } from '~/server/compliments.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { newSubmissionKey, submittedKey } from '~/server/submissions.server'

// Whoever takes a resident's call or letter records a compliment, as they would a note.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'complaint:note')
  const t = await getFixedT(request, 'staff')
  return {
    title: t('compliments.new.title'),
    backHref: '/staff/compliments',
    today: londonDate(new Date()),
    submissionKey: newSubmissionKey(),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'complaint:note')
  const form = await readForm(request)
  const input = {
    source: single(form, 'source') ?? '',
    serviceArea: single(form, 'serviceArea') ?? '',
    aboutWhom: cleanLine(single(form, 'aboutWhom')).slice(0, 200),
    message: cleanText(single(form, 'message')).slice(0, 5000),
    fromName: cleanLine(single(form, 'fromName')).slice(0, 200),
    receivedOn: cleanLine(single(form, 'receivedOn')),
  }
  const checked = validateStaffCompliment(input, londonDate(new Date()))
  if (!checked.ok) return rejectForm(context, { errors: checked.errors, values: input })
  await recordCompliment(database(), {
    ...checked.value,
    submissionKey: submittedKey(single(form, 'submissionKey')),
    recordedBy: staff.id,
    requestId: context.requestId,
  })
  return redirect('/staff/compliments?done=recorded')
}

export default function NewComplimentPage() {
  const { title, today, submissionKey } = useLoaderData<typeof loader>()
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
            name="source"
            legend={t('compliments.new.source')}
            error={rejected?.errors.source}
            defaultValue={value('source')}
            choices={staffComplimentSources.map((source) => ({
              value: source,
              label: t(`compliments.sources.${source}`),
            }))}
          />
          <TextArea
            name="message"
            label={t('compliments.new.message')}
            hint={t('compliments.new.messageHint')}
            error={rejected?.errors.message}
            defaultValue={value('message')}
            rows={5}
          />
          <Select
            name="serviceArea"
            label={t('compliments.new.serviceArea')}
            error={rejected?.errors.serviceArea}
            defaultValue={value('serviceArea') ?? ''}
            options={[
              { value: '', label: t('compliments.new.notSaid') },
              ...serviceAreas.map((area) => ({ value: area, label: t(`serviceAreas.${area}`) })),
            ]}
          />
          <TextInput
            name="aboutWhom"
            label={t('compliments.new.aboutWhom')}
            hint={t('compliments.new.aboutWhomHint')}
            error={rejected?.errors.aboutWhom}
            defaultValue={value('aboutWhom')}
          />
          <TextInput
            name="fromName"
            label={t('compliments.new.fromName')}
            error={rejected?.errors.fromName}
            defaultValue={value('fromName')}
            autoComplete="off"
          />
          <TextInput
            type="date"
            name="receivedOn"
            label={t('compliments.new.receivedOn')}
            error={rejected?.errors.receivedOn}
            defaultValue={value('receivedOn') ?? today}
            width="10"
          />
          <Button>{t('compliments.new.submit')}</Button>
        </Form>
      </div>
    </div>
  )
}
