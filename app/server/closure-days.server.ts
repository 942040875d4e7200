// Closure days are the landlord's own non-working days (WD-1). Adding or removing one re-dates
// every open deadline it affects (WD-6), in the same transaction, each complaint's change audited.
import { asc, eq, inArray } from 'drizzle-orm'
import { redateOpenDeadlines } from '~/domain/complaints/redate'
import type { IsoDate } from '~/domain/working-days'
import { closureDays, complaints } from '../../db/schema'
import { recordAudit } from './audit.server'
import { loadCalendar } from './calendar.server'
import { caseOf, openComplaintIds, persistCase } from './cases.server'
import type { Database } from './db.server'

export async function listClosureDays(db: Database) {
  return db.select().from(closureDays).orderBy(asc(closureDays.date))
}

export type ClosureChange =
  | { ok: true; redated: number }
  | { ok: false; reason: 'staff-errors:calendar.alreadyClosed' | 'staff-errors:calendar.notClosed' }

async function redateAll(
  tx: Database,
  staffId: string,
  requestId: string | null | undefined,
  cause: Record<string, unknown>,
) {
  const calendar = await loadCalendar(tx)
  const ids = await openComplaintIds(tx)
  let redated = 0
  // In batches, each complaint row locked while it is re-dated.
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500)
    const rows = await tx
      .select()
      .from(complaints)
      .where(inArray(complaints.id, batch))
      .orderBy(asc(complaints.id))
      .for('update')
    for (const row of rows) {
      const { complaint, changes } = redateOpenDeadlines(caseOf(row, calendar), calendar)
      if (changes.length === 0) continue
      await persistCase(tx, row.id, complaint)
      await recordAudit(tx, {
        actor: { type: 'staff', id: staffId },
        action: 'complaint.redated',
        entityType: 'complaint',
        entityId: row.id,
        before: { deadlines: changes.map((c) => ({ stage: c.stage, kind: c.kind, due: c.before })) },
        after: { deadlines: changes.map((c) => ({ stage: c.stage, kind: c.kind, due: c.after })), cause },
        requestId,
      })
      redated += 1
    }
  }
  return redated
}

export async function addClosureDay(
  db: Database,
  input: { date: IsoDate; description: string; staffId: string; requestId?: string | null },
): Promise<ClosureChange> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(closureDays)
      .values({ date: input.date, description: input.description })
      .onConflictDoNothing()
      .returning()
    if (!inserted) return { ok: false, reason: 'staff-errors:calendar.alreadyClosed' } as const
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'calendar.closure_day_added',
      entityType: 'closure_day',
      entityId: input.date,
      after: { date: input.date, description: input.description },
      requestId: input.requestId,
    })
    const redated = await redateAll(tx, input.staffId, input.requestId, { closureDayAdded: input.date })
    return { ok: true, redated } as const
  })
}

export async function removeClosureDay(
  db: Database,
  input: { date: IsoDate; staffId: string; requestId?: string | null },
): Promise<ClosureChange> {
  return db.transaction(async (tx) => {
    const [removed] = await tx.delete(closureDays).where(eq(closureDays.date, input.date)).returning()
    if (!removed) return { ok: false, reason: 'staff-errors:calendar.notClosed' } as const
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'calendar.closure_day_removed',
      entityType: 'closure_day',
      entityId: input.date,
      before: { date: removed.date, description: removed.description },
      requestId: input.requestId,
    })
    const redated = await redateAll(tx, input.staffId, input.requestId, { closureDayRemoved: input.date })
    return { ok: true, redated } as const
  })
}
