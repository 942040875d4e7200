// Photos and PDFs from residents: at most 5 files of 10 MB; the type is read from the bytes, not
// the name; images are re-encoded, which drops their metadata (GPS location included).
import { createHash } from 'node:crypto'
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from '@remix-run/node'
import { fileTypeFromBuffer } from 'file-type'
import sharp from 'sharp'
import type { FieldErrors } from '~/domain/forms'
import { cleanLine } from '~/domain/text'
import { isSameOrigin, readForm, type FormValues } from './forms.server'

export const MAX_FILES = 5
export const MAX_FILE_BYTES = 10 * 1024 * 1024
/** Every file at its largest, and the form's other fields. */
export const MAX_UPLOAD_BYTES = MAX_FILES * MAX_FILE_BYTES + 256 * 1024
const ALLOWED = new Map([
  ['image/jpeg', 'jpeg'],
  ['image/png', 'png'],
  ['image/webp', 'webp'],
  ['application/pdf', 'pdf'],
])

export interface CleanFile {
  fileName: string
  contentType: string
  data: Buffer
  sha256: string
}

export type Upload =
  { ok: true; values: FormValues; files: CleanFile[] } | { ok: false; errors: FieldErrors; values: FormValues }

async function cleaned(name: string, bytes: Buffer): Promise<CleanFile | null> {
  const type = await fileTypeFromBuffer(bytes)
  const format = type ? ALLOWED.get(type.mime) : undefined
  if (!type || !format) return null
  let data = bytes
  if (format !== 'pdf') {
    // rotate() applies the EXIF orientation before sharp drops all metadata on output.
    data = await sharp(bytes, { failOn: 'error' })
      .rotate()
      .toFormat(format as 'jpeg' | 'png' | 'webp')
      .toBuffer()
  }
  const base =
    cleanLine(name)
      .replace(/[^\p{L}\p{N} ._-]/gu, '_')
      .slice(0, 100) || 'file'
  return { fileName: base, contentType: type.mime, data, sha256: createHash('sha256').update(data).digest('hex') }
}

/** A multipart form with `files`; other fields come back as values, as readForm gives them. */
export async function readUpload(request: Request, field = 'files'): Promise<Upload> {
  if (!isSameOrigin(request)) throw new Response('Forbidden: cross-site form', { status: 403 })
  // A form without a file input (or a client that sent none) is a plain form: no files.
  if ((request.headers.get('Content-Type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    return { ok: true, values: await readForm(request), files: [] }
  }
  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data'))
    throw new Response('Unsupported form encoding', { status: 415 })
  // The whole body is capped too, before anything is held in memory: many parts under the per-file
  // limit would otherwise add up to any size.
  if (Number(request.headers.get('Content-Length') ?? '0') > MAX_UPLOAD_BYTES)
    throw new Response('Upload too large', { status: 413 })
  let tooLarge = false
  let received = 0
  const counted = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength
        if (received > MAX_UPLOAD_BYTES) {
          tooLarge = true
          controller.error(new Error('upload too large'))
        } else controller.enqueue(chunk)
      },
    }),
  )
  const limited = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: counted ?? null,
    duplex: 'half',
  } as RequestInit)
  let form: FormData
  try {
    form = await parseMultipartFormData(limited, createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }))
  } catch (error) {
    if (tooLarge) throw new Response('Upload too large', { status: 413 })
    if (error instanceof MaxPartSizeExceededError)
      return { ok: false, errors: { [field]: { key: 'errors:upload.tooLarge', values: { max: 10 } } }, values: {} }
    throw new Response('Unreadable upload', { status: 400 })
  }
  const values: FormValues = {}
  const uploads: File[] = []
  for (const [key, value] of form.entries()) {
    if (value instanceof File) {
      if (key === field && value.size > 0) uploads.push(value)
    } else {
      const existing = values[key]
      values[key] = existing === undefined ? value : [...[existing].flat(), value]
    }
  }
  if (uploads.length > MAX_FILES)
    return { ok: false, errors: { [field]: { key: 'errors:upload.tooMany', values: { max: MAX_FILES } } }, values }
  const files: CleanFile[] = []
  for (const upload of uploads) {
    const file = await cleaned(upload.name, Buffer.from(await upload.arrayBuffer())).catch(() => null)
    if (!file)
      return {
        ok: false,
        errors: { [field]: { key: 'errors:upload.wrongType', values: { name: cleanLine(upload.name).slice(0, 80) } } },
        values,
      }
    files.push(file)
  }
  return { ok: true, values, files }
}
