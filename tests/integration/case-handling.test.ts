import { count, eq } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { auditEvents, commitments, complaints, formatTasks, letters, remedies } from '../../db/schema'
import { responseDeadline, type ComplaintCase } from '~/domain/complaints/case'
import type { Actor } from '~/domain/complaints/lifecycle'
import { addWorkingDays, englandAndWalesBankHolidays, londonDate } from '~/domain/working-days'
import * as actionRoute from '~/routes/staff.complaints.$reference_.$action/route'
import { runCommand, runCommands } from '~/server/cases.server'
import { addClosureDay, removeClosureDay } from '~/server/closure-days.server'
import { describeEachEngine } from '../support/databases'
import { aComplaint, aStaffMember, someAnswers } from '../support/factories'
import { answer, bodyOf, formRequest, loadContext, statusOf } from '../support/requests'
import { staffCookie } from '../support/staff-session'

const bankHolidays = new Set(englandAndWalesBankHolidays(2025, 2030))

describeEachEngine('handling a complaint under the Code', (handle) => {
  const auditCount = async (complaintId: string) =>
    (await handle().db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityId, complaintId)))[0]?.n ?? 0

  async function acknowledgedComplaint() {
    const { db } = handle()
    const handler = await aStaffMember(db, 'complaint_handler')
    const actor: Actor = { kind: 'staff', id: handler.id, role: 'complaint_handler' }
    const { reference } = await aComplaint(db)
    const [row] = await db.select().from(complaints).where(eq(complaints.reference, reference))
    const today = londonDate(new Date())
    const result = await runCommands(db, {
      reference,
      commands: [
        { type: 'assign', stage: 1, handlerId: handler.id, by: actor },
        {
          type: 'acknowledge',
          on: today,
          by: actor,
          elements: ['Boiler not fixed', 'No call back'],
          outcomesSought: 'Fix it',
        },
      ],
      actor: { type: 'staff', id: handler.id },
      now: new Date(),
    })
    if (!result.ok) throw new Error('could not acknowledge')
    return { reference, complaintId: row?.id ?? '', handler, actor, today }
  }

  it('writes exactly one audit event per command, in the same transaction as the change', async () => {
    const { complaintId } = await acknowledgedComplaint()
    // received (1) + assign (1) + acknowledge (1)
    expect(await auditCount(complaintId)).toBe(3)
    const [row] = await handle().db.select().from(complaints).where(eq(complaints.id, complaintId))
    expect(row?.status).toBe('stage1_acknowledged')
    expect(row?.version).toBe(3)
  })

  it('writes nothing at all when the lifecycle refuses a command', async () => {
    const { reference, complaintId, actor, handler, today } = await acknowledgedComplaint()
    const [before] = await handle().db.select().from(complaints).where(eq(complaints.id, complaintId))
    const audits = await auditCount(complaintId)
    const result = await runCommands(handle().db, {
      reference,
      commands: [
        { type: 'record_decision', by: actor, elementId: 1, decision: 'upheld', reasons: 'Yes' },
        // Refused (R3/R4/R5/R6 missing): the decision above must not be kept either.
        { type: 'respond', on: today, by: actor },
      ],
      actor: { type: 'staff', id: handler.id },
      now: new Date(),
    })
    expect(result.ok).toBe(false)
    const [after] = await handle().db.select().from(complaints).where(eq(complaints.id, complaintId))
    expect(after?.version).toBe(before?.version)
    expect((after?.caseState as ComplaintCase).elements[0]?.stage1).toBeUndefined()
    expect(await auditCount(complaintId)).toBe(audits)
  })

  it('lets only one of two handlers extending at once past the cap (EXT-2)', async () => {
    const { reference, actor, handler, today } = await acknowledgedComplaint()
    const extend = () =>
      runCommand(handle().db, {
        reference,
        command: {
          type: 'extend',
          on: today,
          by: actor,
          workingDays: 6,
          reason: 'Waiting for a survey',
          residentAgreed: false,
        },
        actor: { type: 'staff', id: handler.id },
        now: new Date(),
      })
    const results = await Promise.all([extend(), extend()])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const refused = results.find((r) => !r.ok)
    expect(refused && 'refusal' in refused ? refused.refusal.key : null).toBe('staff-errors:extend.overCap')
    const [row] = await handle().db.select().from(complaints).where(eq(complaints.reference, reference))
    const stage1 = (row?.caseState as ComplaintCase).stages[0]
    expect(stage1?.extensions).toHaveLength(1)
    expect(row?.nextDue).toBe(addWorkingDays(addWorkingDays(today, 10, bankHolidays), 6, bankHolidays))
  })

  it('sends each letter in the resident’s language and format, and tracks the formats it cannot produce', async () => {
    const { db } = handle()
    const handler = await aStaffMember(db, 'complaint_handler')
    const actor: Actor = { kind: 'staff', id: handler.id, role: 'complaint_handler' }
    const { reference } = await aComplaint(db, {
      answers: someAnswers({ language: 'ar', adjustments: ['easy_read', 'braille'], interpreterLanguage: undefined }),
    })
    const result = await runCommand(db, {
      reference,
      command: {
        type: 'acknowledge',
        on: londonDate(new Date()),
        by: actor,
        elements: ['Lift broken'],
        outcomesSought: 'Repair',
      },
      actor: { type: 'staff', id: handler.id },
      now: new Date(),
    })
    expect(result.ok).toBe(true)
    const [row] = await db.select().from(complaints).where(eq(complaints.reference, reference))
    const [letter] = await db
      .select()
      .from(letters)
      .where(eq(letters.complaintId, row?.id ?? ''))
    expect(letter).toMatchObject({ kind: 'acknowledgement', language: 'ar', format: 'easy_read' })
    expect(letter?.bodyHtml).toContain('dir="rtl"')
    expect(letter?.bodyText).toContain(reference)
    expect(letter?.bodyText).toContain('0300 111 3000')
    const tasks = await db
      .select()
      .from(formatTasks)
      .where(eq(formatTasks.letterId, letter?.id ?? ''))
    expect(tasks.map((t) => t.format)).toEqual(['braille'])
  })

  it('records remedies and promised actions as rows, and the response letter', async () => {
    const { reference, complaintId, actor, handler, today } = await acknowledgedComplaint()
    const result = await runCommands(handle().db, {
      reference,
      commands: [
        { type: 'record_decision', by: actor, elementId: 1, decision: 'upheld', reasons: 'Missed twice' },
        { type: 'record_decision', by: actor, elementId: 2, decision: 'not_upheld', reasons: 'We called' },
        {
          type: 'add_remedy',
          by: actor,
          remedyType: 'financial',
          description: 'Time and trouble',
          amountPence: 7500,
          status: 'offered',
        },
        { type: 'promise_action', by: actor, description: 'Replace the boiler', owner: 'Repairs', dueOn: '2099-01-01' },
        { type: 'respond', on: today, by: actor },
      ],
      actor: { type: 'staff', id: handler.id },
      now: new Date(),
    })
    expect(result.ok).toBe(true)
    const { db } = handle()
    expect(
      await db.select({ amount: remedies.amountPence }).from(remedies).where(eq(remedies.complaintId, complaintId)),
    ).toEqual([{ amount: 7500 }])
    expect(
      await db
        .select({ owner: commitments.owner, due: commitments.originalDueOn })
        .from(commitments)
        .where(eq(commitments.complaintId, complaintId)),
    ).toEqual([{ owner: 'Repairs', due: '2099-01-01' }])
    const kinds = (
      await db.select({ kind: letters.kind }).from(letters).where(eq(letters.complaintId, complaintId))
    ).map((l) => l.kind)
    expect(kinds).toEqual(['acknowledgement', 'stage1_response'])
    expect(await auditCount(complaintId)).toBe(3 + 5)
  })

  it('re-dates open deadlines when a closure day is added, audits it, and moves them back when removed', async () => {
    const { db } = handle()
    const admin = await aStaffMember(db, 'administrator')
    const { reference } = await aComplaint(db, { receivedAt: new Date() })
    const [before] = await db.select().from(complaints).where(eq(complaints.reference, reference))
    const closure = addWorkingDays(before?.receivedOn ?? '', 1, bankHolidays)
    const added = await addClosureDay(db, { date: closure, description: 'Office move', staffId: admin.id })
    expect(added.ok && added.redated).toBeGreaterThanOrEqual(1)
    const [after] = await db.select().from(complaints).where(eq(complaints.reference, reference))
    expect(after?.nextDue).toBe(addWorkingDays(before?.nextDue ?? '', 1, bankHolidays))
    expect(
      responseDeadline((after?.caseState as ComplaintCase).stages[0]!).due >
        responseDeadline((before?.caseState as ComplaintCase).stages[0]!).due,
    ).toBe(true)
    const redated = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, after?.id ?? ''))
    expect(redated.some((event) => event.action === 'complaint.redated')).toBe(true)
    expect(await addClosureDay(db, { date: closure, description: 'again', staffId: admin.id })).toEqual({
      ok: false,
      reason: 'staff-errors:calendar.alreadyClosed',
    })
    await removeClosureDay(db, { date: closure, staffId: admin.id })
    const [restored] = await db.select().from(complaints).where(eq(complaints.reference, reference))
    expect(restored?.nextDue).toBe(before?.nextDue)
  })

  it('answers a malformed action form with 400, a refusal of the Code with 409, and writes nothing for either', async () => {
    const { reference, handler, complaintId } = await acknowledgedComplaint()
    const cookie = await staffCookie(handler)
    const post = (action: string, fields: Record<string, string>) =>
      answer(() =>
        actionRoute.action({
          request: formRequest(`/staff/complaints/${reference}/${action}`, fields, { cookie }),
          params: { reference, action },
          context: loadContext(),
        }),
      )
    const audits = await auditCount(complaintId)
    const malformed = await post('extend', { workingDays: 'five', reason: '' })
    expect(statusOf(malformed)).toBe(400)
    expect(Object.keys(bodyOf<{ errors: Record<string, unknown> }>(malformed).errors).sort()).toEqual([
      'reason',
      'workingDays',
    ])
    const overCap = await post('extend', { workingDays: '11', reason: 'Survey', confirm: 'yes' })
    expect(statusOf(overCap)).toBe(409)
    expect(bodyOf<{ errors: Record<string, { key: string }> }>(overCap).errors.workingDays?.key).toBe(
      'staff-errors:extend.overCap',
    )
    expect(await auditCount(complaintId)).toBe(audits)
    const confirmed = await post('extend', { workingDays: '3', reason: 'Survey', confirm: 'yes' })
    expect(statusOf(confirmed)).toBe(302)
    expect(await auditCount(complaintId)).toBe(audits + 1)
  })
})
