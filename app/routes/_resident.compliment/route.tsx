import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, Select, TextArea, TextInput } from '~/components/form'
import { serviceAreas } from '~/domain/complaints/status'
import { cleanLine, cleanText } from '~/domain/text'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { recordCompliment } from '~/server/compliments.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { newSubmissionKey, submittedKey } from '~/server/submissions.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request, 'resident')
  return {
    title: t('compliment.title'),
    thanks: new URL(request.url).searchParams.get('sent') === '1',
    submissionKey: newSubmissionKey(),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request)
  const message = cleanText(single(form, 'message')).slice(0, 5000)
  const serviceArea = serviceAreas.find((area) => area === single(form, 'serviceArea')) ?? null
  if (!message)
    return rejectForm(context, { errors: { message: { key: 'errors:compliment.messageRequired' } }, values: form })
  await recordCompliment(database(), {
    message,
    serviceArea,
    aboutWhom: cleanLine(single(form, 'aboutWhom')).slice(0, 200) || null,
    fromName: cleanLine(single(form, 'fromName')).slice(0, 200) || null,
    source: 'resident',
    submissionKey: submittedKey(single(form, 'submissionKey')),
    requestId: context.requestId,
  })
  return redirect('/compliment?sent=1')
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined)

export default function ComplimentPage() {
  const { title, thanks, submissionKey } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('resident')
  if (thanks) {
    return (
      <div className="panel">
        <h1 className="panel__title">{t('compliment.thanks')}</h1>
        <div className="panel__body">{t('compliment.passedOn')}</div>
      </div>
    )
  }
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={answer?.errors} />
        <h1 className="heading-l">{title}</h1>
        <p className="body">{t('compliment.intro')}</p>
        <Form method="post" noValidate>
          <input type="hidden" name="submissionKey" value={submissionKey} />
          <TextArea
            name="message"
            label={t('compliment.message')}
            error={answer?.errors.message}
            defaultValue={text(answer?.values.message)}
            rows={5}
          />
          <Select
            name="serviceArea"
            label={t('compliment.service')}
            defaultValue={text(answer?.values.serviceArea) ?? ''}
            options={[
              { value: '', label: t('compliment.notSure') },
              ...serviceAreas.map((area) => ({ value: area, label: t(`serviceAreas.${area}`) })),
            ]}
          />
          <TextInput name="aboutWhom" label={t('compliment.aboutWhom')} defaultValue={text(answer?.values.aboutWhom)} />
          <TextInput
            name="fromName"
            label={t('compliment.fromName')}
            autoComplete="name"
            defaultValue={text(answer?.values.fromName)}
          />
          <Button>{t('compliment.submit')}</Button>
        </Form>
      </div>
    </div>
  )
}
