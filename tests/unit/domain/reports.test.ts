import { describe, expect, it } from 'vitest'
import {
  caseStudyLabel,
  cleanContractor,
  complaintHandlingCost,
  contractorReport,
  handlingCostPence,
  hourlyCost,
  normaliseTsmYear,
  parseContractorStandards,
  repeatCaseStudies,
  standardVerdicts,
  validateBenchmarkRecords,
  validateMinutes,
  verdict,
  type ContractorStageRow,
  type RepeatComplaintRow,
} from '~/domain/reports'

const header = {
  line: 1,
  fields: [
    'landlord',
    'year',
    'homes',
    'stage1_per_1000',
    'stage2_per_1000',
    'stage1_within_code_pct',
    'stage2_within_code_pct',
  ],
}
const record = (line: number, fields: string[]) => ({ line, fields })

describe('peer benchmark rows', () => {
  it('accepts valid rows, blanks as null, and normalises the year', () => {
    const result = validateBenchmarkRecords([
      header,
      record(2, ['North Homes', '2025', '12000', '38.5', '6.1', '91', '88.4']),
      record(3, [' South HA ', '2024-25', '', '', '', '', '']),
    ])
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          landlord: 'North Homes',
          year: '2025/26',
          homes: 12000,
          figures: { stage1Per1000: 38.5, stage2Per1000: 6.1, stage1WithinCodePct: 91, stage2WithinCodePct: 88.4 },
        },
        {
          landlord: 'South HA',
          year: '2024/25',
          homes: null,
          figures: { stage1Per1000: null, stage2Per1000: null, stage1WithinCodePct: null, stage2WithinCodePct: null },
        },
      ],
    })
  })

  it('takes the columns in any order and ignores extra ones', () => {
    const result = validateBenchmarkRecords([
      record(1, ['note', ...[...header.fields].reverse()]),
      record(2, ['x', '80', '90', '5', '40', '1000', '2025/26', 'East']),
    ])
    expect(result.ok && result.rows[0]).toMatchObject({ landlord: 'East', homes: 1000, year: '2025/26' })
  })

  it('lists every problem with its line and returns no rows', () => {
    const result = validateBenchmarkRecords([
      header,
      record(2, ['Good', '2025/26', '100', '1', '1', '1', '1']),
      record(3, ['', '25/26', '-5', 'abc', '1', '101', '1']),
      record(5, ['good', '2025', '100', '1', '1', '1', '1']),
    ])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((p) => [p.line, p.key])).toEqual([
      [3, 'staff-errors:reports.csv.landlord'],
      [3, 'staff-errors:reports.csv.year'],
      [3, 'staff-errors:reports.csv.homes'],
      [3, 'staff-errors:reports.csv.per1000'],
      [3, 'staff-errors:reports.csv.pct'],
      [5, 'staff-errors:reports.csv.duplicate'],
    ])
    expect(result.problems.at(-1)?.values).toEqual({ earlier: 2 })
  })

  it.each([
    ['0', 'homes'],
    ['1.5', 'homes'],
    ['10000001', 'homes'],
  ])('refuses %s %s', (value) => {
    const result = validateBenchmarkRecords([header, record(2, ['A', '2025', value, '', '', '', ''])])
    expect(result.ok).toBe(false)
  })

  it('accepts the boundaries 0 and 100 per cent', () => {
    const result = validateBenchmarkRecords([header, record(2, ['A', '2025', '1', '0', '10000', '0', '100'])])
    expect(result.ok).toBe(true)
  })

  it('names missing columns, and refuses an empty file or a header alone', () => {
    expect(validateBenchmarkRecords([])).toEqual({
      ok: false,
      problems: [{ line: 1, key: 'staff-errors:reports.csv.empty' }],
    })
    expect(validateBenchmarkRecords([record(1, ['landlord', 'year'])])).toEqual({
      ok: false,
      problems: [
        {
          line: 1,
          key: 'staff-errors:reports.csv.columns',
          values: {
            columns: 'homes, stage1_per_1000, stage2_per_1000, stage1_within_code_pct, stage2_within_code_pct',
          },
        },
      ],
    })
    expect(validateBenchmarkRecords([header])).toEqual({
      ok: false,
      problems: [{ line: 1, key: 'staff-errors:reports.csv.noRows' }],
    })
  })

  it.each([
    ['2025', '2025/26'],
    ['2025/26', '2025/26'],
    ['2025-26', '2025/26'],
    ['2025/2026', '2025/26'],
    ['1999/00', '1999/00'],
    ['2025/27', null],
    ['25/26', null],
    ['', null],
  ])('reads the year %s as %s', (input, expected) => {
    expect(normaliseTsmYear(input)).toBe(expected)
  })
})

describe('contractor standards', () => {
  it('reads the setting leniently', () => {
    expect(
      parseContractorStandards({
        'Acme Repairs': { responseWorkingDays: 8, maxUpheldPct: 40 },
        Bolt: { responseWorkingDays: -1, maxUpheldPct: '30' },
        Broken: 'x',
      }),
    ).toEqual({ 'Acme Repairs': { responseWorkingDays: 8, maxUpheldPct: 40 }, Bolt: {} })
    expect(parseContractorStandards(null)).toEqual({})
    expect(parseContractorStandards([1])).toEqual({})
  })

  it.each([
    [5, 5, 'met'],
    [5.1, 5, 'not_met'],
    [null, 5, 'no_data'],
    [3, undefined, 'none'],
  ] as const)('value %s against %s is %s', (value, limit, expected) => {
    expect(verdict(value, limit)).toBe(expected)
  })

  it('judges both standards', () => {
    expect(
      standardVerdicts(
        { avgWorkingDaysToRespond: 9, upheldOrPartlyPct: 20 },
        { responseWorkingDays: 8, maxUpheldPct: 20 },
      ),
    ).toEqual({ responseVerdict: 'not_met', upheldVerdict: 'met' })
    expect(standardVerdicts({ avgWorkingDaysToRespond: 9, upheldOrPartlyPct: 20 }, null)).toEqual({
      responseVerdict: 'none',
      upheldVerdict: 'none',
    })
  })

  it('cleans a contractor name, blank meaning none', () => {
    expect(cleanContractor('  Acme   Repairs ')).toBe('Acme Repairs')
    expect(cleanContractor('   ')).toBeNull()
    expect(cleanContractor(null)).toBeNull()
  })
})

describe('per-contractor figures', () => {
  const stage = (overrides: Partial<ContractorStageRow>): ContractorStageRow => ({
    contractor: 'Acme',
    receivedOn: '2026-05-01',
    declinedAtStage1: false,
    startedOn: '2026-05-01',
    responseDue: '2026-05-15',
    extensionWorkingDays: 0,
    extensionsValid: true,
    respondedOn: null,
    outcome: null,
    ...overrides,
  })
  const o = { from: '2026-04-01', to: '2026-06-30', runDate: '2026-07-01', nonWorkingDays: new Set<string>() }

  it('counts received, responses, upheld, within the Code, days, commitments and compensation', () => {
    const [acme, bolt] = contractorReport(
      {
        stages: [
          // Friday 1 May to Friday 15 May: 10 working days, on its due date.
          stage({ respondedOn: '2026-05-15', outcome: 'upheld' }),
          // Late: answered after its due date.
          stage({ respondedOn: '2026-05-18', outcome: 'not_upheld' }),
          // Extended, invalid extension: late everywhere (EXT-4).
          stage({
            responseDue: '2026-05-29',
            extensionWorkingDays: 5,
            extensionsValid: false,
            respondedOn: '2026-05-20',
            outcome: 'partly_upheld',
          }),
          // Received before the period, answered in it: a response but not received.
          stage({
            receivedOn: '2026-03-20',
            startedOn: '2026-03-20',
            responseDue: '2026-04-03',
            respondedOn: '2026-04-02',
            outcome: 'not_upheld',
          }),
          // Declined at Stage 1: out of every figure.
          stage({ declinedAtStage1: true, respondedOn: '2026-05-05', outcome: 'upheld' }),
          // Still open.
          stage({}),
        ],
        commitments: [
          {
            contractor: 'Acme',
            originalDueOn: '2026-05-10',
            completedOn: '2026-05-10',
            status: 'done',
            cancellationApproved: false,
          },
          {
            contractor: 'Acme',
            originalDueOn: '2026-05-10',
            completedOn: '2026-05-11',
            status: 'done',
            cancellationApproved: false,
          },
          {
            contractor: 'Acme',
            originalDueOn: '2026-05-10',
            completedOn: null,
            status: 'open',
            cancellationApproved: false,
          },
          {
            contractor: 'Acme',
            originalDueOn: '2026-05-10',
            completedOn: null,
            status: 'cancelled',
            cancellationApproved: true,
          },
          {
            contractor: 'Acme',
            originalDueOn: '2026-07-10',
            completedOn: null,
            status: 'open',
            cancellationApproved: false,
          },
        ],
        payments: [
          { contractor: 'Acme', paidOn: '2026-06-01', amountPence: 5000 },
          { contractor: 'Acme', paidOn: '2026-03-01', amountPence: 9999 },
          { contractor: 'Bolt', paidOn: '2026-06-01', amountPence: 100 },
        ],
        standards: { Acme: { responseWorkingDays: 11, maxUpheldPct: 50 }, Zed: {} },
      },
      o,
    )
    expect(acme).toMatchObject({
      contractor: 'Acme',
      received: 4,
      stage1Responses: 4,
      upheldOrPartlyPct: 50,
      withinCodePct: 50,
      commitmentsDue: 3,
      commitmentsOnTime: 1,
      commitmentsOnTimePct: 33.3,
      compensationPaidPence: 5000,
      responseVerdict: 'met',
      upheldVerdict: 'met',
    })
    // 10, 11, 13 and 9 working days.
    expect(acme?.avgWorkingDaysToRespond).toBe(10.8)
    expect(bolt).toMatchObject({
      contractor: 'Bolt',
      stage1Responses: 0,
      upheldOrPartlyPct: null,
      compensationPaidPence: 100,
      responseVerdict: 'none',
    })
  })

  it('lists a contractor with a standard but nothing in the period, with no data to judge', () => {
    const [zed] = contractorReport(
      { stages: [], commitments: [], payments: [], standards: { Zed: { maxUpheldPct: 10 } } },
      o,
    )
    expect(zed).toMatchObject({ contractor: 'Zed', received: 0, upheldVerdict: 'no_data', responseVerdict: 'none' })
  })
})

describe('cost of complaint handling', () => {
  it('prices minutes at the hourly cost to the penny', () => {
    expect(handlingCostPence(90, 3000)).toBe(4500)
    expect(handlingCostPence(1, 3000)).toBe(50)
    expect(handlingCostPence(7, 1000)).toBe(117)
    expect(handlingCostPence(0, 3000)).toBe(0)
  })

  it('reads the hourly cost, £30 by default', () => {
    expect(hourlyCost(4500)).toBe(4500)
    expect(hourlyCost(undefined)).toBe(3000)
    expect(hourlyCost(0)).toBe(3000)
    expect(hourlyCost(12.5)).toBe(3000)
  })

  it('adds handling time and compensation per case and per service area', () => {
    const cost = complaintHandlingCost(
      [
        { complaintId: 'a', serviceArea: 'repairs', handlingMinutes: 120 },
        { complaintId: 'b', serviceArea: 'repairs', handlingMinutes: 30 },
        { complaintId: 'c', serviceArea: 'tenancy', handlingMinutes: 0 },
      ],
      [
        { complaintId: 'a', amountPence: 10000 },
        { complaintId: 'a', amountPence: 2500 },
        { complaintId: 'c', amountPence: 1 },
        { complaintId: 'elsewhere', amountPence: 99999 },
      ],
      3000,
    )
    expect(cost.overall).toEqual({
      cases: 3,
      handlingMinutes: 150,
      handlingCostPence: 7500,
      compensationPence: 12501,
      totalPence: 20001,
      perCasePence: 6667,
    })
    expect(cost.byServiceArea).toEqual([
      {
        serviceArea: 'repairs',
        cases: 2,
        handlingMinutes: 150,
        handlingCostPence: 7500,
        compensationPence: 12500,
        totalPence: 20000,
        perCasePence: 10000,
      },
      {
        serviceArea: 'tenancy',
        cases: 1,
        handlingMinutes: 0,
        handlingCostPence: 0,
        compensationPence: 1,
        totalPence: 1,
        perCasePence: 1,
      },
    ])
  })

  it('has no average without cases', () => {
    expect(complaintHandlingCost([], [], 3000).overall.perCasePence).toBeNull()
  })

  it.each([
    ['', { ok: true, minutes: 0 }],
    ['1', { ok: true, minutes: 1 }],
    [' 1440 ', { ok: true, minutes: 1440 }],
    ['0', { ok: false, key: 'staff-errors:reports.minutes' }],
    ['1441', { ok: false, key: 'staff-errors:reports.minutes' }],
    ['1.5', { ok: false, key: 'staff-errors:reports.minutes' }],
    ['-3', { ok: false, key: 'staff-errors:reports.minutes' }],
  ])('reads minutes %j', (input, expected) => {
    expect(validateMinutes(input)).toEqual(expected)
  })
})

describe('anonymised repeat case studies', () => {
  const row = (residentId: string, overrides: Partial<RepeatComplaintRow> = {}): RepeatComplaintRow => ({
    residentId,
    serviceArea: 'repairs',
    receivedOn: '2026-03-14',
    stageReached: 1,
    outcome: 'upheld',
    ...overrides,
  })
  const o = { from: '2025-12-06', to: '2026-12-06' }

  it('labels A, B, … Z, AA, AB', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(caseStudyLabel)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA'])
  })

  it('keeps residents with two or more complaints in the window, most first, with counts and months only', () => {
    const studies = repeatCaseStudies(
      [
        row('r1'),
        row('r1', { serviceArea: 'damp_mould', receivedOn: '2026-04-02', stageReached: 2, outcome: 'not_upheld' }),
        row('r2'),
        row('r2', { receivedOn: '2026-03-01', outcome: null }),
        row('r2', { receivedOn: '2026-05-30' }),
        row('r3'),
        // Outside the window: does not count.
        row('r3', { receivedOn: '2025-12-05' }),
      ],
      o,
    )
    expect(studies).toEqual([
      {
        label: 'A',
        complaints: 3,
        byServiceArea: [{ serviceArea: 'repairs', count: 3 }],
        stagesReached: [{ stage: 1, count: 3 }],
        outcomes: [
          { outcome: 'upheld', count: 2 },
          { outcome: 'open', count: 1 },
        ],
        months: ['2026-03', '2026-05'],
      },
      {
        label: 'B',
        complaints: 2,
        byServiceArea: [
          { serviceArea: 'damp_mould', count: 1 },
          { serviceArea: 'repairs', count: 1 },
        ],
        stagesReached: [
          { stage: 1, count: 1 },
          { stage: 2, count: 1 },
        ],
        outcomes: [
          { outcome: 'not_upheld', count: 1 },
          { outcome: 'upheld', count: 1 },
        ],
        months: ['2026-03', '2026-04'],
      },
    ])
    expect(JSON.stringify(studies)).not.toMatch(/r1|r2|r3|2026-03-14/)
  })

  it('keeps at most the limit', () => {
    const rows = ['a', 'b', 'c'].flatMap((id) => [row(id), row(id)])
    expect(repeatCaseStudies(rows, { ...o, limit: 2 })).toHaveLength(2)
    expect(repeatCaseStudies(rows, { ...o, minimum: 3 })).toHaveLength(0)
  })
})
