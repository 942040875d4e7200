import { describe, expect, it } from 'vitest'
import { workingCalendar } from '~/domain/calendar'
import { responseDeadline } from '~/domain/complaints/case'
import type { CaseHistory, StageHistory } from '~/domain/complaints/csv'
import { caseFromHistory, compensationPaidOn, noonInLondon } from '~/domain/complaints/history'
import { englandAndWalesBankHolidays } from '~/domain/working-days'

const englandAndWales = workingCalendar(englandAndWalesBankHolidays(2025, 2027))

function stage(startedOn: string, facts: Partial<StageHistory> = {}): StageHistory {
  return { startedOn, acknowledgedOn: null, extensionWorkingDays: 0, respondedOn: null, outcome: null, ...facts }
}

function history(receivedOn: string, facts: Partial<CaseHistory> = {}): CaseHistory {
  return {
    reference: 'CX/1',
    residentKey: 'R-1',
    channel: 'phone',
    category: 'repairs',
    receivedOn,
    stage1: stage(receivedOn),
    stage2: null,
    stage2DecisionChanged: null,
    status: 'open',
    closedOn: null,
    compensationPence: null,
    ...facts,
  }
}

describe('the deadlines of an imported case are the ones the Code gives', () => {
  it('E9: a case received on a Saturday and not yet acknowledged, in full', () => {
    expect(caseFromHistory(history('2026-01-10'), englandAndWales)).toEqual({
      status: 'received',
      receivedOn: '2026-01-10',
      earlyResolution: false,
      stages: [
        {
          stage: 1,
          startedOn: '2026-01-10',
          handlerId: null,
          acknowledgement: {
            rule: 'S1-2',
            startEvent: 'received',
            from: '2026-01-10',
            workingDays: 5,
            due: '2026-01-16',
            skipped: [{ date: '2026-01-11', reason: 'weekend' }],
          },
          acknowledgedOn: null,
          acknowledgedBy: null,
          // S1-5: provisional, from the acknowledgement due date.
          responseBase: {
            rule: 'S1-5',
            startEvent: 'acknowledged',
            from: '2026-01-16',
            workingDays: 10,
            due: '2026-01-30',
            skipped: [
              { date: '2026-01-17', reason: 'weekend' },
              { date: '2026-01-18', reason: 'weekend' },
              { date: '2026-01-24', reason: 'weekend' },
              { date: '2026-01-25', reason: 'weekend' },
            ],
          },
          extensions: [],
          respondedOn: null,
          respondedBy: null,
          outcome: null,
        },
      ],
      definition: null,
      elements: [],
      remedies: [],
      actions: [],
      decline: null,
      withdrawal: null,
      closedOn: null,
      reopenings: [],
    })
  })

  it.each([
    ['E2: not acknowledged, provisional from the due date', '2026-04-02', null, '2026-04-13', '2026-04-27'],
    [
      'E1: acknowledged on the due date after the spring bank holiday',
      '2026-05-22',
      '2026-06-01',
      '2026-06-01',
      '2026-06-15',
    ],
    [
      'an early acknowledgement brings the response forward (S1-5)',
      '2026-04-02',
      '2026-04-07',
      '2026-04-13',
      '2026-04-21',
    ],
    [
      'a late acknowledgement starts the clock when it was sent',
      '2026-04-02',
      '2026-04-15',
      '2026-04-13',
      '2026-04-29',
    ],
  ])('Stage 1, %s', (_, receivedOn, acknowledgedOn, ackDue, responseDue) => {
    const complaint = caseFromHistory(
      history(receivedOn, { stage1: stage(receivedOn, { acknowledgedOn }) }),
      englandAndWales,
    )
    const [stage1] = complaint.stages
    expect([stage1?.acknowledgement.due, stage1?.responseBase.due]).toEqual([ackDue, responseDue])
  })

  it('E1: a 10-day extension runs from the due date it replaces, granted on that date', () => {
    const complaint = caseFromHistory(
      history('2026-05-22', {
        stage1: stage('2026-05-22', { acknowledgedOn: '2026-06-01', extensionWorkingDays: 10 }),
      }),
      englandAndWales,
    )
    const [stage1] = complaint.stages
    expect(complaint.status).toBe('stage1_extended')
    expect(stage1?.extensions).toEqual([
      {
        workingDays: 10,
        reason: 'Imported',
        grantedOn: '2026-06-15',
        grantedBy: 'system',
        residentAgreed: false,
        deadline: {
          rule: 'EXT-3',
          startEvent: 'previous_due',
          from: '2026-06-15',
          workingDays: 10,
          due: '2026-06-29',
          skipped: [
            { date: '2026-06-20', reason: 'weekend' },
            { date: '2026-06-21', reason: 'weekend' },
            { date: '2026-06-27', reason: 'weekend' },
            { date: '2026-06-28', reason: 'weekend' },
          ],
        },
      },
    ])
  })

  it('E6: Stage 2 over Christmas 2026, acknowledged on its due date, then extended by the full 20 days', () => {
    const complaint = caseFromHistory(
      history('2026-11-02', {
        stage1: stage('2026-11-02', { acknowledgedOn: '2026-11-04', respondedOn: '2026-12-17', outcome: 'upheld' }),
        stage2: stage('2026-12-24', { acknowledgedOn: '2027-01-05', extensionWorkingDays: 20 }),
      }),
      englandAndWales,
    )
    const stage2 = complaint.stages[1]
    expect(complaint.status).toBe('stage2_extended')
    expect([stage2?.acknowledgement.rule, stage2?.acknowledgement.due]).toEqual(['S2-4', '2027-01-05'])
    expect([stage2?.responseBase.rule, stage2?.responseBase.due]).toEqual(['S2-5', '2027-02-02'])
    expect(stage2 && responseDeadline(stage2).due).toBe('2027-03-02')
  })

  it('E7: an early Stage 2 acknowledgement brings the response forward', () => {
    const complaint = caseFromHistory(
      history('2026-07-01', {
        stage1: stage('2026-07-01', { acknowledgedOn: '2026-07-02', respondedOn: '2026-08-14', outcome: 'upheld' }),
        stage2: stage('2026-08-28', { acknowledgedOn: '2026-09-02' }),
      }),
      englandAndWales,
    )
    const stage2 = complaint.stages[1]
    expect([stage2?.acknowledgement.due, stage2?.responseBase.due]).toEqual(['2026-09-07', '2026-09-30'])
    expect(complaint.status).toBe('stage2_acknowledged')
  })

  it('E3 and E4: the same dates give different deadlines on a calendar with closure days', () => {
    const withClosure = workingCalendar(englandAndWalesBankHolidays(2025, 2027), [
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
    ])
    expect(caseFromHistory(history('2025-12-24'), englandAndWales).stages[0]?.acknowledgement.due).toBe('2026-01-05')
    expect(caseFromHistory(history('2025-12-24'), withClosure).stages[0]?.acknowledgement.due).toBe('2026-01-08')
    expect(caseFromHistory(history('2025-12-24'), englandAndWales).stages[0]?.acknowledgement.due).toBe('2026-01-05')
  })

  it('shares deadlines between cases only frozen, so one case cannot change another', () => {
    const first = caseFromHistory(history('2026-03-02'), englandAndWales).stages[0]?.acknowledgement
    const second = caseFromHistory(history('2026-03-02'), englandAndWales).stages[0]?.acknowledgement
    expect(second).toEqual(first)
    expect([Object.isFrozen(first), Object.isFrozen(first?.skipped), Object.isFrozen(first?.skipped[0])]).toEqual([
      true,
      true,
      true,
    ])
  })
})

describe('the escalation window (S2-2): a late request is flagged', () => {
  // Stage 1 answered Monday 15 June 2026; 20 working days later is Monday 13 July.
  it.each([
    ['2026-07-13', false],
    ['2026-07-14', true],
  ])('escalated %s: late %s', (escalatedOn, late) => {
    const complaint = caseFromHistory(
      history('2026-05-22', {
        stage1: stage('2026-05-22', { acknowledgedOn: '2026-06-01', respondedOn: '2026-06-15', outcome: 'not_upheld' }),
        stage2: stage(escalatedOn),
      }),
      englandAndWales,
    )
    expect(complaint.stages[1]).toMatchObject({
      stage: 2,
      startedOn: escalatedOn,
      lateRequest: late,
      residentComment: null,
    })
    expect(complaint.status).toBe('escalated')
  })
})

describe('what the file does not say is recorded as imported', () => {
  const answeredTwice = history('2025-04-17', {
    stage1: stage('2025-04-17', { acknowledgedOn: '2025-04-24', respondedOn: '2025-05-20', outcome: 'partly_upheld' }),
    stage2: stage('2025-05-28', { acknowledgedOn: '2025-06-02', respondedOn: '2025-06-27', outcome: 'upheld' }),
    stage2DecisionChanged: true,
    status: 'closed',
    closedOn: '2025-06-30',
    compensationPence: 12550,
  })

  it('one element carries each stage outcome as its decision, and the definition is in place', () => {
    const complaint = caseFromHistory(answeredTwice, englandAndWales)
    expect(complaint.elements).toEqual([
      {
        id: 1,
        summary: 'Imported complaint',
        addedLater: false,
        stage1: { decision: 'partly_upheld', reasons: 'Imported' },
        stage2: { decision: 'upheld', reasons: 'Imported' },
      },
    ])
    expect(complaint.definition).toEqual({ outcomesSought: 'Imported', notInScope: null })
    expect(complaint.stages.map((s) => [s.stage, s.acknowledgedBy, s.respondedOn, s.respondedBy, s.outcome])).toEqual([
      [1, 'system', '2025-05-20', 'system', 'partly_upheld'],
      [2, 'system', '2025-06-27', 'system', 'upheld'],
    ])
  })

  it('an acknowledged case not yet answered has its element without decisions', () => {
    const complaint = caseFromHistory(
      history('2026-03-02', { stage1: stage('2026-03-02', { acknowledgedOn: '2026-03-03' }) }),
      englandAndWales,
    )
    expect(complaint.elements).toEqual([{ id: 1, summary: 'Imported complaint', addedLater: false }])
    expect(complaint.status).toBe('stage1_acknowledged')
  })

  it('compensation paid is one completed financial remedy at the last stage', () => {
    expect(caseFromHistory(answeredTwice, englandAndWales).remedies).toEqual([
      {
        id: 1,
        stage: 2,
        type: 'financial',
        description: 'Imported compensation',
        amountPence: 12550,
        status: 'completed',
      },
    ])
  })

  it('a closed case is closed on its closed_on, with no decline or withdrawal', () => {
    const complaint = caseFromHistory(answeredTwice, englandAndWales)
    expect([complaint.status, complaint.closedOn, complaint.decline, complaint.withdrawal]).toEqual([
      'closed',
      '2025-06-30',
      null,
      null,
    ])
  })

  it.each([
    ['closed: its closed_on', answeredTwice, '2025-06-30'],
    [
      'open after Stage 2: the Stage 2 response',
      { ...answeredTwice, status: 'open' as const, closedOn: null },
      '2025-06-27',
    ],
    [
      'open after Stage 1: the Stage 1 response',
      { ...answeredTwice, stage2: null, status: 'open' as const, closedOn: null },
      '2025-05-20',
    ],
    ['not yet answered: the day it was received', history('2026-03-02', { compensationPence: 100 }), '2026-03-02'],
  ])('compensation is paid on the date the case ended, %s', (_, row, paidOn) => {
    expect(compensationPaidOn(row)).toBe(paidOn)
  })

  it.each([
    [
      'at Stage 1, on closed_on',
      history('2025-08-04', { status: 'declined', closedOn: '2025-08-08' }),
      { stage: 1, on: '2025-08-08' },
    ],
    [
      'at Stage 2 with no closed_on, on the escalation date',
      history('2025-10-01', {
        stage1: stage('2025-10-01', { acknowledgedOn: '2025-10-03', respondedOn: '2025-10-15', outcome: 'upheld' }),
        stage2: stage('2025-10-20'),
        status: 'declined',
      }),
      { stage: 2, on: '2025-10-20' },
    ],
  ])('a declined case is declined %s, on the ground "other"', (_, row, expected) => {
    const complaint = caseFromHistory(row, englandAndWales)
    expect(complaint.status).toBe('declined')
    expect(complaint.decline).toEqual({
      ...expected,
      by: 'system',
      ground: 'other',
      explanation: 'Imported',
      issueDate: null,
      awareDate: null,
      discretionConsidered: null,
      courtFilingDate: null,
      linkedReference: null,
      approvedBy: null,
    })
    expect(complaint.closedOn).toBe(row.closedOn)
  })

  it.each([
    [
      'on closed_on',
      history('2025-07-01', {
        stage1: stage('2025-07-01', { acknowledgedOn: '2025-07-03' }),
        status: 'withdrawn',
        closedOn: '2025-07-10',
      }),
      '2025-07-10',
    ],
    [
      'with no closed_on, on the last date the file gives',
      history('2025-11-03', {
        stage1: stage('2025-11-03', {
          acknowledgedOn: '2025-11-05',
          respondedOn: '2025-11-19',
          outcome: 'partly_upheld',
        }),
        stage2: stage('2025-11-24', { acknowledgedOn: '2025-11-27' }),
        status: 'withdrawn',
      }),
      '2025-11-27',
    ],
  ])('a withdrawn case is withdrawn %s', (_, row, on) => {
    const complaint = caseFromHistory(row, englandAndWales)
    expect(complaint.status).toBe('withdrawn')
    expect(complaint.withdrawal).toEqual({ on, channel: 'other', residentWords: 'Imported' })
    expect(complaint.closedOn).toBe(row.closedOn)
  })

  it('resolved at first contact keeps the bare Stage 1 record every case has, and nothing else', () => {
    const complaint = caseFromHistory(
      history('2025-09-01', { status: 'resolved_at_first_contact', closedOn: '2025-09-01' }),
      englandAndWales,
    )
    expect([complaint.status, complaint.closedOn, complaint.elements, complaint.definition]).toEqual([
      'resolved_at_first_contact',
      '2025-09-01',
      [],
      null,
    ])
    expect(complaint.stages.map((s) => [s.stage, s.acknowledgedOn, s.respondedOn])).toEqual([[1, null, null]])
  })
})

describe('received at noon in London', () => {
  it.each([
    ['2026-01-15', '2026-01-15T12:00:00.000Z', 'GMT'],
    ['2026-06-15', '2026-06-15T11:00:00.000Z', 'BST'],
    ['2026-03-28', '2026-03-28T12:00:00.000Z', 'the day before the clocks go forward'],
    ['2026-03-29', '2026-03-29T11:00:00.000Z', 'the day the clocks go forward'],
    ['2026-10-25', '2026-10-25T12:00:00.000Z', 'the day the clocks go back'],
  ])('%s is %s (%s)', (date, instant) => {
    expect(noonInLondon(date).toISOString()).toBe(instant)
  })
})
