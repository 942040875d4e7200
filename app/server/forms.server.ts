// Every POST comes through readForm: the Origin check, a size cap, then plain values for the domain
// to validate. rejectForm answers with the errors and the answers kept, and flags the page title.
import { data, type AppLoadContext } from '@remix-run/node'
import type { FieldErrors } from '~/domain/forms'

/** Ordinary forms (no uploads) never need more; a larger body is refused before it is parsed. */
export const MAX_FORM_BYTES = 256 * 1024

export type FormValues = Record<string, string | string[]>

/** A cross-site POST is refused: the Origin (or, failing that, Referer) must be this site. */
export function isSameOrigin(request: Request): boolean {
  const expected = new URL(request.url).origin
  const origin = request.headers.get('Origin')
  if (origin) return origin === expected
  const referer = request.headers.get('Referer')
  if (!referer) return false
  try {
    return new URL(referer).origin === expected
  } catch {
    return false
  }
}

async function readLimited(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get('Content-Length') ?? '0')
  if (declared > limit) return null
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
}

export async function readForm(request: Request): Promise<FormValues> {
  if (!isSameOrigin(request)) throw new Response('Forbidden: cross-site form', { status: 403 })
  const type = request.headers.get('Content-Type') ?? ''
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new Response('Unsupported form encoding', { status: 415 })
  }
  const body = await readLimited(request, MAX_FORM_BYTES).catch((error: unknown) => {
    // Bytes that are not UTF-8: a garbled form, not something to store with replacement characters.
    if (error instanceof TypeError) throw new Response('Form not in UTF-8', { status: 400 })
    throw error
  })
  if (body === null) throw new Response('Form too large', { status: 413 })
  const values: FormValues = {}
  for (const [key, value] of new URLSearchParams(body)) {
    // A percent-escape that is not UTF-8 (%FF) decodes to U+FFFD: garbled in the same way.
    if (key.includes('\uFFFD') || value.includes('\uFFFD')) throw new Response('Form not in UTF-8', { status: 400 })
    const existing = values[key]
    if (existing === undefined) values[key] = value
    else values[key] = Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return values
}

/** A single value for a field that must not repeat; the first wins when a client sends several. */
export function single(values: FormValues, key: string): string | undefined {
  const value = values[key]
  return Array.isArray(value) ? value[0] : value
}

export interface RejectedForm {
  errors: FieldErrors
  values: FormValues
}

export function rejectForm(context: AppLoadContext, rejected: RejectedForm, status: 400 | 409 | 429 = 400) {
  context.page.formRejected = true
  return data(rejected, { status })
}
