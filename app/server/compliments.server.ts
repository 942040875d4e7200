// Compliments are counted and passed to the team concerned (seed 000: analysed quarterly).
import { and, desc, eq, gte, lte } from 'drizzle-orm'
import { countCompliments, type ComplimentSource } from '~/domain/compliments'
import { londonDate, type IsoDate } from '~/domain/working-days'
import { compliments, staffUsers } from '../../db/schema'
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
    source: ComplimentSource
    submissionKey: string
    /** The day it reached us; the resident form's is today. */
    receivedOn?: IsoDate
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
        receivedOn: input.receivedOn ?? londonDate(new Date()),
        recordedBy: input.recordedBy ?? null,
      })
      .returning({ id: compliments.id })
    await recordAudit(tx, {
      actor: input.recordedBy ? { type: 'staff', id: input.recordedBy } : { type: 'resident', id: null },
      action: 'compliment.received',
      entityType: 'compliment',
      entityId: row?.id ?? '',
      after: { source: input.source, serviceArea: input.serviceArea, receivedOn: input.receivedOn ?? null },
      requestId: input.requestId,
    })
  })
}

/** Compliments received in a period, with counts by service area and by team or person. */
export async function complimentsReport(db: Database, period: { from: IsoDate; to: IsoDate }) {
  const rows = await db
    .select({
      id: compliments.id,
      source: compliments.source,
      serviceArea: compliments.serviceArea,
      aboutWhom: compliments.aboutWhom,
      message: compliments.message,
      receivedOn: compliments.receivedOn,
      recordedByName: staffUsers.name,
    })
    .from(compliments)
    .leftJoin(staffUsers, eq(staffUsers.id, compliments.recordedBy))
    .where(and(gte(compliments.receivedOn, period.from), lte(compliments.receivedOn, period.to)))
    .orderBy(desc(compliments.receivedOn), desc(compliments.createdAt))
  // Oldest first, so a team or person is named as it was first written.
  return { ...countCompliments([...rows].reverse()), latest: rows.slice(0, 50) }
}
