import type { ReactNode } from 'react'
import type { FieldError } from '~/domain/forms'
import { ErrorMessage } from './error-message'
import { describedBy } from './error-text'

export interface Choice {
  value: string
  label: ReactNode
  hint?: ReactNode
  /** Shown after the choice, e.g. a text box that only matters when it is ticked. */
  conditional?: ReactNode
  /** An "or" divider comes before this choice (the exclusive "none" option). */
  dividerBefore?: ReactNode
}

interface ChoicesProps {
  name: string
  legend: ReactNode
  hint?: ReactNode
  error?: FieldError
  choices: Choice[]
  asHeading?: boolean
}

/** Radios and checkboxes share GOV.UK's markup: a fieldset, its legend, and the first input has the field's id. */
function Choices({
  type,
  name,
  legend,
  hint,
  error,
  choices,
  asHeading,
  selected,
}: ChoicesProps & { type: 'radio' | 'checkbox'; selected: readonly string[] }) {
  const describedIds = describedBy(hint ? `${name}-hint` : null, error ? `${name}-error` : null)
  const block = type === 'radio' ? 'radios' : 'checkboxes'
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="fieldset" aria-describedby={describedIds}>
        <legend className={asHeading ? 'fieldset__legend fieldset__legend--l' : 'fieldset__legend fieldset__legend--m'}>
          {asHeading ? <h1 className="fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint ? (
          <div id={`${name}-hint`} className="hint">
            {hint}
          </div>
        ) : null}
        {error ? <ErrorMessage id={`${name}-error`} error={error} /> : null}
        <div className={block}>
          {choices.map((choice, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`
            return (
              <div key={choice.value}>
                {choice.dividerBefore ? <div className={`${block}__divider`}>{choice.dividerBefore}</div> : null}
                <div className={`${block}__item`}>
                  <input
                    className={`${block}__input`}
                    id={id}
                    name={name}
                    type={type}
                    value={choice.value}
                    defaultChecked={selected.includes(choice.value)}
                    aria-describedby={choice.hint ? `${id}-hint` : undefined}
                  />
                  <label className={`label ${block}__label`} htmlFor={id}>
                    {choice.label}
                  </label>
                  {choice.hint ? (
                    <div id={`${id}-hint`} className={`hint ${block}__hint`}>
                      {choice.hint}
                    </div>
                  ) : null}
                </div>
                {choice.conditional ? <div className={`${block}__conditional`}>{choice.conditional}</div> : null}
              </div>
            )
          })}
        </div>
      </fieldset>
    </div>
  )
}

export function Radios(props: ChoicesProps & { defaultValue?: string }) {
  return <Choices {...props} type="radio" selected={props.defaultValue ? [props.defaultValue] : []} />
}

export function Checkboxes(props: ChoicesProps & { defaultValue?: readonly string[] }) {
  return <Choices {...props} type="checkbox" selected={props.defaultValue ?? []} />
}
