// Compensation through the staff routes, on both engines: an award within the proposer's limit is
// approved at once; above it, only someone else whose limit covers it may approve; offered,
// accepted and paid in order, each audited; the year's spend against the budget; the policy page
// for managers only, its changes audited and applied.
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { auditEvents, compensationAwards, complaints } from '../../db/schema'
import { financialYearOf } from '~/domain/compensation'
import { londonDate } from '~/domain/working-days'
import * as awardRoute from '~/routes/staff.compensation.$id/route'
import * as listRoute from '~/routes/staff.compensation._index/route'
import * as csvRoute from '~/routes/staff.compensation[.]csv/route'
import * as policyRoute from '~/routes/staff.compensation.policy/route'
import * as proposeRoute from '~/routes/staff.complaints.$reference_.compensation/route'
import { describeEachEngine } from '../support/databases'
import { aRespondedComplaint, aStaffMember } from '../support/factories'
import { answer, bodyOf, formRequest, getRequest, loadContext, statusOf } from '../support/requests'
import { staffCookie } from '../support/staff-session'

type Rejected = { errors: Record<string, { key: string }> }
type Role = 'handler' | 'otherHandler' | 'reviewer' | 'manager' | 'approver' | 'quality' | 'advisor'

describeEachEngine('compensation', (handle) => {
  const db = () => handle().db
  const today = londonDate(new Date())
  const year = financialYearOf(today)
  const cookies = {} as Record<Role, string>
  const ids = {} as Record<Role, string>
  let reference = ''
  let complaintId = ''

  const propose = (role: Role, values: Record<string, string>) =>
    answer(() =>
      proposeRoute.action({
        request: formRequest(
          `/staff/complaints/${reference}/compensation`,
          { stage: '1', category: 'delay', band: 'low', reason: 'Three missed visits.', ...values },
          { cookie: cookies[role] },
        ),
        params: { reference },
        context: loadContext(),
      }),
    )
  const act = (role: Role, id: string, values: Record<string, string>) =>
    answer(() =>
      awardRoute.action({
        request: formRequest(`/staff/compensation/${id}`, values, { cookie: cookies[role] }),
        params: { id },
        context: loadContext(),
      }),
    )
  const idFrom = (result: unknown) => {
    const location = (result as Response).headers.get('Location') ?? ''
    return /\/staff\/compensation\/([0-9a-f-]{36})/.exec(location)?.[1] ?? ''
  }
  const award = async (id: string) =>
    (await db().select().from(compensationAwards).where(eq(compensationAwards.id, id)))[0]
  const policy = (values: Record<string, string>) =>
    answer(() =>
      policyRoute.action({
        request: formRequest('/staff/compensation/policy', values, { cookie: cookies.manager }),
        params: {},
        context: loadContext(),
      }),
    )
  const list = async (query = '') =>
    bodyOf<Awaited<ReturnType<typeof listRoute.loader>>>(
      await listRoute.loader({
        request: getRequest(`/staff/compensation${query}`, { cookie: cookies.manager }),
        params: {},
        context: loadContext(),
      }),
    )
  /** Offered, accepted and paid today, by a handler. */
  const payOut = async (id: string) => {
    expect(statusOf(await act('handler', id, { intent: 'offer', offeredOn: today }))).toBe(302)
    expect(statusOf(await act('handler', id, { intent: 'decide', decision: 'accepted', decidedOn: today }))).toBe(302)
    expect(statusOf(await act('handler', id, { intent: 'pay', paymentMethod: 'rent_credit', paidOn: today }))).toBe(302)
  }

  beforeAll(async () => {
    const roles: Array<[Role, Parameters<typeof aStaffMember>[1]]> = [
      ['handler', 'complaint_handler'],
      ['otherHandler', 'complaint_handler'],
      ['reviewer', 'stage2_reviewer'],
      ['manager', 'manager'],
      ['approver', 'compensation_approver'],
      ['quality', 'quality_reviewer'],
      ['advisor', 'advisor'],
    ]
    for (const [key, role] of roles) {
      const member = await aStaffMember(db(), role)
      ids[key] = member.id
      cookies[key] = await staffCookie(member)
    }
    const complaint = await aRespondedComplaint(db())
    reference = complaint.reference
    const [row] = await db().select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference))
    complaintId = row?.id ?? ''
  })

  it('lets a handler propose within their limit, approved at once and audited, once per form', async () => {
    const page = await proposeRoute.loader({
      request: getRequest(`/staff/complaints/${reference}/compensation`, { cookie: cookies.handler }),
      params: { reference },
      context: loadContext(),
    })
    expect(page).toMatchObject({ canPropose: true, ownLimit: '£250.00', stages: [1] })
    expect(statusOf(await propose('advisor', { amount: '150' }))).toBe(403)
    expect(statusOf(await propose('quality', { amount: '150' }))).toBe(403)

    const submissionKey = randomUUID()
    const done = await propose('handler', { amount: '150', submissionKey })
    expect((done as Response).headers.get('Location')).toMatch(/\/staff\/compensation\/[0-9a-f-]{36}\?done=approved$/)
    const id = idFrom(done)
    expect(await award(id)).toMatchObject({
      status: 'approved',
      amountPence: 15_000,
      approvedBy: ids.handler,
      proposedBy: ids.handler,
      category: 'delay',
      band: 'low',
      stage: 1,
    })
    const again = (await propose('handler', { amount: '150', submissionKey })) as Response
    expect(again.headers.get('Location')).toBe(`/staff/complaints/${reference}/compensation`)
    const awards = await db().select().from(compensationAwards).where(eq(compensationAwards.complaintId, complaintId))
    expect(awards).toHaveLength(1)
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'compensation.proposed')))
    expect(audit?.after).toMatchObject({ amountPence: 15_000, status: 'approved', approvedWithinOwnLimit: true })
  })

  it('needs a reason for an amount outside the chosen band, and keeps it', async () => {
    const outside = await propose('handler', { amount: '300' })
    expect(statusOf(outside)).toBe(400)
    expect(bodyOf<Rejected>(outside).errors.outsideBandReason?.key).toBe('staff-errors:compensation.outsideBand')
    const bad = await propose('handler', { amount: 'lots', category: '', reason: '' })
    expect(Object.keys(bodyOf<Rejected>(bad).errors).sort()).toEqual(['amount', 'category', 'reason'])
    const kept = await propose('handler', { amount: '200', band: 'medium', outsideBandReason: 'Short delay only.' })
    const page = await awardRoute.loader({
      request: getRequest(`/staff/compensation/${idFrom(kept)}`, { cookie: cookies.quality }),
      params: { id: idFrom(kept) },
      context: loadContext(),
    })
    expect(page.award).toMatchObject({ outsideBandReason: 'Short delay only.', status: 'approved', amount: '£200.00' })
  })

  it('sends an award above the proposer’s limit for approval, never by the proposer or a role under the amount', async () => {
    const big = await propose('handler', { amount: '1,500', band: 'high', category: 'distress_and_inconvenience' })
    const id = idFrom(big)
    expect((big as Response).headers.get('Location')).toContain('?done=proposed')
    expect((await award(id))?.status).toBe('proposed')
    // Handlers and Stage 2 reviewers have no approval rights at all.
    expect(statusOf(await act('handler', id, { intent: 'approve' }))).toBe(403)
    expect(statusOf(await act('otherHandler', id, { intent: 'approve' }))).toBe(403)
    expect(statusOf(await act('reviewer', id, { intent: 'approve' }))).toBe(403)
    // A manager may approve up to £1,000: not this one.
    const managerPage = await awardRoute.loader({
      request: getRequest(`/staff/compensation/${id}`, { cookie: cookies.manager }),
      params: { id },
      context: loadContext(),
    })
    expect(managerPage.approval).toEqual({ ownProposal: false, withinLimit: false, limit: '£1,000.00' })
    const over = await act('manager', id, { intent: 'approve' })
    expect(statusOf(over)).toBe(409)
    expect(bodyOf<Rejected>(over).errors.approval?.key).toBe('staff-errors:compensation.overYourLimit')
    expect((await award(id))?.status).toBe('proposed')
    expect(statusOf(await act('approver', id, { intent: 'approve' }))).toBe(302)
    expect(await award(id)).toMatchObject({ status: 'approved', approvedBy: ids.approver })
    const again = await act('approver', id, { intent: 'approve' })
    expect(bodyOf<Rejected>(again).errors.approval?.key).toBe('staff-errors:compensation.notAwaitingApproval')
  })

  it('never lets the proposer approve their own award above their limit', async () => {
    const own = await propose('manager', { amount: '1,200', band: 'high' })
    const id = idFrom(own)
    expect((await award(id))?.status).toBe('proposed')
    const refused = await act('manager', id, { intent: 'approve' })
    expect(statusOf(refused)).toBe(409)
    expect(bodyOf<Rejected>(refused).errors.approval?.key).toBe('staff-errors:compensation.ownProposal')
    const noReason = await act('approver', id, { intent: 'reject', rejectReason: ' ' })
    expect(statusOf(noReason)).toBe(400)
    expect(statusOf(await act('approver', id, { intent: 'reject', rejectReason: 'Not in line with policy.' }))).toBe(
      302,
    )
    expect((await award(id))?.status).toBe('rejected')
    const page = await awardRoute.loader({
      request: getRequest(`/staff/compensation/${id}`, { cookie: cookies.manager }),
      params: { id },
      context: loadContext(),
    })
    expect(page.history.map((h) => h.action)).toEqual(['proposed', 'rejected'])
    expect(page.history[1]?.reason).toBe('Not in line with policy.')
  })

  it('is paid only after the resident accepted, by a stated method, and the payment is audited', async () => {
    const made = await propose('handler', { amount: '100' })
    const id = idFrom(made)
    const early = await act('handler', id, { intent: 'pay', paymentMethod: 'bank', paidOn: today })
    expect(statusOf(early)).toBe(409)
    expect(bodyOf<Rejected>(early).errors.paidOn?.key).toBe('staff-errors:compensation.notAccepted')
    expect(statusOf(await act('handler', id, { intent: 'offer', offeredOn: '2999-01-01' }))).toBe(400)
    expect(statusOf(await act('handler', id, { intent: 'offer', offeredOn: today }))).toBe(302)
    expect(statusOf(await act('handler', id, { intent: 'decide', decidedOn: today }))).toBe(400)
    expect(statusOf(await act('handler', id, { intent: 'decide', decision: 'accepted', decidedOn: today }))).toBe(302)
    const noMethod = await act('handler', id, { intent: 'pay', paidOn: today })
    expect(bodyOf<Rejected>(noMethod).errors.paymentMethod?.key).toBe('staff-errors:compensation.methodRequired')
    expect(statusOf(await act('quality', id, { intent: 'pay', paymentMethod: 'bank', paidOn: today }))).toBe(403)
    expect(statusOf(await act('handler', id, { intent: 'pay', paymentMethod: 'cheque', paidOn: today }))).toBe(302)
    expect(await award(id)).toMatchObject({
      status: 'paid',
      offeredOn: today,
      decidedOn: today,
      paidOn: today,
      paymentMethod: 'cheque',
    })
    const actions = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id))
    expect(actions.map((a) => a.action)).toEqual([
      'compensation.proposed',
      'compensation.offered',
      'compensation.accepted',
      'compensation.paid',
    ])
  })

  it('shows the year’s spend against the budget a manager set, and the benchmarking', async () => {
    expect(
      statusOf(
        await answer(() =>
          policyRoute.action({
            request: formRequest(
              '/staff/compensation/policy',
              { intent: 'budget', year: String(year), budget: '2000' },
              { cookie: cookies.approver },
            ),
            params: {},
            context: loadContext(),
          }),
        ),
      ),
    ).toBe(403)
    const badBudget = await policy({ intent: 'budget', year: 'next', budget: 'lots' })
    expect(bodyOf<Rejected>(badBudget).errors).toEqual({
      year: { key: 'staff-errors:compensation.yearInvalid' },
      budget: { key: 'staff-errors:compensation.amountInvalid' },
    })
    expect(statusOf(await policy({ intent: 'budget', year: String(year), budget: '20,000' }))).toBe(302)

    // Paid so far: £100. Now pay the £150 and the £1,500 too: £1,750 of £20,000 = 8.75 → 8.8 %.
    const approved = await db()
      .select()
      .from(compensationAwards)
      .where(and(eq(compensationAwards.complaintId, complaintId), eq(compensationAwards.status, 'approved')))
    for (const a of approved.filter((x) => x.amountPence === 15_000 || x.amountPence === 150_000)) await payOut(a.id)

    const page = await list()
    expect(page.budget).toMatchObject({
      budget: '£20,000.00',
      paid: '£1,750.00',
      paidCount: 3,
      remaining: '£18,250.00',
      usedPct: '8.8',
      committed: '£200.00',
      ombudsmanOrdered: '£0.00',
    })
    const delay = page.benchmark.byCategory.find((row) => row.key === 'delay')
    // £150, £200 (approved, not yet paid) and £100: the rejected £1,200 is not benchmarked.
    expect(delay).toMatchObject({ count: '3', total: '£450.00', average: '£150.00', median: '£150.00' })
    expect(page.benchmark.byOutcome.find((row) => row.key === 'upheld')?.count).toBe('4')
    expect(page.benchmark.all.bands).toEqual(['1', '2', '0', '1'])
    expect((await list('?status=paid')).awards).toHaveLength(3)
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'settings.updated'), eq(auditEvents.entityId, 'compensation.budget')))
    expect(audit?.after).toEqual({ [String(year)]: 2_000_000 })
  })

  it('exports the awards as CSV', async () => {
    const response = (await csvRoute.loader({
      request: getRequest('/staff/compensation.csv?status=paid', { cookie: cookies.quality }),
      params: {},
      context: loadContext(),
    })) as Response
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const lines = (await response.text()).trim().split('\n')
    expect(lines[0]).toBe(
      'reference,stage,category,band,amount_gbp,status,proposed_on,approved_on,offered_on,decided_on,paid_on,payment_method,ombudsman_ordered,contractor',
    )
    expect(lines).toHaveLength(4)
    expect(lines.some((line) => line.includes(`${reference},1,distress_and_inconvenience,high,1500.00,paid`))).toBe(
      true,
    )
  })

  it('lets a manager change the bands and limits, validated and applied to the next proposal', async () => {
    const page = await policyRoute.loader({
      request: getRequest('/staff/compensation/policy', { cookie: cookies.manager }),
      params: {},
      context: loadContext(),
    })
    expect(page.values).toMatchObject({ 'delay-low-min': '50.00', 'delay-high-max': '', complaint_handler: '250.00' })
    const wrong = await policy({ ...page.values, intent: 'policy', 'delay-low-max': '10' })
    expect(statusOf(wrong)).toBe(400)
    expect(bodyOf<Rejected>(wrong).errors['delay-low-max']?.key).toBe('staff-errors:compensation.maxBelowMin')
    expect(statusOf(await policy({ ...page.values, intent: 'policy', 'delay-low-min': '20' }))).toBe(302)
    const limits = { complaint_handler: '100', stage2_reviewer: '500', manager: '1000', compensation_approver: '' }
    expect(statusOf(await policy({ intent: 'limits', ...limits }))).toBe(302)
    // £30 now fits the low band, and £150 is above a handler's new £100 limit.
    expect((await award(idFrom(await propose('handler', { amount: '30' }))))?.status).toBe('approved')
    expect((await award(idFrom(await propose('handler', { amount: '150' }))))?.status).toBe('proposed')
    const updated = await db()
      .select({ entityId: auditEvents.entityId })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'settings.updated'))
    expect(updated.map((u) => u.entityId).sort()).toEqual([
      'compensation.budget',
      'compensation.limits',
      'compensation.policy',
    ])
  })
})
