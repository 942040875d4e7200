// Staff reminders: each working morning, handlers hear about their complaints due in the next
// two working days, and handlers and managers about overdue ones. Once a day per complaint.
import { and, eq, inArray, isNotNull, lte } from 'drizzle-orm'
import { addWorkingDays, isWorkingDay, londonDate } from '~/domain/working-days'
import { getI18n } from '~/i18n/i18n.server'
import { complaints, outboxMessages, staffUsers } from '../../db/schema'
import { loadCalendar } from './calendar.server'
import type { Database } from './db.server'
import { enqueueMessage } from './outbox.server'

export async function queueReminders(db: Database, now: Date): Promise<number> {
  const calendar = await loadCalendar(db)
  const today = londonDate(now)
  if (!isWorkingDay(today, calendar.nonWorkingDays)) return 0
  const soon = addWorkingDays(today, 2, calendar.nonWorkingDays)
  const due = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      nextDue: complaints.nextDue,
      handlerId: complaints.handlerId,
    })
    .from(complaints)
    .where(and(isNotNull(complaints.nextDue), lte(complaints.nextDue, soon)))
  if (due.length === 0) return 0
  const staff = await db
    .select({ id: staffUsers.id, email: staffUsers.email, role: staffUsers.role })
    .from(staffUsers)
    .where(eq(staffUsers.active, true))
  const managers = staff.filter((s) => s.role === 'manager')
  const t = getI18n('en').getFixedT('en', 'staff')
  let queued = 0
  await db.transaction(async (tx) => {
    const purposes = due.map((c) => `reminder:${c.id}:${today}`)
    const already = new Set(
      (
        await tx
          .select({ purpose: outboxMessages.purpose })
          .from(outboxMessages)
          .where(inArray(outboxMessages.purpose, purposes))
      ).map((m) => m.purpose),
    )
    for (const complaint of due) {
      const purpose = `reminder:${complaint.id}:${today}`
      if (already.has(purpose)) continue
      const overdue = (complaint.nextDue ?? today) < today
      const recipients = [
        ...staff.filter((s) => s.id === complaint.handlerId),
        ...(overdue || !complaint.handlerId ? managers : []),
      ]
      const key = overdue ? 'alerts.overdue' : 'alerts.dueSoon'
      for (const recipient of new Map(recipients.map((r) => [r.email, r])).values()) {
        await enqueueMessage(tx, {
          channel: 'email',
          purpose,
          recipient: recipient.email,
          subject: t(`${key}.subject`, { reference: complaint.reference }),
          bodyText: `${t(`${key}.body`, { reference: complaint.reference, date: complaint.nextDue ?? '' })}\n`,
          language: 'en',
          complaintId: complaint.id,
        })
        queued += 1
      }
    }
  })
  return queued
}
