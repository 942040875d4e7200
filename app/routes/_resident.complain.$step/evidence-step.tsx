import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/form'
import { ErrorMessage } from '~/components/form/error-message'
import type { FieldError } from '~/domain/forms'

/** Photos and documents: optional; each upload is checked, listed, and can be removed. */
export function EvidenceStep({
  files,
  maxFiles,
  error,
}: {
  files: Array<{ id: string; fileName: string }>
  maxFiles: number
  error?: FieldError
}) {
  const { t } = useTranslation('resident')
  return (
    <>
      <h1 className="heading-l">{t('steps.evidence.title')}</h1>
      <p className="body">{t('steps.evidence.intro')}</p>
      {files.length > 0 ? (
        <>
          <h2 className="heading-m">{t('steps.evidence.added')}</h2>
          <ul className="list file-list">
            {files.map((file) => (
              <li key={file.id}>
                {file.fileName}{' '}
                <Form method="post" encType="multipart/form-data" className="inline-form">
                  <input type="hidden" name="remove" value={file.id} />
                  <button type="submit" className="link-button">
                    {t('steps.evidence.remove')}
                    <span className="visually-hidden"> {file.fileName}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Form method="post" encType="multipart/form-data" noValidate>
        {files.length < maxFiles ? (
          <div className={error ? 'form-group form-group--error' : 'form-group'}>
            <label className="label" htmlFor="files">
              {t('steps.evidence.label')}
            </label>
            <div className="hint" id="files-hint">
              {t('steps.evidence.hint', { count: maxFiles })}
            </div>
            {error ? <ErrorMessage id="files-error" error={error} /> : null}
            <input
              className="file-upload"
              id="files"
              name="files"
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp,application/pdf"
              aria-describedby={error ? 'files-hint files-error' : 'files-hint'}
            />
          </div>
        ) : null}
        <div className="button-group">
          {files.length < maxFiles ? (
            <Button variant="secondary" name="intent" value="upload">
              {t('steps.evidence.upload')}
            </Button>
          ) : null}
          <Button name="intent" value="continue">
            {t('continue')}
          </Button>
        </div>
      </Form>
    </>
  )
}
