// Reading the audit trail: one complaint's events (views included) and a CSV export of a period.
import { stringify } from 'csv-stringify/sync'
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm'
import { auditEvents, complaints, staffUsers } from '../../db/schema'
import { recordAudit } from './audit.server'
import type { Database } from './db.server'

export async function complaintAudit(db: Database, reference: string) {
  const [row] = await db.select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference))
  if (!row) return null
  const events = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'complaint'), eq(auditEvents.entityId, row.id)))
    .orderBy(asc(auditEvents.id))
  const ids = [
    ...new Set(events.map((e) => e.actorId).filter((id): id is string => Boolean(id && /^[0-9a-f-]{36}$/.test(id)))),
  ]
  const names = ids.length
    ? await db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(inArray(staffUsers.id, ids))
    : []
  return events.map((event) => ({
    id: event.id,
    occurredAt: event.occurredAt,
    action: event.action,
    actorType: event.actorType,
    actorName: names.find((n) => n.id === event.actorId)?.name ?? null,
    requestId: event.requestId,
  }))
}

/** Every audit event of a period as CSV; the export is itself audited (who took a copy, when). */
export async function exportAuditLog(
  db: Database,
  input: { from: Date; to: Date; staffId: string; requestId?: string | null },
) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(gte(auditEvents.occurredAt, input.from), lt(auditEvents.occurredAt, input.to)))
    .orderBy(asc(auditEvents.id))
  await recordAudit(db, {
    actor: { type: 'staff', id: input.staffId },
    action: 'audit.exported',
    entityType: 'audit_log',
    entityId: `${input.from.toISOString()}/${input.to.toISOString()}`,
    after: { rows: rows.length },
    requestId: input.requestId,
  })
  return stringify(
    rows.map((r) => [
      r.id,
      r.occurredAt.toISOString(),
      r.actorType,
      r.actorId ?? '',
      r.action,
      r.entityType,
      r.entityId,
      r.requestId ?? '',
      JSON.stringify(r.before ?? null),
      JSON.stringify(r.after ?? null),
    ]),
    {
      header: true,
      columns: [
        'id',
        'occurred_at',
        'actor_type',
        'actor_id',
        'action',
        'entity_type',
        'entity_id',
        'request_id',
        'before',
        'after',
      ],
      record_delimiter: '\n',
    },
  )
}
