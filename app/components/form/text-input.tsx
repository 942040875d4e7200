import type { InputHTMLAttributes, ReactNode } from 'react'
import type { FieldError } from '~/domain/forms'
import { ErrorMessage } from './error-message'
import { describedBy } from './error-text'

export interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'defaultValue'> {
  name: string
  label: ReactNode
  hint?: ReactNode
  error?: FieldError
  defaultValue?: string
  /** The page's only question: the label is the <h1>. */
  asHeading?: boolean
  width?: 'full' | '20' | '10' | '5'
}

export function TextInput({
  name,
  label,
  hint,
  error,
  asHeading,
  width = 'full',
  className,
  ...input
}: TextInputProps) {
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
      <input
        id={name}
        name={name}
        type="text"
        className={['input', `input--width-${width}`, error ? 'input--error' : '', className ?? '']
          .filter(Boolean)
          .join(' ')}
        aria-describedby={describedBy(hint ? `${name}-hint` : null, error ? `${name}-error` : null)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  )
}
