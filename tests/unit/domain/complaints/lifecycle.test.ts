import { describe, expect, it } from 'vitest'
import { workingCalendar } from '~/domain/calendar'
import { newComplaintCase, overallOutcome, responseDeadline, type ComplaintCase } from '~/domain/complaints/case'
import {
  allowedCommands,
  applyCommand,
  nextDeadline,
  type Actor,
  type Command,
  type Transition,
} from '~/domain/complaints/lifecycle'
import { redateOpenDeadlines } from '~/domain/complaints/redate'
import { defaultCodeSettings, type CodeSettings } from '~/domain/complaints/settings'
import { complaintStatuses } from '~/domain/complaints/status'
import { englandAndWalesBankHolidays } from '~/domain/working-days'

const calendar = workingCalendar(englandAndWalesBankHolidays(2025, 2027))
const handler: Actor = { kind: 'staff', id: 'handler-1', role: 'complaint_handler' }
const reviewer: Actor = { kind: 'staff', id: 'reviewer-2', role: 'stage2_reviewer' }

function apply(complaint: ComplaintCase, command: Command, settings: CodeSettings = defaultCodeSettings) {
  return applyCommand(complaint, command, { calendar, settings })
}

/** GOV-2: a complaint with anything upheld closes only once its learning entry is complete. */
function closeWithLearning(complaint: ComplaintCase, on: string, by: Actor) {
  return applyCommand(
    complaint,
    { type: 'close', on, by },
    { calendar, settings: defaultCodeSettings, learningComplete: true },
  )
}

function ok(result: Transition): ComplaintCase {
  if (!result.ok) throw new Error(`refused: ${result.refusal.key} ${JSON.stringify(result.refusal)}`)
  return result.complaint
}

function refusal(result: Transition) {
  if (result.ok) throw new Error('expected a refusal')
  return result.refusal
}

/** Received Fri 22 May 2026 (E1), acknowledged on its due date Mon 1 June. */
function acknowledged(on = '2026-06-01'): ComplaintCase {
  const received = newComplaintCase('2026-05-22', calendar)
  const assigned = ok(apply(received, { type: 'assign', stage: 1, handlerId: 'handler-1', by: handler }))
  return ok(
    apply(assigned, {
      type: 'acknowledge',
      on,
      by: handler,
      elements: ['The boiler was not repaired', 'Nobody called back'],
      outcomesSought: 'A working boiler and an apology',
    }),
  )
}

function readyToRespond(complaint: ComplaintCase, decisions: Array<'upheld' | 'partly_upheld' | 'not_upheld'>) {
  let c = complaint
  c.elements.forEach((element, index) => {
    c = ok(
      apply(c, {
        type: 'record_decision',
        by: handler,
        elementId: element.id,
        decision: decisions[index] ?? 'not_upheld',
        reasons: 'Our records show the appointment was missed.',
      }),
    )
  })
  return c
}

function respondedAtStage1(): ComplaintCase {
  let c = readyToRespond(acknowledged(), ['upheld', 'not_upheld'])
  c = ok(
    apply(c, {
      type: 'add_remedy',
      by: handler,
      remedyType: 'apology',
      description: 'We apologise.',
      amountPence: null,
      status: 'offered',
    }),
  )
  c = ok(
    apply(c, {
      type: 'promise_action',
      by: handler,
      description: 'Replace the boiler',
      owner: 'Repairs team',
      dueOn: '2026-06-30',
    }),
  )
  return ok(apply(c, { type: 'respond', on: '2026-06-10', by: handler }))
}

describe('the transition table', () => {
  it('covers every status', () => {
    expect(Object.keys(allowedCommands).sort()).toEqual([...complaintStatuses].sort())
  })

  it.each([
    ['received', { type: 'respond', on: '2026-06-01', by: handler }],
    ['received', { type: 'extend', on: '2026-05-26', by: handler, workingDays: 5, reason: 'x', residentAgreed: false }],
    ['received', { type: 'escalate', on: '2026-05-26', by: { kind: 'resident' }, channel: 'web' }],
    ['received', { type: 'close', on: '2026-05-26', by: handler }],
  ] as const)('refuses from %s: %j', (_status, command) => {
    const result = apply(newComplaintCase('2026-05-22', calendar), command as Command)
    expect(refusal(result).key).toBe('staff-errors:lifecycle.notAllowed')
  })

  it('never changes a withdrawn complaint (S1-10: raising it again is a new complaint)', () => {
    const withdrawn = ok(
      apply(acknowledged(), {
        type: 'withdraw',
        on: '2026-06-02',
        by: handler,
        channel: 'phone',
        residentWords: 'Sorted now',
      }),
    )
    expect(withdrawn.status).toBe('withdrawn')
    for (const command of [
      { type: 'reopen', on: '2026-06-03', by: handler, reason: 'x' },
      { type: 'respond', on: '2026-06-03', by: handler },
    ] as Command[]) {
      expect(refusal(apply(withdrawn, command)).key).toBe('staff-errors:lifecycle.notAllowed')
    }
  })
})

describe('acknowledging (S1-2, S1-3, S1-5)', () => {
  it('records the definition and starts the response clock from the acknowledgement actually sent', () => {
    const c = acknowledged('2026-05-27')
    expect(c.status).toBe('stage1_acknowledged')
    expect(c.elements.map((e) => e.summary)).toEqual(['The boiler was not repaired', 'Nobody called back'])
    expect(c.definition).toEqual({ outcomesSought: 'A working boiler and an apology', notInScope: null })
    // Early acknowledgement Wed 27 May brings the response forward: 10 WD → Wed 10 June.
    expect(responseDeadline(c.stages[0]!).due).toBe('2026-06-10')
  })

  it('gives a provisional response date before the acknowledgement (E1: 15 June)', () => {
    const c = newComplaintCase('2026-05-22', calendar)
    expect(c.stages[0]?.acknowledgement.due).toBe('2026-06-01')
    expect(responseDeadline(c.stages[0]!).due).toBe('2026-06-15')
  })

  it('starts a late acknowledgement’s clock on the day it was sent, unless the setting clamps it (S1-5 [U])', () => {
    const late = acknowledged('2026-06-03')
    expect(responseDeadline(late.stages[0]!).due).toBe('2026-06-17')
    const clamped = ok(
      apply(
        newComplaintCase('2026-05-22', calendar),
        { type: 'acknowledge', on: '2026-06-03', by: handler, elements: ['x'], outcomesSought: 'y' },
        { ...defaultCodeSettings, clampResponseClockToAckDue: true },
      ),
    )
    expect(responseDeadline(clamped.stages[0]!).due).toBe('2026-06-15')
  })

  it.each([
    [[], 'outcome', 'staff-errors:acknowledge.elementsRequired'],
    [['  '], 'outcome', 'staff-errors:acknowledge.elementsRequired'],
    [['element'], ' ', 'staff-errors:acknowledge.outcomesRequired'],
  ])('refuses elements %j with outcomes %j (S1-3)', (elements, outcomesSought, key) => {
    const result = apply(newComplaintCase('2026-05-22', calendar), {
      type: 'acknowledge',
      on: '2026-05-26',
      by: handler,
      elements,
      outcomesSought,
    })
    expect(refusal(result).key).toBe(key)
  })

  it('cannot acknowledge before the complaint was received', () => {
    const result = apply(newComplaintCase('2026-05-22', calendar), {
      type: 'acknowledge',
      on: '2026-05-21',
      by: handler,
      elements: ['x'],
      outcomesSought: 'y',
    })
    expect(refusal(result).key).toBe('staff-errors:acknowledge.beforeReceipt')
  })
})

describe('extensions (EXT-1 … EXT-4)', () => {
  const extend = (
    c: ComplaintCase,
    workingDays: number,
    on: string,
    residentAgreed = false,
    reason = 'We need a surveyor’s report',
  ) => apply(c, { type: 'extend', on, by: handler, workingDays, reason, residentAgreed })

  it('E8: two extensions of 5 add to the current due date, up to the cap of 10', () => {
    const c = ok(
      apply(newComplaintCase('2026-04-24', calendar), {
        type: 'acknowledge',
        on: '2026-04-30',
        by: handler,
        elements: ['x'],
        outcomesSought: 'y',
      }),
    )
    expect(responseDeadline(c.stages[0]!).due).toBe('2026-05-15')
    const once = ok(extend(c, 5, '2026-05-15'))
    expect(once.status).toBe('stage1_extended')
    expect(responseDeadline(once.stages[0]!).due).toBe('2026-05-22')
    const twice = ok(extend(once, 5, '2026-05-20'))
    expect(responseDeadline(twice.stages[0]!).due).toBe('2026-06-01')
    expect(refusal(extend(twice, 1, '2026-05-21')).key).toBe('staff-errors:extend.overCap')
  })

  it('needs a reason for the resident', () => {
    expect(refusal(extend(acknowledged(), 5, '2026-06-02', false, '   ')).key).toBe(
      'staff-errors:extend.reasonRequired',
    )
  })

  it('must be made on or before the current due date (EXT-4)', () => {
    const c = acknowledged()
    expect(ok(extend(c, 5, '2026-06-15')).stages[0]?.extensions).toHaveLength(1)
    expect(refusal(extend(c, 5, '2026-06-16'))).toEqual({
      key: 'staff-errors:extend.tooLate',
      values: { due: '2026-06-15' },
    })
  })

  it('goes beyond the cap only with the resident’s recorded agreement (EXT-2)', () => {
    const c = acknowledged()
    expect(refusal(extend(c, 11, '2026-06-02'))).toEqual({
      key: 'staff-errors:extend.overCap',
      values: { cap: 10, used: 0, remaining: 10 },
    })
    expect(ok(extend(c, 11, '2026-06-02', true)).stages[0]?.extensions[0]?.residentAgreed).toBe(true)
  })

  it('caps Stage 2 at 20 working days', () => {
    const s2 = stage2Acknowledged()
    expect(
      ok(
        apply(s2, {
          type: 'extend',
          on: '2026-06-22',
          by: reviewer,
          workingDays: 20,
          reason: 'r',
          residentAgreed: false,
        }),
      ).status,
    ).toBe('stage2_extended')
    expect(
      refusal(
        apply(s2, {
          type: 'extend',
          on: '2026-06-22',
          by: reviewer,
          workingDays: 21,
          reason: 'r',
          residentAgreed: false,
        }),
      ).key,
    ).toBe('staff-errors:extend.overCap')
  })

  it('cannot be sent without the Ombudsman’s contact details (EXT-4)', () => {
    const settings = { ...defaultCodeSettings, ombudsman: { ...defaultCodeSettings.ombudsman, phone: '' } }
    const result = apply(
      acknowledged(),
      { type: 'extend', on: '2026-06-02', by: handler, workingDays: 5, reason: 'r', residentAgreed: false },
      settings,
    )
    expect(refusal(result).key).toBe('staff-errors:extend.noOmbudsmanDetails')
  })

  it.each([0, -1, 2.5])('refuses %s working days', (days) => {
    expect(refusal(extend(acknowledged(), days, '2026-06-02')).key).toBe('staff-errors:extend.workingDaysInvalid')
  })
})

describe('the response checklist (§5)', () => {
  it('lists every missing item by name and refuses to issue', () => {
    const result = apply(acknowledged(), { type: 'respond', on: '2026-06-10', by: handler })
    expect(refusal(result)).toEqual({
      key: 'staff-errors:respond.checklistIncomplete',
      values: { count: 3 },
      missing: ['R3', 'R4', 'R6'],
    })
  })

  it('needs a remedy or a reason for none when anything is upheld (R5)', () => {
    let c = readyToRespond(acknowledged(), ['partly_upheld', 'not_upheld'])
    c = ok(apply(c, { type: 'no_outstanding_actions', by: handler }))
    expect(refusal(apply(c, { type: 'respond', on: '2026-06-10', by: handler })).missing).toEqual(['R5'])
    c = ok(apply(c, { type: 'no_remedy', by: handler, reason: 'The repair was done the same day.' }))
    expect(ok(apply(c, { type: 'respond', on: '2026-06-10', by: handler })).status).toBe('stage1_responded')
  })

  it('needs no remedy when nothing is upheld', () => {
    let c = readyToRespond(acknowledged(), ['not_upheld', 'not_upheld'])
    c = ok(apply(c, { type: 'no_outstanding_actions', by: handler }))
    const responded = ok(apply(c, { type: 'respond', on: '2026-06-10', by: handler }))
    expect(responded.stages[0]?.outcome).toBe('not_upheld')
  })

  it('needs the Ombudsman’s details for a Stage 2 response (R7)', () => {
    let c = readyToRespondAtStage2(stage2Acknowledged())
    const settings = { ...defaultCodeSettings, ombudsman: { ...defaultCodeSettings.ombudsman, address: '' } }
    expect(refusal(apply(c, { type: 'respond', on: '2026-07-01', by: reviewer }, settings)).missing).toEqual(['R7'])
    c = ok(apply(c, { type: 'respond', on: '2026-07-01', by: reviewer }))
    expect(c.status).toBe('stage2_responded')
  })

  it('refuses a decision without reasons (R4) or on an element that does not exist', () => {
    const c = acknowledged()
    expect(
      refusal(apply(c, { type: 'record_decision', by: handler, elementId: 1, decision: 'upheld', reasons: ' ' })).key,
    ).toBe('staff-errors:decision.reasonsRequired')
    expect(
      refusal(apply(c, { type: 'record_decision', by: handler, elementId: 9, decision: 'upheld', reasons: 'r' })).key,
    ).toBe('staff-errors:decision.unknownElement')
  })

  it('records the overall outcome and whether the response was on time', () => {
    const result = apply(
      ok(
        apply(readyToRespond(acknowledged(), ['upheld', 'upheld']), { type: 'no_remedy', by: handler, reason: 'n/a' }),
      ),
      { type: 'no_outstanding_actions', by: handler },
    )
    const responded = apply(ok(result), { type: 'respond', on: '2026-06-16', by: handler })
    if (!responded.ok) throw new Error('refused')
    expect(responded.events.at(-1)).toEqual({
      type: 'responded',
      stage: 1,
      on: '2026-06-16',
      outcome: 'upheld',
      onTime: false,
      reissued: false,
    })
  })

  it('a financial remedy needs an amount', () => {
    expect(
      refusal(
        apply(acknowledged(), {
          type: 'add_remedy',
          by: handler,
          remedyType: 'financial',
          description: 'Time and trouble',
          amountPence: null,
          status: 'offered',
        }),
      ).key,
    ).toBe('staff-errors:remedy.amountRequired')
  })
})

describe('overall outcome (§5)', () => {
  it.each([
    [['upheld', 'upheld'], 'upheld'],
    [['not_upheld'], 'not_upheld'],
    [['upheld', 'not_upheld'], 'partly_upheld'],
    [['partly_upheld'], 'partly_upheld'],
    [[], null],
  ] as const)('%j → %s', (decided, outcome) => {
    expect(overallOutcome([...decided])).toBe(outcome)
  })
})

function stage2Acknowledged(): ComplaintCase {
  const escalated = ok(
    apply(respondedAtStage1(), { type: 'escalate', on: '2026-06-12', by: { kind: 'resident' }, channel: 'web' }),
  )
  const assigned = ok(apply(escalated, { type: 'assign', stage: 2, handlerId: 'reviewer-2', by: reviewer }))
  return ok(
    apply(assigned, {
      type: 'acknowledge',
      on: '2026-06-19',
      by: reviewer,
      elements: [],
      outcomesSought: 'A new boiler',
    }),
  )
}

function readyToRespondAtStage2(c: ComplaintCase): ComplaintCase {
  let next = c
  for (const element of c.elements) {
    next = ok(
      apply(next, {
        type: 'record_decision',
        by: reviewer,
        elementId: element.id,
        decision: 'upheld',
        reasons: 'On review, yes.',
      }),
    )
  }
  next = ok(
    apply(next, {
      type: 'add_remedy',
      by: reviewer,
      remedyType: 'financial',
      description: 'Distress',
      amountPence: 15000,
      status: 'offered',
    }),
  )
  return ok(apply(next, { type: 'no_outstanding_actions', by: reviewer }))
}

describe('escalation (S2-1 … S2-4)', () => {
  it('needs nothing but the request, and starts the Stage 2 acknowledgement clock from it', () => {
    const result = apply(respondedAtStage1(), {
      type: 'escalate',
      on: '2026-06-12',
      by: { kind: 'resident' },
      channel: 'web',
    })
    const c = ok(result)
    expect(c.status).toBe('escalated')
    expect(c.stages[1]?.acknowledgement.due).toBe('2026-06-19')
    expect(c.stages[1]?.lateRequest).toBe(false)
  })

  it('E6: an escalation on Christmas Eve 2026 is acknowledged by 5 January 2027', () => {
    let c = respondedAtStage1()
    c = { ...c, stages: [{ ...c.stages[0]!, respondedOn: '2026-12-23' }] }
    const escalated = ok(apply(c, { type: 'escalate', on: '2026-12-24', by: { kind: 'resident' }, channel: 'phone' }))
    expect(escalated.stages[1]?.acknowledgement.due).toBe('2027-01-05')
  })

  it('flags a request after the 20-working-day window for a manager, and still accepts it (S2-2)', () => {
    const late = ok(
      apply(respondedAtStage1(), { type: 'escalate', on: '2026-07-09', by: { kind: 'resident' }, channel: 'letter' }),
    )
    expect(late.status).toBe('escalated')
    expect(late.stages[1]?.lateRequest).toBe(true)
    const last = ok(
      apply(respondedAtStage1(), { type: 'escalate', on: '2026-07-08', by: { kind: 'resident' }, channel: 'letter' }),
    )
    expect(last.stages[1]?.lateRequest).toBe(false)
  })

  it('is allowed after the complaint was closed at Stage 1, but only once', () => {
    const closed = ok(closeWithLearning(respondedAtStage1(), '2026-06-11', handler))
    const escalated = ok(
      apply(closed, { type: 'escalate', on: '2026-06-12', by: { kind: 'resident' }, channel: 'web' }),
    )
    expect(escalated.status).toBe('escalated')
    const stage2Closed = ok(
      closeWithLearning(
        ok(apply(readyToRespondAtStage2(stage2Acknowledged()), { type: 'respond', on: '2026-07-01', by: reviewer })),
        '2026-07-02',
        reviewer,
      ),
    )
    expect(
      refusal(apply(stage2Closed, { type: 'escalate', on: '2026-07-03', by: { kind: 'resident' }, channel: 'web' }))
        .key,
    ).toBe('staff-errors:escalate.notAfterStage1')
  })

  it('keeps the Stage 1 handler off Stage 2 (S2-3)', () => {
    const escalated = ok(
      apply(respondedAtStage1(), { type: 'escalate', on: '2026-06-12', by: { kind: 'resident' }, channel: 'web' }),
    )
    expect(refusal(apply(escalated, { type: 'assign', stage: 2, handlerId: 'handler-1', by: reviewer })).key).toBe(
      'staff-errors:assign.sameAsStage1',
    )
  })

  it('refuses a Stage 2 response signed by the Stage 1 handler (S2-3)', () => {
    const c = readyToRespondAtStage2(stage2Acknowledged())
    expect(refusal(apply(c, { type: 'respond', on: '2026-07-01', by: handler })).key).toBe(
      'staff-errors:assign.sameAsStage1',
    )
  })

  it('E7: an early Stage 2 acknowledgement brings the response forward', () => {
    let c = respondedAtStage1()
    c = { ...c, stages: [{ ...c.stages[0]!, respondedOn: '2026-08-27' }] }
    c = ok(apply(c, { type: 'escalate', on: '2026-08-28', by: { kind: 'resident' }, channel: 'web' }))
    expect(c.stages[1]?.acknowledgement.due).toBe('2026-09-07')
    c = ok(apply(c, { type: 'acknowledge', on: '2026-09-02', by: reviewer, elements: [], outcomesSought: 'x' }))
    expect(responseDeadline(c.stages[1]!).due).toBe('2026-09-30')
  })
})

describe('declining (§6)', () => {
  const decline = (c: ComplaintCase, request: Record<string, unknown>, on = '2026-06-16') =>
    apply(c, {
      type: 'decline',
      on,
      by: handler,
      request: { explanation: 'Explained to the resident', ...request } as never,
    })

  it('over 12 months: both dates before the cut-off (EXC-2: received 15 June 2026 → 15 June 2025)', () => {
    const c = newComplaintCase('2026-06-15', calendar)
    expect(
      ok(
        decline(c, {
          ground: 'over_12_months',
          issueDate: '2025-06-14',
          discretionConsidered: 'No exceptional reason',
        }),
      ).status,
    ).toBe('declined')
    expect(
      refusal(decline(c, { ground: 'over_12_months', issueDate: '2025-06-15', discretionConsidered: 'x' })).key,
    ).toBe('staff-errors:decline.within12Months')
    expect(
      refusal(
        decline(c, {
          ground: 'over_12_months',
          issueDate: '2024-01-01',
          awareDate: '2025-07-01',
          discretionConsidered: 'x',
        }),
      ).key,
    ).toBe('staff-errors:decline.within12Months')
    expect(refusal(decline(c, { ground: 'over_12_months', issueDate: '2024-01-01' })).key).toBe(
      'staff-errors:decline.discretionRequired',
    )
  })

  it('legal proceedings need the court filing date; already considered needs the link; other needs a manager', () => {
    const c = newComplaintCase('2026-06-15', calendar)
    expect(refusal(decline(c, { ground: 'legal_proceedings' })).key).toBe('staff-errors:decline.filingDateRequired')
    expect(refusal(decline(c, { ground: 'legal_proceedings', courtFilingDate: '2026-06-20' })).key).toBe(
      'staff-errors:decline.filingDateInFuture',
    )
    expect(ok(decline(c, { ground: 'legal_proceedings', courtFilingDate: '2026-05-01' })).decline?.ground).toBe(
      'legal_proceedings',
    )
    expect(refusal(decline(c, { ground: 'already_considered' })).key).toBe('staff-errors:decline.linkRequired')
    expect(refusal(decline(c, { ground: 'other' })).key).toBe('staff-errors:decline.approvalRequired')
    expect(refusal(decline(c, { ground: 'other', approvedBy: { id: 'h', isManager: false } })).key).toBe(
      'staff-errors:decline.approverNotManager',
    )
    expect(ok(decline(c, { ground: 'other', approvedBy: { id: 'm', isManager: true } })).decline?.approvedBy).toBe('m')
  })

  it('always needs the explanation for the resident (EXC-3)', () => {
    const c = newComplaintCase('2026-06-15', calendar)
    expect(
      refusal(decline(c, { ground: 'already_considered', linkedReference: 'PR-2025-000001', explanation: ' ' })).key,
    ).toBe('staff-errors:decline.explanationRequired')
  })

  it('can refuse an escalation, and a decline overturned puts the complaint back where it was', () => {
    const escalated = ok(
      apply(respondedAtStage1(), { type: 'escalate', on: '2026-06-12', by: { kind: 'resident' }, channel: 'web' }),
    )
    const declined = ok(decline(escalated, { ground: 'already_considered', linkedReference: 'PR-2025-000009' }))
    expect(declined.decline?.stage).toBe(2)
    const reopened = ok(apply(declined, { type: 'reopen', on: '2026-06-20', by: handler, reason: 'Manager review' }))
    expect(reopened.status).toBe('escalated')
    expect(reopened.decline).toBeNull()
  })

  it('cannot decline once acknowledged', () => {
    expect(refusal(decline(acknowledged(), { ground: 'already_considered', linkedReference: 'x' })).key).toBe(
      'staff-errors:lifecycle.notAllowed',
    )
  })
})

describe('withdrawing, closing and reopening', () => {
  it('records the resident’s words and stops the clocks (S1-10)', () => {
    const c = ok(
      apply(acknowledged(), {
        type: 'withdraw',
        on: '2026-06-02',
        by: handler,
        channel: 'phone',
        residentWords: 'I no longer want to complain',
      }),
    )
    expect(c.withdrawal).toEqual({ on: '2026-06-02', channel: 'phone', residentWords: 'I no longer want to complain' })
    expect(nextDeadline(c)).toBeNull()
    expect(
      refusal(
        apply(acknowledged(), { type: 'withdraw', on: '2026-06-02', by: handler, channel: 'phone', residentWords: '' }),
      ).key,
    ).toBe('staff-errors:withdraw.wordsRequired')
  })

  it('reopens a closed complaint for a new response, keeping the first response date', () => {
    const closed = ok(closeWithLearning(respondedAtStage1(), '2026-06-11', handler))
    expect(closed.closedOn).toBe('2026-06-11')
    const reopened = ok(apply(closed, { type: 'reopen', on: '2026-06-20', by: handler, reason: 'New evidence' }))
    expect(reopened.status).toBe('reopened')
    expect(reopened.closedOn).toBeNull()
    const again = ok(apply(reopened, { type: 'respond', on: '2026-06-25', by: handler }))
    expect(again.stages[0]?.respondedOn).toBe('2026-06-10')
    expect(refusal(apply(closed, { type: 'reopen', on: '2026-06-20', by: handler, reason: '' })).key).toBe(
      'staff-errors:reopen.reasonRequired',
    )
  })
})

describe('closing needs the learning entry when anything was upheld (GOV-2)', () => {
  const close = (complaint: ComplaintCase, learningComplete?: boolean) =>
    applyCommand(
      complaint,
      { type: 'close', on: '2026-06-11', by: handler },
      { calendar, settings: defaultCodeSettings, ...(learningComplete === undefined ? {} : { learningComplete }) },
    )
  const respondedWith = (decisions: Array<'upheld' | 'partly_upheld' | 'not_upheld'>) => {
    let c = readyToRespond(acknowledged(), decisions)
    c = ok(apply(c, { type: 'no_remedy', by: handler, reason: 'Nothing to put right.' }))
    c = ok(apply(c, { type: 'no_outstanding_actions', by: handler }))
    return ok(apply(c, { type: 'respond', on: '2026-06-10', by: handler }))
  }

  it('refuses to close an upheld complaint without complete learning, and closes it with', () => {
    const responded = respondedAtStage1()
    expect(refusal(close(responded, false)).key).toBe('staff-errors:learning.requiredToClose')
    // Not knowing is not knowing it is complete.
    expect(refusal(close(responded)).key).toBe('staff-errors:learning.requiredToClose')
    expect(ok(close(responded, true)).status).toBe('closed')
  })

  it('counts one element partly upheld among not upheld ones', () => {
    expect(refusal(close(respondedWith(['not_upheld', 'partly_upheld']), false)).key).toBe(
      'staff-errors:learning.requiredToClose',
    )
  })

  it('closes a complaint with nothing upheld without any learning', () => {
    expect(ok(close(respondedWith(['not_upheld', 'not_upheld']), false)).status).toBe('closed')
  })

  it('still needs learning at Stage 2 when Stage 1 upheld something that Stage 2 did not', () => {
    let c = stage2Acknowledged()
    for (const element of c.elements) {
      c = ok(
        apply(c, {
          type: 'record_decision',
          by: reviewer,
          elementId: element.id,
          decision: 'not_upheld',
          reasons: 'On review, no.',
        }),
      )
    }
    c = ok(apply(c, { type: 'no_remedy', by: reviewer, reason: 'Nothing to put right.' }))
    c = ok(apply(c, { type: 'no_outstanding_actions', by: reviewer }))
    c = ok(apply(c, { type: 'respond', on: '2026-07-01', by: reviewer }))
    expect(refusal(close(c, false)).key).toBe('staff-errors:learning.requiredToClose')
    expect(ok(close(c, true)).status).toBe('closed')
  })
})

describe('handlers (assign)', () => {
  it('records a change of handler and refuses assigning the same person twice', () => {
    const c = newComplaintCase('2026-05-22', calendar)
    const assigned = apply(c, { type: 'assign', stage: 1, handlerId: 'h1', by: handler })
    if (!assigned.ok) throw new Error('refused')
    expect(assigned.events).toEqual([{ type: 'handler_assigned', stage: 1, handlerId: 'h1', previousHandlerId: null }])
    expect(assigned.statusChange).toBeNull()
    expect(refusal(apply(assigned.complaint, { type: 'assign', stage: 1, handlerId: 'h1', by: handler })).key).toBe(
      'staff-errors:assign.alreadyHandler',
    )
  })
})

describe('what is due next, and re-dating (WD-6)', () => {
  it('is the acknowledgement, then the response, then nothing', () => {
    expect(nextDeadline(newComplaintCase('2026-05-22', calendar))).toMatchObject({ kind: 'acknowledgement', stage: 1 })
    expect(nextDeadline(acknowledged())?.deadline.due).toBe('2026-06-15')
    expect(nextDeadline(respondedAtStage1())).toBeNull()
  })

  it('E4: closure days added later re-date open deadlines, through the extension chain', () => {
    const received = newComplaintCase('2025-12-24', calendar)
    expect(received.stages[0]?.acknowledgement.due).toBe('2026-01-05')
    const withClosure = workingCalendar(englandAndWalesBankHolidays(2025, 2027), [
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
    ])
    const { complaint, changes } = redateOpenDeadlines(received, withClosure)
    expect(complaint.stages[0]?.acknowledgement.due).toBe('2026-01-08')
    expect(responseDeadline(complaint.stages[0]!).due).toBe('2026-01-22')
    expect(changes).toEqual([
      { stage: 1, kind: 'acknowledgement', before: '2026-01-05', after: '2026-01-08' },
      { stage: 1, kind: 'response', before: '2026-01-19', after: '2026-01-22' },
    ])
  })

  it('leaves a met deadline and a finished complaint alone', () => {
    const c = acknowledged('2026-05-27')
    const closure = workingCalendar(englandAndWalesBankHolidays(2025, 2027), ['2026-05-26'])
    const { complaint, changes } = redateOpenDeadlines(c, closure)
    expect(complaint.stages[0]?.acknowledgement.due).toBe('2026-06-01')
    expect(changes.map((x) => x.kind)).toEqual([])
    expect(redateOpenDeadlines(respondedAtStage1(), closure).changes).toEqual([])
  })

  it('moves an extended due date when a closure day falls inside it', () => {
    const extended = ok(
      apply(acknowledged(), {
        type: 'extend',
        on: '2026-06-10',
        by: handler,
        workingDays: 5,
        reason: 'r',
        residentAgreed: false,
      }),
    )
    expect(responseDeadline(extended.stages[0]!).due).toBe('2026-06-22')
    const closure = workingCalendar(englandAndWalesBankHolidays(2025, 2027), ['2026-06-17'])
    const { complaint } = redateOpenDeadlines(extended, closure)
    expect(complaint.stages[0]?.responseBase.due).toBe('2026-06-15')
    expect(responseDeadline(complaint.stages[0]!).due).toBe('2026-06-23')
  })
})
