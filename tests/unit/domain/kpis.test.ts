// Every KPI and KPM of kpis.md, checked against that file's own examples and conventions (C1–C9),
// and against the TSM edge cases of complaint-handling-code.md §11. Dates use the real England and
// Wales calendar, so the expected dates below are the reference's worked examples (E1…E10).
import { describe, expect, it } from 'vitest'
import { workingCalendar } from '~/domain/calendar'
import type { Decision } from '~/domain/complaints/case'
import { flattenKpis, kpiCsv } from '~/domain/kpi-report'
import {
  average,
  computeKpis,
  contractKeys,
  factsWindowStart,
  financialYearStart,
  kpiTargets,
  kpmRows,
  monthsBetween,
  percent,
  kpiTrend,
  previousYear,
  rag,
  repeatComplaintIds,
  tsmYear,
  type KpiCommitmentFacts,
  type KpiComplaintFacts,
  type KpiFacts,
  type KpiOptions,
  type KpiStageFacts,
  type KpiTarget,
} from '~/domain/kpis'
import { addCalendarDays, addWorkingDays, englandAndWalesBankHolidays, type IsoDate } from '~/domain/working-days'

const calendar = workingCalendar(englandAndWalesBankHolidays(2024, 2028))
const wd = (date: IsoDate, n: number) => addWorkingDays(date, n, calendar.nonWorkingDays)

// ---- Fact builders ---------------------------------------------------------------------------

interface StageSpec {
  ackOn?: IsoDate | null
  respondedOn?: IsoDate | null
  /** The stored due date in force; by default computed like the app does (S1-5, S2-5, EXT-3). */
  responseDue?: IsoDate
  extensionWorkingDays?: number
  extensionsValid?: boolean
  outcome?: Decision | null
  decisionChanged?: boolean | null
}

function stageFacts(startedOn: IsoDate, responseWorkingDays: number, spec: StageSpec = {}): KpiStageFacts {
  const acknowledgementDue = wd(startedOn, 5)
  const acknowledgedOn = spec.ackOn ?? null
  const extensionWorkingDays = spec.extensionWorkingDays ?? 0
  const respondedOn = spec.respondedOn ?? null
  return {
    startedOn,
    acknowledgementDue,
    acknowledgedOn,
    responseDue:
      spec.responseDue ?? wd(wd(acknowledgedOn ?? acknowledgementDue, responseWorkingDays), extensionWorkingDays),
    extensionWorkingDays,
    extensionsValid: spec.extensionsValid ?? true,
    respondedOn,
    outcome: spec.outcome ?? (respondedOn ? 'not_upheld' : null),
    decisionChanged: spec.decisionChanged ?? null,
  }
}

interface ComplaintSpec extends Partial<Omit<KpiComplaintFacts, 'stage1' | 'stage2'>> {
  receivedOn: IsoDate
  s1?: StageSpec
  s2?: (StageSpec & { escalatedOn: IsoDate }) | null
}

let nextId = 0
function complaint(spec: ComplaintSpec): KpiComplaintFacts {
  nextId += 1
  const { s1, s2, ...rest } = spec
  const id = rest.id ?? `c${nextId}`
  return {
    residentId: `resident-${id}`,
    category: 'repairs',
    team: 'north',
    handlerId: 'h1',
    receivedAt: `${spec.receivedOn}T10:00:00.000Z`,
    earlyResolution: false,
    decline: null,
    withdrawnOn: null,
    nonResident: false,
    splitFrom: null,
    ...rest,
    id,
    stage1: stageFacts(spec.receivedOn, 10, s1),
    stage2: s2 ? stageFacts(s2.escalatedOn, 20, s2) : null,
  }
}

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i))

function facts(over: Partial<KpiFacts> = {}): KpiFacts {
  return {
    complaints: [],
    commitments: [],
    qaReviews: [],
    surveyAnswers: [],
    payments: [],
    ombudsmanCases: [],
    improvements: [],
    perception: [],
    ...over,
  }
}

const MAY: Pick<KpiOptions, 'from' | 'to'> = { from: '2026-05-01', to: '2026-05-31' }

function run(over: Partial<KpiFacts>, options: Partial<KpiOptions> = {}) {
  return computeKpis(facts(over), {
    ...MAY,
    runDate: '2028-12-31',
    calendar,
    homes: null,
    compensationBudgetPence: null,
    ...options,
  })
}

const kpisOf = (complaints: KpiComplaintFacts[], options: Partial<KpiOptions> = {}) => run({ complaints }, options)

function commitment(over: Partial<KpiCommitmentFacts> & { originalDueOn: IsoDate }): KpiCommitmentFacts {
  return {
    complaintId: 'none',
    stage: 1,
    completedOn: null,
    status: 'open',
    cancellationApproved: false,
    ...over,
  }
}

/** Received Thu 23 Apr 2026, acknowledged Thu 30 Apr: response due Fri 15 May (E8). */
const e8 = (s1: StageSpec = {}, extra: Partial<ComplaintSpec> = {}) =>
  complaint({ receivedOn: '2026-04-23', s1: { ackOn: '2026-04-30', ...s1 }, ...extra })

/** Escalated Fri 28 Aug 2026, acknowledged early Wed 2 Sep: S2 response due Wed 30 Sep (E7). */
const e7 = (s2: StageSpec = {}) =>
  complaint({
    receivedOn: '2026-07-20',
    s1: { ackOn: '2026-07-21', respondedOn: '2026-08-03' },
    s2: { escalatedOn: '2026-08-28', ackOn: '2026-09-02', ...s2 },
  })

// ---- The fixtures agree with the reference's worked examples -----------------------------------

describe('fixtures use the real working calendar', () => {
  it('reproduces E8 (response due Fri 15 May 2026, +5 → Fri 22 May, +5 → Mon 1 Jun)', () => {
    const c = e8()
    expect(c.stage1.acknowledgementDue).toBe('2026-04-30')
    expect(c.stage1.responseDue).toBe('2026-05-15')
    expect(e8({ extensionWorkingDays: 5 }).stage1.responseDue).toBe('2026-05-22')
    expect(e8({ extensionWorkingDays: 10 }).stage1.responseDue).toBe('2026-06-01')
  })

  it('reproduces E6 and E7 at Stage 2', () => {
    const e6 = complaint({ receivedOn: '2026-11-02', s2: { escalatedOn: '2026-12-24' } })
    expect(e6.stage2?.acknowledgementDue).toBe('2027-01-05')
    const c = e7()
    expect(c.stage2?.acknowledgementDue).toBe('2026-09-07')
    expect(c.stage2?.responseDue).toBe('2026-09-30')
  })
})

// ---- C2: percentages and averages --------------------------------------------------------------

describe('C2 percent and average', () => {
  it('gives one decimal with halves rounded up (1/16 → 6.3)', () => {
    expect(percent(1, 16)).toBe(6.3)
    expect(percent(1, 8)).toBe(12.5)
    expect(percent(2, 3)).toBe(66.7)
    expect(percent(38, 40)).toBe(95)
  })

  it('is null when the denominator is 0, and may exceed 100 or be negative', () => {
    expect(percent(0, 0)).toBeNull()
    expect(percent(3, 0)).toBeNull()
    expect(percent(0, 5)).toBe(0)
    expect(percent(3, 2)).toBe(150)
    expect(percent(-2, 8)).toBe(-25)
  })

  it('averages to one decimal, halves rounded up, null when empty', () => {
    expect(average([8, 12, 15])).toBe(11.7)
    expect(average([18, 25])).toBe(21.5)
    expect(average([1, 2, 2, 2])).toBe(1.8)
    expect(average([])).toBeNull()
  })
})

// ---- Volumes ----------------------------------------------------------------------------------

describe('stage1Received', () => {
  it('52 logged, 2 declined → 50', () => {
    const logged = times(50, (i) => complaint({ receivedOn: i % 2 ? '2026-05-05' : '2026-05-18' }))
    const declined = times(2, () =>
      complaint({ receivedOn: '2026-05-06', decline: { stage: 1, on: '2026-05-08', ground: 'over_12_months' } }),
    )
    const k = kpisOf([...logged, ...declined])
    expect(k.stage1Received).toBe(50)
    expect(k.excludedCount).toBe(2)
  })

  it('C1: the period is inclusive at both ends, by received date', () => {
    const k = kpisOf(
      ['2026-04-30', '2026-05-01', '2026-05-31', '2026-06-01'].map((receivedOn) => complaint({ receivedOn })),
    )
    expect(k.stage1Received).toBe(2)
  })
})

describe('stage2Received', () => {
  it('counts escalations by escalation date; refused escalations are excluded (12)', () => {
    const escalated = (escalatedOn: IsoDate, extra: Partial<ComplaintSpec> = {}) =>
      complaint({
        receivedOn: '2026-03-02',
        s1: { ackOn: '2026-03-03', respondedOn: '2026-03-16' },
        s2: { escalatedOn },
        ...extra,
      })
    const k = kpisOf([
      ...times(12, () => escalated('2026-05-12')),
      escalated('2026-05-13', { decline: { stage: 2, on: '2026-05-15', ground: 'already_considered' } }),
      escalated('2026-04-30'),
      escalated('2026-06-01'),
    ])
    expect(k.stage2Received).toBe(12)
    expect(k.stage1Received).toBe(0)
    expect(k.excludedCount).toBe(1)
  })
})

describe('earlyResolutions (DEF-6)', () => {
  it('counts Stage 1 complaints with earlyResolution by received date (9), inside stage1Received', () => {
    const early = (receivedOn: IsoDate) =>
      complaint({ receivedOn, earlyResolution: true, s1: { respondedOn: wd(receivedOn, 1), outcome: 'upheld' } })
    const k = kpisOf([
      ...times(9, () => early('2026-05-11')),
      ...times(41, () => complaint({ receivedOn: '2026-05-12' })),
      early('2026-04-29'),
    ])
    expect(k.earlyResolutions).toBe(9)
    expect(k.stage1Received).toBe(50)
  })

  it('takes the ack date to be the response date when one letter was both', () => {
    // Received Tue 5 May 2026: ack due Tue 12 May.
    const onDue = complaint({ receivedOn: '2026-05-05', earlyResolution: true, s1: { respondedOn: '2026-05-12' } })
    expect(onDue.stage1.acknowledgementDue).toBe('2026-05-12')
    const k1 = kpisOf([onDue])
    expect(k1.stage1AckOnTimePct).toBe(100)
    expect(k1.stage1ResponseOnTimePct).toBe(100)
    expect(k1.stage1WithinCodePct).toBe(100)

    const dayAfter = complaint({ receivedOn: '2026-05-05', earlyResolution: true, s1: { respondedOn: '2026-05-13' } })
    const k2 = kpisOf([dayAfter])
    expect(k2.stage1AckOnTimePct).toBe(0)
    // The response clock starts at that same letter, so the response itself is on time.
    expect(k2.stage1ResponseOnTimePct).toBe(100)
  })
})

// ---- Acknowledgements -------------------------------------------------------------------------

describe('stage1AckOnTimePct', () => {
  it('38 ÷ 40 → 95.0', () => {
    const k = kpisOf([
      ...times(38, () => complaint({ receivedOn: '2026-05-05', s1: { ackOn: '2026-05-12' } })),
      ...times(2, () => complaint({ receivedOn: '2026-05-05', s1: { ackOn: '2026-05-13' } })),
    ])
    expect(k.stage1AckOnTimePct).toBe(95)
  })

  it('WD-4: the due day itself is on time, the day after is late', () => {
    expect(kpisOf([complaint({ receivedOn: '2026-05-05', s1: { ackOn: '2026-05-12' } })]).stage1AckOnTimePct).toBe(100)
    expect(kpisOf([complaint({ receivedOn: '2026-05-05', s1: { ackOn: '2026-05-13' } })]).stage1AckOnTimePct).toBe(0)
  })

  it('E1: received before a bank holiday weekend, acknowledged on Mon 1 Jun 2026 is on time', () => {
    const c = complaint({ receivedOn: '2026-05-22', s1: { ackOn: '2026-06-01' } })
    expect(c.stage1.acknowledgementDue).toBe('2026-06-01')
    expect(kpisOf([c], { from: '2026-06-01', to: '2026-06-30' }).stage1AckOnTimePct).toBe(100)
  })

  it('is windowed by ack date: received before `from` and acked inside counts; acked after `to` does not', () => {
    // Received Tue 28 Apr (ack due Wed 6 May, skipping 4 May): acknowledged late on 7 May.
    const spanning = complaint({ receivedOn: '2026-04-28', s1: { ackOn: '2026-05-07' } })
    expect(spanning.stage1.acknowledgementDue).toBe('2026-05-06')
    // Received Wed 27 May, acknowledged on time in June.
    const later = complaint({ receivedOn: '2026-05-27', s1: { ackOn: '2026-06-02' } })
    const k = kpisOf([spanning, later])
    expect(k.stage1AckOnTimePct).toBe(0)
    expect(k.stage1Received).toBe(1)
  })

  it('is null when no acknowledgement was sent in the period', () => {
    expect(kpisOf([complaint({ receivedOn: '2026-05-27' })]).stage1AckOnTimePct).toBeNull()
  })
})

describe('stage2AckOnTimePct', () => {
  it('12 ÷ 12 → 100.0 (E7: acknowledged early)', () => {
    const k = kpisOf(
      times(12, () => e7()),
      { from: '2026-09-01', to: '2026-09-30' },
    )
    expect(k.stage2AckOnTimePct).toBe(100)
  })

  it('E6: acknowledged on Tue 5 Jan 2027 is on time, Wed 6 Jan is late', () => {
    const s2 = (ackOn: IsoDate) =>
      complaint({
        receivedOn: '2026-11-02',
        s1: { ackOn: '2026-11-03', respondedOn: '2026-11-16' },
        s2: { escalatedOn: '2026-12-24', ackOn },
      })
    const k = kpisOf([s2('2027-01-05'), s2('2027-01-06')], { from: '2027-01-01', to: '2027-01-31' })
    expect(k.stage2AckOnTimePct).toBe(50)
  })
})

// ---- Responses --------------------------------------------------------------------------------

describe('stage1ResponseOnTimePct and stage1WithinCodePct', () => {
  it('20 responses: 17 in 10 WD, 2 in a valid extension, 1 late → 85.0 and 95.0', () => {
    const k = kpisOf([
      ...times(17, () => e8({ respondedOn: '2026-05-15' })),
      ...times(2, () => e8({ extensionWorkingDays: 5, responseDue: '2026-05-22', respondedOn: '2026-05-22' })),
      e8({ respondedOn: '2026-05-18' }),
    ])
    expect(k.stage1ResponseOnTimePct).toBe(85)
    expect(k.stage1WithinCodePct).toBe(95)
    expect(k.stage1ExtendedPct).toBe(10)
  })

  it('WD-4: responding on the due date is on time; on the Saturday after a Friday due date is late', () => {
    const onTime = kpisOf([e8({ respondedOn: '2026-05-15' })])
    expect(onTime.stage1ResponseOnTimePct).toBe(100)
    expect(onTime.stage1WithinCodePct).toBe(100)
    const late = kpisOf([e8({ respondedOn: '2026-05-16' })])
    expect(late.stage1ResponseOnTimePct).toBe(0)
    expect(late.stage1WithinCodePct).toBe(0)
  })

  it('an extension used exactly to its new date is within the Code, the next day is not', () => {
    const ext = (respondedOn: IsoDate) => e8({ extensionWorkingDays: 5, responseDue: '2026-05-22', respondedOn })
    const exact = kpisOf([ext('2026-05-22')])
    expect(exact.stage1WithinCodePct).toBe(100)
    expect(exact.stage1ResponseOnTimePct).toBe(0)
    expect(kpisOf([ext('2026-05-23')]).stage1WithinCodePct).toBe(0)
  })

  it('E8: two valid extensions to Mon 1 Jun 2026, used exactly, are within the Code', () => {
    const c = e8({ extensionWorkingDays: 10, responseDue: '2026-06-01', respondedOn: '2026-06-01' })
    const k = kpisOf([c], { from: '2026-06-01', to: '2026-06-30' })
    expect(k.stage1WithinCodePct).toBe(100)
    expect(k.stage1ResponseOnTimePct).toBe(0)
    expect(k.stage1ExtendedPct).toBe(100)
  })

  it('EXT-4: a response inside an invalid extension is late in both measures', () => {
    const k = kpisOf([
      e8({ extensionWorkingDays: 5, extensionsValid: false, responseDue: '2026-05-22', respondedOn: '2026-05-20' }),
    ])
    expect(k.stage1WithinCodePct).toBe(0)
    expect(k.stage1ResponseOnTimePct).toBe(0)
    expect(k.stage1ExtendedPct).toBe(100)
  })

  it('EXT-4: an invalid extension is late for WithinCode even if sent before the old date; ResponseOnTime ignores extensions', () => {
    const k = kpisOf([
      e8({ extensionWorkingDays: 5, extensionsValid: false, responseDue: '2026-05-22', respondedOn: '2026-05-14' }),
      e8({ respondedOn: '2026-05-14' }),
    ])
    expect(k.stage1ResponseOnTimePct).toBe(100)
    expect(k.stage1WithinCodePct).toBe(50)
  })

  it('S1-5: a late acknowledgement starts the 10 WD from the actual ack (late in the ack KPI only)', () => {
    // Ack due Thu 30 Apr, sent Wed 6 May → response due Wed 20 May (not Fri 15 May).
    const c = complaint({ receivedOn: '2026-04-23', s1: { ackOn: '2026-05-06', respondedOn: '2026-05-20' } })
    expect(c.stage1.responseDue).toBe('2026-05-20')
    const k = kpisOf([c])
    expect(k.stage1AckOnTimePct).toBe(0)
    expect(k.stage1ResponseOnTimePct).toBe(100)
    expect(k.stage1WithinCodePct).toBe(100)
  })

  it('ResponseOnTime counts 10 WD from the actual ack, not the stored due date', () => {
    // Stored due wrongly left at a later date: ResponseOnTime still uses ack + 10 WD (Fri 15 May).
    const k = kpisOf([e8({ responseDue: '2026-05-20', respondedOn: '2026-05-19' })])
    expect(k.stage1ResponseOnTimePct).toBe(0)
    expect(k.stage1WithinCodePct).toBe(100)
  })

  it('is windowed by response date: received before `from`, responded inside → counted in responses, not in received', () => {
    const k = kpisOf([e8({ respondedOn: '2026-05-15' }), e8({ respondedOn: '2026-06-01' })])
    expect(k.stage1Received).toBe(0)
    expect(k.stage1ResponseOnTimePct).toBe(100)
    expect(k.stage1UpheldPct).toBe(0)
    expect(k.stage1NotUpheldPct).toBe(100)
  })

  it('is null when there are no responses in the period', () => {
    const k = kpisOf([e8()])
    expect(k.stage1ResponseOnTimePct).toBeNull()
    expect(k.stage1WithinCodePct).toBeNull()
    expect(k.stage1ExtendedPct).toBeNull()
    expect(k.stage1UpheldPct).toBeNull()
    expect(k.avgWorkingDaysToRespondStage1).toBeNull()
  })
})

describe('stage2ResponseOnTimePct and stage2WithinCodePct', () => {
  const autumn = { from: '2026-09-01', to: '2026-10-31' }

  it('9 ÷ 10 → 90.0 (E7: due Wed 30 Sep; 1 Oct is late)', () => {
    const k = kpisOf([...times(9, () => e7({ respondedOn: '2026-09-30' })), e7({ respondedOn: '2026-10-01' })], autumn)
    expect(k.stage2ResponseOnTimePct).toBe(90)
    expect(k.stage2WithinCodePct).toBe(90)
  })

  it('S2-5: counts 20 WD from the S2 ack (15 WD is on time), and E7 is due 30 Sep, not Mon 5 Oct', () => {
    const k = kpisOf(
      [e7({ respondedOn: '2026-09-23' }), e7({ responseDue: '2026-10-05', respondedOn: '2026-10-02' })],
      autumn,
    )
    expect(k.stage2ResponseOnTimePct).toBe(50)
    expect(k.stage2WithinCodePct).toBe(100)
  })

  it('a valid 20 WD extension to Wed 28 Oct is within the Code, not on time', () => {
    const c = e7({ extensionWorkingDays: 20, respondedOn: '2026-10-28' })
    expect(c.stage2?.responseDue).toBe('2026-10-28')
    const k = kpisOf([c], autumn)
    expect(k.stage2WithinCodePct).toBe(100)
    expect(k.stage2ResponseOnTimePct).toBe(0)
  })

  it('an invalid extension at Stage 2 is late within the Code', () => {
    const k = kpisOf([e7({ extensionWorkingDays: 20, extensionsValid: false, respondedOn: '2026-10-28' })], autumn)
    expect(k.stage2WithinCodePct).toBe(0)
  })
})

describe('stage1ExtendedPct and stage2ExtendedPct', () => {
  it('1 ÷ 20 → 5.0, an invalid extension counts as extended too', () => {
    const k = kpisOf([
      ...times(19, () => e8({ respondedOn: '2026-05-14' })),
      e8({ extensionWorkingDays: 5, extensionsValid: false, respondedOn: '2026-05-21' }),
    ])
    expect(k.stage1ExtendedPct).toBe(5)
  })

  it('Stage 2 on its own responses: 1 ÷ 4 → 25.0', () => {
    const k = kpisOf(
      [
        ...times(3, () => e7({ respondedOn: '2026-09-25' })),
        e7({ extensionWorkingDays: 5, respondedOn: '2026-10-06' }),
      ],
      { from: '2026-09-01', to: '2026-10-31' },
    )
    expect(k.stage2ExtendedPct).toBe(25)
    expect(k.stage1ExtendedPct).toBeNull()
  })
})

// ---- Overdue (C6) -----------------------------------------------------------------------------

describe('overdueOpenAtEnd', () => {
  it('due Fri 15 May 2026, unsent: `to` = Thu 14 May → 0; `to` = Fri 15 May → 1', () => {
    const c = e8()
    expect(kpisOf([c], { to: '2026-05-14' }).overdueOpenAtEnd).toBe(0)
    expect(kpisOf([c], { to: '2026-05-15' }).overdueOpenAtEnd).toBe(1)
  })

  it('counts an unsent acknowledgement overdue once its due date is on or before `to`', () => {
    // Received Tue 5 May: ack due Tue 12 May.
    const c = complaint({ receivedOn: '2026-05-05' })
    expect(kpisOf([c], { to: '2026-05-11' }).overdueOpenAtEnd).toBe(0)
    expect(kpisOf([c], { to: '2026-05-12' }).overdueOpenAtEnd).toBe(1)
  })

  it('counts cases, not steps: unsent ack and response of one case → 1', () => {
    const c = complaint({ receivedOn: '2026-04-01' })
    expect(c.stage1.acknowledgementDue).toBe('2026-04-10')
    expect(kpisOf([c]).overdueOpenAtEnd).toBe(1)
  })

  it('is as at `to`: a response sent after `to` still leaves the step overdue', () => {
    expect(kpisOf([e8({ respondedOn: '2026-06-01' })]).overdueOpenAtEnd).toBe(1)
    expect(kpisOf([e8({ respondedOn: '2026-05-29' })]).overdueOpenAtEnd).toBe(0)
  })

  it('counts overdue Stage 2 steps', () => {
    const c = complaint({
      receivedOn: '2026-03-02',
      s1: { ackOn: '2026-03-03', respondedOn: '2026-03-16' },
      s2: { escalatedOn: '2026-05-05' },
    })
    expect(kpisOf([c], { to: '2026-05-11' }).overdueOpenAtEnd).toBe(0)
    expect(kpisOf([c], { to: '2026-05-12' }).overdueOpenAtEnd).toBe(1)
  })

  it('excludes cases withdrawn by `to` and declined cases; withdrawn after `to` still counts', () => {
    const k = kpisOf([
      e8({}, { withdrawnOn: '2026-05-20' }),
      e8({}, { withdrawnOn: '2026-05-31' }),
      e8({}, { decline: { stage: 1, on: '2026-06-02', ground: 'other' } }),
      e8({}, { withdrawnOn: '2026-06-01' }),
    ])
    expect(k.overdueOpenAtEnd).toBe(1)
  })

  it('ignores cases received after `to`', () => {
    // Received Mon 1 Jun 2026: ack due Mon 8 Jun.
    const june = complaint({ receivedOn: '2026-06-01' })
    expect(kpisOf([june]).overdueOpenAtEnd).toBe(0)
    expect(kpisOf([june], { from: '2026-06-01', to: '2026-06-30' }).overdueOpenAtEnd).toBe(1)
  })
})

describe('stage1OverduePct and stage2OverduePct', () => {
  it('3 ÷ 30 → 10.0 over cases open at Stage 1 at the end of `to`', () => {
    const k = kpisOf([
      ...times(27, () => complaint({ receivedOn: '2026-05-20', s1: { ackOn: '2026-05-21' } })),
      ...times(3, () => e8()),
      e8({ respondedOn: '2026-05-15' }), // closed: not open
      e8({}, { withdrawnOn: '2026-05-29' }), // withdrawn: not open
      complaint({ receivedOn: '2026-06-01' }), // not yet received
    ])
    expect(k.stage1OverduePct).toBe(10)
    expect(k.overdueOpenAtEnd).toBe(3)
  })

  it('Stage 2 from the escalation: 1 ÷ 4 → 25.0; refused escalations and S2 responses are not open', () => {
    const s2 = (escalatedOn: IsoDate, spec: StageSpec = {}, extra: Partial<ComplaintSpec> = {}) =>
      complaint({
        receivedOn: '2026-03-02',
        s1: { ackOn: '2026-03-03', respondedOn: '2026-03-16' },
        s2: { escalatedOn, ...spec },
        ...extra,
      })
    const k = kpisOf([
      s2('2026-05-05'), // ack due 12 May, unsent → overdue
      ...times(3, () => s2('2026-05-26', { ackOn: '2026-05-27' })),
      s2('2026-04-20', { ackOn: '2026-04-21', respondedOn: '2026-05-18' }),
      s2('2026-05-05', {}, { decline: { stage: 2, on: '2026-05-07', ground: 'other' } }),
    ])
    expect(k.stage2OverduePct).toBe(25)
    expect(k.stage1OverduePct).toBeNull()
    expect(k.overdueOpenAtEnd).toBe(1)
  })

  it('is null when nothing is open', () => {
    const k = kpisOf([e8({ respondedOn: '2026-05-15' })])
    expect(k.stage1OverduePct).toBeNull()
    expect(k.stage2OverduePct).toBeNull()
    expect(k.overdueOpenAtEnd).toBe(0)
  })
})

// ---- Days to respond --------------------------------------------------------------------------

describe('average working days to respond', () => {
  const june = { from: '2026-06-01', to: '2026-06-30' }

  it('Stage 1: 8, 12, 15 → 11.7 from the received date', () => {
    const k = kpisOf(
      [
        complaint({ receivedOn: '2026-06-08', s1: { ackOn: '2026-06-09', respondedOn: '2026-06-18' } }),
        complaint({ receivedOn: '2026-06-08', s1: { ackOn: '2026-06-09', respondedOn: '2026-06-24' } }),
        complaint({ receivedOn: '2026-06-08', s1: { ackOn: '2026-06-09', respondedOn: '2026-06-29' } }),
        complaint({ receivedOn: '2026-06-08', s1: { ackOn: '2026-06-09', respondedOn: '2026-07-01' } }),
      ],
      june,
    )
    expect(k.avgWorkingDaysToRespondStage1).toBe(11.7)
  })

  it('WD-5: skips bank holidays (Fri 22 May → Mon 1 Jun 2026 = 5)', () => {
    const k = kpisOf(
      [complaint({ receivedOn: '2026-05-22', s1: { ackOn: '2026-05-26', respondedOn: '2026-06-01' } })],
      june,
    )
    expect(k.avgWorkingDaysToRespondStage1).toBe(5)
  })

  it('Stage 2: 18, 25 → 21.5 from the escalation received date', () => {
    const s2 = (respondedOn: IsoDate) =>
      complaint({
        receivedOn: '2026-04-20',
        s1: { ackOn: '2026-04-21', respondedOn: '2026-05-05' },
        s2: { escalatedOn: '2026-06-01', ackOn: '2026-06-03', respondedOn },
      })
    const k = kpisOf([s2('2026-06-25'), s2('2026-07-06'), s2('2026-08-03')], { from: '2026-06-01', to: '2026-07-31' })
    expect(k.avgWorkingDaysToRespondStage2).toBe(21.5)
    expect(k.avgWorkingDaysToRespondStage1).toBeNull()
  })
})

// ---- Outcomes and escalation ------------------------------------------------------------------

describe('escalationRatePct', () => {
  const responded = (escalatedOn?: IsoDate) =>
    complaint({
      receivedOn: '2026-04-13',
      s1: { ackOn: '2026-04-14', respondedOn: '2026-05-05' },
      s2: escalatedOn ? { escalatedOn } : null,
    })

  it('12 ÷ 60 → 20.0', () => {
    const k = kpisOf([...times(12, () => responded('2026-05-12')), ...times(48, () => responded())])
    expect(k.escalationRatePct).toBe(20)
  })

  it('is not capped at 100: escalations of April responses over May responses', () => {
    const april = () =>
      complaint({
        receivedOn: '2026-03-02',
        s1: { ackOn: '2026-03-03', respondedOn: '2026-04-13' },
        s2: { escalatedOn: '2026-05-06' },
      })
    const k = kpisOf([april(), april(), april(), responded(), responded()])
    expect(k.escalationRatePct).toBe(150)
  })

  it('is null without S1 responses in the period', () => {
    const k = kpisOf([
      complaint({
        receivedOn: '2026-03-02',
        s1: { ackOn: '2026-03-03', respondedOn: '2026-04-13' },
        s2: { escalatedOn: '2026-05-06' },
      }),
    ])
    expect(k.stage2Received).toBe(1)
    expect(k.escalationRatePct).toBeNull()
  })
})

describe('outcomes (rules §5 overall outcome)', () => {
  it('Stage 1: 15/21/24 of 60 → 25.0 / 35.0 / 40.0', () => {
    const with1 = (outcome: Decision) => e8({ respondedOn: '2026-05-14', outcome })
    const k = kpisOf([
      ...times(15, () => with1('upheld')),
      ...times(21, () => with1('partly_upheld')),
      ...times(24, () => with1('not_upheld')),
    ])
    expect([k.stage1UpheldPct, k.stage1PartlyUpheldPct, k.stage1NotUpheldPct]).toEqual([25, 35, 40])
  })

  it('Stage 2: 2/3/5 of 10 → 20.0 / 30.0 / 50.0, decision changed 3 ÷ 10 → 30.0', () => {
    const with2 = (outcome: Decision, decisionChanged: boolean) =>
      e7({ respondedOn: '2026-09-29', outcome, decisionChanged })
    const k = kpisOf(
      [
        ...times(2, () => with2('upheld', true)),
        with2('partly_upheld', true),
        ...times(2, () => with2('partly_upheld', false)),
        ...times(5, () => with2('not_upheld', false)),
      ],
      { from: '2026-09-01', to: '2026-09-30' },
    )
    expect([k.stage2UpheldPct, k.stage2PartlyUpheldPct, k.stage2NotUpheldPct]).toEqual([20, 30, 50])
    expect(k.stage2DecisionChangedPct).toBe(30)
    expect(k.stage1UpheldPct).toBeNull()
  })
})

// ---- Repeat complaints ------------------------------------------------------------------------

describe('repeat complaints', () => {
  const byResident = (residentId: string, receivedOn: IsoDate, extra: Partial<ComplaintSpec> = {}) =>
    complaint({ residentId, receivedOn, ...extra })

  it('repeatComplaintsPct 6 ÷ 50 → 12.0 and repeatReductionPct (8 − 6) ÷ 8 → 25.0', () => {
    const now = times(6, (i) => [byResident(`n${i}`, '2026-01-12'), byResident(`n${i}`, '2026-05-12')]).flat()
    const others = times(44, () => complaint({ receivedOn: '2026-05-13' }))
    const lastYear = times(8, (i) => [byResident(`l${i}`, '2025-02-10'), byResident(`l${i}`, '2025-05-12')]).flat()
    const k = kpisOf([...now, ...others, ...lastYear])
    expect(k.stage1Received).toBe(50)
    expect(k.repeatComplaintsPct).toBe(12)
    expect(k.repeatReductionPct).toBe(25)
  })

  it('repeatReductionPct may be negative, and is null with no repeats last year', () => {
    const pair = (r: string, first: IsoDate, second: IsoDate) => [byResident(r, first), byResident(r, second)]
    const rising = kpisOf([
      ...times(6, (i) => pair(`n${i}`, '2026-02-02', '2026-05-12')).flat(),
      ...times(4, (i) => pair(`l${i}`, '2025-02-03', '2025-05-12')).flat(),
    ])
    expect(rising.repeatReductionPct).toBe(-50)
    const none = kpisOf(pair('x', '2026-02-02', '2026-05-12'))
    expect(none.repeatReductionPct).toBeNull()
    expect(none.repeatComplaintsPct).toBe(100)
  })

  it('orders same-day complaints by receipt time: only the later one is a repeat', () => {
    const early = byResident('r', '2026-05-12', { receivedAt: '2026-05-12T08:00:00.000Z' })
    const late = byResident('r', '2026-05-12', { receivedAt: '2026-05-12T15:30:00.000Z' })
    expect([...repeatComplaintIds([late, early])]).toEqual([late.id])
  })

  it('looks back 12 calendar months, the cut-off day itself included', () => {
    const now = byResident('r', '2026-05-15')
    expect(repeatComplaintIds([byResident('r', '2025-05-15'), now]).has(now.id)).toBe(true)
    expect(repeatComplaintIds([byResident('r', '2025-05-14'), now]).has(now.id)).toBe(false)
  })

  it('clamps the month end: 29 Feb 2028 looks back to 28 Feb 2027', () => {
    const now = byResident('r', '2028-02-29')
    expect(repeatComplaintIds([byResident('r', '2027-02-28'), now]).has(now.id)).toBe(true)
    expect(repeatComplaintIds([byResident('r', '2027-02-27'), now]).has(now.id)).toBe(false)
  })

  it('matches on the same primary category and the same resident only', () => {
    const now = byResident('r', '2026-05-12')
    expect(repeatComplaintIds([byResident('r', '2026-03-02', { category: 'asb' }), now]).size).toBe(0)
    expect(repeatComplaintIds([byResident('someone-else', '2026-03-02'), now]).size).toBe(0)
  })

  it('S1-8: a complaint split from another is not a repeat of its parent, but is of any other', () => {
    const parent = byResident('r', '2026-03-02')
    const split = byResident('r', '2026-05-12', { splitFrom: parent.id })
    expect(repeatComplaintIds([parent, split]).size).toBe(0)
    const older = byResident('r', '2026-01-05')
    expect([...repeatComplaintIds([older, parent, split])].sort()).toEqual([parent.id, split.id].sort())
  })

  it('C4: a declined complaint is neither a repeat nor makes a later one a repeat', () => {
    const declined = byResident('r', '2026-03-02', { decline: { stage: 1, on: '2026-03-05', ground: 'other' } })
    const now = byResident('r', '2026-05-12')
    expect(repeatComplaintIds([declined, now]).size).toBe(0)
    const declinedLater = byResident('q', '2026-05-13', { decline: { stage: 1, on: '2026-05-15', ground: 'other' } })
    expect(repeatComplaintIds([byResident('q', '2026-03-02'), declinedLater]).size).toBe(0)
  })
})

// ---- Commitments ------------------------------------------------------------------------------

describe('commitmentsOnTimePctS1 / S2', () => {
  it('20 due: 18 on time, 1 late, 1 open → 90.0', () => {
    const k = run(
      {
        commitments: [
          ...times(18, () => commitment({ originalDueOn: '2026-05-15', completedOn: '2026-05-14', status: 'done' })),
          commitment({ originalDueOn: '2026-05-15', completedOn: '2026-05-19', status: 'done' }),
          commitment({ originalDueOn: '2026-05-15', status: 'in_progress' }),
        ],
      },
      { runDate: '2026-06-03' },
    )
    expect(k.commitmentsOnTimePctS1).toBe(90)
    expect(k.commitmentsOnTimePctS2).toBeNull()
  })

  it('done on the original due date is on time, the day after is late', () => {
    const k = run({
      commitments: [
        commitment({ originalDueOn: '2026-05-15', completedOn: '2026-05-15', status: 'done' }),
        commitment({ originalDueOn: '2026-05-15', completedOn: '2026-05-16', status: 'done' }),
      ],
    })
    expect(k.commitmentsOnTimePctS1).toBe(50)
  })

  it('excludes approved cancellations and open ones due on or after the run date', () => {
    const k = run(
      {
        commitments: [
          commitment({ originalDueOn: '2026-05-05', completedOn: '2026-05-05', status: 'done' }),
          commitment({ originalDueOn: '2026-05-06', status: 'cancelled', cancellationApproved: true }),
          commitment({ originalDueOn: '2026-05-07', status: 'cancelled', cancellationApproved: false }),
          commitment({ originalDueOn: '2026-05-20', status: 'open' }),
          commitment({ originalDueOn: '2026-05-28', status: 'in_progress' }),
          commitment({ originalDueOn: '2026-05-19', status: 'in_progress' }),
          commitment({ originalDueOn: '2026-05-25', completedOn: '2026-05-18', status: 'done' }),
        ],
      },
      { runDate: '2026-05-20' },
    )
    // Counted: done 5 May (on time), unapproved cancellation, open due 19 May, done early 25 May.
    expect(k.commitmentsOnTimePctS1).toBe(50)
  })

  it('PTR-5: awaiting head-of-service sign-off is not done', () => {
    const k = run({
      commitments: [
        commitment({ originalDueOn: '2026-05-15', completedOn: '2026-05-12', status: 'done' }),
        commitment({ originalDueOn: '2026-05-15', completedOn: '2026-05-12', status: 'awaiting_sign_off' }),
      ],
    })
    expect(k.commitmentsOnTimePctS1).toBe(50)
  })

  it('is windowed by the original due date and split by the stage that promised it', () => {
    const k = run({
      commitments: [
        commitment({ originalDueOn: '2026-04-30', completedOn: '2026-05-04', status: 'done' }),
        commitment({ originalDueOn: '2026-06-01', status: 'open' }),
        commitment({ stage: 2, originalDueOn: '2026-05-11', completedOn: '2026-05-11', status: 'done' }),
        commitment({ stage: 2, originalDueOn: '2026-05-11', completedOn: '2026-05-12', status: 'done' }),
        commitment({ stage: 2, originalDueOn: '2026-05-11', completedOn: '2026-05-12', status: 'done' }),
      ],
    })
    expect(k.commitmentsOnTimePctS1).toBeNull()
    expect(k.commitmentsOnTimePctS2).toBe(33.3)
  })

  it('C7, PTR-5: unfiltered, counts a commitment whose complaint closed before the period (not in the facts)', () => {
    const k = run({
      complaints: [e8({ respondedOn: '2026-05-14' })],
      commitments: [
        commitment({
          complaintId: 'closed-in-march',
          originalDueOn: '2026-05-15',
          completedOn: '2026-05-15',
          status: 'done',
        }),
        commitment({ complaintId: 'closed-in-march', originalDueOn: '2026-05-15', status: 'open' }),
      ],
    })
    expect(k.commitmentsOnTimePctS1).toBe(50)
    expect(
      run({ commitments: [commitment({ originalDueOn: '2026-05-15' })] }, { filters: { team: 'north' } })
        .commitmentsOnTimePctS1,
    ).toBeNull()
  })
})

// ---- Quality, satisfaction --------------------------------------------------------------------

describe('qaAverageScore and qaPassPct', () => {
  const review = (score: number, criticalFail = false, reviewedOn: IsoDate = '2026-05-20') => ({
    complaintId: 'none',
    reviewedOn,
    score,
    criticalFail,
  })

  it('100, 96, 90, 98 → 96.0 and 3 ÷ 4 → 75.0', () => {
    const k = run({ qaReviews: [review(100), review(96), review(90), review(98), review(10, false, '2026-04-30')] })
    expect(k.qaAverageScore).toBe(96)
    expect(k.qaPassPct).toBe(75)
  })

  it('passes at exactly 95 without a critical fail; a critical fail (R1–R7 missing) fails at any score', () => {
    const k = run({ qaReviews: [review(95), review(100, true), review(94.9)] })
    expect(k.qaPassPct).toBe(33.3)
    expect(k.qaAverageScore).toBe(96.6)
  })

  it('uses qaPassMark when given, and null without reviews', () => {
    expect(run({ qaReviews: [review(90), review(89)] }, { qaPassMark: 90 }).qaPassPct).toBe(50)
    const none = run({})
    expect(none.qaPassPct).toBeNull()
    expect(none.qaAverageScore).toBeNull()
  })
})

describe('satisfactionHandlingPct and satisfactionOutcomePct', () => {
  const answers = (question: 'handling' | 'outcome', answer: string, n: number, answeredOn: IsoDate = '2026-05-20') =>
    times(n, () => ({ complaintId: 'none', question, answer, answeredOn }))

  it('27 ÷ 38 → 71.1; don’t know and skipped are excluded', () => {
    const k = run({
      surveyAnswers: [
        ...answers('handling', 'very_satisfied', 15),
        ...answers('handling', 'fairly_satisfied', 12),
        ...answers('handling', 'neither', 5),
        ...answers('handling', 'fairly_dissatisfied', 4),
        ...answers('handling', 'very_dissatisfied', 2),
        ...answers('handling', 'dont_know', 6),
        ...answers('handling', 'skipped', 3),
        ...answers('handling', 'very_satisfied', 4, '2026-06-01'),
        ...answers('outcome', 'very_dissatisfied', 3),
        ...answers('outcome', 'fairly_satisfied', 1),
      ],
    })
    expect(k.satisfactionHandlingPct).toBe(71.1)
    expect(k.satisfactionOutcomePct).toBe(25)
  })

  it('is null when only don’t know answers were given', () => {
    expect(run({ surveyAnswers: answers('outcome', 'dont_know', 4) }).satisfactionOutcomePct).toBeNull()
  })
})

// ---- Money ------------------------------------------------------------------------------------

describe('compensation', () => {
  const paid = (paidOn: IsoDate, amountPence: number, ombudsmanOrdered = false) => ({
    complaintId: null,
    paidOn,
    amountPence,
    ombudsmanOrdered,
  })

  it('£250 + £4,000 → 4250, Ombudsman-ordered also shown apart', () => {
    const k = run({
      payments: [paid('2026-05-05', 25_000), paid('2026-05-29', 400_000, true), paid('2026-04-30', 99_900)],
    })
    expect(k.compensationPaidTotal).toBe(4250)
    expect(k.compensationOmbudsmanOrderedTotal).toBe(4000)
  })

  it('keeps pence: £123.45', () => {
    expect(run({ payments: [paid('2026-05-05', 12_345)] }).compensationPaidTotal).toBe(123.45)
  })

  it('budget used: £4,250 paid from 1 April to `to` ÷ £20,000 → 21.3', () => {
    const k = run(
      {
        payments: [
          paid('2026-03-31', 50_000), // previous financial year
          paid('2026-04-01', 25_000),
          paid('2026-05-12', 400_000),
          paid('2026-06-01', 70_000), // after `to`
        ],
      },
      { compensationBudgetPence: 2_000_000 },
    )
    expect(k.compensationBudgetUsedPct).toBe(21.3)
    expect(k.compensationPaidTotal).toBe(4000)
  })

  it('budget used is null without a budget', () => {
    expect(run({ payments: [paid('2026-05-05', 25_000)] }).compensationBudgetUsedPct).toBeNull()
    expect(
      run({ payments: [paid('2026-05-05', 25_000)] }, { compensationBudgetPence: 0 }).compensationBudgetUsedPct,
    ).toBeNull()
  })
})

// ---- Ombudsman --------------------------------------------------------------------------------

describe('Ombudsman', () => {
  const ombudsmanCase = (over: Partial<KpiFacts['ombudsmanCases'][number]> = {}) => ({
    complaintId: null,
    openedOn: '2026-02-02',
    determinedOn: null,
    findings: [],
    requests: [],
    ...over,
  })

  it('ombudsmanOnTimePct 9 ÷ 9 → 100.0, answered on the stated date included', () => {
    const k = run({
      ombudsmanCases: [
        ombudsmanCase({
          requests: [
            ...times(8, () => ({ dueOn: '2026-05-20', answeredOn: '2026-05-18' })),
            { dueOn: '2026-05-20', answeredOn: '2026-05-20' },
            { dueOn: '2026-05-20', answeredOn: null },
            { dueOn: '2026-04-20', answeredOn: '2026-04-22' },
          ],
        }),
      ],
    })
    expect(k.ombudsmanOnTimePct).toBe(100)
  })

  it('a request answered the day after its stated date is late: 9 ÷ 10 → 90.0', () => {
    const k = run({
      ombudsmanCases: [
        ombudsmanCase({
          requests: [
            ...times(9, () => ({ dueOn: '2026-05-20', answeredOn: '2026-05-20' })),
            { dueOn: '2026-05-20', answeredOn: '2026-05-21' },
          ],
        }),
      ],
    })
    expect(k.ombudsmanOnTimePct).toBe(90)
  })

  it('ombudsmanAdverseFindingPct 2 ÷ 5 → 40.0 by determination date', () => {
    const determined = (findings: string[], determinedOn: IsoDate = '2026-05-14') =>
      ombudsmanCase({ determinedOn, findings })
    const k = run({
      ombudsmanCases: [
        determined(['service_failure']),
        determined(['no_maladministration', 'maladministration']),
        determined(['no_maladministration']),
        determined(['reasonable_redress']),
        determined([]),
        determined(['severe_maladministration'], '2026-04-30'),
        ombudsmanCase(),
      ],
    })
    expect(k.ombudsmanAdverseFindingPct).toBe(40)
    expect(run({ ombudsmanCases: [determined(['severe_maladministration'])] }).ombudsmanAdverseFindingPct).toBe(100)
  })

  it('ombudsmanReferredCount counts cases opened in the period (3)', () => {
    const k = run({
      ombudsmanCases: [
        ...times(3, () => ombudsmanCase({ openedOn: '2026-05-11' })),
        ombudsmanCase({ openedOn: '2026-04-30' }),
        ombudsmanCase({ openedOn: '2026-06-01' }),
      ],
    })
    expect(k.ombudsmanReferredCount).toBe(3)
    expect(k.ombudsmanAdverseFindingPct).toBeNull()
    expect(k.ombudsmanOnTimePct).toBeNull()
  })
})

// ---- Exclusions and improvements --------------------------------------------------------------

describe('excludedCount and excludedByReason', () => {
  it('counts declines by decision date and reason code (4)', () => {
    const declined = (ground: string, on: IsoDate = '2026-05-12') =>
      complaint({ receivedOn: '2026-05-05', decline: { stage: 1, on, ground } })
    const k = kpisOf([
      declined('over_12_months'),
      declined('over_12_months'),
      declined('legal_proceedings'),
      declined('other'),
      declined('already_considered', '2026-06-01'),
    ])
    expect(k.excludedCount).toBe(4)
    expect(k.excludedByReason).toEqual({
      over_12_months: 2,
      legal_proceedings: 1,
      already_considered: 0,
      other: 1,
    })
  })

  it('lists every reason code at 0 when nothing was declined', () => {
    expect(kpisOf([]).excludedByReason).toEqual({
      over_12_months: 0,
      legal_proceedings: 0,
      already_considered: 0,
      other: 0,
    })
  })
})

describe('C4: a complaint declined at Stage 1 is in no complaint KPI except the exclusions', () => {
  it('leaves received, acks, responses, overdue, repeats and CH01 untouched', () => {
    const declined = complaint({
      residentId: 'r',
      receivedOn: '2026-05-05',
      earlyResolution: true,
      decline: { stage: 1, on: '2026-05-11', ground: 'over_12_months' },
      s1: { ackOn: '2026-05-13', respondedOn: '2026-05-29', outcome: 'upheld' },
      s2: { escalatedOn: '2026-05-29' },
    })
    const later = complaint({ residentId: 'r', receivedOn: '2026-05-20', s1: { ackOn: '2026-05-21' } })
    const k = kpisOf([declined, later], { homes: 1000 })
    expect(k.stage1Received).toBe(1)
    expect(k.stage2Received).toBe(0)
    expect(k.earlyResolutions).toBe(0)
    expect(k.stage1AckOnTimePct).toBe(100)
    expect(k.stage1ResponseOnTimePct).toBeNull()
    expect(k.stage1UpheldPct).toBeNull()
    expect(k.overdueOpenAtEnd).toBe(0)
    expect(k.stage1OverduePct).toBe(0)
    expect(k.repeatComplaintsPct).toBe(0)
    expect(k.ch01Stage1Per1000).toBe(1)
    expect(k.excludedCount).toBe(1)
    expect(k.excludedByReason.over_12_months).toBe(1)
  })
})

describe('a refused escalation leaves every Stage 2 KPI', () => {
  it('is not received, not acknowledged late, not overdue, but is excluded and its Stage 1 still counts', () => {
    const c = complaint({
      receivedOn: '2026-04-20',
      s1: { ackOn: '2026-04-21', respondedOn: '2026-05-05' },
      s2: { escalatedOn: '2026-05-06' },
      decline: { stage: 2, on: '2026-05-08', ground: 'already_considered' },
    })
    const k = kpisOf([c], { homes: 1000 })
    expect(k.stage2Received).toBe(0)
    expect(k.stage2AckOnTimePct).toBeNull()
    expect(k.stage2OverduePct).toBeNull()
    expect(k.overdueOpenAtEnd).toBe(0)
    expect(k.ch01Stage2Per1000).toBe(0)
    expect(k.escalationRatePct).toBe(0)
    expect(k.stage1ResponseOnTimePct).toBe(100)
    expect(k.excludedCount).toBe(1)
    expect(k.excludedByReason.already_considered).toBe(1)
  })
})

describe('C5: withdrawn complaints', () => {
  it('stay in received counts but leave measures whose event never happened', () => {
    const c = complaint({ receivedOn: '2026-05-05', withdrawnOn: '2026-05-07' })
    const k = kpisOf([c], { homes: 1000 })
    expect(k.stage1Received).toBe(1)
    expect(k.ch01Stage1Per1000).toBe(1)
    expect(k.stage1AckOnTimePct).toBeNull()
    expect(k.stage1ResponseOnTimePct).toBeNull()
    expect(k.avgWorkingDaysToRespondStage1).toBeNull()
    expect(k.overdueOpenAtEnd).toBe(0)
    expect(k.stage1OverduePct).toBeNull()
  })

  it('keep the acknowledgement they did get', () => {
    const k = kpisOf([complaint({ receivedOn: '2026-05-05', withdrawnOn: '2026-05-14', s1: { ackOn: '2026-05-13' } })])
    expect(k.stage1AckOnTimePct).toBe(0)
    expect(k.stage1ResponseOnTimePct).toBeNull()
  })

  it('at Stage 2: in stage2Received, out of S2 ack and overdue', () => {
    const c = complaint({
      receivedOn: '2026-04-20',
      s1: { ackOn: '2026-04-21', respondedOn: '2026-05-01' },
      s2: { escalatedOn: '2026-05-05' },
      withdrawnOn: '2026-05-06',
    })
    const k = kpisOf([c])
    expect(k.stage2Received).toBe(1)
    expect(k.stage2AckOnTimePct).toBeNull()
    expect(k.stage2OverduePct).toBeNull()
    expect(k.overdueOpenAtEnd).toBe(0)
  })
})

describe('policyChangesCount and improvementsOnTimePct', () => {
  const action = (over: Partial<KpiFacts['improvements'][number]> & { dueOn: IsoDate }) => ({
    complaintId: null,
    kind: 'process',
    completedOn: null,
    status: 'open',
    ...over,
  })

  it('counts completed policy, procedure and process changes by completion date (2)', () => {
    const k = run({
      improvements: [
        action({ kind: 'policy', dueOn: '2026-06-30', completedOn: '2026-05-10', status: 'done' }),
        action({ kind: 'process', dueOn: '2026-05-30', completedOn: '2026-05-31', status: 'done' }),
        action({ kind: 'training', dueOn: '2026-05-30', completedOn: '2026-05-10', status: 'done' }),
        action({ kind: 'procedure', dueOn: '2026-05-30', completedOn: '2026-04-30', status: 'done' }),
        action({ kind: 'policy', dueOn: '2026-05-30', status: 'in_progress' }),
      ],
    })
    expect(k.policyChangesCount).toBe(2)
  })

  it('improvementsOnTimePct 4 ÷ 5 → 80.0 by due date', () => {
    const k = run({
      improvements: [
        ...times(3, () => action({ dueOn: '2026-05-20', completedOn: '2026-05-11', status: 'done' })),
        action({ dueOn: '2026-05-20', completedOn: '2026-05-20', status: 'done' }),
        action({ dueOn: '2026-05-20', completedOn: '2026-05-21', status: 'done' }),
        action({ dueOn: '2026-04-30', completedOn: '2026-05-20', status: 'done' }),
      ],
    })
    expect(k.improvementsOnTimePct).toBe(80)
  })

  it('an action past its due date and not done counts as not on time', () => {
    const k = run({
      improvements: [
        action({ dueOn: '2026-05-20', completedOn: '2026-05-11', status: 'done' }),
        action({ dueOn: '2026-05-20', status: 'in_progress' }),
      ],
    })
    expect(k.improvementsOnTimePct).toBe(50)
  })
})

describe('learningImplementedPct', () => {
  const learning = (complaintId: string, completedOn: IsoDate | null) => ({
    complaintId,
    kind: 'training',
    dueOn: '2026-06-30',
    completedOn,
    status: completedOn ? 'done' : 'in_progress',
  })

  it('7 ÷ 10 → 70.0 over upheld / partly upheld latest responses with learning completed by `to`', () => {
    const upheld = times(10, (i) => e8({ respondedOn: '2026-05-14', outcome: i % 2 ? 'upheld' : 'partly_upheld' }))
    const notUpheld = e8({ respondedOn: '2026-05-14', outcome: 'not_upheld' })
    const k = run({
      complaints: [...upheld, notUpheld],
      improvements: [
        ...upheld.slice(0, 7).map((c) => learning(c.id, '2026-05-31')),
        learning(upheld[7]?.id ?? '', '2026-06-02'),
        learning(upheld[8]?.id ?? '', null),
        learning(notUpheld.id, '2026-05-20'),
      ],
    })
    expect(k.learningImplementedPct).toBe(70)
  })

  it('uses the latest response: a Stage 2 response replaces the Stage 1 one', () => {
    const s2 = (s1Outcome: Decision, s2Outcome: Decision) =>
      complaint({
        receivedOn: '2026-03-02',
        s1: { ackOn: '2026-03-03', respondedOn: '2026-03-16', outcome: s1Outcome },
        s2: { escalatedOn: '2026-03-20', ackOn: '2026-03-23', respondedOn: '2026-05-12', outcome: s2Outcome },
      })
    const nowUpheld = s2('not_upheld', 'upheld')
    const nowNotUpheld = s2('upheld', 'not_upheld')
    const k = run({
      complaints: [nowUpheld, nowNotUpheld],
      improvements: [learning(nowUpheld.id, '2026-05-20'), learning(nowNotUpheld.id, '2026-05-20')],
    })
    expect(k.learningImplementedPct).toBe(100)
    expect(run({ complaints: [nowUpheld] }).learningImplementedPct).toBe(0)
  })
})

// ---- Regulator measures -----------------------------------------------------------------------

describe('CH01 per 1,000 homes', () => {
  it('138 and 21 over 5,000 homes → 27.6 and 4.2, non-residents and declines excluded', () => {
    const escalated = () =>
      complaint({
        receivedOn: '2026-05-05',
        s1: { ackOn: '2026-05-06', respondedOn: '2026-05-11' },
        s2: { escalatedOn: '2026-05-12' },
      })
    const k = kpisOf(
      [
        ...times(21, escalated),
        ...times(115, () => complaint({ receivedOn: '2026-05-05' })),
        ...times(2, () => complaint({ receivedOn: '2026-05-05', withdrawnOn: '2026-05-06' })),
        ...times(4, () => complaint({ receivedOn: '2026-05-05', nonResident: true })),
        { ...escalated(), nonResident: true },
        complaint({ receivedOn: '2026-05-05', decline: { stage: 1, on: '2026-05-07', ground: 'other' } }),
      ],
      { homes: 5000 },
    )
    expect(k.stage1Received).toBe(143)
    expect(k.ch01Stage1Per1000).toBe(27.6)
    expect(k.stage2Received).toBe(22)
    expect(k.ch01Stage2Per1000).toBe(4.2)
  })

  it('is null without a homes figure', () => {
    const k = kpisOf([complaint({ receivedOn: '2026-05-05' })])
    expect(k.ch01Stage1Per1000).toBeNull()
    expect(k.ch01Stage2Per1000).toBeNull()
    expect(kpisOf([complaint({ receivedOn: '2026-05-05' })], { homes: 0 }).ch01Stage1Per1000).toBeNull()
  })
})

describe('TP09', () => {
  const answer = (answer: string, n: number, complainedLast12Months = true, surveyedOn: IsoDate = '2026-05-20') =>
    times(n, () => ({ surveyedOn, complainedLast12Months, answer }))

  it('180 ÷ 450 → 40.0 over respondents who complained, don’t know excluded', () => {
    const k = run({
      perception: [
        ...answer('very_satisfied', 100),
        ...answer('fairly_satisfied', 80),
        ...answer('neither', 90),
        ...answer('fairly_dissatisfied', 100),
        ...answer('very_dissatisfied', 80),
        ...answer('dont_know', 20),
        ...answer('very_satisfied', 50, false),
        ...answer('very_satisfied', 30, true, '2026-06-01'),
      ],
    })
    expect(k.tp09SatisfiedPct).toBe(40)
  })

  it('never mixes in the transactional survey', () => {
    const k = run({
      surveyAnswers: [
        { complaintId: 'none', question: 'handling', answer: 'very_satisfied', answeredOn: '2026-05-20' },
      ],
    })
    expect(k.tp09SatisfiedPct).toBeNull()
  })
})

describe('TSM edge cases (§11) over the TSM year', () => {
  const year2026 = { from: '2026-04-01', to: '2027-03-31', homes: 1000 }
  const year2027 = { from: '2027-04-01', to: '2028-03-31', homes: 1000 }

  it('withdrawn after logging: CH01 yes, CH02 only if a response was issued', () => {
    const noResponse = kpisOf([complaint({ receivedOn: '2026-06-01', withdrawnOn: '2026-06-03' })], year2026)
    expect(noResponse.ch01Stage1Per1000).toBe(1)
    expect(noResponse.stage1WithinCodePct).toBeNull()
    const responded = kpisOf(
      [
        complaint({
          receivedOn: '2026-06-01',
          s1: { ackOn: '2026-06-02', respondedOn: '2026-06-10' },
          withdrawnOn: '2026-06-12',
        }),
      ],
      year2026,
    )
    expect(responded.stage1WithinCodePct).toBe(100)
  })

  it('declined: neither', () => {
    const k = kpisOf(
      [
        complaint({
          receivedOn: '2026-06-01',
          s1: { ackOn: '2026-06-02', respondedOn: '2026-06-30' },
          decline: { stage: 1, on: '2026-06-03', ground: 'legal_proceedings' },
        }),
      ],
      year2026,
    )
    expect(k.ch01Stage1Per1000).toBe(0)
    expect(k.stage1WithinCodePct).toBeNull()
  })

  it('early resolution: Stage 1 in both', () => {
    const k = kpisOf(
      [complaint({ receivedOn: '2026-06-01', earlyResolution: true, s1: { respondedOn: '2026-06-02' } })],
      year2026,
    )
    expect(k.ch01Stage1Per1000).toBe(1)
    expect(k.stage1WithinCodePct).toBe(100)
  })

  it('open at year end: CH01 in the year received, CH02 in the year responded', () => {
    // Received Mon 22 Mar 2027: ack due Wed 31 Mar (skips Easter 26 and 29 Mar) → response due Wed 14 Apr.
    const c = complaint({ receivedOn: '2027-03-22', s1: { ackOn: '2027-03-31', respondedOn: '2027-04-14' } })
    expect(c.stage1.acknowledgementDue).toBe('2027-03-31')
    expect(c.stage1.responseDue).toBe('2027-04-14')
    const first = kpisOf([c], year2026)
    expect([first.ch01Stage1Per1000, first.stage1WithinCodePct]).toEqual([1, null])
    const second = kpisOf([c], year2027)
    expect([second.ch01Stage1Per1000, second.stage1WithinCodePct]).toEqual([0, 100])
  })

  it('escalated next year: each stage in its own year', () => {
    const c = complaint({
      receivedOn: '2027-02-01',
      s1: { ackOn: '2027-02-02', respondedOn: '2027-03-01' },
      s2: { escalatedOn: '2027-04-05', ackOn: '2027-04-06', respondedOn: '2027-04-30' },
    })
    const first = kpisOf([c], year2026)
    expect([first.ch01Stage1Per1000, first.ch01Stage2Per1000, first.stage2WithinCodePct]).toEqual([1, 0, null])
    const second = kpisOf([c], year2027)
    expect([second.ch01Stage1Per1000, second.ch01Stage2Per1000, second.stage2WithinCodePct]).toEqual([0, 1, 100])
  })
})

// ---- Filters (C7) -----------------------------------------------------------------------------

describe('C7 filters apply to numerator and denominator alike', () => {
  const repairs = complaint({
    id: 'f-repairs',
    receivedOn: '2026-05-05',
    category: 'repairs',
    team: 'north',
    handlerId: 'h1',
    s1: { ackOn: '2026-05-12' },
  })
  const asb = complaint({
    id: 'f-asb',
    receivedOn: '2026-05-05',
    category: 'asb',
    team: 'south',
    handlerId: 'h2',
    s1: { ackOn: '2026-05-13' },
  })
  const world: Partial<KpiFacts> = {
    complaints: [repairs, asb],
    qaReviews: [
      { complaintId: repairs.id, reviewedOn: '2026-05-20', score: 100, criticalFail: false },
      { complaintId: asb.id, reviewedOn: '2026-05-20', score: 80, criticalFail: false },
    ],
    commitments: [
      commitment({ complaintId: repairs.id, originalDueOn: '2026-05-15', completedOn: '2026-05-15', status: 'done' }),
      commitment({ complaintId: asb.id, originalDueOn: '2026-05-15', completedOn: '2026-05-18', status: 'done' }),
    ],
    surveyAnswers: [
      { complaintId: repairs.id, question: 'handling', answer: 'very_satisfied', answeredOn: '2026-05-20' },
      { complaintId: asb.id, question: 'handling', answer: 'very_dissatisfied', answeredOn: '2026-05-20' },
    ],
    payments: [
      { complaintId: null, paidOn: '2026-05-20', amountPence: 10_000, ombudsmanOrdered: false },
      { complaintId: asb.id, paidOn: '2026-05-20', amountPence: 5_000, ombudsmanOrdered: false },
    ],
    perception: [{ surveyedOn: '2026-05-20', complainedLast12Months: true, answer: 'very_satisfied' }],
  }

  it('unfiltered: both complaints and every record', () => {
    const k = run(world)
    expect(k.stage1Received).toBe(2)
    expect(k.stage1AckOnTimePct).toBe(50)
    expect(k.qaAverageScore).toBe(90)
    expect(k.commitmentsOnTimePctS1).toBe(50)
    expect(k.satisfactionHandlingPct).toBe(50)
    expect(k.compensationPaidTotal).toBe(150)
    expect(k.tp09SatisfiedPct).toBe(100)
  })

  it('by service area', () => {
    const k = run(world, { filters: { serviceArea: 'repairs' } })
    expect(k.stage1Received).toBe(1)
    expect(k.stage1AckOnTimePct).toBe(100)
    expect(k.qaAverageScore).toBe(100)
    expect(k.commitmentsOnTimePctS1).toBe(100)
    expect(k.satisfactionHandlingPct).toBe(100)
    expect(k.compensationPaidTotal).toBe(0)
    expect(k.tp09SatisfiedPct).toBeNull()
  })

  it('by team', () => {
    const k = run(world, { filters: { team: 'south' } })
    expect(k.stage1Received).toBe(1)
    expect(k.stage1AckOnTimePct).toBe(0)
    expect(k.qaAverageScore).toBe(80)
    expect(k.satisfactionHandlingPct).toBe(0)
    expect(k.compensationPaidTotal).toBe(50)
  })

  it('by handler', () => {
    const k = run(world, { filters: { handlerId: 'h1' } })
    expect(k.stage1AckOnTimePct).toBe(100)
    expect(k.commitmentsOnTimePctS1).toBe(100)
    expect(run(world, { filters: { handlerId: 'nobody' } }).stage1AckOnTimePct).toBeNull()
  })
})

// ---- RAG (C9) ---------------------------------------------------------------------------------

describe('rag (C9)', () => {
  const atLeast: KpiTarget = { key: 'stage1ResponseOnTimePct', direction: 'atLeast', target: 95 }
  const atMost: KpiTarget = { key: 'stage1ExtendedPct', direction: 'atMost', target: 5 }
  const zero: KpiTarget = { key: 'stage1OverduePct', direction: 'atMost', target: 0 }

  it.each([
    [100, 'green'],
    [95, 'green'],
    [94.9, 'amber'],
    [90, 'amber'],
    [89.9, 'red'],
    [0, 'red'],
  ] as const)('"at least 95": %s → %s', (value, expected) => {
    expect(rag(value, atLeast)).toBe(expected)
  })

  it.each([
    [0, 'green'],
    [5, 'green'],
    [5.1, 'amber'],
    [10, 'amber'],
    [10.1, 'red'],
  ] as const)('"at most 5": %s → %s', (value, expected) => {
    expect(rag(value, atMost)).toBe(expected)
  })

  it('"at most 0": 0 green, 5 amber, 5.1 red', () => {
    expect([rag(0, zero), rag(5, zero), rag(5.1, zero)]).toEqual(['green', 'amber', 'red'])
  })

  it('null (no data) is grey in both directions', () => {
    expect(rag(null, atLeast)).toBe('grey')
    expect(rag(null, atMost)).toBe('grey')
  })

  it('takes another tolerance', () => {
    expect([rag(93, atLeast, 2), rag(92.9, atLeast, 2)]).toEqual(['amber', 'red'])
  })

  it.each([
    ['stage1AckOnTimePct', 'atLeast', 100],
    ['stage1ResponseOnTimePct', 'atLeast', 95],
    ['stage1ExtendedPct', 'atMost', 5],
    ['stage1OverduePct', 'atMost', 0],
    ['stage2AckOnTimePct', 'atLeast', 100],
    ['stage2ResponseOnTimePct', 'atLeast', 95],
    ['stage2ExtendedPct', 'atMost', 5],
    ['stage2OverduePct', 'atMost', 0],
    ['qaPassPct', 'atLeast', 95],
    ['escalationRatePct', 'atMost', 20],
    ['commitmentsOnTimePctS1', 'atLeast', 90],
    ['commitmentsOnTimePctS2', 'atLeast', 90],
    ['satisfactionHandlingPct', 'atLeast', 70],
    ['satisfactionOutcomePct', 'atLeast', 70],
    ['ombudsmanOnTimePct', 'atLeast', 100],
  ])('seed 003 target: %s %s %s', (key, direction, target) => {
    expect(kpiTargets.find((t) => t.key === key)).toEqual({ key, direction, target })
  })

  it('KPM targets: repeat reduction 20, improvements 80, QA average 95; no target on CH01 (GOV-5)', () => {
    const targetOf = (key: string) => kpmRows.find((row) => row.key === key)?.target
    expect(targetOf('repeatReductionPct')).toEqual({ key: 'repeatReductionPct', direction: 'atLeast', target: 20 })
    expect(targetOf('improvementsOnTimePct')).toEqual({
      key: 'improvementsOnTimePct',
      direction: 'atLeast',
      target: 80,
    })
    expect(targetOf('qaAverageScore')).toEqual({ key: 'qaAverageScore', direction: 'atLeast', target: 95 })
    expect(kpiTargets.some((t) => t.key.startsWith('ch01'))).toBe(false)
  })
})

// ---- Period helpers ---------------------------------------------------------------------------

describe('period helpers', () => {
  it('monthsBetween clips the first and last months to the period', () => {
    expect(monthsBetween('2026-01-15', '2026-03-10')).toEqual([
      { from: '2026-01-15', to: '2026-01-31', month: '2026-01' },
      { from: '2026-02-01', to: '2026-02-28', month: '2026-02' },
      { from: '2026-03-01', to: '2026-03-10', month: '2026-03' },
    ])
  })

  it('monthsBetween crosses the year end and knows leap Februaries', () => {
    expect(monthsBetween('2027-12-01', '2028-02-29')).toEqual([
      { from: '2027-12-01', to: '2027-12-31', month: '2027-12' },
      { from: '2028-01-01', to: '2028-01-31', month: '2028-01' },
      { from: '2028-02-01', to: '2028-02-29', month: '2028-02' },
    ])
    expect(monthsBetween('2026-05-10', '2026-05-20')).toEqual([
      { from: '2026-05-10', to: '2026-05-20', month: '2026-05' },
    ])
    expect(monthsBetween('2026-06-01', '2026-05-31')).toEqual([])
  })

  it('financialYearStart is the 1 April on or before the date', () => {
    expect(financialYearStart('2026-03-31')).toBe('2025-04-01')
    expect(financialYearStart('2026-04-01')).toBe('2026-04-01')
    expect(financialYearStart('2027-01-15')).toBe('2026-04-01')
  })

  it('tsmYear runs 1 April to 31 March', () => {
    expect(tsmYear('2027-03-31')).toEqual({ from: '2026-04-01', to: '2027-03-31' })
    expect(tsmYear('2027-04-01')).toEqual({ from: '2027-04-01', to: '2028-03-31' })
  })

  it('kpiTrend gives each month exactly what computeKpis gives over every complaint (it computes over fewer)', () => {
    // Two years of varied cases: late, extended, escalated, withdrawn, declined, open, repeats.
    const list = times(400, (i) => {
      const receivedOn = addCalendarDays('2025-01-06', (i * 5) % 700)
      const kind = i % 8
      const ackOn = wd(receivedOn, (i % 7) + 1)
      const respondedOn = kind === 0 ? null : wd(ackOn, 6 + (i % 9))
      return complaint({
        receivedOn,
        residentId: `r${i % 90}`,
        category: ['repairs', 'damp_mould', 'rent_charges'][i % 3] as string,
        handlerId: i % 2 ? 'h1' : 'h2',
        withdrawnOn: kind === 6 ? addCalendarDays(receivedOn, 3) : null,
        decline: kind === 7 ? { stage: 1, on: addCalendarDays(receivedOn, 2), ground: 'other' } : null,
        s1: {
          ackOn: kind === 6 || kind === 7 ? null : ackOn,
          respondedOn: kind === 6 || kind === 7 ? null : respondedOn,
          extensionWorkingDays: kind === 3 ? 5 : 0,
          outcome: respondedOn ? (['upheld', 'partly_upheld', 'not_upheld'] as const)[i % 3] : null,
        },
        s2:
          kind === 4 && respondedOn
            ? {
                escalatedOn: addCalendarDays(respondedOn, 9),
                ackOn: wd(addCalendarDays(respondedOn, 9), 3),
                respondedOn: i % 3 ? wd(addCalendarDays(respondedOn, 9), 18) : null,
                outcome: i % 3 ? 'upheld' : null,
                decisionChanged: i % 3 ? true : null,
              }
            : null,
      })
    })
    const all = facts({ complaints: list })
    const options = { runDate: '2027-06-30', calendar, homes: 1000, compensationBudgetPence: null }
    for (const filters of [undefined, { serviceArea: 'repairs' }, { handlerId: 'h2' }]) {
      const trend = kpiTrend(all, { ...options, from: '2025-09-01', to: '2026-08-31', filters })
      expect(trend).toHaveLength(12)
      for (const month of trend) {
        expect(month.figures).toEqual(
          computeKpis(all, { ...options, from: month.figures.from, to: month.figures.to, filters }),
        )
      }
    }
  })

  it('kpiTrend computes the same figures month by month, clipped to the period', () => {
    const trend = kpiTrend(
      facts({
        complaints: [
          complaint({ receivedOn: '2026-04-10' }),
          complaint({ receivedOn: '2026-04-30' }),
          complaint({ receivedOn: '2026-05-01' }),
          complaint({ receivedOn: '2026-05-20' }),
        ],
      }),
      {
        from: '2026-04-15',
        to: '2026-05-10',
        runDate: '2028-12-31',
        calendar,
        homes: null,
        compensationBudgetPence: null,
      },
    )
    expect(trend.map((m) => [m.month, m.figures.from, m.figures.to, m.figures.stage1Received])).toEqual([
      ['2026-04', '2026-04-15', '2026-04-30', 1],
      ['2026-05', '2026-05-01', '2026-05-10', 1],
    ])
  })

  it('previousYear clamps 29 February; factsWindowStart reaches 24 months back', () => {
    expect(previousYear('2028-02-01', '2028-02-29')).toEqual({ from: '2027-02-01', to: '2027-02-28' })
    expect(factsWindowStart('2026-05-01')).toBe('2024-05-01')
  })
})

// ---- Output contract and CSV ------------------------------------------------------------------

describe('output contract', () => {
  it('has every contract key as a number or null, plus the period', () => {
    const k = kpisOf([])
    expect(contractKeys).toHaveLength(22)
    for (const key of contractKeys) {
      expect(k).toHaveProperty(key)
      expect(k[key] === null || typeof k[key] === 'number').toBe(true)
    }
    expect([k.from, k.to]).toEqual(['2026-05-01', '2026-05-31'])
  })

  it('gives counts 0 and rates null on an empty period', () => {
    const k = kpisOf([])
    expect([k.stage1Received, k.stage2Received, k.overdueOpenAtEnd, k.compensationPaidTotal]).toEqual([0, 0, 0, 0])
    expect([k.stage1AckOnTimePct, k.escalationRatePct, k.repeatComplaintsPct, k.qaAverageScore]).toEqual([
      null,
      null,
      null,
      null,
    ])
  })
})

describe('kpiCsv', () => {
  const figures = kpisOf([
    complaint({ receivedOn: '2026-05-05', decline: { stage: 1, on: '2026-05-08', ground: 'legal_proceedings' } }),
    complaint({ receivedOn: '2026-05-05', s1: { ackOn: '2026-05-12' } }),
  ])
  const [header = '', values = '', ...rest] = kpiCsv(figures).split('\n')
  const headers = header.split(',')
  const cells = values.split(',')
  const cell = (key: string) => cells[headers.indexOf(key)]

  it('is one header row and one value row, same width as the flattened figures', () => {
    expect(rest.filter(Boolean)).toEqual([])
    expect(headers).toHaveLength(flattenKpis(figures).length)
    expect(cells).toHaveLength(headers.length)
    expect(headers.slice(0, 3)).toEqual(['from', 'to', 'stage1Received'])
  })

  it('writes values, with null as an empty cell', () => {
    expect(cell('from')).toBe('2026-05-01')
    expect(cell('stage1Received')).toBe('1')
    expect(cell('stage1AckOnTimePct')).toBe('100')
    expect(cell('stage1ResponseOnTimePct')).toBe('')
    expect(cell('compensationPaidTotal')).toBe('0')
  })

  it('flattens exclusions to excludedByReason_<ground> columns', () => {
    expect(headers).not.toContain('excludedByReason')
    expect(cell('excludedCount')).toBe('1')
    expect(cell('excludedByReason_legal_proceedings')).toBe('1')
    expect(cell('excludedByReason_over_12_months')).toBe('0')
    for (const key of contractKeys) expect(headers).toContain(key)
  })
})
