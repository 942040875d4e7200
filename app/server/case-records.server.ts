// Internal notes and updates to the resident: records on a complaint, each audited in its write.
import { eq } from 'drizzle-orm'
import { currentStage } from '~/domain/complaints/case'
import type { IsoDate } from '~/domain/working-days'
import { complaintNotes, complaints, residentUpdates } from '../../db/schema'
import { recordAudit } from './audit.server'
import { caseOf } from './cases.server'
import { loadCalendar } from './calendar.server'
import type { Database } from './db.server'

export async function addNote(
  db: Database,
  input: { reference: string; staffId: string; body: string; requestId?: string | null },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.reference, input.reference))
      .limit(1)
    if (!row) return false
    const [note] = await tx
      .insert(complaintNotes)
      .values({ complaintId: row.id, authorId: input.staffId, body: input.body })
      .returning({ id: complaintNotes.id })
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'complaint.note_added',
      entityType: 'complaint',
      entityId: row.id,
      after: { noteId: note?.id },
      requestId: input.requestId,
    })
    return true
  })
}

export async function recordResidentUpdate(
  db: Database,
  input: {
    reference: string
    staffId: string
    on: IsoDate
    method: string
    summary: string
    requestId?: string | null
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(complaints).where(eq(complaints.reference, input.reference)).limit(1)
    if (!row) return false
    const stage = currentStage(caseOf(row, await loadCalendar(tx))).stage
    const [update] = await tx
      .insert(residentUpdates)
      .values({
        complaintId: row.id,
        stage,
        sentOn: input.on,
        method: input.method,
        summary: input.summary,
        createdBy: input.staffId,
      })
      .returning({ id: residentUpdates.id })
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'complaint.resident_updated',
      entityType: 'complaint',
      entityId: row.id,
      after: { updateId: update?.id, stage, sentOn: input.on, method: input.method },
      requestId: input.requestId,
    })
    return true
  })
}
