import { describe, expect, it } from 'vitest'
import {
  caseCsvColumns,
  caseCsvRow,
  caseRowsFromRecords,
  csvStatusOf,
  detailedStatus,
  formatPounds,
  validateCaseRows,
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

function problemsOf(row: CaseCsvRow, today = '2026-11-23') {
  return validateCaseRows([row], 2, { today }).problems.map(({ column, problem }) => [column, problem])
}

describe('the header (the public contract)', () => {
  it('is exactly the eighteen documented columns, in order', () => {
    expect(caseCsvColumns.join(',')).toBe(HEADER)
  })

  it.each([
    [[], 'The file is empty: it needs the header row.'],
    [
      [HEADER.replace('channel', 'Channel')],
      `The header must be exactly ${HEADER} (column 3 is "Channel", not "channel").`,
    ],
    [
      [HEADER.replace('reference,resident_key', 'resident_key,reference')],
      `The header must be exactly ${HEADER} (column 1 is "resident_key", not "reference").`,
    ],
    [
      [HEADER.replace(',compensation_paid', '')],
      `The header must be exactly ${HEADER} (column 18 (compensation_paid) is missing).`,
    ],
    [[`${HEADER},notes`], `The header must be exactly ${HEADER} (it has 19 columns, not 18).`],
  ])('a file whose header is %j is refused at line 1', (header, problem) => {
    const records = header.map((line) => ({ fields: line.split(','), line: 1 }))
    expect(caseRowsFromRecords(records)).toEqual({ rows: [], lines: [], problems: [{ line: 1, problem }] })
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
      problems: [{ line: 3, problem: 'The line has 2 values; every line needs 18, one per column.' }],
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
  it.each<[string, Partial<CaseCsvRow>, string[][]]>([
    ['no reference', { reference: '' }, [['reference', 'reference is required.']]],
    [
      'a lower-case reference',
      { reference: 'cx/1' },
      [
        [
          'reference',
          'reference "cx/1" must be 1 to 40 capital letters, digits, /, _ or -, starting with a letter or digit.',
        ],
      ],
    ],
    [
      'a 41-character reference',
      { reference: 'A'.repeat(41) },
      [
        [
          'reference',
          `reference "${'A'.repeat(41)}" must be 1 to 40 capital letters, digits, /, _ or -, starting with a letter or digit.`,
        ],
      ],
    ],
    [
      'a reference starting with -',
      { reference: '-CX1' },
      [
        [
          'reference',
          'reference "-CX1" must be 1 to 40 capital letters, digits, /, _ or -, starting with a letter or digit.',
        ],
      ],
    ],
    ['no resident_key', { resident_key: ' ' }, [['resident_key', 'resident_key is required.']]],
    [
      'a 201-character resident_key',
      { resident_key: 'k'.repeat(201) },
      [['resident_key', 'resident_key is longer than 200 characters.']],
    ],
    ['no channel', { channel: '' }, [['channel', 'channel is required.']]],
    [
      'an unknown channel',
      { channel: 'Phone' },
      [
        [
          'channel',
          'channel "Phone" is not one of web, phone, email, letter, in_person, social_media, mp, councillor, web_chat, other.',
        ],
      ],
    ],
    ['no category', { category: '' }, [['category', 'category is required.']]],
    [
      'a 201-character category',
      { category: 'c'.repeat(201) },
      [['category', 'category is longer than 200 characters.']],
    ],
    ['no received_on', { received_on: '' }, [['received_on', 'received_on is required.']]],
    [
      '30 February',
      { received_on: '2026-02-30' },
      [['received_on', 'received_on "2026-02-30" is not a real date written YYYY-MM-DD.']],
    ],
    [
      '29 February outside a leap year',
      { received_on: '2025-02-29' },
      [['received_on', 'received_on "2025-02-29" is not a real date written YYYY-MM-DD.']],
    ],
    [
      'a date written the British way',
      { received_on: '17/04/2025' },
      [['received_on', 'received_on "17/04/2025" is not a real date written YYYY-MM-DD.']],
    ],
    [
      'a date one day in the future',
      { received_on: '2026-11-24' },
      [['received_on', 'received_on 2026-11-24 is after today (2026-11-23).']],
    ],
    ['no status', { status: '' }, [['status', 'status is required.']]],
    [
      'an unknown status',
      { status: 'pending' },
      [['status', 'status "pending" is not one of open, closed, withdrawn, declined, resolved_at_first_contact.']],
    ],
    [
      'a closed_on while open',
      { closed_on: '2025-05-01' },
      [['closed_on', 'closed_on must be empty when status is open.']],
    ],
    [
      'compensation with a pound sign',
      { compensation_paid: '£10' },
      [['compensation_paid', 'compensation_paid "£10" must be in pounds, like 125.50.']],
    ],
    [
      'compensation with three decimals',
      { compensation_paid: '10.999' },
      [['compensation_paid', 'compensation_paid "10.999" must be in pounds, like 125.50.']],
    ],
    [
      'compensation of 0.00',
      { compensation_paid: '0.00' },
      [['compensation_paid', 'compensation_paid must be more than 0.00; leave it empty when nothing was paid.']],
    ],
    [
      'compensation of 10000000.00',
      { compensation_paid: '10000000.00' },
      [['compensation_paid', 'compensation_paid 10000000.00 is more than 9999999.99.']],
    ],
  ])('refuses a received case: %s', (_, change, expected) => {
    expect(problemsOf({ ...received, ...change })).toEqual(expected)
  })

  it.each<[string, Partial<CaseCsvRow>, string[][]]>([
    [
      'acknowledged the day before it was received',
      { stage1_acknowledged_on: '2025-04-16' },
      [['stage1_acknowledged_on', 'stage1_acknowledged_on 2025-04-16 is before received_on 2025-04-17.']],
    ],
    [
      'answered the day before it was acknowledged',
      { stage1_responded_on: '2025-04-23' },
      [['stage1_responded_on', 'stage1_responded_on 2025-04-23 is before stage1_acknowledged_on 2025-04-24.']],
    ],
    [
      'answered without an acknowledgement',
      { stage1_acknowledged_on: '' },
      [
        [
          'stage1_responded_on',
          'stage1_responded_on needs stage1_acknowledged_on: a stage is acknowledged before it is answered (use the same date when one letter did both).',
        ],
      ],
    ],
    [
      'extended by 11 working days',
      { stage1_extension_working_days: '11' },
      [
        [
          'stage1_extension_working_days',
          'stage1_extension_working_days 11 is more than the Stage 1 cap of 10 working days (EXT-2).',
        ],
      ],
    ],
    [
      'extended by -1',
      { stage1_extension_working_days: '-1' },
      [
        [
          'stage1_extension_working_days',
          'stage1_extension_working_days "-1" must be a whole number of working days (empty means 0).',
        ],
      ],
    ],
    [
      'extended by 1.5',
      { stage1_extension_working_days: '1.5' },
      [
        [
          'stage1_extension_working_days',
          'stage1_extension_working_days "1.5" must be a whole number of working days (empty means 0).',
        ],
      ],
    ],
    [
      'an outcome outside the list',
      { stage1_outcome: 'Upheld' },
      [['stage1_outcome', 'stage1_outcome "Upheld" is not one of upheld, partly_upheld, not_upheld.']],
    ],
    [
      'an answer without an outcome',
      { stage1_outcome: '' },
      [['stage1_outcome', 'stage1_outcome is required when stage1_responded_on is set.']],
    ],
    [
      'escalated the day before the Stage 1 response',
      { escalated_on: '2025-05-08' },
      [['escalated_on', 'escalated_on 2025-05-08 is before stage1_responded_on 2025-05-09.']],
    ],
    [
      'a Stage 2 column without escalated_on',
      { stage2_acknowledged_on: '2025-06-02', stage2_extension_working_days: '0' },
      [
        ['stage2_acknowledged_on', 'stage2_acknowledged_on must be empty when escalated_on is empty.'],
        ['stage2_extension_working_days', 'stage2_extension_working_days must be empty when escalated_on is empty.'],
      ],
    ],
    [
      'a Stage 2 outcome and decision without escalated_on',
      { stage2_outcome: 'upheld', stage2_decision_changed: 'no' },
      [
        ['stage2_outcome', 'stage2_outcome must be empty when escalated_on is empty.'],
        ['stage2_decision_changed', 'stage2_decision_changed must be empty when escalated_on is empty.'],
      ],
    ],
    [
      'withdrawn after the response (the last stage is answered)',
      { status: 'withdrawn' },
      [['status', 'status withdrawn needs a stage still open, but stage1_responded_on is set (use closed).']],
    ],
    [
      'declined after the acknowledgement',
      { status: 'declined' },
      [['status', 'status declined needs a stage never acknowledged, but stage1_acknowledged_on is set.']],
    ],
    ['closed without closed_on', { status: 'closed' }, [['closed_on', 'closed_on is required when status is closed.']]],
    [
      'closed the day before the response',
      { status: 'closed', closed_on: '2025-05-08' },
      [['closed_on', 'closed_on 2025-05-08 is before stage1_responded_on 2025-05-09.']],
    ],
    [
      'resolved at first contact with Stage 1 dates',
      { status: 'resolved_at_first_contact' },
      [
        [
          'stage1_acknowledged_on',
          'stage1_acknowledged_on must be empty when status is resolved_at_first_contact (not a Stage 1 complaint).',
        ],
        [
          'stage1_responded_on',
          'stage1_responded_on must be empty when status is resolved_at_first_contact (not a Stage 1 complaint).',
        ],
        [
          'stage1_outcome',
          'stage1_outcome must be empty when status is resolved_at_first_contact (not a Stage 1 complaint).',
        ],
      ],
    ],
  ])('refuses a Stage 1 case: %s', (_, change, expected) => {
    expect(problemsOf({ ...stage1Responded, ...change })).toEqual(expected)
  })

  it.each<[string, CaseCsvRow, Partial<CaseCsvRow>, string[][]]>([
    [
      'an outcome before the answer',
      stage1Responded,
      { stage1_responded_on: '' },
      [['stage1_outcome', 'stage1_outcome must be empty when stage1_responded_on is empty.']],
    ],
    [
      'escalated without a Stage 1 response',
      received,
      { stage1_acknowledged_on: '2025-04-24', escalated_on: '2025-05-28' },
      [
        [
          'escalated_on',
          'escalated_on needs stage1_responded_on: only a complaint with a Stage 1 response goes to Stage 2 (S2-1).',
        ],
      ],
    ],
    [
      'extended before the acknowledgement',
      received,
      { stage1_extension_working_days: '5' },
      [
        [
          'stage1_extension_working_days',
          'stage1_extension_working_days needs stage1_acknowledged_on: only an acknowledged stage is extended.',
        ],
      ],
    ],
    [
      'withdrawn before the acknowledgement, with no closed_on (allowed) but a bad compensation',
      received,
      { status: 'withdrawn', compensation_paid: '1,000.00' },
      [['compensation_paid', 'compensation_paid "1,000.00" must be in pounds, like 125.50.']],
    ],
    [
      'closed without any response',
      received,
      { status: 'closed', closed_on: '2025-05-01' },
      [['status', 'status closed needs a response at the last stage: stage1_responded_on is empty.']],
    ],
    [
      'closed with Stage 2 still open',
      stage2Open,
      { status: 'closed', closed_on: '2025-07-01' },
      [['status', 'status closed needs a response at the last stage: stage2_responded_on is empty.']],
    ],
    [
      'declined at Stage 2 after its acknowledgement',
      stage2Open,
      { status: 'declined' },
      [['status', 'status declined needs a stage never acknowledged, but stage2_acknowledged_on is set.']],
    ],
    [
      'Stage 2 acknowledged the day before the escalation',
      stage2Open,
      { stage2_acknowledged_on: '2025-05-27' },
      [['stage2_acknowledged_on', 'stage2_acknowledged_on 2025-05-27 is before escalated_on 2025-05-28.']],
    ],
    [
      'Stage 2 extended by 21 working days',
      stage2Open,
      { stage2_extension_working_days: '21' },
      [
        [
          'stage2_extension_working_days',
          'stage2_extension_working_days 21 is more than the Stage 2 cap of 20 working days (EXT-2).',
        ],
      ],
    ],
    [
      'Stage 2 extended before its acknowledgement',
      stage2Open,
      { stage2_acknowledged_on: '', stage2_extension_working_days: '5' },
      [
        [
          'stage2_extension_working_days',
          'stage2_extension_working_days needs stage2_acknowledged_on: only an acknowledged stage is extended.',
        ],
      ],
    ],
    [
      'a decision change before the Stage 2 answer',
      stage2Open,
      { stage2_decision_changed: 'no' },
      [['stage2_decision_changed', 'stage2_decision_changed must be empty when stage2_responded_on is empty.']],
    ],
  ])('refuses a case: %s', (_, base, change, expected) => {
    expect(problemsOf({ ...base, ...change })).toEqual(expected)
  })

  it.each<[string, Partial<CaseCsvRow>, string[][]]>([
    [
      'answered the day before its acknowledgement',
      { stage2_responded_on: '2025-06-01' },
      [['stage2_responded_on', 'stage2_responded_on 2025-06-01 is before stage2_acknowledged_on 2025-06-02.']],
    ],
    [
      'answered without an acknowledgement',
      { stage2_acknowledged_on: '' },
      [
        [
          'stage2_responded_on',
          'stage2_responded_on needs stage2_acknowledged_on: a stage is acknowledged before it is answered (use the same date when one letter did both).',
        ],
      ],
    ],
    [
      'answered without an outcome',
      { stage2_outcome: '' },
      [['stage2_outcome', 'stage2_outcome is required when stage2_responded_on is set.']],
    ],
    [
      'answered without saying whether the decision changed',
      { stage2_decision_changed: '' },
      [['stage2_decision_changed', 'stage2_decision_changed is required (yes or no) when stage2_responded_on is set.']],
    ],
    [
      'a decision change that is neither yes nor no',
      { stage2_decision_changed: 'Y' },
      [['stage2_decision_changed', 'stage2_decision_changed "Y" must be yes, no or empty.']],
    ],
    [
      'a decision "not changed" although the outcome changed',
      { stage2_decision_changed: 'no' },
      [
        [
          'stage2_decision_changed',
          'stage2_decision_changed is no, but stage2_outcome upheld differs from stage1_outcome partly_upheld.',
        ],
      ],
    ],
    [
      'closed the day before the Stage 2 response',
      { closed_on: '2025-06-26' },
      [['closed_on', 'closed_on 2025-06-26 is before stage2_responded_on 2025-06-27.']],
    ],
    [
      'withdrawn after the Stage 2 response',
      { status: 'withdrawn' },
      [['status', 'status withdrawn needs a stage still open, but stage2_responded_on is set (use closed).']],
    ],
    [
      'closed on a date in the future',
      { closed_on: '2026-11-24' },
      [['closed_on', 'closed_on 2026-11-24 is after today (2026-11-23).']],
    ],
  ])('refuses a closed Stage 2 case: %s', (_, change, expected) => {
    expect(problemsOf({ ...closedAfterStage2, ...change })).toEqual(expected)
  })

  it('lists every problem of a line, not just the first', () => {
    expect(problemsOf({ ...received, channel: 'fax', received_on: '', status: 'shut' })).toEqual([
      [
        'channel',
        'channel "fax" is not one of web, phone, email, letter, in_person, social_media, mp, councillor, web_chat, other.',
      ],
      ['received_on', 'received_on is required.'],
      ['status', 'status "shut" is not one of open, closed, withdrawn, declined, resolved_at_first_contact.'],
    ])
  })
})

describe('a whole file', () => {
  it('refuses a reference used twice, naming the first line', () => {
    const result = validateCaseRows([received, stage1Responded, { ...received, reference: 'CX/9' }])
    expect(result.problems).toEqual([
      { line: 3, column: 'reference', problem: 'reference CX/2025/002 is already used on line 2.' },
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
