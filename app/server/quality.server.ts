// Quality dip-sampling: the month's sample drawn once (a unique row per complaint and stage, so a
// second draw adds only responses issued since), reviews saved with their score and audited, and
// each handler's own feedback — theirs only — marked seen.
import { randomBytes } from 'node:crypto'
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import {
  complaints,
  complaintStages,
  letters,
  qaReviews,
  reasonableAdjustments,
  residents,
  settings,
  staffUsers,
} from '../../db/schema'
import {
  canReview,
  drawSample,
  monthRange,
  qaSettingsFrom,
  scoreReview,
  type ChecklistAnswers,
  type QaSettings,
  type SampleCandidate,
} from '~/domain/quality'
import type { IsoDate } from '~/domain/working-days'
import { recordAudit } from './audit.server'
import type { Database } from './db.server'
import { claimSubmission } from './submissions.server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value)

async function setting(db: Database, key: string): Promise<unknown> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1)
  return row?.value
}

/** Settings `qa.samplePct` and `qa.passMark` (kpis.md), each a plain number. */
export async function loadQaSettings(db: Database): Promise<QaSettings> {
  const [samplePct, passMark] = await Promise.all([setting(db, 'qa.samplePct'), setting(db, 'qa.passMark')])
  return qaSettingsFrom({ samplePct, passMark })
}

/**
 * The landlord's own secret seed (setting `qa.sampleSeed`), made on the first draw: with it the
 * month's sample is the same every time it is drawn, yet no handler can work out beforehand which
 * of their responses will be picked.
 */
async function sampleSeed(tx: Database): Promise<string> {
  await tx
    .insert(settings)
    .values({ key: 'qa.sampleSeed', value: randomBytes(16).toString('hex') })
    .onConflictDoNothing({ target: settings.key })
  const value = await setting(tx, 'qa.sampleSeed')
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Every Stage 1 and Stage 2 response issued in the month, with the member of staff who handled it. */
export async function responsesIssuedIn(db: Database, month: string): Promise<SampleCandidate[]> {
  const { from, to } = monthRange(month)
  const rows = await db
    .select({
      complaintId: complaintStages.complaintId,
      stage: complaintStages.stage,
      handlerId: complaintStages.handlerId,
      respondedBy: complaintStages.respondedBy,
      respondedOn: complaintStages.respondedOn,
    })
    .from(complaintStages)
    .where(
      and(
        inArray(complaintStages.stage, [1, 2]),
        gte(complaintStages.respondedOn, from),
        lte(complaintStages.respondedOn, to),
      ),
    )
  // The handler is whoever the stage was assigned to, else whoever issued the response; an
  // imported response ("imported") or a removed account names nobody.
  const named = rows.map((row) => row.handlerId ?? (isUuid(row.respondedBy) ? row.respondedBy : null))
  const ids = [...new Set(named.filter(isUuid))]
  const known = new Set(
    ids.length === 0
      ? []
      : (await db.select({ id: staffUsers.id }).from(staffUsers).where(inArray(staffUsers.id, ids))).map((r) => r.id),
  )
  return rows.map((row, index) => {
    const handler = named[index]
    return {
      complaintId: row.complaintId,
      stage: row.stage === 2 ? 2 : 1,
      handlerId: handler && known.has(handler) ? handler : null,
      respondedOn: row.respondedOn ?? '',
    }
  })
}

/**
 * Draws the month's sample and keeps it: one row per complaint and stage (unique), so drawing the
 * same month again — or a double submit — adds nothing that is already there.
 */
export async function drawMonthlySample(
  db: Database,
  input: { month: string; staffId: string; requestId?: string | null },
): Promise<{ population: number; added: number; sampled: number }> {
  const [qa, candidates] = await Promise.all([loadQaSettings(db), responsesIssuedIn(db, input.month)])
  return db.transaction(async (tx) => {
    const seed = await sampleSeed(tx)
    const sample = drawSample(candidates, { samplePct: qa.samplePct, seed: `${seed}:${input.month}` })
    const added =
      sample.length === 0
        ? []
        : await tx
            .insert(qaReviews)
            .values(
              sample.map((s) => ({
                complaintId: s.complaintId,
                stage: s.stage,
                handlerId: s.handlerId,
                sampleMonth: input.month,
              })),
            )
            .onConflictDoNothing({ target: [qaReviews.complaintId, qaReviews.stage] })
            .returning({ id: qaReviews.id })
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(qaReviews)
      .where(eq(qaReviews.sampleMonth, input.month))
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'qa.sample_drawn',
      entityType: 'qa_sample',
      entityId: input.month,
      after: { population: candidates.length, samplePct: qa.samplePct, drawn: sample.length, added: added.length },
      requestId: input.requestId,
    })
    return { population: candidates.length, added: added.length, sampled: count?.n ?? 0 }
  })
}

const handlers = alias(staffUsers, 'handler')
const reviewers = alias(staffUsers, 'reviewer')

/** The month's sample as the reviewer lists it: no resident, no reference — the review is blind. */
export async function sampleFor(db: Database, month: string) {
  return db
    .select({
      id: qaReviews.id,
      stage: qaReviews.stage,
      handlerId: qaReviews.handlerId,
      handlerName: handlers.name,
      respondedOn: complaintStages.respondedOn,
      reviewedOn: qaReviews.reviewedOn,
      reviewerName: reviewers.name,
      scoreTenths: qaReviews.scoreTenths,
      criticalFail: qaReviews.criticalFail,
    })
    .from(qaReviews)
    .leftJoin(handlers, eq(handlers.id, qaReviews.handlerId))
    .leftJoin(reviewers, eq(reviewers.id, qaReviews.reviewerId))
    .leftJoin(
      complaintStages,
      and(eq(complaintStages.complaintId, qaReviews.complaintId), eq(complaintStages.stage, qaReviews.stage)),
    )
    .where(eq(qaReviews.sampleMonth, month))
    .orderBy(asc(complaintStages.respondedOn), asc(qaReviews.id))
}

/** Everything the reviewer needs for one sampled response, with what the redaction needs. */
export async function sampledResponse(db: Database, id: string) {
  if (!isUuid(id)) return null
  const [row] = await db
    .select({
      review: qaReviews,
      handlerName: handlers.name,
      reviewerName: reviewers.name,
      reference: complaints.reference,
      representative: complaints.representative,
      resident: {
        name: residents.name,
        email: residents.email,
        phone: residents.phone,
        address: residents.address,
        postcode: residents.postcode,
      },
      stage: {
        respondedOn: complaintStages.respondedOn,
        responseDue: complaintStages.responseDue,
        extensionWorkingDays: complaintStages.extensionWorkingDays,
        outcome: complaintStages.outcome,
      },
    })
    .from(qaReviews)
    .innerJoin(complaints, eq(complaints.id, qaReviews.complaintId))
    .innerJoin(residents, eq(residents.id, complaints.residentId))
    .leftJoin(handlers, eq(handlers.id, qaReviews.handlerId))
    .leftJoin(reviewers, eq(reviewers.id, qaReviews.reviewerId))
    .leftJoin(
      complaintStages,
      and(eq(complaintStages.complaintId, qaReviews.complaintId), eq(complaintStages.stage, qaReviews.stage)),
    )
    .where(eq(qaReviews.id, id))
    .limit(1)
  if (!row) return null
  const kind = row.review.stage === 2 ? 'stage2_response' : 'stage1_response'
  const [letter] = await db
    .select({ subject: letters.subject, bodyText: letters.bodyText, language: letters.language })
    .from(letters)
    .where(and(eq(letters.complaintId, row.review.complaintId), eq(letters.kind, kind)))
    .orderBy(asc(letters.createdAt))
    .limit(1)
  const adjustments = await db
    .select({ kind: reasonableAdjustments.kind, detail: reasonableAdjustments.detail })
    .from(reasonableAdjustments)
    .where(eq(reasonableAdjustments.complaintId, row.review.complaintId))
    .orderBy(asc(reasonableAdjustments.createdAt))
  const representative = row.representative as { name?: unknown } | null
  return {
    ...row,
    letter: letter ?? null,
    adjustments,
    personal: {
      names: [row.resident.name, typeof representative?.name === 'string' ? representative.name : null],
      address: row.resident.address,
      email: row.resident.email,
      phone: row.resident.phone,
      postcode: row.resident.postcode,
      reference: row.reference,
    },
  }
}

export type SaveReviewResult = { ok: true } | { ok: false; refusal: 'notFound' | 'ownResponse' }

/**
 * Saves a review: answers, score (tenths), critical fail, feedback, reviewer and day, audited in
 * the same transaction. A replayed form (same key) changes nothing; a revised review is a new
 * decision, so the handler sees it as unread again.
 */
export async function saveReview(
  db: Database,
  input: {
    id: string
    reviewerId: string
    answers: ChecklistAnswers
    feedback: string
    passMark: number
    today: IsoDate
    submissionKey: string
    requestId?: string | null
  },
): Promise<SaveReviewResult> {
  if (!isUuid(input.id)) return { ok: false, refusal: 'notFound' }
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(qaReviews).where(eq(qaReviews.id, input.id)).for('update')
    if (!row) return { ok: false, refusal: 'notFound' } as const
    if (!canReview(input.reviewerId, row.handlerId)) return { ok: false, refusal: 'ownResponse' } as const
    if (!(await claimSubmission(tx, 'qa_review', input.submissionKey))) return { ok: true } as const
    const score = scoreReview(input.answers, input.passMark)
    await tx
      .update(qaReviews)
      .set({
        answers: input.answers,
        scoreTenths: score.scoreTenths,
        criticalFail: score.criticalFail,
        feedback: input.feedback || null,
        reviewerId: input.reviewerId,
        reviewedOn: input.today,
        seenByHandlerAt: null,
      })
      .where(eq(qaReviews.id, row.id))
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.reviewerId },
      action: row.reviewedOn ? 'qa.review_revised' : 'qa.reviewed',
      entityType: 'qa_review',
      entityId: row.id,
      before: row.reviewedOn ? { scoreTenths: row.scoreTenths, criticalFail: row.criticalFail } : undefined,
      after: {
        complaintId: row.complaintId,
        stage: row.stage,
        scoreTenths: score.scoreTenths,
        criticalFail: score.criticalFail,
        passed: score.passed,
        notMet: score.notMet,
      },
      requestId: input.requestId,
    })
    return { ok: true } as const
  })
}

/** A handler's own reviewed responses, newest first: nobody else's, ever. */
export async function feedbackFor(db: Database, handlerId: string) {
  return db
    .select({
      id: qaReviews.id,
      reference: complaints.reference,
      stage: qaReviews.stage,
      sampleMonth: qaReviews.sampleMonth,
      reviewedOn: qaReviews.reviewedOn,
      scoreTenths: qaReviews.scoreTenths,
      criticalFail: qaReviews.criticalFail,
      answers: qaReviews.answers,
      feedback: qaReviews.feedback,
      seenByHandlerAt: qaReviews.seenByHandlerAt,
      reviewerName: reviewers.name,
    })
    .from(qaReviews)
    .innerJoin(complaints, eq(complaints.id, qaReviews.complaintId))
    .leftJoin(reviewers, eq(reviewers.id, qaReviews.reviewerId))
    .where(and(eq(qaReviews.handlerId, handlerId), isNotNull(qaReviews.reviewedOn)))
    .orderBy(desc(qaReviews.reviewedOn), desc(qaReviews.createdAt))
}

export async function unseenFeedbackCount(db: Database, handlerId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(qaReviews)
    .where(and(eq(qaReviews.handlerId, handlerId), isNotNull(qaReviews.reviewedOn), isNull(qaReviews.seenByHandlerAt)))
  return row?.n ?? 0
}

/** The handler says they have read a review of their own response; anyone else's is not found. */
export async function markFeedbackSeen(
  db: Database,
  input: { reviewId: string; handlerId: string; now: Date; requestId?: string | null },
): Promise<boolean> {
  if (!isUuid(input.reviewId)) return false
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(qaReviews)
      .set({ seenByHandlerAt: input.now })
      .where(
        and(
          eq(qaReviews.id, input.reviewId),
          eq(qaReviews.handlerId, input.handlerId),
          isNotNull(qaReviews.reviewedOn),
          isNull(qaReviews.seenByHandlerAt),
        ),
      )
      .returning({ id: qaReviews.id })
    if (updated.length === 0) return false
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.handlerId },
      action: 'qa.feedback_seen',
      entityType: 'qa_review',
      entityId: input.reviewId,
      requestId: input.requestId,
    })
    return true
  })
}
