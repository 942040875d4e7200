// Every change goes in the append-only audit trail inside the transaction that made it (REC-2).
import { auditEvents } from '../../db/schema'
import type { Database } from './db.server'

export type Actor =
  { type: 'resident'; id: string | null } | { type: 'staff'; id: string } | { type: 'system'; id: null }

export interface AuditEvent {
  actor: Actor
  action: string
  entityType: string
  entityId: string
  before?: unknown
  after?: unknown
  requestId?: string | null
}

export async function recordAudit(tx: Database, event: AuditEvent): Promise<void> {
  await tx.insert(auditEvents).values({
    actorType: event.actor.type,
    actorId: event.actor.id,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: event.requestId ?? null,
  })
}

/** Who looked at personal data, and when: a view is audited like a change (issue: audit of views). */
export async function recordView(
  db: Database,
  input: { staffId: string; entityType: string; entityId: string; requestId?: string | null },
): Promise<void> {
  await recordAudit(db, {
    actor: { type: 'staff', id: input.staffId },
    action: `${input.entityType}.viewed`,
    entityType: input.entityType,
    entityId: input.entityId,
    requestId: input.requestId,
  })
}
