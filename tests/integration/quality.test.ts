// Quality dip-sampling through the staff routes, on both engines: the month's sample has at least
// one response per handler and is the same when drawn again; the reviewer reads a redacted letter
// and saves a scored, audited review once; each handler sees their own feedback and nobody else's.
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { auditEvents, complaints, qaReviews, residents } from '../../db/schema'
import type { Actor } from '~/domain/complaints/lifecycle'
import { checklistItems } from '~/domain/quality'
import { londonDate } from '~/domain/working-days'
import * as account from '~/routes/staff.account/route'
import * as reviewRoute from '~/routes/staff.quality.$id/route'
import * as qualityRoute from '~/routes/staff.quality._index/route'
import * as mineRoute from '~/routes/staff.quality.mine/route'
import { runCommands } from '~/server/cases.server'
import { describeEachEngine } from '../support/databases'
import { aComplaint, aStaffMember, someAnswers } from '../support/factories'
import { answer, bodyOf, formRequest, getRequest, loadContext, statusOf } from '../support/requests'
import { staffCookie } from '../support/staff-session'

type Rejected = { errors: Record<string, { key: string }> }
type StaffMember = Awaited<ReturnType<typeof aStaffMember>>

describeEachEngine('quality dip-sampling', (handle) => {
  const db = () => handle().db
  const today = londonDate(new Date())
  const month = today.slice(0, 7)
  const staff: Record<'reviewer' | 'manager' | 'handlerA' | 'handlerB' | 'stage2', StaffMember> = {} as never
  const cookies: Record<string, string> = {}
  const referencesBy = new Map<string, string[]>()

  /** A complaint answered at Stage 1 today by `handler`; with `stage2By`, escalated and answered at Stage 2 too. */
  async function respondedBy(handler: StaffMember, stage2By?: StaffMember) {
    const by: Actor = { kind: 'staff', id: handler.id, role: handler.role }
    const submitted = await aComplaint(db(), {
      answers: someAnswers({ phone: '07700 900123', postcode: 'CF24 3AA' }),
    })
    const commands: Parameters<typeof runCommands>[1]['commands'] = [
      { type: 'assign', stage: 1, handlerId: handler.id, by },
      { type: 'acknowledge', on: today, by, elements: ['The boiler is not fixed'], outcomesSought: 'Fix it' },
      { type: 'record_decision', by, elementId: 1, decision: 'not_upheld', reasons: 'It was fixed on time.' },
      { type: 'no_outstanding_actions', by },
      { type: 'respond', on: today, by },
    ]
    if (stage2By) {
      const by2: Actor = { kind: 'staff', id: stage2By.id, role: stage2By.role }
      commands.push(
        { type: 'escalate', on: today, by: by2, channel: 'phone' },
        { type: 'assign', stage: 2, handlerId: stage2By.id, by: by2 },
        { type: 'acknowledge', on: today, by: by2, elements: [], outcomesSought: 'Fix it' },
        { type: 'record_decision', by: by2, elementId: 1, decision: 'not_upheld', reasons: 'Still fixed.' },
        { type: 'no_outstanding_actions', by: by2 },
        { type: 'respond', on: today, by: by2 },
      )
    }
    const result = await runCommands(db(), {
      reference: submitted.reference,
      commands,
      actor: { type: 'staff', id: handler.id },
      now: new Date(),
    })
    if (!result.ok) throw new Error(`could not respond: ${JSON.stringify(result)}`)
    const list = referencesBy.get(handler.id) ?? []
    referencesBy.set(handler.id, [...list, submitted.reference])
    if (stage2By) referencesBy.set(stage2By.id, [...(referencesBy.get(stage2By.id) ?? []), submitted.reference])
    return submitted.reference
  }

  const draw = (cookie: string, value = month) =>
    answer(() =>
      qualityRoute.action({
        request: formRequest('/staff/quality', { month: value }, { cookie }),
        params: {},
        context: loadContext(),
      }),
    )
  const sampleRows = () => db().select().from(qaReviews).where(eq(qaReviews.sampleMonth, month))
  const review = (cookie: string, id: string, values: Record<string, string>) =>
    answer(() =>
      reviewRoute.action({
        request: formRequest(`/staff/quality/${id}`, values, { cookie }),
        params: { id },
        context: loadContext(),
      }),
    )
  const allMet = () => Object.fromEntries(checklistItems.map((item) => [item, 'met']))
  const mine = async (cookie: string) =>
    bodyOf<Awaited<ReturnType<typeof mineRoute.loader>>>(
      await mineRoute.loader({
        request: getRequest('/staff/quality/mine', { cookie }),
        params: {},
        context: loadContext(),
      }),
    )

  beforeAll(async () => {
    staff.reviewer = await aStaffMember(db(), 'quality_reviewer')
    staff.manager = await aStaffMember(db(), 'manager')
    staff.handlerA = await aStaffMember(db(), 'complaint_handler')
    staff.handlerB = await aStaffMember(db(), 'complaint_handler')
    staff.stage2 = await aStaffMember(db(), 'stage2_reviewer')
    for (const [key, member] of Object.entries(staff)) cookies[key] = await staffCookie(member)
    // 12 Stage 1 responses from handler A, one from B, one from the manager, and one Stage 2
    // response: 15 responses, 10 % is 2, but four handlers each get at least one.
    for (let i = 0; i < 12; i += 1) await respondedBy(staff.handlerA)
    await respondedBy(staff.handlerB, staff.stage2)
    await respondedBy(staff.manager)
  })

  it('draws at least one response per handler, 10 % rounded up otherwise, and only for a QA role', async () => {
    expect(statusOf(await draw(cookies.handlerA ?? ''))).toBe(403)
    const future = await draw(cookies.reviewer ?? '', '2999-01')
    expect(statusOf(future)).toBe(400)
    expect(bodyOf<Rejected>(future).errors.month?.key).toBe('staff-errors:quality.monthFuture')

    const first = (await draw(cookies.reviewer ?? '')) as Response
    expect(first.status).toBe(302)
    expect(first.headers.get('Location')).toBe(`/staff/quality?month=${month}&added=4`)
    const rows = await sampleRows()
    expect(rows).toHaveLength(4)
    expect(new Set(rows.map((r) => r.handlerId))).toEqual(
      new Set([staff.handlerA.id, staff.handlerB.id, staff.manager.id, staff.stage2.id]),
    )
    expect(rows.find((r) => r.handlerId === staff.stage2.id)?.stage).toBe(2)
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'qa.sample_drawn'), eq(auditEvents.entityId, month)))
    expect(audit?.after).toMatchObject({ population: 15, samplePct: 10, drawn: 4, added: 4 })
  })

  it('gives the same sample when drawn again (a double submit adds nothing)', async () => {
    const before = (await sampleRows()).map((r) => `${r.complaintId}:${r.stage}`).sort()
    const again = (await draw(cookies.manager ?? '')) as Response
    expect(again.headers.get('Location')).toBe(`/staff/quality?month=${month}&added=0`)
    const after = (await sampleRows()).map((r) => `${r.complaintId}:${r.stage}`).sort()
    expect(after).toEqual(before)
  })

  it('lists the sample without any resident or reference: the review is blind', async () => {
    const page = await qualityRoute.loader({
      request: getRequest(`/staff/quality?month=${month}`, { cookie: cookies.reviewer }),
      params: {},
      context: loadContext(),
    })
    expect(page.rows).toHaveLength(4)
    expect(page.figures).toMatchObject({ responses: '15', sampled: '4', reviewed: '0' })
    const text = JSON.stringify(page)
    for (const refs of referencesBy.values()) for (const reference of refs) expect(text).not.toContain(reference)
  })

  it('shows the reviewer the response letter with the resident’s details redacted', async () => {
    const [row] = (await sampleRows()).filter((r) => r.handlerId === staff.handlerA.id)
    const page = await reviewRoute.loader({
      request: getRequest(`/staff/quality/${row?.id}`, { cookie: cookies.reviewer }),
      params: { id: row?.id ?? '' },
      context: loadContext(),
    })
    const [complaint] = await db()
      .select({ reference: complaints.reference, resident: residents })
      .from(complaints)
      .innerJoin(residents, eq(residents.id, complaints.residentId))
      .where(eq(complaints.id, row?.complaintId ?? ''))
    expect(page.letter?.body.length).toBeGreaterThan(100)
    const shown = JSON.stringify(page)
    for (const detail of [
      complaint?.reference,
      complaint?.resident.name,
      complaint?.resident.email,
      complaint?.resident.postcode,
    ])
      expect(shown).not.toContain(detail)
    expect(page.letter?.body).toContain('[reference]')
    expect(page.letter?.body).toContain('[name]')
    expect(page.ownResponse).toBe(false)
  })

  it('saves a scored review once, audited, and refuses an incomplete one', async () => {
    const [row] = (await sampleRows()).filter((r) => r.handlerId === staff.handlerA.id)
    const id = row?.id ?? ''
    const missing = await review(cookies.reviewer ?? '', id, { ...allMet(), tone: 'not_met', feedback: '' })
    expect(statusOf(missing)).toBe(400)
    expect(bodyOf<Rejected>(missing).errors.feedback?.key).toBe('staff-errors:quality.feedbackRequired')
    expect(statusOf(await review(cookies.handlerB ?? '', id, allMet()))).toBe(403)

    const values = { ...allMet(), tone: 'not_met', feedback: 'Open with an apology.', submissionKey: randomUUID() }
    const saved = (await review(cookies.reviewer ?? '', id, values)) as Response
    expect(saved.status).toBe(302)
    expect(saved.headers.get('Location')).toBe(`/staff/quality?month=${month}&reviewed=1`)
    expect(statusOf(await review(cookies.reviewer ?? '', id, values))).toBe(302)
    const [stored] = await db().select().from(qaReviews).where(eq(qaReviews.id, id))
    expect(stored).toMatchObject({
      scoreTenths: 950,
      criticalFail: false,
      feedback: 'Open with an apology.',
      reviewerId: staff.reviewer.id,
      reviewedOn: today,
      seenByHandlerAt: null,
    })
    expect((stored?.answers as Record<string, string>).tone).toBe('not_met')
    const audits = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'qa.reviewed')))
    expect(audits).toHaveLength(1)
    expect(audits[0]?.after).toMatchObject({ scoreTenths: 950, passed: true, notMet: ['tone'] })
  })

  it('never lets anyone review a response they handled', async () => {
    const [own] = (await sampleRows()).filter((r) => r.handlerId === staff.manager.id)
    const id = own?.id ?? ''
    const page = await reviewRoute.loader({
      request: getRequest(`/staff/quality/${id}`, { cookie: cookies.manager }),
      params: { id },
      context: loadContext(),
    })
    expect(page.ownResponse).toBe(true)
    const refused = await review(cookies.manager ?? '', id, allMet())
    expect(statusOf(refused)).toBe(409)
    expect(bodyOf<Rejected>(refused).errors.R1?.key).toBe('staff-errors:quality.ownResponse')
    const [stored] = await db().select().from(qaReviews).where(eq(qaReviews.id, id))
    expect(stored?.reviewedOn).toBeNull()
  })

  it('records a critical fail when a Code item is missing', async () => {
    const [row] = (await sampleRows()).filter((r) => r.handlerId === staff.handlerB.id)
    const id = row?.id ?? ''
    const values = { ...allMet(), R7: 'not_met', feedback: 'The escalation route is missing.' }
    expect(statusOf(await review(cookies.manager ?? '', id, values))).toBe(302)
    const [stored] = await db().select().from(qaReviews).where(eq(qaReviews.id, id))
    expect(stored).toMatchObject({ scoreTenths: 900, criticalFail: true })
  })

  it('shows each handler their own feedback only, and marks it read only for them', async () => {
    const a = await mine(cookies.handlerA ?? '')
    expect(a.reviews).toHaveLength(1)
    expect(referencesBy.get(staff.handlerA.id)).toContain(a.reviews[0]?.reference)
    expect(a.reviews[0]).toMatchObject({ score: '95', result: 'pass', notMet: ['tone'], seen: false })
    const b = await mine(cookies.handlerB ?? '')
    expect(b.reviews).toHaveLength(1)
    expect(b.reviews[0]).toMatchObject({ result: 'critical', notMet: ['R7'] })
    expect(referencesBy.get(staff.handlerB.id)).toContain(b.reviews[0]?.reference)
    // The Stage 2 handler's response is sampled but not yet reviewed: nothing to see.
    expect((await mine(cookies.stage2 ?? '')).reviews).toHaveLength(0)

    const accountPage = await account.loader({
      request: getRequest('/staff/account', { cookie: cookies.handlerA }),
      params: {},
      context: loadContext(),
    })
    expect(accountPage.feedback).toBe(1)

    const markSeen = (cookie: string, reviewId: string) =>
      answer(() =>
        mineRoute.action({
          request: formRequest('/staff/quality/mine', { reviewId }, { cookie }),
          params: {},
          context: loadContext(),
        }),
      )
    const reviewOfA = a.reviews[0]?.id ?? ''
    expect(statusOf(await markSeen(cookies.handlerB ?? '', reviewOfA))).toBe(302)
    expect((await mine(cookies.handlerA ?? '')).reviews[0]?.seen).toBe(false)
    expect(statusOf(await markSeen(cookies.handlerA ?? '', reviewOfA))).toBe(302)
    expect((await mine(cookies.handlerA ?? '')).reviews[0]?.seen).toBe(true)
    const seen = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, reviewOfA), eq(auditEvents.action, 'qa.feedback_seen')))
    expect(seen).toHaveLength(1)
    expect(seen[0]?.actorId).toBe(staff.handlerA.id)
  })

  it('sums up the month: average score and pass rate', async () => {
    const page = await qualityRoute.loader({
      request: getRequest(`/staff/quality?month=${month}`, { cookie: cookies.reviewer }),
      params: {},
      context: loadContext(),
    })
    // 95 (pass) and 90 with a critical fail: mean 92.5, 1 of 2 passing.
    expect(page.figures).toMatchObject({ reviewed: '2', averageScore: '92.5', passPct: '50' })
    expect(
      page.rows
        .filter((r) => r.status === 'reviewed')
        .map((r) => r.result)
        .sort(),
    ).toEqual(['critical', 'pass'])
  })
})
