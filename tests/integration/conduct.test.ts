// Contact restrictions (UB-1…3) through the staff routes, on both engines: only a manager records
// one, the resident is told in their language, it shows on their complaints, it is renewed or
// ended with an audit trail, reviews are reminded once a day, and anonymising removes its text.
import { readFileSync } from 'node:fs'
import { and, count, eq } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { auditEvents, complaints, conductRestrictions, outboxMessages } from '../../db/schema'
import { defaultReviewOn } from '~/domain/conduct'
import { londonDate } from '~/domain/working-days'
import * as casePage from '~/routes/staff.complaints.$reference/route'
import * as reviewRoute from '~/routes/staff.residents.$id_.restrictions.$restrictionId/route'
import * as newRoute from '~/routes/staff.residents.$id_.restrictions.new/route'
import { queueRestrictionReviews, recordRestriction } from '~/server/conduct.server'
import { anonymiseResident } from '~/server/data-rights.server'
import { describeEachEngine } from '../support/databases'
import { aComplaint, aStaffMember, someAnswers } from '../support/factories'
import { answer, bodyOf, formRequest, getRequest, loadContext, statusOf } from '../support/requests'
import { staffCookie } from '../support/staff-session'

type Rejected = { errors: Record<string, { key: string }> }

const welsh = JSON.parse(readFileSync('locales/cy/letters.json', 'utf8')) as {
  email: { conduct: { subject: string } }
}

describeEachEngine('contact restrictions', (handle) => {
  const db = () => handle().db
  let manager = ''
  let advisor = ''
  let managerId = ''
  let residentId = ''
  let reference = ''
  const today = londonDate(new Date())
  const fields = () => ({
    kind: 'written_only' as const,
    behaviour: 'Forty calls in one week, some abusive, to the same officer.',
    restriction: 'Please write to us at complaints@example.org; we will answer within 5 working days.',
    equalityConsideration: 'No disability or vulnerability known; writing is accessible for this resident.',
    startsOn: today,
    reviewOn: defaultReviewOn(today),
  })
  const post = (cookie: string, values: Record<string, string>) =>
    answer(() =>
      newRoute.action({
        request: formRequest(`/staff/residents/${residentId}/restrictions/new`, values, { cookie }),
        params: { id: residentId },
        context: loadContext(),
      }),
    )
  const restrictionRows = () =>
    db().select().from(conductRestrictions).where(eq(conductRestrictions.residentId, residentId))

  beforeAll(async () => {
    const m = await aStaffMember(db(), 'manager')
    managerId = m.id
    manager = await staffCookie(m)
    advisor = await staffCookie(await aStaffMember(db(), 'advisor'))
    const submitted = await aComplaint(db(), { answers: someAnswers({ language: 'cy' }) })
    reference = submitted.reference
    const [row] = await db().select().from(complaints).where(eq(complaints.reference, reference))
    residentId = row?.residentId ?? ''
  })

  it('is recorded only by a manager, only when complete, and the resident is told in Welsh', async () => {
    expect(statusOf(await post(advisor, fields()))).toBe(403)
    const incomplete = await post(manager, { ...fields(), equalityConsideration: ' ' })
    expect(statusOf(incomplete)).toBe(400)
    expect(bodyOf<Rejected>(incomplete).errors.equalityConsideration?.key).toBe('staff-errors:conduct.equalityRequired')
    const tooLong = await post(manager, { ...fields(), reviewOn: '2999-01-01' })
    expect(bodyOf<Rejected>(tooLong).errors.reviewOn?.key).toBe('staff-errors:conduct.reviewTooLate')
    expect(await restrictionRows()).toHaveLength(0)

    const done = await post(manager, fields())
    expect((done as Response).headers.get('Location')).toBe(`/staff/residents/${residentId}?done=restricted`)
    const [restriction] = await restrictionRows()
    expect(restriction).toMatchObject({ kind: 'written_only', decidedBy: managerId, startsOn: today })
    const [email] = await db().select().from(outboxMessages).where(eq(outboxMessages.purpose, 'conduct_restriction'))
    expect(email?.language).toBe('cy')
    expect(email?.subject).toBe(welsh.email.conduct.subject)
    expect(email?.bodyText).toContain('complaints@example.org')
    const audited = await db()
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, residentId), eq(auditEvents.action, 'conduct.restricted')))
    expect(audited[0]?.n).toBe(1)
  })

  it('shows on the resident’s complaints, and never blocks them', async () => {
    const page = await casePage.loader({
      request: getRequest(`/staff/complaints/${reference}`, { cookie: advisor }),
      params: { reference },
      context: loadContext(),
    })
    expect(page.restriction?.text).toContain('Please write to us')
    // The complaint's own actions are unchanged by it (UB-3).
    expect(page.actions).toContain('withdraw')
  })

  it('is renewed to a new review date, or ended with a reason, and each is audited', async () => {
    const [restriction] = await restrictionRows()
    const id = restriction?.id ?? ''
    const review = (values: Record<string, string>) =>
      answer(() =>
        reviewRoute.action({
          request: formRequest(`/staff/residents/${residentId}/restrictions/${id}`, values, { cookie: manager }),
          params: { id: residentId, restrictionId: id },
          context: loadContext(),
        }),
      )
    const late = await review({ intent: 'renew', reviewOn: '2999-01-01' })
    expect(bodyOf<Rejected>(late).errors.reviewOn?.key).toBe('staff-errors:conduct.reviewTooLate')
    const next = defaultReviewOn(today)
    expect(statusOf(await review({ intent: 'renew', reviewOn: next }))).toBe(302)
    expect((await restrictionRows())[0]).toMatchObject({ reviewOn: next, renewals: 1 })
    expect(bodyOf<Rejected>(await review({ intent: 'end', reason: '' })).errors.reason?.key).toBe(
      'staff-errors:conduct.endReasonRequired',
    )
    expect(statusOf(await review({ intent: 'end', reason: 'Calls are now normal.' }))).toBe(302)
    expect((await restrictionRows())[0]).toMatchObject({ endedOn: today, endedBy: managerId })
    const page = await casePage.loader({
      request: getRequest(`/staff/complaints/${reference}`, { cookie: advisor }),
      params: { reference },
      context: loadContext(),
    })
    expect(page.restriction).toBeNull()
    // An ended restriction cannot be reviewed again.
    expect(statusOf(await review({ intent: 'renew', reviewOn: next }))).toBe(404)
    const actions = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, residentId))
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['conduct.restricted', 'conduct.renewed', 'conduct.ended']),
    )
  })

  it('reminds whoever decided it when its review is near, once a day, on working days', async () => {
    const { reference: other } = await aComplaint(db())
    const [row] = await db().select().from(complaints).where(eq(complaints.reference, other))
    await recordRestriction(db(), {
      residentId: row?.residentId ?? '',
      restriction: { ...fields(), kind: 'written_only', startsOn: '2026-09-01', reviewOn: '2026-11-30' },
      staffId: managerId,
    })
    const monday = new Date('2026-11-23T07:00:00Z')
    const before = (await db().select().from(outboxMessages)).length
    expect(await queueRestrictionReviews(db(), monday)).toBe(1)
    expect(await queueRestrictionReviews(db(), monday)).toBe(0)
    expect(await queueRestrictionReviews(db(), new Date('2026-11-22T07:00:00Z'))).toBe(0)
    const after = await db().select().from(outboxMessages)
    expect(after.length).toBe(before + 1)
  })

  it('loses its words when the resident is anonymised', async () => {
    await anonymiseResident(db(), { residentId, actor: { type: 'staff', id: managerId }, reason: 'request' })
    const [restriction] = await restrictionRows()
    expect(restriction).toMatchObject({
      behaviour: '[removed]',
      restriction: '[removed]',
      equalityConsideration: '[removed]',
    })
    expect(restriction?.startsOn).toBe(today)
  })
})
