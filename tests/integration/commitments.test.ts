// The commitments register (PTR-5) through its routes, on both engines: the cross-service view and
// its filters; progress, the resident's update, a revised date that keeps the original, completion
// with evidence and a manager's sign-off; cancellation awaiting approval; every change audited once;
// the overdue alert queued once a day; and the resident seeing their own commitment's progress.
import { and, asc, count, eq, like } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { auditEvents, commitments, complaints, outboxMessages, staffUsers } from '../../db/schema'
import { addWorkingDays, londonDate } from '~/domain/working-days'
import * as residentCase from '~/routes/_resident.track.$reference/route'
import * as trackCode from '~/routes/_resident.track.code/route'
import * as trackStart from '~/routes/_resident.track._index/route'
import * as detail from '~/routes/staff.commitments.$id/route'
import * as register from '~/routes/staff.commitments._index/route'
import { loadCalendar } from '~/server/calendar.server'
import { queueCommitmentAlerts } from '~/server/commitments.server'
import { describeEachEngine } from '../support/databases'
import { aRespondedComplaint, aStaffMember, someAnswers } from '../support/factories'
import { answer, bodyOf, cookieFrom, formRequest, getRequest, loadContext, statusOf } from '../support/requests'
import { staffCookie } from '../support/staff-session'

type Rejected = { errors: Record<string, { key: string }> }
const location = (result: unknown) => (result instanceof Response ? result.headers.get('Location') : null)

describeEachEngine('the commitments register', (handle) => {
  const db = () => handle().db
  const today = londonDate(new Date())
  let manager = ''
  let advisor = ''
  let handler = ''
  let managerId = ''
  let reference = ''
  let email = ''
  let commitmentId = ''

  const commitmentOf = async (ref: string) => {
    const [row] = await db()
      .select({ commitment: commitments })
      .from(commitments)
      .innerJoin(complaints, eq(complaints.id, commitments.complaintId))
      .where(eq(complaints.reference, ref))
      .orderBy(asc(commitments.position))
    if (!row) throw new Error(`no commitment on ${ref}`)
    return row.commitment
  }
  const post = (cookie: string, id: string, values: Record<string, string>) =>
    answer(() =>
      detail.action({
        request: formRequest(`/staff/commitments/${id}`, values, { cookie }),
        params: { id },
        context: loadContext(),
      }),
    )
  const auditCount = async (id: string, action: string) =>
    (
      await db()
        .select({ n: count() })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, action)))
    )[0]?.n ?? 0
  const key = () => crypto.randomUUID()

  beforeAll(async () => {
    const m = await aStaffMember(db(), 'manager')
    managerId = m.id
    manager = await staffCookie(m)
    advisor = await staffCookie(await aStaffMember(db(), 'advisor'))
    email = `promise-${Date.now()}@example.org`
    const responded = await aRespondedComplaint(db(), { answers: someAnswers({ email }) })
    reference = responded.reference
    handler = await staffCookie(responded.handler)
    commitmentId = (await commitmentOf(reference)).id
  })

  it('lists every promise across services, filtered by service, owner, status and due date, with counts', async () => {
    const list = (query: string, cookie = advisor) =>
      register.loader({
        request: getRequest(`/staff/commitments${query}`, { cookie }),
        params: {},
        context: loadContext(),
      })
    const all = await list('')
    expect(all.items.some((item) => item.id === commitmentId)).toBe(true)
    expect(all.owners).toContain('Repairs team')
    expect(all.counts.open).toBeGreaterThanOrEqual(1)
    const filtered = await list(`?service=repairs&owner=Repairs%20team&status=open&dueFrom=${today}&dueTo=${today}`)
    expect(filtered.items.map((i) => i.id)).toContain(commitmentId)
    expect(filtered.filters).toMatchObject({ service: 'repairs', owner: 'Repairs team', status: 'open' })
    expect((await list('?service=tenancy')).items.some((i) => i.id === commitmentId)).toBe(false)
    expect((await list('?status=done')).items.some((i) => i.id === commitmentId)).toBe(false)
    const tomorrow = addWorkingDays(today, 1, new Set())
    expect((await list(`?dueFrom=${tomorrow}`)).items.some((i) => i.id === commitmentId)).toBe(false)
    // Due today: on the at-risk list, not overdue.
    expect((await list('?status=jeopardy')).items.some((i) => i.id === commitmentId)).toBe(true)
    expect((await list('?status=overdue')).items.some((i) => i.id === commitmentId)).toBe(false)
    // Nonsense filters are ignored, not errors.
    expect((await list('?status=lost&dueFrom=yesterday')).filters).toMatchObject({ status: '', dueFrom: '' })
  })

  it('records progress and the resident’s update once, even when the form is posted twice', async () => {
    expect(statusOf(await post(advisor, commitmentId, { intent: 'progress', note: 'x', submissionKey: key() }))).toBe(
      403,
    )
    const empty = await post(handler, commitmentId, {
      intent: 'progress',
      note: '',
      residentUpdate: '',
      submissionKey: key(),
    })
    expect(statusOf(empty)).toBe(400)
    expect(bodyOf<Rejected>(empty).errors.note?.key).toBe('staff-errors:commitments.progressRequired')
    const submissionKey = key()
    const values = {
      intent: 'progress',
      note: 'Parts ordered from the supplier.',
      residentUpdate: 'We have ordered the part. The engineer will fit it next week.',
      submissionKey,
    }
    expect(location(await post(handler, commitmentId, values))).toBe(`/staff/commitments/${commitmentId}?done=progress`)
    expect(location(await post(handler, commitmentId, values))).toBe(`/staff/commitments/${commitmentId}?done=progress`)
    expect(await commitmentOf(reference)).toMatchObject({
      status: 'in_progress',
      residentUpdate: values.residentUpdate,
    })
    expect(await auditCount(commitmentId, 'commitment.record_progress')).toBe(1)
  })

  it('shows the resident the progress of their own commitment, in their words', async () => {
    const context = { ...loadContext(), clientIp: '10.9.0.1' }
    const started = await answer(() =>
      trackStart.action({ request: formRequest('/track', { reference, address: email }), params: {}, context }),
    )
    const [message] = await db()
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.purpose, 'access_code'), eq(outboxMessages.recipient, email)))
    const code = /\b(\d{6})\b/.exec(message?.bodyText ?? '')?.[1] ?? ''
    const signedIn = await answer(() =>
      trackCode.action({
        request: formRequest('/track/code', { code }, { cookie: cookieFrom(started as Response, 'pr_track') }),
        params: {},
        context: loadContext(),
      }),
    )
    const cookie = cookieFrom(signedIn as Response, 'pr_resident')
    const page = await residentCase.loader({
      request: getRequest(`/track/${reference}`, { cookie }),
      params: { reference },
      context: loadContext(),
    })
    expect(page.commitments).toEqual([
      expect.objectContaining({
        description: 'Repair the boiler',
        status: 'in_progress',
        update: 'We have ordered the part. The engineer will fit it next week.',
      }),
    ])
  })

  it('revises the due date with a reason and keeps the original one', async () => {
    const later = addWorkingDays(today, 10, new Set())
    const noReason = await post(handler, commitmentId, {
      intent: 'revise',
      dueOn: later,
      reason: ' ',
      submissionKey: key(),
    })
    expect(bodyOf<Rejected>(noReason).errors.reason?.key).toBe('staff-errors:commitments.reviseReasonRequired')
    expect(
      statusOf(
        await post(handler, commitmentId, {
          intent: 'revise',
          dueOn: later,
          reason: 'Part on back order',
          submissionKey: key(),
        }),
      ),
    ).toBe(302)
    expect(await commitmentOf(reference)).toMatchObject({ dueOn: later, originalDueOn: today })
    const page = await detail.loader({
      request: getRequest(`/staff/commitments/${commitmentId}`, { cookie: advisor }),
      params: { id: commitmentId },
      context: loadContext(),
    })
    expect(page.commitment.originalDueOn).not.toBeNull()
    expect(page.canUpdate).toBe(false)
    expect(page.history.map((h) => h.action)).toEqual(['commitment.revise_due', 'commitment.record_progress'])
  })

  it('is done only when a manager signs off its evidence', async () => {
    const noEvidence = await post(handler, commitmentId, {
      intent: 'complete',
      evidence: '',
      completedOn: today,
      submissionKey: key(),
    })
    expect(bodyOf<Rejected>(noEvidence).errors.evidence?.key).toBe('staff-errors:commitments.evidenceRequired')
    expect(
      statusOf(
        await post(handler, commitmentId, {
          intent: 'complete',
          evidence: 'Job 4471 completed; resident confirmed heating works.',
          completedOn: today,
          submissionKey: key(),
        }),
      ),
    ).toBe(302)
    expect((await commitmentOf(reference)).status).toBe('awaiting_sign_off')
    // The owner cannot sign off their own work: only the head of service.
    expect(statusOf(await post(handler, commitmentId, { intent: 'sign_off', submissionKey: key() }))).toBe(403)
    expect((await commitmentOf(reference)).status).toBe('awaiting_sign_off')
    expect(statusOf(await post(manager, commitmentId, { intent: 'sign_off', submissionKey: key() }))).toBe(302)
    const signed = await commitmentOf(reference)
    expect(signed).toMatchObject({ status: 'done', signedOffBy: managerId, completedOn: today })
    expect(signed.signedOffAt).toBeInstanceOf(Date)
    // Signed off once; a second sign-off is refused (409), not repeated.
    const again = await post(manager, commitmentId, { intent: 'sign_off', submissionKey: key() })
    expect(statusOf(again)).toBe(409)
    expect(bodyOf<Rejected>(again).errors.signOff?.key).toBe('staff-errors:commitments.notAwaitingSignOff')
    expect(await auditCount(commitmentId, 'commitment.sign_off')).toBe(1)
  })

  it('is cancelled with a reason, and leaves the figures only once a manager approves', async () => {
    const other = await aRespondedComplaint(db())
    const otherHandler = await staffCookie(other.handler)
    const id = (await commitmentOf(other.reference)).id
    const noReason = await post(otherHandler, id, { intent: 'cancel', cancelReason: '', submissionKey: key() })
    expect(bodyOf<Rejected>(noReason).errors.cancelReason?.key).toBe('staff-errors:commitments.cancelReasonRequired')
    expect(
      statusOf(
        await post(otherHandler, id, { intent: 'cancel', cancelReason: 'Resident moved out', submissionKey: key() }),
      ),
    ).toBe(302)
    expect(await commitmentOf(other.reference)).toMatchObject({ status: 'cancelled', cancelApprovedBy: null })
    expect(statusOf(await post(otherHandler, id, { intent: 'approve_cancellation', submissionKey: key() }))).toBe(403)
    expect(statusOf(await post(manager, id, { intent: 'approve_cancellation', submissionKey: key() }))).toBe(302)
    expect((await commitmentOf(other.reference)).cancelApprovedBy).toBe(managerId)
  })

  it('alerts the complaint’s handler and the managers about an overdue commitment, once a day', async () => {
    const late = await aRespondedComplaint(db())
    const id = (await commitmentOf(late.reference)).id
    const calendar = await loadCalendar(db())
    const day = addWorkingDays(today, 3, calendar.nonWorkingDays)
    const morning = new Date(`${day}T07:00:00Z`)
    const purpose = `commitment_overdue:${id}:${day}`
    await queueCommitmentAlerts(db(), morning)
    const sent = await db().select().from(outboxMessages).where(eq(outboxMessages.purpose, purpose))
    const managers = await db()
      .select({ email: staffUsers.email })
      .from(staffUsers)
      .where(and(eq(staffUsers.role, 'manager'), eq(staffUsers.active, true)))
    expect(sent.map((m) => m.recipient).sort()).toEqual([late.handler.email, ...managers.map((m) => m.email)].sort())
    expect(sent[0]?.subject).toContain(late.reference)
    expect(sent[0]?.bodyText).toContain(`/staff/commitments/${id}`)
    // Run again the same morning: nothing new.
    expect(await queueCommitmentAlerts(db(), morning)).toBe(0)
    expect(await db().select().from(outboxMessages).where(eq(outboxMessages.purpose, purpose))).toHaveLength(
      sent.length,
    )
    // Done and signed-off commitments are never chased.
    const chasedDone = await db()
      .select({ n: count() })
      .from(outboxMessages)
      .where(like(outboxMessages.purpose, `commitment_overdue:${commitmentId}:%`))
    expect(chasedDone[0]?.n).toBe(0)
  })
})
