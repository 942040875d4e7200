import type { LoaderFunctionArgs } from '@remix-run/node'
import { database } from '~/server/db.server'
import { requireResident } from '~/server/resident-access.server'
import { findAttachment } from '~/server/resident-case.server'

// Files are served only to the signed-in resident of their complaint: there is no public URL.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireResident(request, params.reference)
  const file = await findAttachment(database(), session.complaintId, params.fileId ?? '')
  if (!file) throw new Response('Not found', { status: 404 })
  return new Response(new Uint8Array(file.data), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
