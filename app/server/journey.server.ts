// Moving answers between the draft (typed) and forms (strings), for the journey's routes.
import type { ComplaintAnswers } from '~/domain/journeys/complaint'
import type { FormValues } from './forms.server'

export function pickFields(values: FormValues, fields: readonly string[]): FormValues {
  const picked: FormValues = {}
  for (const field of fields) {
    const value = values[field]
    if (value !== undefined) picked[field] = value
  }
  return picked
}

/** The saved answers as a form would post them, so a revisited page shows what was given. */
export function answersAsFormValues(answers: ComplaintAnswers): FormValues {
  const values: FormValues = {}
  for (const [key, value] of Object.entries(answers)) {
    if (typeof value === 'string') values[key] = value
    else if (Array.isArray(value)) values[key] = value.map(String)
  }
  if (answers.adjustmentsAnswered && (answers.adjustments ?? []).length === 0) values.adjustments = ['none']
  if (answers.wantsComplaint) values.choice = 'complaint'
  if (answers.forSomeoneElse !== undefined) values.forSomeoneElse = answers.forSomeoneElse ? 'yes' : 'no'
  for (const [question, answer] of Object.entries(answers.equality ?? {})) if (answer) values[question] = answer
  return values
}
