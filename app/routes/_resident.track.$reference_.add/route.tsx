import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, TextArea } from '~/components/form'
import { ErrorMessage } from '~/components/form/error-message'
import { cleanText } from '~/domain/text'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { database } from '~/server/db.server'
import { rejectForm, single } from '~/server/forms.server'
import { requireResident } from '~/server/resident-access.server'
import { addResidentInformation } from '~/server/resident-case.server'
import { newSubmissionKey, submittedKey } from '~/server/submissions.server'
import { MAX_FILES, readUpload } from '~/server/uploads.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireResident(request, params.reference)
  const t = await getFixedT(request, 'resident')
  return {
    title: t('add.title'),
    backHref: `/track/${encodeURIComponent(session.reference)}`,
    maxFiles: MAX_FILES,
    submissionKey: newSubmissionKey(),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const session = await requireResident(request, params.reference)
  const upload = await readUpload(request)
  if (!upload.ok) return rejectForm(context, { errors: upload.errors, values: upload.values })
  const body = cleanText(single(upload.values, 'information')).slice(0, 10_000)
  if (!body && upload.files.length === 0) {
    return rejectForm(context, { errors: { information: { key: 'errors:add.nothing' } }, values: upload.values })
  }
  await addResidentInformation(database(), {
    complaintId: session.complaintId,
    body,
    files: upload.files,
    submissionKey: submittedKey(single(upload.values, 'submissionKey')),
    requestId: context.requestId,
  })
  return redirect(`/track/${encodeURIComponent(session.reference)}?done=added`)
}

export default function AddInformationPage() {
  const { title, maxFiles, submissionKey } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('resident')
  const filesError = answer?.errors.files
  const text = answer?.values.information
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={answer?.errors} />
        <h1 className="heading-l">{title}</h1>
        <Form method="post" encType="multipart/form-data" noValidate>
          <input type="hidden" name="submissionKey" value={submissionKey} />
          <TextArea
            name="information"
            label={t('add.information')}
            hint={t('add.informationHint')}
            error={answer?.errors.information}
            defaultValue={typeof text === 'string' ? text : undefined}
            rows={6}
          />
          <div className={filesError ? 'form-group form-group--error' : 'form-group'}>
            <label className="label" htmlFor="files">
              {t('add.files')}
            </label>
            <div className="hint" id="files-hint">
              {t('add.filesHint', { count: maxFiles })}
            </div>
            {filesError ? <ErrorMessage id="files-error" error={filesError} /> : null}
            <input
              className="file-upload"
              id="files"
              name="files"
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp,application/pdf"
              aria-describedby={filesError ? 'files-hint files-error' : 'files-hint'}
            />
          </div>
          <Button>{t('add.submit')}</Button>
        </Form>
      </div>
    </div>
  )
}
