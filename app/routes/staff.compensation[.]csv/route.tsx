import type { LoaderFunctionArgs } from '@remix-run/node'
import { awardStatuses } from '~/domain/compensation'
import { londonDate } from '~/domain/working-days'
import { requireStaff } from '~/server/auth.server'
import { awardsCsv, listAwards } from '~/server/compensation.server'
import { database } from '~/server/db.server'

// GET /staff/compensation.csv[?status=paid]: the awards register for the finance team.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'compensation:view')
  const status = awardStatuses.find((s) => s === new URL(request.url).searchParams.get('status')) ?? null
  const rows = await listAwards(database(), { status, limit: 100_000 })
  return new Response(awardsCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="compensation-${londonDate(new Date())}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
