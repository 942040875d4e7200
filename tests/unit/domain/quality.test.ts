import { describe, expect, it } from 'vitest'
import {
  canReview,
  checklistItems,
  checklistPoints,
  drawSample,
  hashRank,
  isSampleMonth,
  monthRange,
  previousMonth,
  qaSettingsFrom,
  qaSummary,
  redact,
  reviewPassed,
  reviewStatus,
  sampleSize,
  scoreReview,
  validateReview,
  validateSampleMonth,
  type ChecklistAnswers,
  type SampleCandidate,
} from '~/domain/quality'

const allMet = (): ChecklistAnswers =>
  Object.fromEntries(checklistItems.map((item) => [item, 'met'])) as ChecklistAnswers

describe('the settings', () => {
  it('default to a 10 % sample and a pass mark of 95 (kpis.md qaSamplePct, qaPassMark)', () => {
    expect(qaSettingsFrom({})).toEqual({ samplePct: 10, passMark: 95 })
  })
  it('take stored values that make sense and ignore the rest', () => {
    expect(qaSettingsFrom({ samplePct: 15, passMark: 90 })).toEqual({ samplePct: 15, passMark: 90 })
    expect(qaSettingsFrom({ samplePct: 0, passMark: 101 })).toEqual({ samplePct: 10, passMark: 95 })
    expect(qaSettingsFrom({ samplePct: 'lots', passMark: null })).toEqual({ samplePct: 10, passMark: 95 })
    expect(qaSettingsFrom({ samplePct: 100, passMark: 0 })).toEqual({ samplePct: 100, passMark: 0 })
  })
})

describe('the month sampled', () => {
  it('is YYYY-MM', () => {
    expect(isSampleMonth('2026-03')).toBe(true)
    expect(isSampleMonth('2026-13')).toBe(false)
    expect(isSampleMonth('2026-3')).toBe(false)
    expect(isSampleMonth('2026-00')).toBe(false)
    expect(isSampleMonth(202603)).toBe(false)
  })
  it('runs from its first to its last day, leap years included', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(monthRange('2026-04')).toEqual({ from: '2026-04-01', to: '2026-04-30' })
  })
  it('is by default the month before today, across a year end', () => {
    expect(previousMonth('2026-03-15')).toBe('2026-02')
    expect(previousMonth('2026-01-01')).toBe('2025-12')
  })
  it('may be this month or an earlier one, never a month still to come', () => {
    expect(validateSampleMonth('2026-03', '2026-03-01')).toEqual({})
    expect(validateSampleMonth('2026-02', '2026-03-01')).toEqual({})
    expect(validateSampleMonth('2026-04', '2026-03-31').month?.key).toBe('staff-errors:quality.monthFuture')
    expect(validateSampleMonth('March', '2026-03-31').month?.key).toBe('staff-errors:quality.monthInvalid')
  })
})

describe('the sample size', () => {
  it.each([
    [0, 10, 0],
    [1, 10, 1],
    [7, 10, 1],
    [10, 10, 1],
    [11, 10, 2],
    [20, 10, 2],
    [21, 10, 3],
    [100, 10, 10],
    [101, 10, 11],
    [8, 12.5, 1],
    [9, 12.5, 2],
    [5, 100, 5],
  ])('of %i responses at %s %% is %i (rounded up)', (population, pct, size) => {
    expect(sampleSize(population, pct)).toBe(size)
  })
})

function responses(count: number, handlers: Array<string | null>): SampleCandidate[] {
  return Array.from({ length: count }, (_, index) => ({
    complaintId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    stage: index % 3 === 0 ? 2 : 1,
    handlerId: handlers[index % handlers.length] ?? null,
    respondedOn: `2026-03-${String((index % 28) + 1).padStart(2, '0')}`,
  }))
}

describe('drawing the sample', () => {
  it('takes 10 % rounded up when one handler wrote every response', () => {
    expect(drawSample(responses(25, ['h1']), { samplePct: 10, seed: 's' })).toHaveLength(3)
  })

  it('takes at least one response of every handler, even beyond the percentage', () => {
    const candidates = responses(12, ['h1', 'h2', 'h3', 'h4', 'h5'])
    const sample = drawSample(candidates, { samplePct: 10, seed: 's' })
    expect(new Set(sample.map((s) => s.handlerId))).toEqual(new Set(['h1', 'h2', 'h3', 'h4', 'h5']))
    expect(sample).toHaveLength(5)
  })

  it('counts responses no member of staff can be named for as one more handler', () => {
    const sample = drawSample(responses(4, ['h1', null]), { samplePct: 10, seed: 's' })
    expect(sample.map((s) => s.handlerId).sort()).toEqual(['h1', null].sort())
  })

  it('fills up to the percentage after one each', () => {
    const sample = drawSample(responses(40, ['h1', 'h2']), { samplePct: 10, seed: 's' })
    expect(sample).toHaveLength(4)
    expect(new Set(sample.map((s) => s.handlerId)).size).toBe(2)
  })

  it('is the same for the same seed, whatever order the responses come in', () => {
    const candidates = responses(60, ['h1', 'h2', 'h3'])
    const first = drawSample(candidates, { samplePct: 10, seed: 'month-2026-03' })
    const again = drawSample([...candidates].reverse(), { samplePct: 10, seed: 'month-2026-03' })
    expect(again).toEqual(first)
  })

  it('differs with another seed', () => {
    const candidates = responses(60, ['h1'])
    const a = drawSample(candidates, { samplePct: 10, seed: 'a' }).map((s) => s.complaintId)
    const b = drawSample(candidates, { samplePct: 10, seed: 'b' }).map((s) => s.complaintId)
    expect(a).not.toEqual(b)
  })

  it('keeps what it drew when a later response joins the month, apart from adding to it', () => {
    const candidates = responses(30, ['h1'])
    const before = drawSample(candidates, { samplePct: 10, seed: 'x' }).map((s) => s.complaintId)
    const after = drawSample(responses(31, ['h1']), { samplePct: 10, seed: 'x' }).map((s) => s.complaintId)
    expect(after).toHaveLength(4)
    for (const id of before) expect(after).toContain(id)
  })

  it('treats Stage 1 and Stage 2 of one complaint as two responses', () => {
    const id = '00000000-0000-4000-8000-000000000001'
    const both: SampleCandidate[] = [
      { complaintId: id, stage: 1, handlerId: 'h1', respondedOn: '2026-03-02' },
      { complaintId: id, stage: 2, handlerId: 'h2', respondedOn: '2026-03-20' },
    ]
    expect(drawSample(both, { samplePct: 10, seed: 's' })).toHaveLength(2)
  })

  it('draws nothing from an empty month', () => {
    expect(drawSample([], { samplePct: 10, seed: 's' })).toEqual([])
  })

  it('ranks with a stable hash (pinned values)', () => {
    expect(hashRank('')).toBe(hashRank(''))
    expect(hashRank('a')).not.toBe(hashRank('b'))
    expect(hashRank('seed|x|1')).toBe(hashRank('seed|x|1'))
  })
})

describe('the checklist score', () => {
  it('has 100 points: 10 per Code item and accuracy, 5 for the other handling items', () => {
    expect(Object.values(checklistPoints).reduce((a, b) => a + b, 0)).toBe(100)
  })

  it('is 100 with everything met, and passes', () => {
    expect(scoreReview(allMet())).toMatchObject({
      score: 100,
      scoreTenths: 1000,
      criticalFail: false,
      passed: true,
      notMet: [],
    })
  })

  it('is exactly 95 with one 5-point handling item not met, and that passes (score ≥ 95)', () => {
    const result = scoreReview({ ...allMet(), tone: 'not_met' })
    expect(result).toMatchObject({ pointsMet: 95, pointsApplicable: 100, score: 95, scoreTenths: 950 })
    expect(result.passed).toBe(true)
  })

  it('fails just under the mark: 90 ÷ 95 = 94.7', () => {
    const result = scoreReview({ ...allMet(), tone: 'not_met', adjustmentsHonoured: 'not_applicable' })
    expect(result.score).toBe(94.7)
    expect(result.passed).toBe(false)
    expect(result.criticalFail).toBe(false)
  })

  it('leaves items not applicable out of both the points met and the points applicable', () => {
    const result = scoreReview({ ...allMet(), timeliness: 'not_applicable', adjustmentsHonoured: 'not_applicable' })
    expect(result).toMatchObject({ pointsMet: 90, pointsApplicable: 90, score: 100, passed: true })
  })

  it('is a critical fail when any of R1–R7 is not met, whatever the score', () => {
    for (const item of ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'] as const) {
      const result = scoreReview({ ...allMet(), [item]: 'not_met' })
      expect(result.criticalFail, item).toBe(true)
      expect(result.passed, item).toBe(false)
      expect(result.score, item).toBe(90)
    }
  })

  it('passes a score of 100 at a pass mark of 0 only without a critical fail', () => {
    expect(scoreReview({ ...allMet(), R7: 'not_met' }, 0).passed).toBe(false)
    expect(scoreReview({ ...allMet(), accuracy: 'not_met' }, 0).passed).toBe(true)
  })

  it('rounds to one decimal with halves up (kpis.md C2): 65 ÷ 80 = 81.25 → 81.3', () => {
    const result = scoreReview({
      ...allMet(),
      accuracy: 'not_applicable',
      tone: 'not_applicable',
      timeliness: 'not_applicable',
      R1: 'not_met',
      remedyProportionate: 'not_met',
    })
    expect(result).toMatchObject({ pointsMet: 65, pointsApplicable: 80, scoreTenths: 813, score: 81.3 })
  })

  it('rounds down below a half: 85 ÷ 90 = 94.44 → 94.4; and 55 ÷ 60 = 91.67 → 91.7', () => {
    expect(scoreReview({ ...allMet(), tone: 'not_met', accuracy: 'not_applicable' }).score).toBe(94.4)
    const sixty = {
      ...allMet(),
      R1: 'not_applicable',
      R2: 'not_applicable',
      R3: 'not_applicable',
      R4: 'not_applicable',
      tone: 'not_met',
    } as const
    expect(scoreReview(sixty).score).toBe(91.7)
  })

  it('has no score when nothing applies, and does not pass', () => {
    const none = Object.fromEntries(checklistItems.map((item) => [item, 'not_applicable'])) as ChecklistAnswers
    expect(scoreReview(none)).toMatchObject({
      score: null,
      scoreTenths: null,
      pointsApplicable: 0,
      criticalFail: false,
      passed: false,
    })
  })

  it('is 0 when nothing applicable was met', () => {
    const none = Object.fromEntries(checklistItems.map((item) => [item, 'not_met'])) as ChecklistAnswers
    expect(scoreReview(none)).toMatchObject({ score: 0, criticalFail: true, passed: false })
  })

  it('uses the configured pass mark, compared exactly', () => {
    const ninety = { ...allMet(), accuracy: 'not_met' } as const
    expect(scoreReview(ninety, 90).passed).toBe(true)
    expect(scoreReview(ninety, 90.1).passed).toBe(false)
  })
})

describe('a review form', () => {
  const answers = () => Object.fromEntries(checklistItems.map((item) => [item, 'met'])) as Record<string, string>
  it('needs an answer to every item', () => {
    const result = validateReview({ answers: { ...answers(), tone: '', R3: 'maybe' }, feedback: '' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(['R3', 'tone'])
      expect(result.errors.tone?.key).toBe('staff-errors:quality.answerRequired')
    }
  })
  it('needs feedback when something was not met, and not otherwise', () => {
    const missed = validateReview({ answers: { ...answers(), tone: 'not_met' }, feedback: '  ' })
    expect(missed.ok).toBe(false)
    if (!missed.ok) expect(missed.errors.feedback?.key).toBe('staff-errors:quality.feedbackRequired')
    expect(validateReview({ answers: answers(), feedback: '' }).ok).toBe(true)
    const given = validateReview({ answers: { ...answers(), tone: 'not_met' }, feedback: ' Warmer opening. ' })
    expect(given).toMatchObject({ ok: true, feedback: 'Warmer opening.' })
  })
  it('refuses a review where nothing applies', () => {
    const none = Object.fromEntries(checklistItems.map((item) => [item, 'not_applicable']))
    const result = validateReview({ answers: none, feedback: '' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.R1?.key).toBe('staff-errors:quality.nothingApplies')
  })
})

describe('who may review', () => {
  it('is anyone but the handler of the response', () => {
    expect(canReview('r1', 'h1')).toBe(true)
    expect(canReview('h1', 'h1')).toBe(false)
    expect(canReview('r1', null)).toBe(true)
  })
})

describe('the month’s summary (kpis.md qaAverageScore, qaPassPct)', () => {
  it('is the kpis.md example: 100, 96, 90, 98 → mean 96.0, 3 of 4 pass = 75.0', () => {
    const reviews = [1000, 960, 900, 980].map((scoreTenths) => ({ scoreTenths, criticalFail: false }))
    expect(qaSummary(reviews)).toEqual({ reviewed: 4, passed: 3, averageScore: 96, passPct: 75 })
  })
  it('counts a critical fail as not passing whatever its score, and skips unscored rows', () => {
    const reviews = [
      { scoreTenths: 1000, criticalFail: true },
      { scoreTenths: 950, criticalFail: false },
      { scoreTenths: null, criticalFail: null },
    ]
    expect(qaSummary(reviews)).toEqual({ reviewed: 2, passed: 1, averageScore: 97.5, passPct: 50 })
  })
  it('rounds the mean to one decimal and the rate with C2 (1 of 3 = 33.3)', () => {
    const reviews = [
      { scoreTenths: 1000, criticalFail: false },
      { scoreTenths: 900, criticalFail: false },
      { scoreTenths: 901, criticalFail: false },
    ]
    expect(qaSummary(reviews)).toMatchObject({ averageScore: 93.4, passPct: 33.3 })
  })
  it('has no figures without reviews', () => {
    expect(qaSummary([])).toEqual({ reviewed: 0, passed: 0, averageScore: null, passPct: null })
  })
  it('passes a review at the mark exactly, never with a critical fail or without a score', () => {
    expect(reviewPassed({ scoreTenths: 950, criticalFail: false })).toBe(true)
    expect(reviewPassed({ scoreTenths: 949, criticalFail: false })).toBe(false)
    expect(reviewPassed({ scoreTenths: 1000, criticalFail: true })).toBe(false)
    expect(reviewPassed({ scoreTenths: null, criticalFail: false })).toBe(false)
    expect(reviewPassed({ scoreTenths: 900, criticalFail: null }, 90)).toBe(true)
  })
  it('says whether a row is still to review', () => {
    expect(reviewStatus({ reviewedOn: null })).toBe('to_review')
    expect(reviewStatus({ reviewedOn: '2026-03-04' })).toBe('reviewed')
  })
})

describe('redaction', () => {
  const labels = {
    name: '[name]',
    address: '[address]',
    email: '[email]',
    phone: '[phone]',
    postcode: '[postcode]',
    reference: '[reference]',
  }
  const details = {
    names: ['Anna-Maria O’Neill Jones'],
    address: '12 Rose Court, Splott, Cardiff',
    email: 'anna.jones@example.org',
    phone: '029 2087 1234',
    postcode: 'CF10 1AA',
    reference: 'PR-2026-000123',
  }

  it('replaces the full name, and each part of it as a capitalised word', () => {
    expect(redact('Dear Anna-Maria O’Neill Jones,', details, labels)).toBe('Dear [name],')
    expect(redact('Dear Ms Jones, thank you. Jones said', details, labels)).toBe(
      'Dear Ms [name], thank you. [name] said',
    )
    expect(redact('anna-maria o’neill jones', details, labels)).toBe('[name]')
  })

  it('leaves words that merely contain a name part, or the part in lower case, alone', () => {
    expect(redact('Jonesy and Annabel; the jones family', details, labels)).toBe('Jonesy and Annabel; the jones family')
    const rose = { names: ['Rose Smith'] }
    expect(redact('The rent rose. Rose called.', rose, labels)).toBe('The rent rose. [name] called.')
  })

  it('never redacts a title on its own', () => {
    expect(redact('Mr and Mrs', { names: ['Mr John Smith'] }, labels)).toBe('Mr and Mrs')
    expect(redact('Mr John Smith', { names: ['Mr John Smith'] }, labels)).toBe('[name]')
  })

  it('replaces the whole address and each line of it', () => {
    expect(redact('We visited 12 Rose Court, Splott, Cardiff on Monday.', details, labels)).toBe(
      'We visited [address] on Monday.',
    )
    expect(redact('at 12 Rose Court yesterday; the Splott office', details, labels)).toBe(
      'at [address] yesterday; the [address] office',
    )
    expect(redact('12 Rose Court\nSplott', details, labels)).toBe('[address]\n[address]')
  })

  it('replaces the email address in any case, before the name inside it', () => {
    expect(redact('Write to ANNA.JONES@example.org.', details, labels)).toBe('Write to [email].')
  })

  it('replaces the phone number however it is spaced, and in +44 form', () => {
    for (const written of ['029 2087 1234', '02920871234', '029-2087-1234', '(029) 2087 1234', '+44 29 2087 1234'])
      expect(redact(`Call ${written} today`, details, labels), written).toBe('Call [phone] today')
    expect(redact('Call 029 2087 1235', details, labels)).toBe('Call 029 2087 1235')
  })

  it('replaces the postcode with or without its space, in any case', () => {
    for (const written of ['CF10 1AA', 'CF101AA', 'cf10 1aa', 'CF10  1AA'])
      expect(redact(`Post: ${written}.`, details, labels), written).toBe('Post: [postcode].')
    expect(redact('CF10 1AB', details, labels)).toBe('CF10 1AB')
  })

  it('replaces the complaint reference', () => {
    expect(redact('Your reference is PR-2026-000123.', details, labels)).toBe('Your reference is [reference].')
    expect(redact('pr-2026-000123', details, labels)).toBe('[reference]')
  })

  it('never redacts inside a label it has already written', () => {
    const nameLike = { names: ['Name Address'], address: 'Name Street' }
    expect(redact('Dear Name Address at Name Street', nameLike, labels)).toBe('Dear [name] at [address]')
  })

  it('handles missing details and text with nothing to redact', () => {
    expect(redact('Nothing personal here.', {}, labels)).toBe('Nothing personal here.')
    expect(redact('Hello', { names: [null, '', undefined], phone: '12', postcode: 'X1' }, labels)).toBe('Hello')
  })

  it('treats the name as text, never as a pattern', () => {
    expect(redact('Dear (a+) and a', { names: ['(a+)'] }, labels)).toBe('Dear [name] and a')
  })

  it('redacts names in other scripts as whole words', () => {
    expect(redact('عزيزي محمد، شكرا', { names: ['محمد علي'] }, labels)).toBe('عزيزي [name]، شكرا')
  })

  it('redacts a representative’s name too', () => {
    expect(redact('Copied to Cllr Bevan', { names: ['Anna Jones', 'Aneurin Bevan'] }, labels)).toBe(
      'Copied to Cllr [name]',
    )
  })
})
