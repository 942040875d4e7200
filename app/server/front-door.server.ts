// The contact centre logs every expression of dissatisfaction (DEF-3), with the offer to complain
// and its answer, in one transaction: the resident, the contact, the complaint when there is one,
// the adjustments, an alert to managers for urgent risks, and the audit event.
import { and, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm'
import type { FrontDoorInput } from '~/domain/front-door'
import { hasConsent, priorityOf } from '~/domain/front-door'
import type { AdjustmentKind } from '~/domain/complaints/status'
import { londonDate } from '~/domain/working-days'
import { complaints, contacts, formSubmissions, reasonableAdjustments, residents, staffUsers } from '../../db/schema'
import { getI18n } from '~/i18n/i18n.server'
import { recordAudit } from './audit.server'
import { loadCalendar } from './calendar.server'
import { createComplaintRecord } from './complaints.server'
import type { Database } from './db.server'
import { enqueueMessage } from './outbox.server'

export async function searchResidents(db: Database, query: string) {
  const q = query.trim()
  if (q.length < 2) return []
  const digits = q.replace(/\D/g, '')
  const postcode = q.toUpperCase().replace(/\s+/g, '')
  const byReference = /^PR-?\d{4}-?\d+$/i.test(q)
    ? db.select({ id: complaints.residentId }).from(complaints).where(eq(complaints.reference, q.toUpperCase()))
    : null
  const rows = await db
    .select({
      id: residents.id,
      name: residents.name,
      email: residents.email,
      phone: residents.phone,
      postcode: residents.postcode,
      address: residents.address,
    })
    .from(residents)
    .where(
      or(
        ilike(residents.name, `%${q.replace(/[%_\\]/g, '')}%`),
        eq(sql`replace(upper(${residents.postcode}), ' ', '')`, postcode),
        eq(sql`lower(${residents.email})`, q.toLowerCase()),
        digits.length >= 6
          ? sql`regexp_replace(${residents.phone}, '\\D', '', 'g') like ${`%${digits.slice(-9)}`}`
          : sql`false`,
        byReference ? inArray(residents.id, byReference) : sql`false`,
      ),
    )
    .orderBy(residents.name)
    .limit(20)
  return rows
}

export type LoggedContact = { contactId: string; reference: string | null; replayed: boolean }

export async function logContact(
  db: Database,
  input: { form: FrontDoorInput; staffId: string; now: Date; requestId?: string | null },
): Promise<LoggedContact | { notFound: true }> {
  const calendar = await loadCalendar(db)
  const { form } = input
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(formSubmissions)
      .values({ key: form.submissionKey, purpose: 'contact' })
      .onConflictDoNothing({ target: formSubmissions.key })
      .returning({ key: formSubmissions.key })
    if (claimed.length === 0) {
      const [previous] = await tx.select().from(formSubmissions).where(eq(formSubmissions.key, form.submissionKey))
      return { ...(previous?.result as Omit<LoggedContact, 'replayed'>), replayed: true }
    }

    let residentId = form.residentId
    if (residentId === 'new' || residentId === '') {
      const [created] = await tx
        .insert(residents)
        .values({
          name: form.name ?? '',
          email: form.email,
          phone: form.phone,
          postcode: form.postcode?.toUpperCase() ?? null,
          preferredContactMethod: form.email ? 'email' : form.phone ? 'phone' : 'letter',
        })
        .returning({ id: residents.id })
      residentId = created?.id ?? ''
    } else {
      const [existing] = await tx.select({ id: residents.id }).from(residents).where(eq(residents.id, residentId))
      if (!existing) return { notFound: true } as const
    }

    const priority = priorityOf(form.risks)
    const representative =
      form.representativeType === 'none'
        ? null
        : {
            type: form.representativeType,
            name: form.representativeName,
            consentMethod: form.consentMethod ?? null,
            consented: hasConsent({ type: form.representativeType, consentMethod: form.consentMethod ?? null }),
          }
    const receivedOn = londonDate(input.now)
    let complaint: { id: string; reference: string } | null = null
    if (form.outcome !== 'service_request_raised') {
      const created = await createComplaintRecord(tx, calendar, {
        residentId,
        channel: form.channel,
        category: form.serviceArea,
        description: form.summary,
        desiredOutcome: form.desiredOutcome,
        language: 'en',
        receivedAt: input.now,
        resolvedAtFirstContact: form.outcome === 'resident_declined_offer',
        priority,
        representative,
      })
      complaint = { id: created.complaint.id, reference: created.reference }
    }

    const [contact] = await tx
      .insert(contacts)
      .values({
        residentId,
        complaintId: complaint?.id ?? null,
        channel: form.channel,
        channelDetail: form.channelDetail,
        summary: form.summary,
        serviceArea: form.serviceArea,
        receivedOn,
        offeredBy: input.staffId,
        offeredAt: input.now,
        outcome: form.outcome,
        serviceRequestReference: form.serviceRequestReference,
        representative,
        risks: form.risks,
        priority,
      })
      .returning({ id: contacts.id })
    if (!contact) throw new Error('Contact not logged')

    if (form.adjustments.length > 0) {
      await tx.insert(reasonableAdjustments).values(
        form.adjustments.map((kind: AdjustmentKind) => ({
          residentId,
          complaintId: complaint?.id ?? null,
          kind,
          detail: form.adjustmentDetail,
        })),
      )
    }

    if (priority === 'urgent') {
      const managers = await tx
        .select({ email: staffUsers.email })
        .from(staffUsers)
        .where(and(eq(staffUsers.role, 'manager'), eq(staffUsers.active, true)))
      // Staff alerts are in English: staff have no language preference recorded yet.
      const t = getI18n('en').getFixedT('en', 'staff')
      const values = {
        reference: complaint?.reference ?? t('alerts.noReference'),
        risks: form.risks.map((risk) => t(`frontDoor.risks.${risk}`)).join(', '),
      }
      for (const manager of managers) {
        await enqueueMessage(tx, {
          channel: 'email',
          purpose: 'alert:urgent_contact',
          recipient: manager.email,
          subject: t('alerts.urgentContact.subject', values),
          bodyText: `${t('alerts.urgentContact.body', values)}\n`,
          language: 'en',
          complaintId: complaint?.id ?? null,
        })
      }
    }

    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'contact.logged',
      entityType: 'contact',
      entityId: contact.id,
      after: {
        outcome: form.outcome,
        channel: form.channel,
        complaint: complaint?.reference ?? null,
        priority,
        representative: representative?.type ?? null,
      },
      requestId: input.requestId,
    })
    const result = { contactId: contact.id, reference: complaint?.reference ?? null }
    await tx.update(formSubmissions).set({ result }).where(eq(formSubmissions.key, form.submissionKey))
    return { ...result, replayed: false }
  })
}

/** One screen of a resident's history: contacts and complaints, repeats marked (same service within 12 months). */
export async function residentHistory(db: Database, residentId: string) {
  const [resident] = await db.select().from(residents).where(eq(residents.id, residentId))
  if (!resident) return null
  const [contactRows, complaintRows] = await Promise.all([
    db.select().from(contacts).where(eq(contacts.residentId, residentId)).orderBy(desc(contacts.receivedOn)),
    db
      .select({
        reference: complaints.reference,
        receivedOn: complaints.receivedOn,
        category: complaints.category,
        status: complaints.status,
        channel: complaints.channel,
      })
      .from(complaints)
      .where(eq(complaints.residentId, residentId))
      .orderBy(desc(complaints.receivedOn)),
  ])
  return { resident, contacts: contactRows, complaints: complaintRows }
}
