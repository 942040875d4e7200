// Contact restrictions (UB-1…3): recorded with their reasons, told to the resident in their own
// language with how to challenge and the Ombudsman route, reviewed, renewed or ended — all audited.
import { and, desc, eq } from 'drizzle-orm'
import { restrictionState, reviewIsDue, type RestrictionInput, type RestrictionKind } from '~/domain/conduct'
import { isWorkingDay, londonDate, type IsoDate } from '~/domain/working-days'
import { isInterfaceLanguage } from '~/i18n/config'
import { formatDate } from '~/i18n/format'
import { getI18n } from '~/i18n/i18n.server'
import { conductRestrictions, outboxMessages, residents, staffUsers } from '../../db/schema'
import { recordAudit } from './audit.server'
import { loadCalendar } from './calendar.server'
import { loadCodeSettings } from './cases.server'
import type { Database } from './db.server'
import { enqueueMessage } from './outbox.server'

export async function restrictionsOf(db: Database, residentId: string, today: IsoDate) {
  const rows = await db
    .select({ restriction: conductRestrictions, decidedBy: staffUsers.name })
    .from(conductRestrictions)
    .leftJoin(staffUsers, eq(staffUsers.id, conductRestrictions.decidedBy))
    .where(eq(conductRestrictions.residentId, residentId))
    .orderBy(desc(conductRestrictions.startsOn))
  return rows.map(({ restriction, decidedBy }) => ({
    ...restriction,
    decidedByName: decidedBy,
    state: restrictionState(restriction, today),
    reviewDue: reviewIsDue(restriction, today),
  }))
}

/** The restriction in force for a resident today, if any (shown wherever staff contact them). */
export async function activeRestriction(db: Database, residentId: string, today: IsoDate) {
  return (await restrictionsOf(db, residentId, today)).find((r) => r.state === 'active') ?? null
}

export async function recordRestriction(
  db: Database,
  input: {
    residentId: string
    restriction: RestrictionInput & { kind: RestrictionKind; startsOn: IsoDate; reviewOn: IsoDate }
    staffId: string
    requestId?: string | null
  },
): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [resident] = await tx.select().from(residents).where(eq(residents.id, input.residentId)).for('update')
    if (!resident) return null
    const [row] = await tx
      .insert(conductRestrictions)
      .values({
        residentId: input.residentId,
        kind: input.restriction.kind,
        behaviour: input.restriction.behaviour,
        restriction: input.restriction.restriction,
        equalityConsideration: input.restriction.equalityConsideration,
        decidedBy: input.staffId,
        startsOn: input.restriction.startsOn,
        reviewOn: input.restriction.reviewOn,
      })
      .returning({ id: conductRestrictions.id })
    if (!row) throw new Error('restriction not saved')
    // UB-2: the resident is told, in their language, what changes, until when, and how to challenge it.
    if (resident.email) {
      const language = isInterfaceLanguage(resident.preferredLanguage) ? resident.preferredLanguage : 'en'
      const t = getI18n(language).getFixedT(language, 'letters')
      const settings = await loadCodeSettings(tx)
      const values = {
        name: resident.name,
        restriction: input.restriction.restriction,
        date: formatDate(input.restriction.reviewOn, language),
        ombudsman: `${settings.ombudsman.name}, ${settings.ombudsman.phone}, ${settings.ombudsman.website}`,
      }
      await enqueueMessage(tx, {
        channel: 'email',
        purpose: 'conduct_restriction',
        recipient: resident.email,
        subject: t('email.conduct.subject'),
        bodyText: [
          t('email.conduct.greeting', values),
          t('email.conduct.what', values),
          t('email.conduct.review', values),
          t('email.conduct.stillComplain'),
          t('email.conduct.urgent'),
          t('email.conduct.challenge'),
          t('email.conduct.ombudsman', values),
        ].join('\n\n'),
        language,
      })
    }
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'conduct.restricted',
      entityType: 'resident',
      entityId: input.residentId,
      after: {
        restrictionId: row.id,
        kind: input.restriction.kind,
        startsOn: input.restriction.startsOn,
        reviewOn: input.restriction.reviewOn,
      },
      requestId: input.requestId,
    })
    return row.id
  })
}

/** A review that keeps the restriction is a fresh decision with a new review date. */
export async function renewRestriction(
  db: Database,
  input: { residentId: string; restrictionId: string; reviewOn: IsoDate; staffId: string; requestId?: string | null },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(conductRestrictions)
      .where(and(eq(conductRestrictions.id, input.restrictionId), eq(conductRestrictions.residentId, input.residentId)))
      .for('update')
    if (!row || row.endedOn) return false
    await tx
      .update(conductRestrictions)
      .set({ reviewOn: input.reviewOn, renewals: row.renewals + 1, decidedBy: input.staffId })
      .where(eq(conductRestrictions.id, row.id))
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'conduct.renewed',
      entityType: 'resident',
      entityId: input.residentId,
      before: { reviewOn: row.reviewOn },
      after: { restrictionId: row.id, reviewOn: input.reviewOn },
      requestId: input.requestId,
    })
    return true
  })
}

export async function endRestriction(
  db: Database,
  input: {
    residentId: string
    restrictionId: string
    reason: string
    staffId: string
    today: IsoDate
    requestId?: string | null
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(conductRestrictions)
      .where(and(eq(conductRestrictions.id, input.restrictionId), eq(conductRestrictions.residentId, input.residentId)))
      .for('update')
    if (!row || row.endedOn) return false
    await tx
      .update(conductRestrictions)
      .set({ endedOn: input.today, endedBy: input.staffId, endReason: input.reason })
      .where(eq(conductRestrictions.id, row.id))
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'conduct.ended',
      entityType: 'resident',
      entityId: input.residentId,
      after: { restrictionId: row.id, endedOn: input.today },
      requestId: input.requestId,
    })
    return true
  })
}

/** Each working morning: whoever decided a restriction whose review is near hears about it, once a day. */
export async function queueRestrictionReviews(db: Database, now: Date): Promise<number> {
  const calendar = await loadCalendar(db)
  const today = londonDate(now)
  if (!isWorkingDay(today, calendar.nonWorkingDays)) return 0
  const rows = await db
    .select({ restriction: conductRestrictions, email: staffUsers.email })
    .from(conductRestrictions)
    .innerJoin(staffUsers, eq(staffUsers.id, conductRestrictions.decidedBy))
  const due = rows.filter(({ restriction }) => reviewIsDue(restriction, today))
  if (due.length === 0) return 0
  const t = getI18n('en').getFixedT('en', 'staff')
  let queued = 0
  await db.transaction(async (tx) => {
    for (const { restriction, email } of due) {
      const purpose = `conduct_review:${restriction.id}:${today}`
      const [already] = await tx
        .select({ id: outboxMessages.id })
        .from(outboxMessages)
        .where(eq(outboxMessages.purpose, purpose))
        .limit(1)
      if (already) continue
      await enqueueMessage(tx, {
        channel: 'email',
        purpose,
        recipient: email,
        subject: t('alerts.conductReview.subject'),
        bodyText: `${t('alerts.conductReview.body', { date: restriction.reviewOn, link: `/staff/residents/${restriction.residentId}` })}\n`,
        language: 'en',
      })
      queued += 1
    }
  })
  return queued
}
