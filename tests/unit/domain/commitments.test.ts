import { describe, expect, it } from 'vitest'
import { workingCalendar } from '~/domain/calendar'
import {
  cancellationAwaitingApproval,
  changeCommitment,
  commandFromForm,
  commitmentKpiOutcome,
  isInJeopardy,
  isOverdue,
  jeopardyHorizon,
  residentStatus,
  riskBand,
  riskMatrix,
  riskRating,
  riskScore,
  type CommitmentChange,
  type CommitmentCommand,
  type TrackedAction,
} from '~/domain/commitments'
import { englandAndWalesBankHolidays } from '~/domain/working-days'

const calendar = workingCalendar(englandAndWalesBankHolidays(2025, 2027))
const owner = { id: 'handler-1', canSignOff: false }
const head = { id: 'manager-1', canSignOff: true }

const open: TrackedAction = {
  status: 'open',
  dueOn: '2026-06-10',
  originalDueOn: '2026-06-10',
  evidence: null,
  completedOn: null,
  signedOffBy: null,
  cancelReason: null,
  cancelApprovedBy: null,
  residentUpdate: null,
  likelihood: null,
  impact: null,
}

function changed(result: CommitmentChange) {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`)
  return result
}

/** The refusal as `{ status, field: key }`. */
function refused(result: CommitmentChange): Record<string, string | number | undefined> {
  if (result.ok) throw new Error('expected a refusal')
  return { status: result.status, ...Object.fromEntries(Object.entries(result.errors).map(([f, e]) => [f, e.key])) }
}

/** Applies a command and the changes it gives, as the server does. */
function after(action: TrackedAction, command: CommitmentCommand): TrackedAction {
  return { ...action, ...changed(changeCommitment(action, command)).changes }
}

describe('overdue is worked out, never stored (PTR-5)', () => {
  it('is overdue the day after the due date, not on it', () => {
    expect(isOverdue(open, '2026-06-10')).toBe(false)
    expect(isOverdue(open, '2026-06-11')).toBe(true)
  })
  it.each(['in_progress', 'awaiting_sign_off'] as const)('is overdue while %s', (status) => {
    expect(isOverdue({ status, dueOn: '2026-06-10' }, '2026-06-11')).toBe(true)
  })
  it.each(['done', 'cancelled'] as const)('is never overdue once %s', (status) => {
    expect(isOverdue({ status, dueOn: '2026-06-10' }, '2027-01-01')).toBe(false)
  })
  it('follows the due date in force, not the original one', () => {
    expect(isOverdue({ ...open, dueOn: '2026-06-20' }, '2026-06-11')).toBe(false)
  })
})

describe('the jeopardy list (PTR-5)', () => {
  it('reaches 5 working days ahead by default, skipping weekends and bank holidays', () => {
    // Thu 21 May 2026 + 5 working days skips the weekend and the spring bank holiday (25 May).
    expect(jeopardyHorizon('2026-05-21', calendar.nonWorkingDays)).toBe('2026-05-29')
    expect(jeopardyHorizon('2026-05-21', calendar.nonWorkingDays, 1)).toBe('2026-05-22')
  })
  it('holds what is due by the horizon, and what is overdue, but nothing finished', () => {
    const today = '2026-05-21'
    expect(isInJeopardy({ status: 'open', dueOn: '2026-05-29' }, today, calendar.nonWorkingDays)).toBe(true)
    expect(isInJeopardy({ status: 'open', dueOn: '2026-06-01' }, today, calendar.nonWorkingDays)).toBe(false)
    expect(isInJeopardy({ status: 'in_progress', dueOn: '2026-01-01' }, today, calendar.nonWorkingDays)).toBe(true)
    expect(isInJeopardy({ status: 'done', dueOn: '2026-05-22' }, today, calendar.nonWorkingDays)).toBe(false)
    expect(isInJeopardy({ status: 'open', dueOn: '2026-06-01' }, today, calendar.nonWorkingDays, 10)).toBe(true)
  })
})

describe('what the resident is told', () => {
  it('reads waiting for sign-off as still in progress', () => {
    expect(residentStatus({ status: 'awaiting_sign_off', dueOn: '2026-06-10' }, '2026-06-09')).toBe('in_progress')
  })
  it('says late once overdue, whatever the stored status', () => {
    expect(residentStatus({ status: 'open', dueOn: '2026-06-10' }, '2026-06-11')).toBe('overdue')
    expect(residentStatus({ status: 'awaiting_sign_off', dueOn: '2026-06-10' }, '2026-06-11')).toBe('overdue')
  })
  it('keeps open, done and cancelled as they are', () => {
    expect(residentStatus({ status: 'open', dueOn: '2026-06-10' }, '2026-06-10')).toBe('open')
    expect(residentStatus({ status: 'in_progress', dueOn: '2026-06-10' }, '2026-06-01')).toBe('in_progress')
    expect(residentStatus({ status: 'done', dueOn: '2026-06-10' }, '2026-07-01')).toBe('done')
    expect(residentStatus({ status: 'cancelled', dueOn: '2026-06-10' }, '2026-07-01')).toBe('cancelled')
  })
})

describe('the KPI (kpis.md commitmentsOnTimePct)', () => {
  const run = '2026-07-01'
  it('is on time when done on or before the ORIGINAL due date, even after a revised date', () => {
    const done = { ...open, status: 'done' as const, originalDueOn: '2026-06-10', dueOn: '2026-06-30' }
    expect(commitmentKpiOutcome({ ...done, completedOn: '2026-06-10' }, run)).toBe('on_time')
    expect(commitmentKpiOutcome({ ...done, completedOn: '2026-06-11' }, run)).toBe('late')
  })
  it('does not count awaiting sign-off as done', () => {
    expect(commitmentKpiOutcome({ ...open, status: 'awaiting_sign_off', completedOn: '2026-06-01' }, run)).toBe(
      'not_done',
    )
  })
  it('excludes approved cancellations, but counts an unapproved one as not done', () => {
    expect(commitmentKpiOutcome({ ...open, status: 'cancelled', cancelApprovedBy: 'm' }, run)).toBe('excluded')
    expect(commitmentKpiOutcome({ ...open, status: 'cancelled', cancelApprovedBy: null }, run)).toBe('not_done')
  })
  it('excludes what is still to do and not due before the run date', () => {
    expect(commitmentKpiOutcome({ ...open, originalDueOn: run }, run)).toBe('excluded')
    expect(commitmentKpiOutcome({ ...open, originalDueOn: '2026-06-30' }, run)).toBe('not_done')
  })
})

describe('the risk matrix (likelihood × impact)', () => {
  it('multiplies two levels from 1 to 5', () => {
    expect(riskScore(1, 1)).toBe(1)
    expect(riskScore(5, 5)).toBe(25)
    expect(riskScore(3, 4)).toBe(12)
  })
  it.each([
    [0, 3],
    [6, 1],
    [2.5, 2],
    [null, 3],
    [3, null],
  ])('has no score for %s × %s', (likelihood, impact) => {
    expect(riskScore(likelihood, impact)).toBeNull()
    expect(riskRating(likelihood, impact)).toBeNull()
  })
  it.each([
    [1, 'low'],
    [4, 'low'],
    [5, 'medium'],
    [9, 'medium'],
    [10, 'high'],
    [16, 'high'],
    [20, 'very_high'],
    [25, 'very_high'],
  ] as const)('bands a score of %i as %s', (score, band) => {
    expect(riskBand(score)).toBe(band)
  })
  it('is a 5 × 5 grid, impact 5 on top, every cell its product and band', () => {
    const matrix = riskMatrix()
    expect(matrix.map((row) => row.impact)).toEqual([5, 4, 3, 2, 1])
    expect(matrix.every((row) => row.cells.length === 5)).toBe(true)
    expect(matrix[0]?.cells.map((c) => c.band)).toEqual(['medium', 'high', 'high', 'very_high', 'very_high'])
    expect(matrix[4]?.cells.map((c) => c.score)).toEqual([1, 2, 3, 4, 5])
    expect(riskRating(4, 5)).toEqual({ score: 20, band: 'very_high' })
  })
})

describe('progress', () => {
  it('starts the work: open becomes in progress, and the resident update is kept', () => {
    const result = changed(
      changeCommitment(open, { type: 'record_progress', note: 'Parts ordered', residentUpdate: '' }),
    )
    expect(result.changes).toEqual({ status: 'in_progress' })
    expect(result.event).toEqual({ note: 'Parts ordered', residentUpdate: null })
    const told = after(open, { type: 'record_progress', note: '', residentUpdate: 'The engineer comes on Tuesday.' })
    expect(told).toMatchObject({ status: 'in_progress', residentUpdate: 'The engineer comes on Tuesday.' })
  })
  it('needs a note or an update, within the length limit', () => {
    expect(refused(changeCommitment(open, { type: 'record_progress', note: '  ', residentUpdate: '' }))).toEqual({
      status: 400,
      note: 'staff-errors:commitments.progressRequired',
    })
    expect(
      refused(changeCommitment(open, { type: 'record_progress', note: 'x'.repeat(2001), residentUpdate: '' })).note,
    ).toBe('staff-errors:commitments.tooLong')
    expect(
      refused(changeCommitment(open, { type: 'record_progress', note: '', residentUpdate: 'x'.repeat(2001) }))
        .residentUpdate,
    ).toBe('staff-errors:commitments.tooLong')
  })
  it('keeps awaiting sign-off as it is', () => {
    const waiting = { ...open, status: 'awaiting_sign_off' as const }
    expect(
      changed(changeCommitment(waiting, { type: 'record_progress', note: 'Chased', residentUpdate: '' })).changes,
    ).toEqual({})
  })
  it.each(['done', 'cancelled'] as const)('is refused once %s (409)', (status) => {
    expect(
      refused(changeCommitment({ ...open, status }, { type: 'record_progress', note: 'x', residentUpdate: '' })),
    ).toEqual({
      status: 409,
      note: 'staff-errors:commitments.finished',
    })
  })
})

describe('risk rating', () => {
  it('stores likelihood and impact from 1 to 5', () => {
    const result = changed(changeCommitment(open, { type: 'set_risk', likelihood: '4', impact: ' 5 ' }))
    expect(result.changes).toEqual({ likelihood: 4, impact: 5 })
    expect(result.event).toMatchObject({ score: 20, band: 'very_high' })
  })
  it.each([
    ['0', '3', 'likelihood', 'staff-errors:commitments.likelihoodRequired'],
    ['', '3', 'likelihood', 'staff-errors:commitments.likelihoodRequired'],
    ['3', '6', 'impact', 'staff-errors:commitments.impactRequired'],
    ['3', '2.5', 'impact', 'staff-errors:commitments.impactRequired'],
  ])('refuses %j × %j', (likelihood, impact, field, key) => {
    expect(refused(changeCommitment(open, { type: 'set_risk', likelihood, impact }))[field]).toBe(key)
  })
  it('is not changed once done', () => {
    expect(
      refused(changeCommitment({ ...open, status: 'done' }, { type: 'set_risk', likelihood: '1', impact: '1' })).status,
    ).toBe(409)
  })
})

describe('revising the due date keeps the original (PTR-5)', () => {
  const revise = (action: TrackedAction, dueOn: string, reason = 'Contractor delay agreed with resident') =>
    changeCommitment(action, { type: 'revise_due', dueOn, reason, today: '2026-06-05' })

  it('moves the due date and records both, never touching the original', () => {
    const result = changed(revise(open, '2026-06-20'))
    expect(result.changes).toEqual({ dueOn: '2026-06-20' })
    expect(result.event).toMatchObject({ from: '2026-06-10', to: '2026-06-20', originalDueOn: '2026-06-10' })
    const twice = after(after(open, { type: 'revise_due', dueOn: '2026-06-20', reason: 'a', today: '2026-06-05' }), {
      type: 'revise_due',
      dueOn: '2026-07-01',
      reason: 'b',
      today: '2026-06-05',
    })
    expect(twice).toMatchObject({ dueOn: '2026-07-01', originalDueOn: '2026-06-10' })
  })
  it('needs a reason', () => {
    expect(refused(revise(open, '2026-06-20', ' ')).reason).toBe('staff-errors:commitments.reviseReasonRequired')
  })
  it('accepts today but not the past, nor the same date, nor a non-date', () => {
    expect(changed(revise(open, '2026-06-05')).changes.dueOn).toBe('2026-06-05')
    expect(refused(revise(open, '2026-06-04')).dueOn).toBe('staff-errors:commitments.dueOnPast')
    expect(refused(revise(open, '2026-06-10')).dueOn).toBe('staff-errors:commitments.dueOnUnchanged')
    expect(refused(revise(open, '2026-02-30')).dueOn).toBe('staff-errors:commitments.dueOnInvalid')
  })
  it.each(['awaiting_sign_off', 'done', 'cancelled'] as const)('is refused while %s', (status) => {
    expect(refused(revise({ ...open, status }, '2026-06-20'))).toEqual({
      status: 409,
      dueOn: 'staff-errors:commitments.cannotRevise',
    })
  })
})

describe('completion needs evidence, and only a manager signs off (PTR-5)', () => {
  const complete = (action: TrackedAction, evidence: string, completedOn = '2026-06-08') =>
    changeCommitment(action, { type: 'request_sign_off', evidence, completedOn, today: '2026-06-09' })

  it('sends the work for sign-off with its evidence and completion date', () => {
    expect(changed(complete(open, 'Job 4471 closed; photo on file')).changes).toEqual({
      status: 'awaiting_sign_off',
      evidence: 'Job 4471 closed; photo on file',
      completedOn: '2026-06-08',
    })
  })
  it('refuses without evidence, with a date in the future, or with no real date', () => {
    expect(refused(complete(open, '   ')).evidence).toBe('staff-errors:commitments.evidenceRequired')
    expect(refused(complete(open, 'Job 1', '2026-06-10')).completedOn).toBe(
      'staff-errors:commitments.completedOnFuture',
    )
    expect(refused(complete(open, 'Job 1', '')).completedOn).toBe('staff-errors:commitments.completedOnInvalid')
    expect(changed(complete(open, 'Job 1', '2026-06-09')).changes.completedOn).toBe('2026-06-09')
  })
  it.each(['awaiting_sign_off', 'done', 'cancelled'] as const)('cannot be asked again while %s', (status) => {
    expect(refused(complete({ ...open, status }, 'Job 1')).evidence).toBe('staff-errors:commitments.cannotComplete')
  })

  const waiting = after(open, {
    type: 'request_sign_off',
    evidence: 'Job 1',
    completedOn: '2026-06-08',
    today: '2026-06-09',
  })

  it('is done only when a manager signs it off', () => {
    expect(refused(changeCommitment(waiting, { type: 'sign_off', by: owner }))).toEqual({
      status: 409,
      signOff: 'staff-errors:commitments.managerOnly',
    })
    const signed = changed(changeCommitment(waiting, { type: 'sign_off', by: head }))
    expect(signed.changes).toEqual({ status: 'done', signedOffBy: 'manager-1' })
  })
  it('cannot be signed off before it is sent, or twice', () => {
    expect(refused(changeCommitment(open, { type: 'sign_off', by: head })).signOff).toBe(
      'staff-errors:commitments.notAwaitingSignOff',
    )
    const done = after(waiting, { type: 'sign_off', by: head })
    expect(refused(changeCommitment(done, { type: 'sign_off', by: head })).signOff).toBe(
      'staff-errors:commitments.notAwaitingSignOff',
    )
  })
  it('cannot be signed off without evidence on record', () => {
    const noEvidence = { ...waiting, evidence: null }
    expect(refused(changeCommitment(noEvidence, { type: 'sign_off', by: head })).signOff).toBe(
      'staff-errors:commitments.evidenceRequired',
    )
  })
  it('is sent back by a manager with a reason, back in progress and not complete', () => {
    expect(refused(changeCommitment(waiting, { type: 'return', reason: 'No photo', by: owner })).returnReason).toBe(
      'staff-errors:commitments.managerOnly',
    )
    expect(refused(changeCommitment(waiting, { type: 'return', reason: '', by: head })).returnReason).toBe(
      'staff-errors:commitments.returnReasonRequired',
    )
    expect(refused(changeCommitment(open, { type: 'return', reason: 'x', by: head })).returnReason).toBe(
      'staff-errors:commitments.notAwaitingSignOff',
    )
    expect(after(waiting, { type: 'return', reason: 'No photo', by: head })).toMatchObject({
      status: 'in_progress',
      completedOn: null,
      evidence: 'Job 1',
    })
  })
})

describe('cancelling needs a reason, and a manager’s approval to leave the KPI', () => {
  it('is cancelled by the owner pending approval', () => {
    const cancelled = after(open, { type: 'cancel', reason: 'Resident moved out', by: owner })
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Resident moved out', cancelApprovedBy: null })
    expect(cancellationAwaitingApproval(cancelled)).toBe(true)
    expect(commitmentKpiOutcome({ ...cancelled, originalDueOn: '2026-06-10' }, '2026-07-01')).toBe('not_done')
  })
  it('is approved at once when a manager cancels', () => {
    const cancelled = after(open, { type: 'cancel', reason: 'Duplicate of another action', by: head })
    expect(cancelled.cancelApprovedBy).toBe('manager-1')
    expect(cancellationAwaitingApproval(cancelled)).toBe(false)
  })
  it('needs a reason, and cannot cancel what is finished', () => {
    expect(refused(changeCommitment(open, { type: 'cancel', reason: ' ', by: owner })).cancelReason).toBe(
      'staff-errors:commitments.cancelReasonRequired',
    )
    expect(
      refused(changeCommitment({ ...open, status: 'done' }, { type: 'cancel', reason: 'x', by: head })).status,
    ).toBe(409)
  })
  it('is approved or refused only by a manager, once', () => {
    const pending = after(open, { type: 'cancel', reason: 'Resident moved out', by: owner })
    expect(refused(changeCommitment(pending, { type: 'approve_cancellation', by: owner })).cancellation).toBe(
      'staff-errors:commitments.managerOnly',
    )
    const approved = after(pending, { type: 'approve_cancellation', by: head })
    expect(approved.cancelApprovedBy).toBe('manager-1')
    expect(commitmentKpiOutcome(approved, '2026-07-01')).toBe('excluded')
    expect(refused(changeCommitment(approved, { type: 'approve_cancellation', by: head })).cancellation).toBe(
      'staff-errors:commitments.noCancellationToDecide',
    )
    expect(refused(changeCommitment(open, { type: 'reject_cancellation', by: head })).cancellation).toBe(
      'staff-errors:commitments.noCancellationToDecide',
    )
  })
  it('when refused, puts the action back in hand (or back to sign-off if it was complete)', () => {
    const pending = after(open, { type: 'cancel', reason: 'Not needed', by: owner })
    expect(after(pending, { type: 'reject_cancellation', by: head })).toMatchObject({
      status: 'in_progress',
      cancelReason: null,
    })
    const completedThenCancelled = after(
      after(open, { type: 'request_sign_off', evidence: 'Job 1', completedOn: '2026-06-08', today: '2026-06-09' }),
      { type: 'cancel', reason: 'Not needed', by: owner },
    )
    expect(after(completedThenCancelled, { type: 'reject_cancellation', by: head }).status).toBe('awaiting_sign_off')
  })
})

describe('the staff forms as commands', () => {
  const context = { today: '2026-06-09', by: head }
  it('reads each intent’s fields, cleaning the text', () => {
    expect(commandFromForm('progress', { note: ' Parts\r\nordered\u0000 ', residentUpdate: 'Soon' }, context)).toEqual({
      type: 'record_progress',
      note: 'Parts\nordered',
      residentUpdate: 'Soon',
    })
    expect(commandFromForm('risk', { likelihood: '2', impact: '3' }, context)).toEqual({
      type: 'set_risk',
      likelihood: '2',
      impact: '3',
    })
    expect(commandFromForm('revise', { dueOn: '2026-07-01', reason: 'r' }, context)).toEqual({
      type: 'revise_due',
      dueOn: '2026-07-01',
      reason: 'r',
      today: '2026-06-09',
    })
    expect(commandFromForm('complete', { evidence: 'e', completedOn: '2026-06-09' }, context)).toMatchObject({
      type: 'request_sign_off',
      evidence: 'e',
    })
    expect(commandFromForm('return', { returnReason: ['first', 'second'] }, context)).toEqual({
      type: 'return',
      reason: 'first',
      by: head,
    })
    expect(commandFromForm('cancel', {}, context)).toEqual({ type: 'cancel', reason: '', by: head })
    expect(commandFromForm('sign_off', {}, context).type).toBe('sign_off')
    expect(commandFromForm('approve_cancellation', {}, context).type).toBe('approve_cancellation')
    expect(commandFromForm('reject_cancellation', {}, context).type).toBe('reject_cancellation')
  })
})
