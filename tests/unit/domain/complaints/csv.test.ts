import { describe, expect, it } from 'vitest'
import { interfaceLanguages } from '~/i18n/config'
import { getFixedT } from '~/i18n/i18n.server'
import {
  caseCsvColumns,
  caseCsvRow,
  caseRowsFromRecords,
  csvStatusOf,
  detailedStatus,
  formatPounds,
  validateCaseRows,
  type CaseCsvProblem,
  type CaseCsvProblemKey,
  type CaseCsvProblemValues,
  type CaseCsvRow,
  type CaseHistory,
} from '~/domain/complaints/csv'

const HEADER =
  'reference,resident_key,channel,category,received_on,stage1_acknowledged_on,stage1_extension_working_days,stage1_responded_on,stage1_outcome,escalated_on,stage2_acknowledged_on,stage2_extension_working_days,stage2_responded_on,stage2_outcome,stage2_decision_changed,status,closed_on,compensation_paid'

/** A case closed after Stage 2, every column filled: each rule below breaks one thing in it. */
const closedAfterStage2: CaseCsvRow = {
  reference: 'CX/2025/002',
  resident_key: 'R-1002',
  channel: 'email',
  category: 'damp_mould',
  received_on: '2025-04-17',
  stage1_acknowledged_on: '2025-04-24',
  stage1_extension_working_days: '10',
  stage1_responded_on: '2025-05-20',
  stage1_outcome: 'partly_upheld',
  escalated_on: '2025-05-28',
  stage2_acknowledged_on: '2025-06-02',
  stage2_extension_working_days: '',
  stage2_responded_on: '2025-06-27',
  stage2_outcome: 'upheld',
  stage2_decision_changed: 'yes',
  status: 'closed',
  closed_on: '2025-06-30',
  compensation_paid: '125.50',
}

/** Received, nothing else yet. */
const received: CaseCsvRow = {
  ...closedAfterStage2,
  stage1_acknowledged_on: '',
  stage1_extension_working_days: '',
  stage1_responded_on: '',
  stage1_outcome: '',
  escalated_on: '',
  stage2_acknowledged_on: '',
  stage2_responded_on: '',
  stage2_outcome: '',
  stage2_decision_changed: '',
  status: 'open',
  closed_on: '',
  compensation_paid: '',
}

/** Stage 1 answered, not escalated, still open. */
const stage1Responded: CaseCsvRow = {
  ...received,
  stage1_acknowledged_on: '2025-04-24',
  stage1_responded_on: '2025-05-09',
  stage1_outcome: 'upheld',
}

/** Escalated, Stage 2 acknowledged and not yet answered. */
const stage2Open: CaseCsvRow = {
  ...stage1Responded,
  escalated_on: '2025-05-28',
  stage2_acknowledged_on: '2025-06-02',
}

/** A line's problems without the line: each `values` holds exactly what the key's text shows. */
function problemsOf(row: CaseCsvRow, today = '2026-11-23'): Array<Omit<CaseCsvProblem, 'line'>> {
  return validateCaseRows([row], 2, { today }).problems.map(({ line: _line, ...found }) => found)
}

describe('the header (the public contract)', () => {
  it('is exactly the eighteen documented columns, in order', () => {
    expect(caseCsvColumns.join(',')).toBe(HEADER)
  })

  it.each<[string[], Omit<CaseCsvProblem, 'line'>]>([
    [[], { key: 'imports:problems.fileEmpty' }],
    [
      [HEADER.replace('channel', 'Channel')],
      {
        key: 'imports:problems.headerColumnWrong',
        values: { expected: HEADER, position: 3, found: 'Channel', column: 'channel' },
      },
    ],
    [
      [HEADER.replace('reference,resident_key', 'resident_key,reference')],
      {
        key: 'imports:problems.headerColumnWrong',
        values: { expected: HEADER, position: 1, found: 'resident_key', column: 'reference' },
      },
    ],
    [
      [HEADER.replace(',compensation_paid', '')],
      {
        key: 'imports:problems.headerColumnMissing',
        values: { expected: HEADER, position: 18, column: 'compensation_paid' },
      },
    ],
    [
      [`${HEADER},notes`],
      { key: 'imports:problems.headerColumnCount', values: { expected: HEADER, count: 19, columns: 18 } },
    ],
  ])('a file whose header is %j is refused at line 1', (header, problem) => {
    const records = header.map((line) => ({ fields: line.split(','), line: 1 }))
    expect(caseRowsFromRecords(records)).toEqual({ rows: [], lines: [], problems: [{ line: 1, ...problem }] })
  })

  it('keys each line by column and keeps its line number; a line with the wrong number of values is a problem', () => {
    const result = caseRowsFromRecords([
      { fields: HEADER.split(','), line: 1 },
      { fields: Object.values(received), line: 2 },
      { fields: ['CX/1', 'R-1'], line: 3 },
      { fields: Object.values(stage1Responded), line: 5 },
    ])
    expect(result).toEqual({
      rows: [received, stage1Responded],
      lines: [2, 5],
      problems: [{ line: 3, key: 'imports:problems.valueCount', values: { count: 2, columns: 18 } }],
    })
  })
})

describe('a valid line', () => {
  it('becomes a typed case history', () => {
    expect(validateCaseRows([closedAfterStage2], 2, { today: '2026-11-23' })).toEqual({
      problems: [],
      rows: [
        {
          line: 2,
          reference: 'CX/2025/002',
          residentKey: 'R-1002',
          channel: 'email',
          category: 'damp_mould',
          receivedOn: '2025-04-17',
          stage1: {
            startedOn: '2025-04-17',
            acknowledgedOn: '2025-04-24',
            extensionWorkingDays: 10,
            respondedOn: '2025-05-20',
            outcome: 'partly_upheld',
          },
          stage2: {
            startedOn: '2025-05-28',
            acknowledgedOn: '2025-06-02',
            extensionWorkingDays: 0,
            respondedOn: '2025-06-27',
            outcome: 'upheld',
          },
          stage2DecisionChanged: true,
          status: 'closed',
          closedOn: '2025-06-30',
          compensationPence: 12550,
        },
      ],
    })
  })

  it('has its values trimmed: spreadsheets leave spaces', () => {
    const [row] = validateCaseRows([{ ...received, reference: ' CX/1 ', category: ' Lifts ', channel: 'web ' }]).rows
    expect([row?.reference, row?.category, row?.channel]).toEqual(['CX/1', 'Lifts', 'web'])
  })

  it.each([
    ['a 40-character reference', { reference: 'A'.repeat(40) }],
    ['a reference starting with a digit, with / _ and -', { reference: '2025/A_B-C' }],
    ['a 200-character resident_key', { resident_key: 'k'.repeat(200) }],
    ['a category the app does not know, with a comma', { category: 'Heating, hot water' }],
    ['received today', { received_on: '2026-11-23' }],
    ['29 February in a leap year', { received_on: '2024-02-29' }],
  ])('accepts %s', (_, change) => {
    expect(problemsOf({ ...received, ...change })).toEqual([])
  })

  it.each([
    ['acknowledged on the day it was received', { stage1_acknowledged_on: '2025-04-17' }],
    ['one letter acknowledging and answering (same date)', { stage1_acknowledged_on: '2025-05-09' }],
    ['extended by 0 written as 0', { stage1_extension_working_days: '0' }],
    ['extended by the full Stage 1 cap of 10', { stage1_extension_working_days: '10' }],
    ['escalated on the day of the Stage 1 response', { escalated_on: '2025-05-09', stage2_acknowledged_on: '' }],
  ])('accepts a Stage 1 case: %s', (_, change) => {
    expect(problemsOf({ ...stage1Responded, ...change })).toEqual([])
  })

  it.each([
    ['Stage 2 extended by the full cap of 20', { stage2_extension_working_days: '20' }],
    ['closed on the day of the last response', { closed_on: '2025-06-27' }],
    ['a decision changed although the overall outcome is the same', { stage2_outcome: 'partly_upheld' }],
    ['compensation of 1p', { compensation_paid: '0.01' }],
    ['compensation of 9999999.99', { compensation_paid: '9999999.99' }],
    ['compensation with one decimal', { compensation_paid: '125.5' }],
    ['compensation in whole pounds', { compensation_paid: '125' }],
  ])('accepts a closed Stage 2 case: %s', (_, change) => {
    expect(problemsOf({ ...closedAfterStage2, ...change })).toEqual([])
  })
})

describe('each rule, with the line just over it', () => {
  type Found = Array<Omit<CaseCsvProblem, 'line'>>

  it.each<[string, Partial<CaseCsvRow>, Found]>([
    [
      'no reference',
      { reference: '' },
      [{ column: 'reference', key: 'imports:problems.required', values: { column: 'reference' } }],
    ],
    [
      'a lower-case reference',
      { reference: 'cx/1' },
      [{ column: 'reference', key: 'imports:problems.referenceFormat', values: { value: 'cx/1' } }],
    ],
    [
      'a 41-character reference',
      { reference: 'A'.repeat(41) },
      [{ column: 'reference', key: 'imports:problems.referenceFormat', values: { value: 'A'.repeat(41) } }],
    ],
    [
      'a reference starting with -',
      { reference: '-CX1' },
      [{ column: 'reference', key: 'imports:problems.referenceFormat', values: { value: '-CX1' } }],
    ],
    [
      'no resident_key',
      { resident_key: ' ' },
      [{ column: 'resident_key', key: 'imports:problems.required', values: { column: 'resident_key' } }],
    ],
    [
      'a 201-character resident_key',
      { resident_key: 'k'.repeat(201) },
      [{ column: 'resident_key', key: 'imports:problems.tooLong', values: { column: 'resident_key', max: 200 } }],
    ],
    [
      'no channel',
      { channel: '' },
      [{ column: 'channel', key: 'imports:problems.required', values: { column: 'channel' } }],
    ],
    [
      'an unknown channel',
      { channel: 'Phone' },
      [
        {
          column: 'channel',
          key: 'imports:problems.notOneOf',
          values: {
            column: 'channel',
            value: 'Phone',
            allowed: 'web, phone, email, letter, in_person, social_media, mp, councillor, web_chat, other',
          },
        },
      ],
    ],
    [
      'no category',
      { category: '' },
      [{ column: 'category', key: 'imports:problems.required', values: { column: 'category' } }],
    ],
    [
      'a 201-character category',
      { category: 'c'.repeat(201) },
      [{ column: 'category', key: 'imports:problems.tooLong', values: { column: 'category', max: 200 } }],
    ],
    [
      'no received_on',
      { received_on: '' },
      [{ column: 'received_on', key: 'imports:problems.required', values: { column: 'received_on' } }],
    ],
    [
      '30 February',
      { received_on: '2026-02-30' },
      [
        {
          column: 'received_on',
          key: 'imports:problems.notADate',
          values: { column: 'received_on', value: '2026-02-30' },
        },
      ],
    ],
    [
      '29 February outside a leap year',
      { received_on: '2025-02-29' },
      [
        {
          column: 'received_on',
          key: 'imports:problems.notADate',
          values: { column: 'received_on', value: '2025-02-29' },
        },
      ],
    ],
    [
      'a date written the British way',
      { received_on: '17/04/2025' },
      [
        {
          column: 'received_on',
          key: 'imports:problems.notADate',
          values: { column: 'received_on', value: '17/04/2025' },
        },
      ],
    ],
    [
      'a date one day in the future',
      { received_on: '2026-11-24' },
      [
        {
          column: 'received_on',
          key: 'imports:problems.afterToday',
          values: { column: 'received_on', date: '2026-11-24', today: '2026-11-23' },
        },
      ],
    ],
    [
      'no status',
      { status: '' },
      [{ column: 'status', key: 'imports:problems.required', values: { column: 'status' } }],
    ],
    [
      'an unknown status',
      { status: 'pending' },
      [
        {
          column: 'status',
          key: 'imports:problems.notOneOf',
          values: {
            column: 'status',
            value: 'pending',
            allowed: 'open, closed, withdrawn, declined, resolved_at_first_contact',
          },
        },
      ],
    ],
    [
      'a closed_on while open',
      { closed_on: '2025-05-01' },
      [{ column: 'closed_on', key: 'imports:problems.closedOnWhileOpen' }],
    ],
    [
      'compensation with a pound sign',
      { compensation_paid: '£10' },
      [{ column: 'compensation_paid', key: 'imports:problems.notPounds', values: { value: '£10' } }],
    ],
    [
      'compensation with three decimals',
      { compensation_paid: '10.999' },
      [{ column: 'compensation_paid', key: 'imports:problems.notPounds', values: { value: '10.999' } }],
    ],
    [
      'compensation of 0.00',
      { compensation_paid: '0.00' },
      [{ column: 'compensation_paid', key: 'imports:problems.zeroCompensation' }],
    ],
    [
      'compensation of 10000000.00',
      { compensation_paid: '10000000.00' },
      [
        {
          column: 'compensation_paid',
          key: 'imports:problems.overCompensationMax',
          values: { value: '10000000.00', max: '9999999.99' },
        },
      ],
    ],
  ])('refuses a received case: %s', (_, change, expected) => {
    expect(problemsOf({ ...received, ...change })).toEqual(expected)
  })

  it.each<[string, Partial<CaseCsvRow>, Found]>([
    [
      'acknowledged the day before it was received',
      { stage1_acknowledged_on: '2025-04-16' },
      [
        {
          column: 'stage1_acknowledged_on',
          key: 'imports:problems.dateOrder',
          values: {
            column: 'stage1_acknowledged_on',
            date: '2025-04-16',
            earlier: 'received_on',
            earlierDate: '2025-04-17',
          },
        },
      ],
    ],
    [
      'answered the day before it was acknowledged',
      { stage1_responded_on: '2025-04-23' },
      [
        {
          column: 'stage1_responded_on',
          key: 'imports:problems.dateOrder',
          values: {
            column: 'stage1_responded_on',
            date: '2025-04-23',
            earlier: 'stage1_acknowledged_on',
            earlierDate: '2025-04-24',
          },
        },
      ],
    ],
    [
      'answered without an acknowledgement',
      { stage1_acknowledged_on: '' },
      [
        {
          column: 'stage1_responded_on',
          key: 'imports:problems.responseNeedsAcknowledgement',
          values: { column: 'stage1_responded_on', needed: 'stage1_acknowledged_on' },
        },
      ],
    ],
    [
      'extended by 11 working days',
      { stage1_extension_working_days: '11' },
      [
        {
          column: 'stage1_extension_working_days',
          key: 'imports:problems.overExtensionCap',
          values: { column: 'stage1_extension_working_days', days: 11, stage: 1, cap: 10 },
        },
      ],
    ],
    [
      'extended by -1',
      { stage1_extension_working_days: '-1' },
      [
        {
          column: 'stage1_extension_working_days',
          key: 'imports:problems.notWholeNumber',
          values: { column: 'stage1_extension_working_days', value: '-1' },
        },
      ],
    ],
    [
      'extended by 1.5',
      { stage1_extension_working_days: '1.5' },
      [
        {
          column: 'stage1_extension_working_days',
          key: 'imports:problems.notWholeNumber',
          values: { column: 'stage1_extension_working_days', value: '1.5' },
        },
      ],
    ],
    [
      'an outcome outside the list',
      { stage1_outcome: 'Upheld' },
      [
        {
          column: 'stage1_outcome',
          key: 'imports:problems.notOneOf',
          values: { column: 'stage1_outcome', value: 'Upheld', allowed: 'upheld, partly_upheld, not_upheld' },
        },
      ],
    ],
    [
      'an answer without an outcome',
      { stage1_outcome: '' },
      [
        {
          column: 'stage1_outcome',
          key: 'imports:problems.requiredWhenSet',
          values: { column: 'stage1_outcome', other: 'stage1_responded_on' },
        },
      ],
    ],
    [
      'escalated the day before the Stage 1 response',
      { escalated_on: '2025-05-08' },
      [
        {
          column: 'escalated_on',
          key: 'imports:problems.dateOrder',
          values: {
            column: 'escalated_on',
            date: '2025-05-08',
            earlier: 'stage1_responded_on',
            earlierDate: '2025-05-09',
          },
        },
      ],
    ],
    [
      'a Stage 2 column without escalated_on',
      { stage2_acknowledged_on: '2025-06-02', stage2_extension_working_days: '0' },
      [
        {
          column: 'stage2_acknowledged_on',
          key: 'imports:problems.emptyWhenEmpty',
          values: { column: 'stage2_acknowledged_on', other: 'escalated_on' },
        },
        {
          column: 'stage2_extension_working_days',
          key: 'imports:problems.emptyWhenEmpty',
          values: { column: 'stage2_extension_working_days', other: 'escalated_on' },
        },
      ],
    ],
    [
      'a Stage 2 outcome and decision without escalated_on',
      { stage2_outcome: 'upheld', stage2_decision_changed: 'no' },
      [
        {
          column: 'stage2_outcome',
          key: 'imports:problems.emptyWhenEmpty',
          values: { column: 'stage2_outcome', other: 'escalated_on' },
        },
        {
          column: 'stage2_decision_changed',
          key: 'imports:problems.emptyWhenEmpty',
          values: { column: 'stage2_decision_changed', other: 'escalated_on' },
        },
      ],
    ],
    [
      'withdrawn after the response (the last stage is answered)',
      { status: 'withdrawn' },
      [
        {
          column: 'status',
          key: 'imports:problems.withdrawnNeedsOpenStage',
          values: { responded: 'stage1_responded_on' },
        },
      ],
    ],
    [
      'declined after the acknowledgement',
      { status: 'declined' },
      [
        {
          column: 'status',
          key: 'imports:problems.declinedNeedsUnacknowledgedStage',
          values: { acknowledged: 'stage1_acknowledged_on' },
        },
      ],
    ],
    [
      'closed without closed_on',
      { status: 'closed' },
      [{ column: 'closed_on', key: 'imports:problems.closedOnRequired' }],
    ],
    [
      'closed the day before the response',
      { status: 'closed', closed_on: '2025-05-08' },
      [
        {
          column: 'closed_on',
          key: 'imports:problems.dateOrder',
          values: {
            column: 'closed_on',
            date: '2025-05-08',
            earlier: 'stage1_responded_on',
            earlierDate: '2025-05-09',
          },
        },
      ],
    ],
    [
      'resolved at first contact with Stage 1 dates',
      { status: 'resolved_at_first_contact' },
      [
        {
          column: 'stage1_acknowledged_on',
          key: 'imports:problems.emptyWhenResolvedAtFirstContact',
          values: { column: 'stage1_acknowledged_on' },
        },
        {
          column: 'stage1_responded_on',
          key: 'imports:problems.emptyWhenResolvedAtFirstContact',
          values: { column: 'stage1_responded_on' },
        },
        {
          column: 'stage1_outcome',
          key: 'imports:problems.emptyWhenResolvedAtFirstContact',
          values: { column: 'stage1_outcome' },
        },
      ],
    ],
  ])('refuses a Stage 1 case: %s', (_, change, expected) => {
    expect(problemsOf({ ...stage1Responded, ...change })).toEqual(expected)
  })

  it.each<[string, CaseCsvRow, Partial<CaseCsvRow>, Found]>([
    [
      'an outcome before the answer',
      stage1Responded,
      { stage1_responded_on: '' },
      [
        {
          column: 'stage1_outcome',
          key: 'imports:problems.emptyWhenEmpty',
          values: { column: 'stage1_outcome', other: 'stage1_responded_on' },
        },
      ],
    ],
    [
      'escalated without a Stage 1 response',
      received,
      { stage1_acknowledged_on: '2025-04-24', escalated_on: '2025-05-28' },
      [{ column: 'escalated_on', key: 'imports:problems.escalationNeedsResponse' }],
    ],
    [
      'extended before the acknowledgement',
      received,
      { stage1_extension_working_days: '5' },
      [
        {
          column: 'stage1_extension_working_days',
          key: 'imports:problems.extensionNeedsAcknowledgement',
          values: { column: 'stage1_extension_working_days', needed: 'stage1_acknowledged_on' },
        },
      ],
    ],
    [
      'withdrawn before the acknowledgement, with no closed_on (allowed) but a bad compensation',
      received,
      { status: 'withdrawn', compensation_paid: '1,000.00' },
      [{ column: 'compensation_paid', key: 'imports:problems.notPounds', values: { value: '1,000.00' } }],
    ],
    [
      'closed without any response',
      received,
      { status: 'closed', closed_on: '2025-05-01' },
      [
        {
          column: 'status',
          key: 'imports:problems.closedNeedsResponse',
          values: { responded: 'stage1_responded_on' },
        },
      ],
    ],
    [
      'closed with Stage 2 still open',
      stage2Open,
      { status: 'closed', closed_on: '2025-07-01' },
      [
        {
          column: 'status',
          key: 'imports:problems.closedNeedsResponse',
          values: { responded: 'stage2_responded_on' },
        },
      ],
    ],
    [
      'declined at Stage 2 after its acknowledgement',
      stage2Open,
      { status: 'declined' },
      [
        {
          column: 'status',
          key: 'imports:problems.declinedNeedsUnacknowledgedStage',
          values: { acknowledged: 'stage2_acknowledged_on' },
        },
      ],
    ],
    [
      'Stage 2 acknowledged the day before the escalation',
      stage2Open,
      { stage2_acknowledged_on: '2025-05-27' },
      [
        {
          column: 'stage2_acknowledged_on',
          key: 'imports:problems.dateOrder',
          values: {
            column: 'stage2_acknowledged_on',
            date: '2025-05-27',
            earlier: 'escalated_on',
            earlierDate: '2025-05-28',
          },
        },
      ],
    ],
    [
      'Stage 2 extended by 21 working days',
      stage2Open,
      { stage2_extension_working_days: '21' },
      [
        {
          column: 'stage2_extension_working_days',
          key: 'imports:problems.overExtensionCap',
          values: { column: 'stage2_extension_working_days', days: 21, stage: 2, cap: 20 },
        },
      ],
    ],
    [
      'Stage 2 extended before its acknowledgement',
      stage2Open,
      { stage2_acknowledged_on: '', stage2_extension_working_days: '5' },
      [
        {
          column: 'stage2_extension_working_days',
          key: 'imports:problems.extensionNeedsAcknowledgement',
          values: { column: 'stage2_extension_working_days', needed: 'stage2_acknowledged_on' },
        },
      ],
    ],
    [
      'a decision change before the Stage 2 answer',
      stage2Open,
      { stage2_decision_changed: 'no' },
      [
        {
          column: 'stage2_decision_changed',
          key: 'imports:problems.emptyWhenEmpty',
          values: { column: 'stage2_decision_changed', other: 'stage2_responded_on' },
        },
      ],
    ],
  ])('refuses a case: %s', (_, base, change, expected) => {
    expect(problemsOf({ ...base, ...change })).toEqual(expected)
  })

  it.each<[string, Partial<CaseCsvRow>, Found]>([
    [
      'answered the day before its acknowledgement',
      { stage2_responded_on: '2025-06-01' },
      [
        {
          column: 'stage2_responded_on',
          key: 'imports:problems.dateOrder',
          values: {
            column: 'stage2_responded_on',
            date: '2025-06-01',
            earlier: 'stage2_acknowledged_on',
            earlierDate: '2025-06-02',
          },
        },
      ],
    ],
    [
      'answered without an acknowledgement',
      { stage2_acknowledged_on: '' },
      [
        {
          column: 'stage2_responded_on',
          key: 'imports:problems.responseNeedsAcknowledgement',
          values: { column: 'stage2_responded_on', needed: 'stage2_acknowledged_on' },
        },
      ],
    ],
    [
      'answered without an outcome',
      { stage2_outcome: '' },
      [
        {
          column: 'stage2_outcome',
          key: 'imports:problems.requiredWhenSet',
          values: { column: 'stage2_outcome', other: 'stage2_responded_on' },
        },
      ],
    ],
    [
      'answered without saying whether the decision changed',
      { stage2_decision_changed: '' },
      [{ column: 'stage2_decision_changed', key: 'imports:problems.decisionChangedRequired' }],
    ],
    [
      'a decision change that is neither yes nor no',
      { stage2_decision_changed: 'Y' },
      [{ column: 'stage2_decision_changed', key: 'imports:problems.notYesNo', values: { value: 'Y' } }],
    ],
    [
      'a decision "not changed" although the outcome changed',
      { stage2_decision_changed: 'no' },
      [
        {
          column: 'stage2_decision_changed',
          key: 'imports:problems.decisionChangedContradicts',
          values: { stage2Outcome: 'upheld', stage1Outcome: 'partly_upheld' },
        },
      ],
    ],
    [
      'closed the day before the Stage 2 response',
      { closed_on: '2025-06-26' },
      [
        {
          column: 'closed_on',
          key: 'imports:problems.dateOrder',
          values: {
            column: 'closed_on',
            date: '2025-06-26',
            earlier: 'stage2_responded_on',
            earlierDate: '2025-06-27',
          },
        },
      ],
    ],
    [
      'withdrawn after the Stage 2 response',
      { status: 'withdrawn' },
      [
        {
          column: 'status',
          key: 'imports:problems.withdrawnNeedsOpenStage',
          values: { responded: 'stage2_responded_on' },
        },
      ],
    ],
    [
      'closed on a date in the future',
      { closed_on: '2026-11-24' },
      [
        {
          column: 'closed_on',
          key: 'imports:problems.afterToday',
          values: { column: 'closed_on', date: '2026-11-24', today: '2026-11-23' },
        },
      ],
    ],
  ])('refuses a closed Stage 2 case: %s', (_, change, expected) => {
    expect(problemsOf({ ...closedAfterStage2, ...change })).toEqual(expected)
  })

  it('lists every problem of a line, not just the first', () => {
    expect(problemsOf({ ...received, channel: 'fax', received_on: '', status: 'shut' })).toEqual([
      {
        column: 'channel',
        key: 'imports:problems.notOneOf',
        values: {
          column: 'channel',
          value: 'fax',
          allowed: 'web, phone, email, letter, in_person, social_media, mp, councillor, web_chat, other',
        },
      },
      { column: 'received_on', key: 'imports:problems.required', values: { column: 'received_on' } },
      {
        column: 'status',
        key: 'imports:problems.notOneOf',
        values: {
          column: 'status',
          value: 'shut',
          allowed: 'open, closed, withdrawn, declined, resolved_at_first_contact',
        },
      },
    ])
  })
})

describe('a whole file', () => {
  it('refuses a reference used twice, naming the first line', () => {
    const result = validateCaseRows([received, stage1Responded, { ...received, reference: 'CX/9' }])
    expect(result.problems).toEqual([
      {
        line: 3,
        column: 'reference',
        key: 'imports:problems.referenceRepeated',
        values: { reference: 'CX/2025/002', firstLine: 2 },
      },
    ])
    expect(result.rows.map((row) => [row.line, row.reference])).toEqual([
      [2, 'CX/2025/002'],
      [4, 'CX/9'],
    ])
  })

  it('numbers lines from startLine, or as given when a quoted value spans lines', () => {
    const bad = { ...received, reference: 'CX/8', channel: 'fax' }
    expect(validateCaseRows([received, bad], 10).problems.map((p) => p.line)).toEqual([11])
    expect(validateCaseRows([received, bad], 2, { lines: [2, 5] }).problems.map((p) => p.line)).toEqual([5])
  })

  it('checks no date against today unless told what today is', () => {
    expect(validateCaseRows([{ ...received, received_on: '2099-01-01' }]).problems).toEqual([])
  })
})

describe('the status', () => {
  const history = (
    status: CaseHistory['status'],
    stage1: Partial<CaseHistory['stage1']>,
    stage2?: Partial<CaseHistory['stage1']>,
  ) => ({
    status,
    stage1: {
      startedOn: '2026-01-05',
      acknowledgedOn: null,
      extensionWorkingDays: 0,
      respondedOn: null,
      outcome: null,
      ...stage1,
    },
    stage2: stage2
      ? {
          startedOn: '2026-02-02',
          acknowledgedOn: null,
          extensionWorkingDays: 0,
          respondedOn: null,
          outcome: null,
          ...stage2,
        }
      : null,
  })

  it.each([
    [history('open', {}), 'received'],
    [history('open', { acknowledgedOn: '2026-01-06' }), 'stage1_acknowledged'],
    [history('open', { acknowledgedOn: '2026-01-06', extensionWorkingDays: 1 }), 'stage1_extended'],
    [
      history('open', { acknowledgedOn: '2026-01-06', respondedOn: '2026-01-19', outcome: 'upheld' }),
      'stage1_responded',
    ],
    [history('open', { respondedOn: '2026-01-19' }, {}), 'escalated'],
    [history('open', { respondedOn: '2026-01-19' }, { acknowledgedOn: '2026-02-03' }), 'stage2_acknowledged'],
    [
      history('open', { respondedOn: '2026-01-19' }, { acknowledgedOn: '2026-02-03', extensionWorkingDays: 20 }),
      'stage2_extended',
    ],
    [
      history('open', { respondedOn: '2026-01-19' }, { acknowledgedOn: '2026-02-03', respondedOn: '2026-03-02' }),
      'stage2_responded',
    ],
    [history('closed', { respondedOn: '2026-01-19' }), 'closed'],
    [history('withdrawn', {}), 'withdrawn'],
    [history('declined', {}), 'declined'],
    [history('resolved_at_first_contact', {}), 'resolved_at_first_contact'],
  ] as const)('%j is %s in the app', (facts, status) => {
    expect(detailedStatus(facts)).toBe(status)
  })

  it.each([
    ['received', 'open'],
    ['stage1_acknowledged', 'open'],
    ['stage1_extended', 'open'],
    ['stage1_responded', 'open'],
    ['escalated', 'open'],
    ['stage2_acknowledged', 'open'],
    ['stage2_extended', 'open'],
    ['stage2_responded', 'open'],
    ['reopened', 'open'],
    ['closed', 'closed'],
    ['withdrawn', 'withdrawn'],
    ['declined', 'declined'],
    ['resolved_at_first_contact', 'resolved_at_first_contact'],
  ])('the app status %s exports as %s', (status, csv) => {
    expect(csvStatusOf(status)).toBe(csv)
  })
})

describe('writing a line', () => {
  it.each([
    [1, '0.01'],
    [100, '1.00'],
    [12550, '125.50'],
    [999999999, '9999999.99'],
  ])('%i pence is written %s', (pence, pounds) => {
    expect(formatPounds(pence)).toBe(pounds)
  })

  it('writes a valid line back exactly as it was given (the round trip)', () => {
    for (const row of [closedAfterStage2, received, stage1Responded, stage2Open]) {
      const [valid] = validateCaseRows([row]).rows
      expect(valid && caseCsvRow(valid)).toEqual(row)
    }
  })

  it('writes no extension as empty, whether the file said 0 or nothing, and a missing stage as empty', () => {
    const [valid] = validateCaseRows([{ ...stage1Responded, stage1_extension_working_days: '0' }]).rows
    expect(valid && caseCsvRow(valid).stage1_extension_working_days).toBe('')
    expect(
      caseCsvRow({
        reference: 'OLD-1',
        residentKey: 'R',
        channel: 'web',
        category: 'repairs',
        receivedOn: '2020-01-02',
        stage1: null,
        stage2: null,
        stage2DecisionChanged: null,
        status: 'open',
        closedOn: null,
        compensationPence: null,
      }),
    ).toEqual({
      ...received,
      reference: 'OLD-1',
      resident_key: 'R',
      channel: 'web',
      category: 'repairs',
      received_on: '2020-01-02',
    })
  })
})

describe('the problems, in every interface language', () => {
  /** A value for every key the code can produce: tsc fails when a key is added and not listed here. */
  const samples = {
    'imports:problems.fileEmpty': undefined,
    'imports:problems.headerColumnCount': { expected: HEADER, count: 19, columns: 18 },
    'imports:problems.headerColumnMissing': { expected: HEADER, position: 18, column: 'compensation_paid' },
    'imports:problems.headerColumnWrong': { expected: HEADER, position: 3, found: 'Channel', column: 'channel' },
    'imports:problems.valueCount': { count: 2, columns: 18 },
    'imports:problems.csvQuoteNotClosed': undefined,
    'imports:problems.csvInvalidClosingQuote': undefined,
    'imports:problems.csvInvalidOpeningQuote': undefined,
    'imports:problems.csvUnreadable': { detail: 'Invalid Record Length' },
    'imports:problems.referenceRepeated': { reference: 'CX/2025/002', firstLine: 2 },
    'imports:problems.storedDifferently': {
      reference: 'CX/2025/001',
      differences: 'compensation_paid "50.00" → "75.00"; status "closed" → "open"',
    },
    'imports:problems.required': { column: 'received_on' },
    'imports:problems.referenceFormat': { value: 'cx/1' },
    'imports:problems.tooLong': { column: 'category', max: 200 },
    'imports:problems.notOneOf': {
      column: 'stage1_outcome',
      value: 'Upheld',
      allowed: 'upheld, partly_upheld, not_upheld',
    },
    'imports:problems.notADate': { column: 'received_on', value: '17/04/2025' },
    'imports:problems.afterToday': { column: 'closed_on', date: '2026-11-24', today: '2026-11-23' },
    'imports:problems.notWholeNumber': { column: 'stage1_extension_working_days', value: '1.5' },
    'imports:problems.overExtensionCap': { column: 'stage2_extension_working_days', days: 21, stage: 2, cap: 20 },
    'imports:problems.notYesNo': { value: 'Y' },
    'imports:problems.notPounds': { value: '£10' },
    'imports:problems.zeroCompensation': undefined,
    'imports:problems.overCompensationMax': { value: '10000000.00', max: '9999999.99' },
    'imports:problems.dateOrder': {
      column: 'escalated_on',
      date: '2025-05-08',
      earlier: 'stage1_responded_on',
      earlierDate: '2025-05-09',
    },
    'imports:problems.responseNeedsAcknowledgement': {
      column: 'stage2_responded_on',
      needed: 'stage2_acknowledged_on',
    },
    'imports:problems.escalationNeedsResponse': undefined,
    'imports:problems.extensionNeedsAcknowledgement': {
      column: 'stage1_extension_working_days',
      needed: 'stage1_acknowledged_on',
    },
    'imports:problems.emptyWhenEmpty': { column: 'stage2_outcome', other: 'escalated_on' },
    'imports:problems.requiredWhenSet': { column: 'stage1_outcome', other: 'stage1_responded_on' },
    'imports:problems.decisionChangedRequired': undefined,
    'imports:problems.decisionChangedContradicts': { stage2Outcome: 'upheld', stage1Outcome: 'partly_upheld' },
    'imports:problems.closedOnWhileOpen': undefined,
    'imports:problems.closedOnRequired': undefined,
    'imports:problems.closedNeedsResponse': { responded: 'stage2_responded_on' },
    'imports:problems.withdrawnNeedsOpenStage': { responded: 'stage1_responded_on' },
    'imports:problems.declinedNeedsUnacknowledgedStage': { acknowledged: 'stage1_acknowledged_on' },
    'imports:problems.emptyWhenResolvedAtFirstContact': { column: 'stage1_outcome' },
  } satisfies { [K in CaseCsvProblemKey]: CaseCsvProblemValues[K] }

  /** Each key with its sample; a key with a count also with one number of each plural form. */
  const renderings = Object.entries(samples).flatMap(
    ([key, values]): Array<{ key: string; values?: Record<string, string | number> }> =>
      values && 'count' in values
        ? [0, 1, 2, 3, 6, 11, 100].map((count) => ({ key, values: { ...values, count } }))
        : [{ key, values }],
  )

  it.each(interfaceLanguages.filter((language) => language.staff).map((language) => language.code))(
    'every problem the import can report reads as a sentence in %s, every value in place',
    async (language) => {
      const t = await getFixedT(language, 'imports')
      for (const { key, values } of renderings) {
        // lngs: no falling back to English, so a key missing in this language shows as the key.
        const text = t(key, { ...values, lngs: [language] })
        expect(text, `${language} ${key}`).not.toContain('{{')
        expect(text, `${language} ${key}`).not.toContain('problems.')
        // A plural form may spell its number out ("one value"); every other value is shown as given.
        for (const [name, value] of Object.entries(values ?? {}))
          if (name !== 'count') expect(text, `${language} ${key}`).toContain(String(value))
      }
    },
  )
})
