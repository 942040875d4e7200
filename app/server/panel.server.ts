// What the tenant panel may see, and how it gets there: a summary drafted from a closed complaint
// (checked for anything identifying), approved and published by a manager; "you said, we did";
// the annual report and self-assessment kept in settings. The panel's reads select only published,
// anonymised columns — never an id, a reference or a resident field.
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm'
import type { FieldErrors } from '~/domain/forms'
import {
  SELF_ASSESSMENT_KEY,
  selfAssessmentFrom,
  validateSummary,
  type Identifiers,
  type SelfAssessment,
  type SummaryInput,
} from '~/domain/panel'
import { complaints, improvementActions, publishedSummaries, residents, settings, staffUsers } from '../../db/schema'
import { recordAudit } from './audit.server'
import type { Database } from './db.server'
import { claimSubmission } from './submissions.server'

async function identifiersOf(db: Database, complaintId: string): Promise<Identifiers | null> {
  const [row] = await db
    .select({
      reference: complaints.reference,
      name: residents.name,
      email: residents.email,
      phone: residents.phone,
      postcode: residents.postcode,
      address: residents.address,
    })
    .from(complaints)
    .innerJoin(residents, eq(residents.id, complaints.residentId))
    .where(eq(complaints.id, complaintId))
  return row ?? null
}

/** The complaint a summary would be drafted from, and the summary already drafted for it, if any. */
export async function complaintForSummary(db: Database, reference: string) {
  const [complaint] = await db
    .select({ id: complaints.id, reference: complaints.reference, status: complaints.status })
    .from(complaints)
    .where(eq(complaints.reference, reference))
  if (!complaint) return null
  const [existing] = await db
    .select({ id: publishedSummaries.id, publishedAt: publishedSummaries.publishedAt })
    .from(publishedSummaries)
    .where(eq(publishedSummaries.complaintId, complaint.id))
    .limit(1)
  return { ...complaint, existing: existing ?? null }
}

export type SummaryChange =
  { ok: true; id: string } | { ok: false; notFound: true } | { ok: false; errors: FieldErrors; status: 400 | 409 }

/** A draft from a closed complaint, refused if its words identify the resident or the case. */
export async function draftSummary(
  db: Database,
  input: {
    reference: string
    summary: SummaryInput
    staffId: string
    submissionKey: string
    requestId?: string | null
  },
): Promise<SummaryChange> {
  return db.transaction(async (tx) => {
    const [complaint] = await tx
      .select({ id: complaints.id, status: complaints.status })
      .from(complaints)
      .where(eq(complaints.reference, input.reference))
      .for('update')
    if (!complaint) return { ok: false, notFound: true }
    const [existing] = await tx
      .select({ id: publishedSummaries.id })
      .from(publishedSummaries)
      .where(eq(publishedSummaries.complaintId, complaint.id))
      .limit(1)
    if (existing) {
      // A double submit finds the draft its twin made; otherwise one summary per complaint.
      return { ok: false, errors: { summary: { key: 'staff-errors:panel.alreadyDrafted' } }, status: 409 }
    }
    if (complaint.status !== 'closed')
      return { ok: false, errors: { summary: { key: 'staff-errors:panel.notClosed' } }, status: 409 }
    const who = await identifiersOf(tx, complaint.id)
    if (!who) return { ok: false, notFound: true }
    const checked = validateSummary(input.summary, who)
    if (!checked.ok) return { ok: false, errors: checked.errors, status: 400 }
    if (!(await claimSubmission(tx, 'panel_summary', input.submissionKey)))
      return { ok: false, errors: { summary: { key: 'staff-errors:panel.alreadyDrafted' } }, status: 409 }
    const [row] = await tx
      .insert(publishedSummaries)
      .values({ complaintId: complaint.id, ...checked.value, draftedBy: input.staffId })
      .returning({ id: publishedSummaries.id })
    if (!row) throw new Error('summary not saved')
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'panel.summary_drafted',
      entityType: 'published_summary',
      entityId: row.id,
      after: { complaintId: complaint.id, serviceArea: checked.value.serviceArea, outcome: checked.value.outcome },
      requestId: input.requestId,
    })
    return { ok: true, id: row.id }
  })
}

/** Drafts awaiting a manager, and what is published, for the managers' list. */
export async function summariesForManagers(db: Database) {
  return db
    .select({
      id: publishedSummaries.id,
      reference: complaints.reference,
      serviceArea: publishedSummaries.serviceArea,
      outcome: publishedSummaries.outcome,
      summary: publishedSummaries.summary,
      draftedBy: staffUsers.name,
      publishedAt: publishedSummaries.publishedAt,
      createdAt: publishedSummaries.createdAt,
    })
    .from(publishedSummaries)
    .innerJoin(complaints, eq(complaints.id, publishedSummaries.complaintId))
    .leftJoin(staffUsers, eq(staffUsers.id, publishedSummaries.draftedBy))
    .orderBy(desc(publishedSummaries.createdAt))
    .limit(200)
}

export async function summaryForApproval(db: Database, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null
  const [row] = await db
    .select({ summary: publishedSummaries, reference: complaints.reference, draftedBy: staffUsers.name })
    .from(publishedSummaries)
    .innerJoin(complaints, eq(complaints.id, publishedSummaries.complaintId))
    .leftJoin(staffUsers, eq(staffUsers.id, publishedSummaries.draftedBy))
    .where(eq(publishedSummaries.id, id))
  return row ?? null
}

/**
 * A manager publishes a draft, after the same check again (the resident's details may have been
 * corrected since it was drafted), or returns it, which removes the draft so it can be redone.
 */
export async function decideSummary(
  db: Database,
  input: { id: string; decision: 'publish' | 'return'; staffId: string; now: Date; requestId?: string | null },
): Promise<SummaryChange> {
  return db.transaction(async (tx) => {
    if (!/^[0-9a-f-]{36}$/.test(input.id)) return { ok: false, notFound: true }
    const [row] = await tx.select().from(publishedSummaries).where(eq(publishedSummaries.id, input.id)).for('update')
    if (!row) return { ok: false, notFound: true }
    // Already decided (a double submit, or a second manager): nothing more to do.
    if (row.publishedAt) return { ok: true, id: row.id }
    if (input.decision === 'return') {
      await tx.delete(publishedSummaries).where(eq(publishedSummaries.id, row.id))
      await recordAudit(tx, {
        actor: { type: 'staff', id: input.staffId },
        action: 'panel.summary_returned',
        entityType: 'published_summary',
        entityId: row.id,
        before: {
          complaintId: row.complaintId,
          serviceArea: row.serviceArea,
          outcome: row.outcome,
          draftedBy: row.draftedBy,
        },
        requestId: input.requestId,
      })
      return { ok: true, id: row.id }
    }
    const who = await identifiersOf(tx, row.complaintId)
    if (!who) return { ok: false, notFound: true }
    const checked = validateSummary(row, who)
    if (!checked.ok) return { ok: false, errors: checked.errors, status: 409 }
    await tx
      .update(publishedSummaries)
      .set({ approvedBy: input.staffId, publishedAt: input.now })
      .where(and(eq(publishedSummaries.id, row.id), isNull(publishedSummaries.publishedAt)))
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'panel.summary_published',
      entityType: 'published_summary',
      entityId: row.id,
      after: { complaintId: row.complaintId },
      requestId: input.requestId,
    })
    return { ok: true, id: row.id }
  })
}

/** Published summaries for the panel: their words only — no id, no reference, no complaint. */
export async function publishedSummariesForPanel(db: Database) {
  return db
    .select({
      serviceArea: publishedSummaries.serviceArea,
      summary: publishedSummaries.summary,
      outcome: publishedSummaries.outcome,
      learning: publishedSummaries.learning,
      publishedAt: publishedSummaries.publishedAt,
    })
    .from(publishedSummaries)
    .where(isNotNull(publishedSummaries.publishedAt))
    .orderBy(desc(publishedSummaries.publishedAt))
    .limit(200)
}

/** "You said, we did": improvement actions a manager published, in their published words only. */
export async function youSaidWeDid(db: Database) {
  return db
    .select({
      serviceArea: improvementActions.serviceArea,
      youSaid: improvementActions.youSaid,
      weDid: improvementActions.weDid,
      completedOn: improvementActions.completedOn,
      publishedAt: improvementActions.publishedAt,
    })
    .from(improvementActions)
    .where(isNotNull(improvementActions.publishedAt))
    .orderBy(desc(improvementActions.publishedAt))
    .limit(200)
}

export async function loadSelfAssessment(db: Database): Promise<SelfAssessment> {
  const [row] = await db.select().from(settings).where(eq(settings.key, SELF_ASSESSMENT_KEY))
  return selfAssessmentFrom(row?.value ?? null)
}

export async function saveSelfAssessment(
  db: Database,
  input: { value: SelfAssessment; staffId: string; now: Date; requestId?: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(settings).where(eq(settings.key, SELF_ASSESSMENT_KEY)).for('update')
    await tx
      .insert(settings)
      .values({ key: SELF_ASSESSMENT_KEY, value: input.value, updatedAt: input.now })
      .onConflictDoUpdate({ target: settings.key, set: { value: input.value, updatedAt: input.now } })
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'settings.changed',
      entityType: 'setting',
      entityId: SELF_ASSESSMENT_KEY,
      before: before?.value ?? null,
      after: input.value,
      requestId: input.requestId,
    })
  })
}
