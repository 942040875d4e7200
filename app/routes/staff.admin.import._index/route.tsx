import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  redirect,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary } from '~/components/form'
import { ErrorMessage } from '~/components/form/error-message'
import { caseCsvColumns } from '~/domain/complaints/csv'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { isSameOrigin, rejectForm } from '~/server/forms.server'
import { stageImport } from '~/server/pending-imports.server'

const MAX_FILE_BYTES = 50 * 1024 * 1024

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'cases:import')
  const t = await getFixedT(request, 'staff')
  return { title: t('import.title'), columns: caseCsvColumns }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'cases:import')
  if (!isSameOrigin(request)) throw new Response('Forbidden: cross-site form', { status: 403 })
  let file: FormDataEntryValue | null
  try {
    const form = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }))
    file = form.get('file')
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return rejectForm(context, { errors: { file: { key: 'staff-errors:import.tooLarge' } }, values: {} })
    }
    throw new Response('Unreadable upload', { status: 400 })
  }
  if (!(file instanceof File) || file.size === 0)
    return rejectForm(context, { errors: { file: { key: 'staff-errors:import.fileRequired' } }, values: {} })
  const csv = new TextDecoder('utf-8', { fatal: false }).decode(await file.arrayBuffer())
  const staged = await stageImport(database(), { fileName: file.name, csv, staffId: staff.id, now: new Date() })
  return redirect(`/staff/admin/import/${staged.id}`)
}

export default function ImportPage() {
  const { title, columns } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const error = answer?.errors.file
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={answer?.errors} />
        <h1 className="heading-l">{title}</h1>
        <p className="body">{t('import.intro')}</p>
        <details className="details">
          <summary className="details__summary">{t('import.columns')}</summary>
          <div className="details__text">
            <p className="body">
              <code>{columns.join(',')}</code>
            </p>
          </div>
        </details>
        <Form method="post" encType="multipart/form-data" noValidate>
          <div className={error ? 'form-group form-group--error' : 'form-group'}>
            <label className="label" htmlFor="file">
              {t('import.file')}
            </label>
            <div className="hint" id="file-hint">
              {t('import.fileHint')}
            </div>
            {error ? <ErrorMessage id="file-error" error={error} /> : null}
            <input
              className="file-upload"
              id="file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby={error ? 'file-hint file-error' : 'file-hint'}
            />
          </div>
          <Button>{t('import.upload')}</Button>
        </Form>
      </div>
    </div>
  )
}
