import type { LoaderFunctionArgs } from '@remix-run/node'
import { isIsoDate, londonDate } from '~/domain/working-days'
import { exportAuditLog } from '~/server/audit-log.server'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'

// GET /staff/admin/audit.csv?from=YYYY-MM-DD&to=YYYY-MM-DD (both inclusive; default: today).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'audit:export')
  const url = new URL(request.url)
  const today = londonDate(new Date())
  const from = url.searchParams.get('from') ?? today
  const to = url.searchParams.get('to') ?? today
  if (!isIsoDate(from) || !isIsoDate(to) || to < from) throw new Response('Bad request', { status: 400 })
  const end = new Date(`${to}T00:00:00Z`)
  end.setUTCDate(end.getUTCDate() + 1)
  const csv = await exportAuditLog(database(), {
    from: new Date(`${from}T00:00:00Z`),
    to: end,
    staffId: staff.id,
    requestId: context.requestId,
  })
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${from}-to-${to}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
