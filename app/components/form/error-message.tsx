import { useTranslation } from 'react-i18next'
import type { FieldError } from '~/domain/forms'
import { useErrorText } from './error-text'

export function ErrorMessage({ id, error }: { id: string; error: FieldError }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  return (
    <p id={id} className="error-message">
      <span className="visually-hidden">{t('common:errors.inlinePrefix')}</span> {errorText(error)}
    </p>
  )
}
