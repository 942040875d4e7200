// Equality monitoring's reads: everyone's stored answers (the population) and the residents who
// complained in the period, aggregated by the pure module; the view itself is audited as an
// aggregate access, since the answers are special category data even in aggregate.
import { and, gte, lte } from 'drizzle-orm'
import { equalityMonitoring, type EqualityMonitoring } from '~/domain/equality-monitoring'
import type { IsoDate } from '~/domain/working-days'
import { complaints, equalityResponses } from '../../db/schema'
import { recordAudit } from './audit.server'
import type { Database } from './db.server'

export async function viewEqualityMonitoring(
  db: Database,
  input: { staffId: string; from: IsoDate; to: IsoDate; requestId?: string | null },
): Promise<EqualityMonitoring> {
  return db.transaction(async (tx) => {
    const responses = await tx
      .select({
        residentId: equalityResponses.residentId,
        answers: equalityResponses.answers,
        createdAt: equalityResponses.createdAt,
      })
      .from(equalityResponses)
    const complainants = await tx
      .selectDistinct({ residentId: complaints.residentId })
      .from(complaints)
      .where(and(gte(complaints.receivedOn, input.from), lte(complaints.receivedOn, input.to)))
    const result = equalityMonitoring(responses, new Set(complainants.map((row) => row.residentId)))
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'equality.aggregate_viewed',
      entityType: 'report',
      entityId: 'equality-monitoring',
      after: { from: input.from, to: input.to },
      requestId: input.requestId,
    })
    return result
  })
}
