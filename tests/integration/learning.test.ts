// The learning log (GOV-2) through its routes, on both engines: an upheld complaint is not closed
// until its learning is recorded; "no learning" needs a manager; improvement actions are SMART,
// added once, completed with evidence and signed off by a manager; "you said, we did" is published
// only by a manager and only when done; the log lists complaints with their learning and repeats.
import { and, count, eq } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { auditEvents, complaints, improvementActions, learningEntries } from '../../db/schema'
import { addCalendarDays, londonDate } from '~/domain/working-days'
import * as caseAction from '~/routes/staff.complaints.$reference_.$action/route'
import * as casePage from '~/routes/staff.complaints.$reference/route'
import * as learningPage from '~/routes/staff.complaints.$reference_.learning/route'
import * as improvementPage from '~/routes/staff.learning.improvements.$id/route'
import * as learningLog from '~/routes/staff.learning._index/route'
import { describeEachEngine } from '../support/databases'
import { aComplaint, aRespondedComplaint, aStaffMember } from '../support/factories'
import { answer, bodyOf, formRequest, getRequest, loadContext, statusOf } from '../support/requests'
import { staffCookie } from '../support/staff-session'

type Rejected = { errors: Record<string, { key: string }> }
const location = (result: unknown) => (result instanceof Response ? result.headers.get('Location') : null)

describeEachEngine('the learning log', (handle) => {
  const db = () => handle().db
  const today = londonDate(new Date())
  let manager = ''
  let advisor = ''

  const statusOfComplaint = async (reference: string) =>
    (await db().select({ status: complaints.status }).from(complaints).where(eq(complaints.reference, reference)))[0]
      ?.status
  const close = (cookie: string, reference: string) =>
    answer(() =>
      caseAction.action({
        request: formRequest(`/staff/complaints/${reference}/close`, {}, { cookie }),
        params: { reference, action: 'close' },
        context: loadContext(),
      }),
    )
  const learn = (cookie: string, reference: string, values: Record<string, string>) =>
    answer(() =>
      learningPage.action({
        request: formRequest(`/staff/complaints/${reference}/learning`, values, { cookie }),
        params: { reference },
        context: loadContext(),
      }),
    )
  const improve = (cookie: string, id: string, values: Record<string, string>) =>
    answer(() =>
      improvementPage.action({
        request: formRequest(`/staff/learning/improvements/${id}`, values, { cookie }),
        params: { id },
        context: loadContext(),
      }),
    )

  beforeAll(async () => {
    manager = await staffCookie(await aStaffMember(db(), 'manager'))
    advisor = await staffCookie(await aStaffMember(db(), 'advisor'))
  })

  it('refuses to close an upheld complaint until its learning is recorded, then closes it', async () => {
    const { reference, handler: member } = await aRespondedComplaint(db())
    const handler = await staffCookie(member)
    const page = await casePage.loader({
      request: getRequest(`/staff/complaints/${reference}`, { cookie: handler }),
      params: { reference },
      context: loadContext(),
    })
    expect(page.learning).toEqual({ needed: true, state: 'not_recorded' })
    const refused = await close(handler, reference)
    expect(statusOf(refused)).toBe(409)
    expect(bodyOf<Rejected>(refused).errors.confirm?.key).toBe('staff-errors:learning.requiredToClose')
    expect(await statusOfComplaint(reference)).toBe('stage1_responded')

    expect(statusOf(await learn(advisor, reference, { intent: 'learning' }))).toBe(403)
    const incomplete = await learn(handler, reference, { intent: 'learning', rootCause: '', learning: '' })
    expect(statusOf(incomplete)).toBe(400)
    expect(Object.keys(bodyOf<Rejected>(incomplete).errors).sort()).toEqual(['learning', 'rootCause'])
    const saved = await learn(handler, reference, {
      intent: 'learning',
      rootCause: 'repairs_contractor',
      analysis: 'Why was the boiler not fixed? The engineer had no part. Why? It was not ordered at triage.',
      learning: 'Order the part when the repair is triaged.',
    })
    expect(location(saved)).toBe(`/staff/complaints/${reference}/learning?done=complete`)
    expect(statusOf(await close(handler, reference))).toBe(302)
    expect(await statusOfComplaint(reference)).toBe('closed')
    const [row] = await db().select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference))
    const audited = await db()
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, row?.id ?? ''), eq(auditEvents.action, 'learning.recorded')))
    expect(audited[0]?.n).toBe(1)
    // Once closed, a handler cannot turn it into an unapproved "no learning".
    const undo = await learn(handler, reference, { intent: 'no_learning', noLearningReason: 'On reflection, none.' })
    expect(statusOf(undo)).toBe(409)
    expect(bodyOf<Rejected>(undo).errors.noLearningReason?.key).toBe('staff-errors:learning.closedNeedsApproval')
  })

  it('accepts "no learning" for closing only once a manager approved the reason', async () => {
    const { reference, handler: member } = await aRespondedComplaint(db())
    const handler = await staffCookie(member)
    const saved = await learn(handler, reference, {
      intent: 'no_learning',
      noLearningReason: 'The delay was caused by the resident’s own insurer; our process worked.',
    })
    expect(location(saved)).toBe(`/staff/complaints/${reference}/learning?done=awaitingApproval`)
    expect(statusOf(await close(handler, reference))).toBe(409)
    // Only a manager approves.
    expect(statusOf(await learn(handler, reference, { intent: 'approve' }))).toBe(403)
    expect(location(await learn(manager, reference, { intent: 'approve' }))).toBe(
      `/staff/complaints/${reference}/learning?done=approved`,
    )
    const again = await learn(manager, reference, { intent: 'approve' })
    expect(bodyOf<Rejected>(again).errors.approve?.key).toBe('staff-errors:learning.nothingToApprove')
    expect(statusOf(await close(handler, reference))).toBe(302)
    expect(await statusOfComplaint(reference)).toBe('closed')
  })

  it('treats "no learning" written by a manager as approved by them', async () => {
    const { reference } = await aRespondedComplaint(db())
    expect(
      location(
        await learn(manager, reference, { intent: 'no_learning', noLearningReason: 'A one-off system outage.' }),
      ),
    ).toBe(`/staff/complaints/${reference}/learning?done=complete`)
    const page = await learningPage.loader({
      request: getRequest(`/staff/complaints/${reference}/learning`, { cookie: manager }),
      params: { reference },
      context: loadContext(),
    })
    expect(page.state).toBe('complete')
    expect(page.approvedByName).toBe('Test manager')
  })

  it('tracks a SMART improvement to completion, signed off and published by a manager', async () => {
    const { reference, handler: member } = await aRespondedComplaint(db())
    const handler = await staffCookie(member)
    const notSmart = await learn(handler, reference, {
      intent: 'improvement',
      kind: 'process',
      description: 'Do better',
    })
    expect(Object.keys(bodyOf<Rejected>(notSmart).errors).sort()).toEqual(['dueOn', 'measure', 'owner'])
    const submissionKey = crypto.randomUUID()
    const values = {
      intent: 'improvement',
      kind: 'procedure',
      description: 'Order parts at triage for boiler repairs',
      owner: 'Repairs manager',
      measure: 'No missed boiler appointments for want of parts over 3 months',
      dueOn: addCalendarDays(today, 30),
      submissionKey,
    }
    expect(location(await learn(handler, reference, values))).toBe(
      `/staff/complaints/${reference}/learning?done=improvement`,
    )
    await learn(handler, reference, values)
    const [row] = await db().select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference))
    const actions = await db()
      .select()
      .from(improvementActions)
      .where(eq(improvementActions.complaintId, row?.id ?? ''))
    expect(actions).toHaveLength(1)
    const id = actions[0]?.id ?? ''

    const key = () => crypto.randomUUID()
    expect(
      statusOf(await improve(handler, id, { intent: 'risk', likelihood: '3', impact: '4', submissionKey: key() })),
    ).toBe(302)
    expect(
      statusOf(
        await improve(handler, id, {
          intent: 'you_said',
          youSaid: 'Engineers came without parts.',
          weDid: 'We now order parts first.',
        }),
      ),
    ).toBe(302)
    // Only a manager publishes, and only what is done.
    expect(statusOf(await improve(handler, id, { intent: 'publish' }))).toBe(403)
    const early = await improve(manager, id, { intent: 'publish' })
    expect(bodyOf<Rejected>(early).errors.publish?.key).toBe('staff-errors:learning.publishNotDone')
    expect(
      statusOf(
        await improve(handler, id, {
          intent: 'complete',
          evidence: 'Procedure RP-12 issued',
          completedOn: today,
          submissionKey: key(),
        }),
      ),
    ).toBe(302)
    expect(statusOf(await improve(handler, id, { intent: 'sign_off', submissionKey: key() }))).toBe(403)
    // A revised date is not part of a SMART action's life.
    expect(
      statusOf(await improve(manager, id, { intent: 'revise', dueOn: today, reason: 'x', submissionKey: key() })),
    ).toBe(400)
    expect(statusOf(await improve(manager, id, { intent: 'sign_off', submissionKey: key() }))).toBe(302)
    expect(statusOf(await improve(manager, id, { intent: 'publish' }))).toBe(302)
    const [published] = await db().select().from(improvementActions).where(eq(improvementActions.id, id))
    expect(published).toMatchObject({ status: 'done', completedOn: today, likelihood: 3, impact: 4 })
    expect(published?.publishedAt).toBeInstanceOf(Date)
    const log = await learningLog.loader({
      request: getRequest('/staff/learning', { cookie: handler }),
      params: {},
      context: loadContext(),
    })
    expect(log.published.map((p) => p.id)).toContain(id)
    expect(log.improvements.find((i) => i.id === id)).toMatchObject({
      status: 'done',
      risk: { score: 12, band: 'high' },
    })
    // Rewording takes it off the published list until a manager approves it again.
    await improve(handler, id, {
      intent: 'you_said',
      youSaid: 'Engineers came without parts.',
      weDid: 'Parts first, always.',
    })
    const [reworded] = await db().select().from(improvementActions).where(eq(improvementActions.id, id))
    expect(reworded?.publishedBy).toBeNull()
  })

  it('lists complaints with their learning state and flags repeats', async () => {
    const first = await aComplaint(db())
    const { reference, handler: member } = await aRespondedComplaint(db())
    const handler = await staffCookie(member)
    // The same resident complained about the same service (repairs) earlier: a repeat.
    const [earlier] = await db().select().from(complaints).where(eq(complaints.reference, first.reference))
    await db()
      .update(complaints)
      .set({ residentId: earlier?.residentId ?? '' })
      .where(eq(complaints.reference, reference))
    await learn(handler, reference, {
      intent: 'learning',
      rootCause: 'communication',
      learning: 'Call back the same day.',
    })
    const log = await learningLog.loader({
      request: getRequest('/staff/learning?learning=complete', { cookie: handler }),
      params: {},
      context: loadContext(),
    })
    const listed = log.complaints.find((c) => c.reference === reference)
    expect(listed).toMatchObject({ state: 'complete', rootCause: 'communication' })
    expect(log.counts.complete).toBeGreaterThanOrEqual(1)
    const page = await learningPage.loader({
      request: getRequest(`/staff/complaints/${reference}/learning`, { cookie: handler }),
      params: { reference },
      context: loadContext(),
    })
    expect(page.repeat).toBe(true)
    const entries = await db().select({ n: count() }).from(learningEntries)
    expect(entries[0]?.n).toBeGreaterThanOrEqual(1)
    const missing = await learningLog.loader({
      request: getRequest('/staff/learning?learning=missing', { cookie: handler }),
      params: {},
      context: loadContext(),
    })
    expect(missing.complaints.every((c) => c.state === 'missing')).toBe(true)
  })
})
