// Ombudsman, MP/councillor and mediation cases through the staff routes, on both engines: who may
// record them, due dates kept as typed from the letter, answers timed against them, determinations
// and their orders (logged late flagged, proof needed to comply), closing only when complied with,
// every change audited in its transaction, double submits applied once, and the complaint's link.
import { and, count, eq } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { auditEvents, complaints, externalCases, externalRequests } from '../../db/schema'
import { addCalendarDays, londonDate } from '~/domain/working-days'
import * as casePage from '~/routes/staff.complaints.$reference/route'
import * as caseRoute from '~/routes/staff.external.$id/route'
import * as answerRoute from '~/routes/staff.external.$id_.requests.$requestId/route'
import * as listRoute from '~/routes/staff.external._index/route'
import * as newRoute from '~/routes/staff.external.new/route'
import { addDeterminationAction } from '~/server/external-cases.server'
import { describeEachEngine } from '../support/databases'
import { aComplaint, aStaffMember } from '../support/factories'
import { answer, bodyOf, formRequest, getRequest, loadContext, statusOf } from '../support/requests'
import { staffCookie } from '../support/staff-session'

type Rejected = { errors: Record<string, { key: string }> }
const keyOf = (result: unknown, field: string) => bodyOf<Rejected>(result).errors[field]?.key

describeEachEngine('Ombudsman and other external cases', (handle) => {
  const db = () => handle().db
  const today = londonDate(new Date())
  const daysAgo = (n: number) => addCalendarDays(today, -n)
  let handler = ''
  let handlerId = ''
  let advisor = ''
  let reference = ''
  let caseId = ''

  beforeAll(async () => {
    const member = await aStaffMember(db(), 'complaint_handler')
    handlerId = member.id
    handler = await staffCookie(member)
    advisor = await staffCookie(await aStaffMember(db(), 'advisor'))
    reference = (await aComplaint(db())).reference
  })

  const openCase = (cookie: string, values: Record<string, string>) =>
    answer(() =>
      newRoute.action({
        request: formRequest('/staff/external/new', values, { cookie }),
        params: {},
        context: loadContext(),
      }),
    )
  const post = (values: Record<string, string>, cookie = handler) =>
    answer(() =>
      caseRoute.action({
        request: formRequest(
          `/staff/external/${caseId}`,
          { submissionKey: crypto.randomUUID(), ...values },
          { cookie },
        ),
        params: { id: caseId },
        context: loadContext(),
      }),
    )
  const page = async () =>
    bodyOf<Awaited<ReturnType<typeof caseRoute.loader>>>(
      await caseRoute.loader({
        request: getRequest(`/staff/external/${caseId}`, { cookie: advisor }),
        params: { id: caseId },
        context: loadContext(),
      }),
    )
  const requestRows = () => db().select().from(externalRequests).where(eq(externalRequests.caseId, caseId))

  it('is recorded by a handler only, checked, linked to our complaint, and a double submit makes one case', async () => {
    const fields = {
      kind: 'ombudsman_investigation',
      theirReference: '202412345',
      openedOn: daysAgo(40),
      complaintReference: reference.toLowerCase(),
      notes: '',
      submissionKey: crypto.randomUUID(),
    }
    expect(statusOf(await openCase(advisor, fields))).toBe(403)
    const bad = await openCase(handler, { ...fields, kind: 'tribunal', openedOn: addCalendarDays(today, 1) })
    expect(statusOf(bad)).toBe(400)
    expect(keyOf(bad, 'kind')).toBe('staff-errors:external.kindRequired')
    expect(keyOf(bad, 'openedOn')).toBe('staff-errors:external.dateInFuture')
    const unknown = await openCase(handler, { ...fields, complaintReference: 'PR-1999-999999' })
    expect(keyOf(unknown, 'complaintReference')).toBe('staff-errors:external.complaintNotFound')

    const first = (await openCase(handler, fields)) as Response
    const again = (await openCase(handler, fields)) as Response
    expect(first.status).toBe(302)
    expect(again.headers.get('Location')).toBe(first.headers.get('Location'))
    caseId = (first.headers.get('Location') ?? '').split('/').pop() ?? ''
    const [complaint] = await db().select().from(complaints).where(eq(complaints.reference, reference))
    const rows = await db()
      .select()
      .from(externalCases)
      .where(eq(externalCases.complaintId, complaint?.id ?? ''))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ id: caseId, kind: 'ombudsman_investigation', theirReference: '202412345' })
  })

  it('shows on the complaint’s page as a link', async () => {
    const view = await casePage.loader({
      request: getRequest(`/staff/complaints/${reference}`, { cookie: advisor }),
      params: { reference },
      context: loadContext(),
    })
    expect(view.externalCases).toEqual([expect.objectContaining({ id: caseId, kind: 'ombudsman_investigation' })])
  })

  it('keeps a request’s due date exactly as typed from the letter, and needs it', async () => {
    const ask = {
      intent: 'request',
      requestKind: 'evidence',
      requestDescription: 'Repair records for 2024',
      requestReceivedOn: daysAgo(30),
      requestDueOn: '',
    }
    const missing = await post(ask)
    expect(statusOf(missing)).toBe(400)
    expect(keyOf(missing, 'requestDueOn')).toBe('staff-errors:external.dueOnRequired')
    expect(statusOf(await post({ ...ask, requestDueOn: daysAgo(20) }, advisor))).toBe(403)
    // A due date on a Saturday or a bank holiday is kept: it is what the letter says.
    expect(statusOf(await post({ ...ask, requestDueOn: daysAgo(20) }))).toBe(302)
    expect(statusOf(await post({ ...ask, requestKind: 'information', requestDueOn: daysAgo(15) }))).toBe(302)
    expect(statusOf(await post({ ...ask, requestKind: 'instruction_to_respond', requestDueOn: daysAgo(1) }))).toBe(302)
    const rows = await requestRows()
    expect(rows.map((r) => r.dueOn).sort()).toEqual([daysAgo(20), daysAgo(15), daysAgo(1)].sort())
  })

  it('times each answer against that date, and shows the unanswered one as overdue', async () => {
    const rows = await requestRows()
    const byDue = (due: string) => rows.find((r) => r.dueOn === due)?.id ?? ''
    const reply = (id: string, values: Record<string, string>, cookie = handler) =>
      answer(() =>
        answerRoute.action({
          request: formRequest(`/staff/external/${caseId}/requests/${id}`, values, { cookie }),
          params: { id: caseId, requestId: id },
          context: loadContext(),
        }),
      )
    expect(statusOf(await reply(byDue(daysAgo(20)), { answeredOn: daysAgo(20), evidence: '' }, advisor))).toBe(403)
    const early = await reply(byDue(daysAgo(20)), { answeredOn: daysAgo(31), evidence: '' })
    expect(keyOf(early, 'answeredOn')).toBe('staff-errors:external.answeredBeforeReceived')
    expect(
      statusOf(await reply(byDue(daysAgo(20)), { answeredOn: daysAgo(20), evidence: 'Sent the job sheets' })),
    ).toBe(302)
    expect(statusOf(await reply(byDue(daysAgo(15)), { answeredOn: daysAgo(14), evidence: '' }))).toBe(302)
    // Answered already: the page is gone, and a second answer is refused.
    const twice = await reply(byDue(daysAgo(15)), { answeredOn: daysAgo(13), evidence: '' })
    expect(statusOf(twice)).toBe(409)
    expect(keyOf(twice, 'answeredOn')).toBe('staff-errors:external.alreadyAnswered')
    const view = await page()
    expect(view.asks.map((r) => r.state).sort()).toEqual(['late', 'on_time', 'overdue'])
  })

  it('records the determination once, with a finding per issue', async () => {
    const none = await post({ intent: 'determination', determinedOn: daysAgo(10) })
    expect(keyOf(none, 'issue1')).toBe('staff-errors:external.findingsRequired')
    expect(
      statusOf(
        await post({
          intent: 'determination',
          determinedOn: daysAgo(10),
          issue1: 'Handling of the leak',
          finding1: 'maladministration',
          issue2: 'Complaint handling',
          finding2: 'no_maladministration',
        }),
      ),
    ).toBe(302)
    const again = await post({
      intent: 'determination',
      determinedOn: daysAgo(9),
      issue1: 'x',
      finding1: 'service_failure',
    })
    expect(statusOf(again)).toBe(409)
    const view = await page()
    expect(view.adverse).toBe(true)
    expect(view.findings).toEqual([
      { issue: 'Handling of the leak', finding: 'maladministration' },
      { issue: 'Complaint handling', finding: 'no_maladministration' },
    ])
  })

  it('flags an order logged more than 2 working days after the determination', async () => {
    const [row] = await db().select().from(externalCases).where(eq(externalCases.id, caseId))
    const determinedOn = row?.determinedOn ?? ''
    // Recorded on the day of the determination: in time.
    const result = await addDeterminationAction(db(), {
      caseId,
      action: { kind: 'recommendation', description: 'Review the damp policy', dueOn: addCalendarDays(today, 30) },
      staffId: handlerId,
      submissionKey: crypto.randomUUID(),
      now: new Date(`${determinedOn}T12:00:00Z`),
    })
    expect(result.ok).toBe(true)
    // Recorded today, 10 calendar days later: late.
    expect(
      statusOf(
        await post({
          intent: 'action',
          actionKind: 'order',
          actionDescription: 'Pay £300 compensation',
          actionDueOn: addCalendarDays(today, 14),
        }),
      ),
    ).toBe(302)
    const view = await page()
    expect(view.actions.map((a) => [a.kind, a.loggedLate])).toEqual([
      ['recommendation', false],
      ['order', true],
    ])
    const early = await post({
      intent: 'action',
      actionKind: 'order',
      actionDescription: 'x',
      actionDueOn: daysAgo(11),
    })
    expect(keyOf(early, 'actionDueOn')).toBe('staff-errors:external.dueBeforeDetermination')
  })

  it('closes only once every request is answered and every order complied with, proof given', async () => {
    const blocked = await post({ intent: 'close', closedOn: today })
    expect(statusOf(blocked)).toBe(409)
    expect(keyOf(blocked, 'closedOn')).toBe('staff-errors:external.openRequests')
    const rows = await requestRows()
    const open = rows.filter((r) => !r.answeredOn && r.kind !== 'recommendation')
    expect(open.map((r) => r.kind).sort()).toEqual(['instruction_to_respond', 'order'])
    for (const request of open) {
      const comply = (evidence: string) =>
        answer(() =>
          answerRoute.action({
            request: formRequest(
              `/staff/external/${caseId}/requests/${request.id}`,
              { answeredOn: today, evidence, submissionKey: crypto.randomUUID() },
              { cookie: handler },
            ),
            params: { id: caseId, requestId: request.id },
            context: loadContext(),
          }),
        )
      if (request.kind === 'order') {
        expect(keyOf(await comply(''), 'evidence')).toBe('staff-errors:external.evidenceRequired')
        expect(statusOf(await comply('BACS ref 99812'))).toBe(302)
      } else expect(statusOf(await comply(''))).toBe(302)
    }
    // The recommendation may stay open.
    expect(statusOf(await post({ intent: 'close', closedOn: today }))).toBe(302)
    const closed = await post({
      intent: 'request',
      requestKind: 'evidence',
      requestDescription: 'More',
      requestReceivedOn: today,
      requestDueOn: today,
    })
    expect(statusOf(closed)).toBe(409)
    expect(keyOf(closed, 'requestKind')).toBe('staff-errors:external.caseClosed')
  })

  it('audits every change in its transaction', async () => {
    const events = await db()
      .select({ action: auditEvents.action, n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'external_case'), eq(auditEvents.entityId, caseId)))
      .groupBy(auditEvents.action)
    expect(Object.fromEntries(events.map((e) => [e.action, e.n]))).toEqual({
      'external.opened': 1,
      'external.request_added': 3,
      'external.request_answered': 4,
      'external.determined': 1,
      'external.action_added': 2,
      'external.closed': 1,
    })
  })

  it('applies a double-submitted form once', async () => {
    const opened = (await openCase(handler, {
      kind: 'mp_enquiry',
      theirReference: '',
      openedOn: today,
      complaintReference: '',
      notes: '',
      submissionKey: crypto.randomUUID(),
    })) as Response
    caseId = (opened.headers.get('Location') ?? '').split('/').pop() ?? ''
    const key = crypto.randomUUID()
    const values = {
      intent: 'request',
      submissionKey: key,
      requestKind: 'information',
      requestDescription: 'Reply to the MP',
      requestReceivedOn: today,
      requestDueOn: addCalendarDays(today, 10),
    }
    const send = () =>
      answer(() =>
        caseRoute.action({
          request: formRequest(`/staff/external/${caseId}`, values, { cookie: handler }),
          params: { id: caseId },
          context: loadContext(),
        }),
      )
    const [a, b] = await Promise.all([send(), send()])
    expect([statusOf(a), statusOf(b)]).toEqual([302, 302])
    expect(await requestRows()).toHaveLength(1)
    // An MP asks for a reply, not for evidence.
    const wrong = await post({ ...values, submissionKey: crypto.randomUUID(), requestKind: 'evidence' })
    expect(keyOf(wrong, 'requestKind')).toBe('staff-errors:external.requestKindRequired')
  })

  it('lists open requests soonest first with the overdue ones marked, and counts the period', async () => {
    const list = await listRoute.loader({
      request: getRequest(`/staff/external?from=${daysAgo(60)}&to=${today}`, { cookie: advisor }),
      params: {},
      context: loadContext(),
    })
    const mine = list.requests.filter((r) => r.caseId === caseId)
    expect(mine).toHaveLength(1)
    expect(mine[0]?.state).toBe('open')
    const dueDates = list.requests.map((r) => r.due)
    expect(dueDates.length).toBeGreaterThan(0)
    const figure = (key: string) => list.summary.find((row) => row.key === key)?.value
    expect(figure('opened-ombudsman_investigation')).toBe('1')
    expect(figure('opened-mp_enquiry')).toBe('1')
    // Ombudsman asks answered in the period: 20 days ago by the due date, one a day late, one today late.
    expect(figure('ombudsmanOnTime')).toBe('1 of 3 (33.3%)')
    expect(figure('adverse')).toBe('1 of 1 (100.0%)')
    expect(figure('actionsLoggedLate')).toBe('1 of 2')
    const mpOnly = await listRoute.loader({
      request: getRequest('/staff/external?kind=mp_enquiry&open=1', { cookie: advisor }),
      params: {},
      context: loadContext(),
    })
    expect(mpOnly.cases.map((c) => c.id)).toEqual([caseId])
  })
})
