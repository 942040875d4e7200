// Form validation results in the shape GOV.UK patterns need: one error per field, as a locale key.
import type { z } from 'zod'

export interface FieldError {
  /** A locale key such as 'errors:whatHappened.required'. */
  key: string
  values?: Record<string, string | number>
}

export type FieldErrors = Record<string, FieldError>

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

export function validate<T>(schema: z.ZodType<T>, input: unknown): FormResult<T> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return { ok: true, data: parsed.data }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form')
    if (errors[field]) continue
    const values = issue.code === 'too_big' ? { max: Number(issue.maximum) } : undefined
    errors[field] = values ? { key: issue.message, values } : { key: issue.message }
  }
  return { ok: false, errors }
}
