import type { ReactNode } from 'react'
import type { FieldError } from '~/domain/forms'
import { ErrorMessage } from './error-message'
import { describedBy } from './error-text'

interface SelectProps {
  name: string
  label: ReactNode
  hint?: ReactNode
  error?: FieldError
  options: Array<{ value: string; label: string; lang?: string }>
  defaultValue?: string
}

export function Select({ name, label, hint, error, options, defaultValue }: SelectProps) {
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <div id={`${name}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${name}-error`} error={error} /> : null}
      <select
        id={name}
        name={name}
        className={error ? 'select select--error' : 'select'}
        defaultValue={defaultValue}
        aria-describedby={describedBy(hint ? `${name}-hint` : null, error ? `${name}-error` : null)}
        aria-invalid={error ? true : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
