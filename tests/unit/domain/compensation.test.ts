import { describe, expect, it } from 'vitest'
import {
  applyAwardCommand,
  bandsFor,
  benchmark,
  budgetForm,
  budgetsFrom,
  budgetUse,
  defaultAuthorisationLimits,
  defaultCompensationPolicy,
  defaultOmbudsmanBands,
  financialYearOf,
  financialYearRange,
  fitsRange,
  initialStatus,
  limitOf,
  limitsForm,
  limitsFrom,
  median,
  ombudsmanBandOf,
  ombudsmanBandsFrom,
  parseOmbudsmanForm,
  parsePolicyForm,
  parsePounds,
  penceToPounds,
  policyFieldName,
  policyFrom,
  validateProposal,
  withinLimit,
  type AwardFacts,
} from '~/domain/compensation'
import { validate } from '~/domain/forms'

const limits = defaultAuthorisationLimits
const today = '2026-06-15'
const handler = { id: 'h1', role: 'complaint_handler' as const }
const reviewer = { id: 's2', role: 'stage2_reviewer' as const }
const manager = { id: 'm1', role: 'manager' as const }
const approver = { id: 'a1', role: 'compensation_approver' as const }

describe('money typed in pounds', () => {
  it.each([
    ['250', 25_000],
    ['£250', 25_000],
    ['£ 250.5', 25_050],
    ['250.05', 25_005],
    ['0.01', 1],
    ['1,000', 100_000],
    ['1,000,000.99', 100_000_099],
    [' 75 ', 7_500],
    ['0', 0],
  ])('%s is %i pence', (text, pence) => {
    expect(parsePounds(text)).toBe(pence)
  })
  it.each(['', 'abc', '-5', '12.345', '1,00', '10,0000', '£', '1e3', '12.', '.5', '100000001'])(
    '%s is not an amount',
    (text) => {
      expect(parsePounds(text)).toBeNull()
    },
  )
  it('is written back for a form field with two decimals', () => {
    expect(penceToPounds(25_000)).toBe('250.00')
    expect(penceToPounds(5)).toBe('0.05')
    expect(penceToPounds(123_456)).toBe('1234.56')
  })
})

describe('the policy bands', () => {
  const delay = defaultCompensationPolicy.delay
  it('default to low £50–£250, medium £250–£700 and high from £700', () => {
    expect(delay).toEqual({
      low: { minPence: 5_000, maxPence: 25_000 },
      medium: { minPence: 25_000, maxPence: 70_000 },
      high: { minPence: 70_000, maxPence: null },
    })
  })
  it('include both ends, so an amount on a boundary fits both bands', () => {
    expect(fitsRange(5_000, delay.low)).toBe(true)
    expect(fitsRange(4_999, delay.low)).toBe(false)
    expect(fitsRange(25_001, delay.low)).toBe(false)
    expect(bandsFor(25_000, 'delay', defaultCompensationPolicy)).toEqual(['low', 'medium'])
    expect(bandsFor(1_000_000, 'delay', defaultCompensationPolicy)).toEqual(['high'])
    expect(bandsFor(1_000, 'delay', defaultCompensationPolicy)).toEqual([])
  })
  it('are read from settings where sensible, per category and band, defaults otherwise', () => {
    const stored = {
      delay: { low: { minPence: 1_000, maxPence: 10_000 }, medium: { minPence: -5, maxPence: 1 } },
      nonsense: { low: { minPence: 1, maxPence: 2 } },
    }
    const policy = policyFrom(stored)
    expect(policy.delay.low).toEqual({ minPence: 1_000, maxPence: 10_000 })
    expect(policy.delay.medium).toEqual(defaultCompensationPolicy.delay.medium)
    expect(policy.other).toEqual(defaultCompensationPolicy.other)
    expect(policyFrom(null)).toEqual(defaultCompensationPolicy)
    expect(policyFrom('x')).toEqual(defaultCompensationPolicy)
  })
})

describe('the Ombudsman’s remedies guidance bands', () => {
  it('are recorded with their version and read from settings', () => {
    expect(defaultOmbudsmanBands.version).toMatch(/Guidance on remedies/)
    const stored = ombudsmanBandsFrom({ version: 'March 2026', bands: { minor: { minPence: 0, maxPence: 5_000 } } })
    expect(stored.version).toBe('March 2026')
    expect(stored.bands.minor).toEqual({ minPence: 0, maxPence: 5_000 })
    expect(stored.bands.severe).toEqual(defaultOmbudsmanBands.bands.severe)
    expect(ombudsmanBandsFrom({ version: ' ' }).version).toBe(defaultOmbudsmanBands.version)
    expect(ombudsmanBandsFrom(undefined)).toEqual(defaultOmbudsmanBands)
  })
  it('place an amount in one band, the lower one on a boundary', () => {
    expect(ombudsmanBandOf(5_000, defaultOmbudsmanBands)).toBe('minor')
    expect(ombudsmanBandOf(10_000, defaultOmbudsmanBands)).toBe('minor')
    expect(ombudsmanBandOf(10_001, defaultOmbudsmanBands)).toBe('adverse')
    expect(ombudsmanBandOf(60_000, defaultOmbudsmanBands)).toBe('adverse')
    expect(ombudsmanBandOf(100_000, defaultOmbudsmanBands)).toBe('significant')
    expect(ombudsmanBandOf(100_001, defaultOmbudsmanBands)).toBe('severe')
    expect(ombudsmanBandOf(50, defaultOmbudsmanBands)).toBeNull()
  })
})

describe('authorisation limits (PTR-5)', () => {
  it('default to £250 handler, £500 Stage 2 reviewer, £1,000 manager, approver unlimited', () => {
    expect(limitOf('complaint_handler', limits)).toBe(25_000)
    expect(limitOf('stage2_reviewer', limits)).toBe(50_000)
    expect(limitOf('manager', limits)).toBe(100_000)
    expect(limitOf('compensation_approver', limits)).toBeNull()
  })
  it('give nothing to a role without a limit', () => {
    expect(limitOf('advisor', limits)).toBe(0)
    expect(withinLimit(1, 'advisor', limits)).toBe(false)
  })
  it('cover an amount up to and including the limit', () => {
    expect(withinLimit(25_000, 'complaint_handler', limits)).toBe(true)
    expect(withinLimit(25_001, 'complaint_handler', limits)).toBe(false)
    expect(withinLimit(10_000_000, 'compensation_approver', limits)).toBe(true)
  })
  it('are read from settings, null meaning no limit; bad values keep the default', () => {
    const stored = limitsFrom({ complaint_handler: 10_000, manager: null, stage2_reviewer: 'lots', advisor: 99 })
    expect(stored).toMatchObject({ complaint_handler: 10_000, manager: null, stage2_reviewer: 50_000 })
    expect(limitOf('advisor', stored)).toBe(0)
    expect(limitsFrom(7)).toEqual(defaultAuthorisationLimits)
  })
  it('approve an award at once when the proposer’s own limit covers it', () => {
    expect(initialStatus(25_000, 'complaint_handler', limits)).toBe('approved')
    expect(initialStatus(25_001, 'complaint_handler', limits)).toBe('proposed')
    expect(initialStatus(100_001, 'manager', limits)).toBe('proposed')
  })
})

describe('an award’s states', () => {
  const proposed: AwardFacts = {
    status: 'proposed',
    amountPence: 40_000,
    proposedBy: handler.id,
    offeredOn: null,
    decidedOn: null,
  }
  const ctx = { limits, today }

  it('are approved by someone else whose limit covers the amount', () => {
    expect(applyAwardCommand(proposed, { type: 'approve', by: reviewer }, ctx)).toEqual({
      ok: true,
      status: 'approved',
      set: {},
    })
    expect(applyAwardCommand(proposed, { type: 'approve', by: approver }, ctx)).toMatchObject({ status: 'approved' })
  })
  it('are never approved by the proposer, whatever their limit', () => {
    const own = { ...proposed, proposedBy: approver.id }
    expect(applyAwardCommand(own, { type: 'approve', by: approver }, ctx)).toMatchObject({
      ok: false,
      refusal: 'staff-errors:compensation.ownProposal',
    })
  })
  it('are not approved by someone whose limit is below the amount', () => {
    expect(
      applyAwardCommand(proposed, { type: 'approve', by: { id: 'h2', role: 'complaint_handler' } }, ctx),
    ).toMatchObject({ ok: false, refusal: 'staff-errors:compensation.overYourLimit' })
    const big = { ...proposed, amountPence: 150_000 }
    expect(applyAwardCommand(big, { type: 'approve', by: manager }, ctx)).toMatchObject({
      refusal: 'staff-errors:compensation.overYourLimit',
    })
    expect(
      applyAwardCommand({ ...proposed, amountPence: 100_000 }, { type: 'approve', by: manager }, ctx),
    ).toMatchObject({ ok: true })
  })
  it('are rejected with a reason by someone who could have approved them', () => {
    expect(applyAwardCommand(proposed, { type: 'reject', by: approver, reason: ' ' }, ctx)).toMatchObject({
      refusal: 'staff-errors:compensation.rejectReasonRequired',
      field: 'rejectReason',
    })
    expect(applyAwardCommand(proposed, { type: 'reject', by: approver, reason: 'Outside policy' }, ctx)).toMatchObject({
      ok: true,
      status: 'rejected',
    })
    expect(
      applyAwardCommand(proposed, { type: 'reject', by: { id: 'h2', role: 'complaint_handler' }, reason: 'x' }, ctx),
    ).toMatchObject({ refusal: 'staff-errors:compensation.overYourLimit' })
  })
  it('are decided once: an approved award is not approved again', () => {
    expect(
      applyAwardCommand({ ...proposed, status: 'approved' }, { type: 'approve', by: approver }, ctx),
    ).toMatchObject({ refusal: 'staff-errors:compensation.notAwaitingApproval' })
  })
  it('are offered only once approved, on a day not in the future', () => {
    expect(applyAwardCommand(proposed, { type: 'offer', on: today }, ctx)).toMatchObject({
      refusal: 'staff-errors:compensation.notApproved',
    })
    const approved = { ...proposed, status: 'approved' as const }
    expect(applyAwardCommand(approved, { type: 'offer', on: today }, ctx)).toEqual({
      ok: true,
      status: 'offered',
      set: { offeredOn: today },
    })
    expect(applyAwardCommand(approved, { type: 'offer', on: '2026-06-16' }, ctx)).toMatchObject({
      refusal: 'staff-errors:compensation.dateFuture',
    })
    expect(applyAwardCommand(approved, { type: 'offer', on: '15/06/2026' }, ctx)).toMatchObject({
      refusal: 'staff-errors:compensation.dateInvalid',
    })
  })
  it('are accepted or declined by the resident once offered, not before the offer', () => {
    const offered = { ...proposed, status: 'offered' as const, offeredOn: '2026-06-10' }
    expect(applyAwardCommand(offered, { type: 'decide', on: '2026-06-10', accepted: true }, ctx)).toEqual({
      ok: true,
      status: 'accepted',
      set: { decidedOn: '2026-06-10' },
    })
    expect(applyAwardCommand(offered, { type: 'decide', on: '2026-06-11', accepted: false }, ctx)).toMatchObject({
      status: 'declined',
    })
    expect(applyAwardCommand(offered, { type: 'decide', on: '2026-06-09', accepted: true }, ctx)).toMatchObject({
      refusal: 'staff-errors:compensation.dateBeforeOffer',
    })
    expect(
      applyAwardCommand({ ...proposed, status: 'approved' }, { type: 'decide', on: today, accepted: true }, ctx),
    ).toMatchObject({ refusal: 'staff-errors:compensation.notOffered' })
  })
  it('are paid only after the resident accepted, with a payment method, not before the decision', () => {
    const accepted = { ...proposed, status: 'accepted' as const, offeredOn: '2026-06-10', decidedOn: '2026-06-12' }
    expect(applyAwardCommand(accepted, { type: 'pay', on: '2026-06-12', method: 'rent_credit' }, ctx)).toEqual({
      ok: true,
      status: 'paid',
      set: { paidOn: '2026-06-12' },
    })
    expect(applyAwardCommand(accepted, { type: 'pay', on: '2026-06-11', method: 'bank' }, ctx)).toMatchObject({
      refusal: 'staff-errors:compensation.dateBeforeDecision',
    })
    expect(applyAwardCommand(accepted, { type: 'pay', on: today, method: 'cash' }, ctx)).toMatchObject({
      refusal: 'staff-errors:compensation.methodRequired',
      field: 'paymentMethod',
    })
    for (const status of ['proposed', 'approved', 'offered', 'declined', 'rejected', 'paid'] as const) {
      expect(
        applyAwardCommand({ ...accepted, status }, { type: 'pay', on: today, method: 'bank' }, ctx),
        status,
      ).toMatchObject({
        refusal: 'staff-errors:compensation.notAccepted',
      })
    }
  })
})

describe('a proposal', () => {
  const input = {
    stage: '1',
    category: 'delay',
    band: 'low',
    amount: '150',
    reason: 'Three missed appointments over six weeks.',
    outsideBandReason: '',
    ombudsmanOrdered: false,
  }
  it('is accepted inside its band without a further reason', () => {
    expect(validateProposal(input, defaultCompensationPolicy, [1])).toEqual({
      ok: true,
      value: {
        stage: 1,
        category: 'delay',
        band: 'low',
        amountPence: 15_000,
        reason: 'Three missed appointments over six weeks.',
        outsideBandReason: null,
        ombudsmanOrdered: false,
      },
    })
  })
  it('needs a reason for going outside the chosen band, naming the band', () => {
    const outside = validateProposal({ ...input, amount: '300' }, defaultCompensationPolicy, [1])
    expect(outside).toEqual({
      ok: false,
      errors: {
        outsideBandReason: {
          key: 'staff-errors:compensation.outsideBand',
          values: { min: '50.00', max: '250.00' },
        },
      },
    })
    const below = validateProposal({ ...input, band: 'high', amount: '699.99' }, defaultCompensationPolicy, [1])
    expect(below.ok === false && below.errors.outsideBandReason?.key).toBe('staff-errors:compensation.outsideOpenBand')
    const explained = validateProposal(
      { ...input, amount: '300', outsideBandReason: 'Long-term disrepair' },
      defaultCompensationPolicy,
      [1],
    )
    expect(explained).toMatchObject({
      ok: true,
      value: { amountPence: 30_000, outsideBandReason: 'Long-term disrepair' },
    })
  })
  it('accepts the band’s own boundaries without a further reason', () => {
    for (const amount of ['50', '250'])
      expect(validateProposal({ ...input, amount }, defaultCompensationPolicy, [1]).ok, amount).toBe(true)
    expect(validateProposal({ ...input, amount: '49.99' }, defaultCompensationPolicy, [1]).ok).toBe(false)
  })
  it('needs every field, an amount above zero and a stage the complaint has reached', () => {
    const result = validateProposal(
      { ...input, stage: '2', category: 'x', band: '', amount: 'ten', reason: ' ' },
      defaultCompensationPolicy,
      [1],
    )
    expect(result.ok === false && Object.keys(result.errors).sort()).toEqual([
      'amount',
      'band',
      'category',
      'reason',
      'stage',
    ])
    const zero = validateProposal({ ...input, amount: '0' }, defaultCompensationPolicy, [1])
    expect(zero.ok === false && zero.errors.amount?.key).toBe('staff-errors:compensation.amountZero')
    expect(validateProposal({ ...input, stage: '2' }, defaultCompensationPolicy, [1, 2]).ok).toBe(true)
  })
})

describe('the policy form', () => {
  const filled = () => {
    const values: Record<string, string> = {}
    for (const category of ['time_and_trouble', 'delay', 'distress_and_inconvenience', 'financial_loss', 'other']) {
      values[policyFieldName(category, 'low', 'min')] = '50'
      values[policyFieldName(category, 'low', 'max')] = '250'
      values[policyFieldName(category, 'medium', 'min')] = '250'
      values[policyFieldName(category, 'medium', 'max')] = '700'
      values[policyFieldName(category, 'high', 'min')] = '700'
      values[policyFieldName(category, 'high', 'max')] = ''
    }
    return values
  }
  it('gives the policy in pence, an empty maximum meaning no upper limit', () => {
    const result = parsePolicyForm({ ...filled(), 'delay-low-min': '£75' })
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.policy.delay.low).toEqual({ minPence: 7_500, maxPence: 25_000 })
      expect(result.policy.delay.high).toEqual({ minPence: 70_000, maxPence: null })
    }
  })
  it('names each field in error: not an amount, maximum below minimum, bands out of order', () => {
    const result = parsePolicyForm({
      ...filled(),
      'delay-low-min': 'fifty',
      'other-medium-max': '100',
      'financial_loss-high-min': '10',
    })
    expect(result).toEqual({
      ok: false,
      errors: {
        'delay-low-min': { key: 'staff-errors:compensation.amountInvalid' },
        'other-medium-max': { key: 'staff-errors:compensation.maxBelowMin' },
        'financial_loss-high-min': { key: 'staff-errors:compensation.bandsOutOfOrder' },
      },
    })
  })
  it('needs every minimum', () => {
    const values = filled()
    delete values['delay-medium-min']
    const result = parsePolicyForm(values)
    expect(result.ok === false && result.errors['delay-medium-min']?.key).toBe(
      'staff-errors:compensation.amountInvalid',
    )
  })
})

describe('the limits, budget and Ombudsman forms (zod)', () => {
  it('read limits in pounds, empty for no limit', () => {
    const result = validate(limitsForm, {
      complaint_handler: '300',
      stage2_reviewer: '500',
      manager: '1,000',
      compensation_approver: '',
    })
    expect(result).toEqual({
      ok: true,
      data: { complaint_handler: 30_000, stage2_reviewer: 50_000, manager: 100_000, compensation_approver: null },
    })
    const bad = validate(limitsForm, { complaint_handler: 'x', stage2_reviewer: '1', manager: '1' })
    expect(bad.ok === false && bad.errors).toEqual({
      complaint_handler: { key: 'staff-errors:compensation.amountInvalid' },
      compensation_approver: { key: 'staff-errors:compensation.amountInvalid' },
    })
  })
  it('read a budget for a financial year', () => {
    expect(validate(budgetForm, { year: '2026', budget: '20,000' })).toEqual({
      ok: true,
      data: { year: '2026', budget: 2_000_000 },
    })
    const bad = validate(budgetForm, { year: '26', budget: '' })
    expect(bad.ok === false && bad.errors).toEqual({
      year: { key: 'staff-errors:compensation.yearInvalid' },
      budget: { key: 'staff-errors:compensation.amountInvalid' },
    })
  })
  it('read the Ombudsman bands with their version', () => {
    const values = {
      version: 'Guidance on remedies, April 2024',
      'ombudsman-minor-min': '1',
      'ombudsman-minor-max': '100',
      'ombudsman-adverse-min': '100',
      'ombudsman-adverse-max': '600',
      'ombudsman-significant-min': '600',
      'ombudsman-significant-max': '1000',
      'ombudsman-severe-min': '1000',
      'ombudsman-severe-max': '',
    }
    const result = parseOmbudsmanForm(values)
    expect(result).toEqual({ ok: true, bands: { ...defaultOmbudsmanBands, version: values.version } })
    const bad = parseOmbudsmanForm({ ...values, version: '', 'ombudsman-adverse-max': '50' })
    expect(bad.ok === false && bad.errors).toEqual({
      version: { key: 'staff-errors:compensation.versionRequired' },
      'ombudsman-adverse-max': { key: 'staff-errors:compensation.maxBelowMin' },
    })
  })
  it('read stored budgets by year, ignoring anything else', () => {
    expect(budgetsFrom({ '2026': 2_000_000, '2025': -1, next: 5, '2027': 1.5 })).toEqual({ '2026': 2_000_000 })
    expect(budgetsFrom(null)).toEqual({})
  })
})

describe('the financial year (1 April)', () => {
  it.each([
    ['2026-04-01', 2026],
    ['2026-03-31', 2025],
    ['2027-03-31', 2026],
    ['2026-12-31', 2026],
    ['2026-01-01', 2025],
  ])('%s is in the year starting %i', (date, year) => {
    expect(financialYearOf(date)).toBe(year)
  })
  it('runs from 1 April to 31 March', () => {
    expect(financialYearRange(2026)).toEqual({ from: '2026-04-01', to: '2027-03-31' })
  })
})

describe('the budget used (kpis.md compensationBudgetUsedPct)', () => {
  it('is the kpis.md example: £4,250 of £20,000 → 21.3', () => {
    expect(budgetUse(2_000_000, 425_000, 10_000)).toEqual({
      budgetPence: 2_000_000,
      paidPence: 425_000,
      committedPence: 10_000,
      remainingPence: 1_575_000,
      usedPct: 21.3,
    })
  })
  it('rounds halves up (1 of 16 → 6.3) and may exceed 100 when overspent', () => {
    expect(budgetUse(1_600, 100).usedPct).toBe(6.3)
    expect(budgetUse(10_000, 15_000)).toMatchObject({ usedPct: 150, remainingPence: -5_000 })
  })
  it('has no percentage without a budget, or with a zero budget', () => {
    expect(budgetUse(null, 5_000)).toMatchObject({ usedPct: null, remainingPence: null })
    expect(budgetUse(undefined, 0).usedPct).toBeNull()
    expect(budgetUse(0, 0)).toMatchObject({ usedPct: null, remainingPence: 0 })
  })
})

describe('benchmarking', () => {
  it('finds the median of odd and even counts (to the nearest penny)', () => {
    expect(median([])).toBeNull()
    expect(median([300, 100, 200])).toBe(200)
    expect(median([100, 200, 400, 300])).toBe(250)
    expect(median([1, 2])).toBe(2)
  })
  const awards = [
    { category: 'delay', outcome: 'upheld', amountPence: 5_000 },
    { category: 'delay', outcome: 'upheld', amountPence: 20_000 },
    { category: 'delay', outcome: 'partly_upheld', amountPence: 80_000 },
    { category: 'financial_loss', outcome: 'not_upheld', amountPence: 150_000 },
    { category: 'other', outcome: null, amountPence: 50 },
  ]
  const report = benchmark(awards, defaultOmbudsmanBands)
  it('groups by every category in policy order, empty ones included', () => {
    expect(report.byCategory.map((row) => row.key)).toEqual([
      'time_and_trouble',
      'delay',
      'distress_and_inconvenience',
      'financial_loss',
      'other',
    ])
    expect(report.byCategory[0]).toMatchObject({ count: 0, totalPence: 0, averagePence: null, medianPence: null })
    expect(report.byCategory[1]).toMatchObject({
      key: 'delay',
      count: 3,
      totalPence: 105_000,
      averagePence: 35_000,
      medianPence: 20_000,
      minPence: 5_000,
      maxPence: 80_000,
      byOmbudsmanBand: { minor: 1, adverse: 1, significant: 1, severe: 0, none: 0 },
    })
  })
  it('groups by outcome, awards without one as unknown', () => {
    expect(report.byOutcome.map((row) => [row.key, row.count])).toEqual([
      ['upheld', 2],
      ['partly_upheld', 1],
      ['not_upheld', 1],
      ['unknown', 1],
    ])
    expect(report.byOutcome[0]).toMatchObject({ averagePence: 12_500, medianPence: 12_500 })
  })
  it('sets every award against the Ombudsman bands, below the lowest as none', () => {
    expect(report.all).toMatchObject({
      count: 5,
      totalPence: 255_050,
      averagePence: 51_010,
      byOmbudsmanBand: { minor: 1, adverse: 1, significant: 1, severe: 1, none: 1 },
    })
  })
  it('rounds the average to the nearest penny', () => {
    const three = benchmark(
      [1, 1, 2].map((amountPence) => ({ category: 'delay', outcome: 'upheld', amountPence })),
      defaultOmbudsmanBands,
    )
    expect(three.all.averagePence).toBe(1)
  })
})
