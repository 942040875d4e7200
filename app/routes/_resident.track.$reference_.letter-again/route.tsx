import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, Radios, Select } from '~/components/form'
import { letterFormats, type LetterFormat } from '~/domain/letters/compose'
import { interfaceLanguages, isInterfaceLanguage } from '~/i18n/config'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { requireResident } from '~/server/resident-access.server'
import { newSubmissionKey, submittedKey } from '~/server/submissions.server'
import { loadCaseForResident, sendLetterAgain } from '~/server/resident-case.server'
import endonyms from '../../../locales/languages.json'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireResident(request, params.reference)
  const view = await loadCaseForResident(database(), session.complaintId)
  if (!view || view.letters.length === 0) throw redirect(`/track/${encodeURIComponent(session.reference)}`)
  const t = await getFixedT(request, 'resident')
  return {
    title: t('letterAgain.title'),
    backHref: `/track/${encodeURIComponent(session.reference)}`,
    letters: view.letters.map((l) => ({ id: l.id, subject: l.subject })),
    submissionKey: newSubmissionKey(),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const session = await requireResident(request, params.reference)
  const form = await readForm(request)
  const letterId = single(form, 'letterId') ?? ''
  const language = single(form, 'language')
  const format = single(form, 'format')
  if (!isInterfaceLanguage(language) || !(letterFormats as readonly string[]).includes(format ?? '')) {
    return rejectForm(context, { errors: { format: { key: 'errors:letterAgain.formatRequired' } }, values: form })
  }
  const letter = await sendLetterAgain(database(), {
    complaintId: session.complaintId,
    letterId,
    language,
    format: format as LetterFormat,
    submissionKey: submittedKey(single(form, 'submissionKey')),
    requestId: context.requestId,
  })
  if (!letter)
    return rejectForm(context, { errors: { letterId: { key: 'errors:letterAgain.letterRequired' } }, values: form })
  return redirect(`/track/${encodeURIComponent(session.reference)}?done=letter`)
}

export default function LetterAgainPage() {
  const { title, letters, submissionKey } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t, i18n } = useTranslation('resident')
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={answer?.errors} />
        <h1 className="heading-l">{title}</h1>
        <Form method="post" noValidate>
          <input type="hidden" name="submissionKey" value={submissionKey} />
          <Radios
            name="letterId"
            legend={t('letterAgain.which')}
            error={answer?.errors.letterId}
            defaultValue={letters.at(-1)?.id}
            choices={letters.map((letter) => ({ value: letter.id, label: letter.subject }))}
          />
          <Select
            name="language"
            label={t('letterAgain.language')}
            defaultValue={i18n.language}
            options={interfaceLanguages.map(({ code }) => ({
              value: code,
              label: endonyms[code as keyof typeof endonyms],
              lang: code === 'en-easy' ? 'en' : code,
            }))}
          />
          <Radios
            name="format"
            legend={t('letterAgain.format')}
            error={answer?.errors.format}
            defaultValue="standard"
            choices={letterFormats.map((format) => ({ value: format, label: t(`letterAgain.formats.${format}`) }))}
          />
          <Button>{t('letterAgain.submit')}</Button>
        </Form>
      </div>
    </div>
  )
}
