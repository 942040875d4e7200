// Compliments are counted and passed to the team concerned (seed 000: analysed quarterly).
import { londonDate } from '~/domain/working-days'
import { compliments } from '../../db/schema'
import { recordAudit } from './audit.server'
import type { Database } from './db.server'
import { claimSubmission } from './submissions.server'

export async function recordCompliment(
  db: Database,
  input: {
    message: string
    serviceArea: string | null
    aboutWhom: string | null
    fromName: string | null
    source: 'resident' | 'staff'
    submissionKey: string
    recordedBy?: string | null
    requestId?: string | null
  },
) {
  await db.transaction(async (tx) => {
    if (!(await claimSubmission(tx, 'compliment', input.submissionKey))) return
    const [row] = await tx
      .insert(compliments)
      .values({
        source: input.source,
        serviceArea: input.serviceArea,
        aboutWhom: input.aboutWhom,
        message: input.message,
        fromName: input.fromName,
        receivedOn: londonDate(new Date()),
        recordedBy: input.recordedBy ?? null,
      })
      .returning({ id: compliments.id })
    await recordAudit(tx, {
      actor: input.recordedBy ? { type: 'staff', id: input.recordedBy } : { type: 'resident', id: null },
      action: 'compliment.received',
      entityType: 'compliment',
      entityId: row?.id ?? '',
      requestId: input.requestId,
    })
  })
}
