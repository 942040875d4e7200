import type { ReactNode, TextareaHTMLAttributes } from 'react'
import type { FieldError } from '~/domain/forms'
import { ErrorMessage } from './error-message'
import { describedBy } from './error-text'

export interface TextAreaProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'name' | 'defaultValue'
> {
  name: string
  label: ReactNode
  hint?: ReactNode
  error?: FieldError
  defaultValue?: string
  asHeading?: boolean
}

export function TextArea({ name, label, hint, error, asHeading, rows = 8, ...textarea }: TextAreaProps) {
  const labelElement = (
    <label className={asHeading ? 'label label--l' : 'label'} htmlFor={name}>
      {label}
    </label>
  )
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      {asHeading ? <h1 className="label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? (
        <div id={`${name}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${name}-error`} error={error} /> : null}
      <textarea
        id={name}
        name={name}
        rows={rows}
        className={error ? 'textarea textarea--error' : 'textarea'}
        aria-describedby={describedBy(hint ? `${name}-hint` : null, error ? `${name}-error` : null)}
        aria-invalid={error ? true : undefined}
        {...textarea}
      />
    </div>
  )
}
