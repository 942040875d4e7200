import type { LoaderFunctionArgs } from '@remix-run/node'
import { kpiCsv } from '~/domain/kpi-report'
import { londonDate } from '~/domain/working-days'
import { requireStaff } from '~/server/auth.server'
import { recordAudit } from '~/server/audit.server'
import { database } from '~/server/db.server'
import { kpiReport } from '~/server/kpis.server'
import { dashboardQuery } from '../staff.dashboard/route'

// The dashboard's figures as the `report kpis --format csv` row: same module, same columns.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'report:export')
  const today = londonDate(new Date())
  const query = dashboardQuery(new URL(request.url), today)
  const db = database()
  const figures = await kpiReport(db, {
    from: query.from,
    to: query.to,
    filters: { serviceArea: query.service || null, team: query.team || null, handlerId: query.handler || null },
  })
  // Every export is audited (issue 5), aggregate figures included.
  await recordAudit(db, {
    actor: { type: 'staff', id: staff.id },
    action: 'report.exported',
    entityType: 'report',
    entityId: 'kpis',
    after: { from: query.from, to: query.to, service: query.service, team: query.team, handler: query.handler },
    requestId: context.requestId,
  })
  return new Response(kpiCsv(figures), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="putright-kpis-${query.from}-to-${query.to}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
