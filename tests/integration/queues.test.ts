// Long lists on both engines. The work queues: newest first, overdue by the next deadline, and a
// count that stops at its limit (a million cases must not be counted on every look at the list).
// A case's timeline: the newest entries, and all of them on request.
import { expect, it } from 'vitest'
import { addWorkingDays, londonDate } from '~/domain/working-days'
import * as complaintPage from '~/routes/staff.complaints.$reference/route'
import { addNote } from '~/server/case-records.server'
import { listComplaints, type QueueQuery } from '~/server/complaints.server'
import { describeEachEngine } from '../support/databases'
import { aComplaint, aStaffMember } from '../support/factories'
import { getRequest, loadContext } from '../support/requests'
import { staffCookie } from '../support/staff-session'

describeEachEngine('work queues', (handle) => {
  const today = londonDate(new Date())
  const queue = (staffId: string, changes: Partial<QueueQuery>): QueueQuery => ({
    view: 'all',
    staffId,
    today,
    dueSoonUntil: addWorkingDays(today, 2, new Set()),
    sort: 'received',
    page: 1,
    pageSize: 25,
    ...changes,
  })

  it('lists newest first and counts up to its limit, saying when there are more', async () => {
    const db = handle().db
    const handler = await aStaffMember(db, 'complaint_handler')
    const base = Date.now() + 86_400_000
    const references: string[] = []
    for (let i = 0; i < 4; i += 1) {
      const sent = await aComplaint(db, { receivedAt: new Date(base + i * 60_000) })
      references.push(sent.reference)
    }
    const all = await listComplaints(db, queue(handler.id, { countLimit: 1_000 }))
    expect(all.more).toBe(false)
    // The four just made are the newest, newest first.
    expect(all.items.slice(0, 4).map((item) => item.reference)).toEqual([...references].reverse())

    const capped = await listComplaints(db, queue(handler.id, { countLimit: 3, pageSize: 2 }))
    expect(capped).toMatchObject({ total: 3, more: true, page: 1 })
    expect(capped.items).toHaveLength(2)
    // No page past the limit: page 9 of "the first 3", two to a page, is page 2.
    const last = await listComplaints(db, queue(handler.id, { countLimit: 3, pageSize: 2, page: 9 }))
    expect(last.page).toBe(2)
    expect(last.items.map((item) => item.reference)).toEqual([references[1], references[0]])

    const exact = await listComplaints(db, queue(handler.id, { countLimit: all.total }))
    expect(exact).toMatchObject({ total: all.total, more: false })
  })

  it('shows only complaints past their next deadline as overdue, soonest first', async () => {
    const db = handle().db
    const handler = await aStaffMember(db, 'complaint_handler')
    const late = await aComplaint(db, { receivedAt: new Date(Date.now() - 40 * 86_400_000) })
    const overdue = await listComplaints(db, queue(handler.id, { view: 'overdue', sort: 'due', pageSize: 100 }))
    expect(overdue.items.map((item) => item.reference)).toContain(late.reference)
    for (const item of overdue.items) expect(item.nextDue && item.nextDue < today).toBe(true)
    const dues = overdue.items.map((item) => item.nextDue ?? '')
    expect(dues).toEqual([...dues].sort())
    const fresh = await aComplaint(db)
    const after = await listComplaints(db, queue(handler.id, { view: 'overdue', sort: 'due', pageSize: 100 }))
    expect(after.items.map((item) => item.reference)).not.toContain(fresh.reference)
  })
  it("shows a case's newest 50 timeline entries, and every entry when asked", async () => {
    const db = handle().db
    const manager = await aStaffMember(db, 'manager')
    const complaint = await aComplaint(db)
    for (let i = 1; i <= 60; i += 1)
      await addNote(db, { reference: complaint.reference, staffId: manager.id, body: `Note ${i}` })
    const cookie = await staffCookie(manager)
    const page = async (query: string) =>
      (await complaintPage.loader({
        request: getRequest(`/staff/complaints/${complaint.reference}${query}`, { cookie }),
        params: { reference: complaint.reference },
        context: loadContext(),
      })) as Awaited<ReturnType<typeof complaintPage.loader>>
    const newest = await page('')
    expect(newest.timeline).toHaveLength(50)
    expect(newest.timelineTotal).toBeGreaterThanOrEqual(61)
    const notes = (entries: typeof newest.timeline) =>
      entries.flatMap((entry) => (entry.kind === 'note' ? [entry.body] : []))
    expect(notes(newest.timeline)[0]).toBe('Note 60')
    const whole = await page('?timeline=all')
    expect(whole.timeline).toHaveLength(newest.timelineTotal)
    expect(notes(whole.timeline)).toHaveLength(60)
    expect(notes(whole.timeline).at(-1)).toBe('Note 1')
  })
})
