// Equality monitoring: one set of answers per person, complainants beside everyone who answered,
// and every cell through the suppression rules (counts 1–9, rates over fewer than 10).
import { describe, expect, it } from 'vitest'
import {
  equalityMonitoring,
  latestPerResident,
  NOT_ANSWERED,
  type EqualityResponseRow,
} from '~/domain/equality-monitoring'
import { equalityQuestions } from '~/domain/journeys/complaint'
import { FEWER_THAN_10 } from '~/domain/suppression'

const row = (residentId: string | null, answers: unknown, createdAt = '2026-01-01T00:00:00Z'): EqualityResponseRow => ({
  residentId,
  answers,
  createdAt,
})

const many = (prefix: string, n: number, answers: Record<string, string>) =>
  Array.from({ length: n }, (_, i) => row(`${prefix}${i}`, answers))

describe('one set of answers per person', () => {
  it("keeps a resident's latest answers and every unlinked response", () => {
    const people = latestPerResident([
      row('r1', { sex: 'female' }, '2026-01-01T00:00:00Z'),
      row('r1', { sex: 'male' }, '2026-02-01T00:00:00Z'),
      row('r1', { sex: 'female' }, '2025-12-01T00:00:00Z'),
      row(null, { sex: 'female' }),
      row(null, { sex: 'male' }),
      row('r2', 'not an object'),
      row('r3', { sex: 7, disability: 'yes', religion: '' }),
    ])
    expect(people).toEqual([
      { residentId: 'r1', answers: { sex: 'male' } },
      { residentId: 'r2', answers: {} },
      { residentId: 'r3', answers: { disability: 'yes' } },
      { residentId: null, answers: { sex: 'female' } },
      { residentId: null, answers: { sex: 'male' } },
    ])
  })
})

describe('the monitoring table', () => {
  // 30 people answered: 12 complainants (10 aged 25–34, 2 aged 75+), 18 others (all 25–34).
  const responses = [
    ...many('c', 10, { ageBand: '25_34', disability: 'yes' }),
    ...many('d', 2, { ageBand: '75_plus' }),
    ...many('o', 18, { ageBand: '25_34', disability: 'no', sex: 'female' }),
  ]
  const complainants = new Set([
    ...Array.from({ length: 10 }, (_, i) => `c${i}`),
    'd0',
    'd1',
    'someone-without-answers',
  ])
  const table = equalityMonitoring(responses, complainants)
  const question = (q: string) => table.questions.find((t) => t.question === q)
  const answer = (q: string, a: string) => question(q)?.rows.find((r) => r.answer === a)

  it('lists every question the journey asks, with every answer, prefer not to say and not answered', () => {
    expect(table.questions.map((q) => q.question)).toEqual(Object.keys(equalityQuestions))
    expect(question('disability')?.rows.map((r) => r.answer)).toEqual(['yes', 'no', 'prefer_not_to_say', NOT_ANSWERED])
  })

  it('shows 10 or more and 0 as they are, with percentages over 10 or more people', () => {
    expect(table.complainants).toEqual({ kind: 'count', value: 12, suppressed: null })
    expect(table.population).toEqual({ kind: 'count', value: 30, suppressed: null })
    expect(answer('ageBand', '25_34')).toEqual({
      answer: '25_34',
      complainants: { kind: 'count', value: 10, suppressed: null },
      complainantsPct: { kind: 'rate', value: 83.3, suppressed: null },
      population: { kind: 'count', value: 28, suppressed: null },
      populationPct: { kind: 'rate', value: 93.3, suppressed: null },
    })
    expect(answer('ageBand', '16_24')?.complainants).toEqual({ kind: 'count', value: 0, suppressed: null })
    expect(answer('ageBand', '16_24')?.complainantsPct).toEqual({ kind: 'rate', value: 0, suppressed: null })
  })

  it('suppresses counts of 1 to 9 in both groups, and their percentages only by their base', () => {
    const old = answer('ageBand', '75_plus')
    expect(old?.complainants).toEqual({ kind: 'count', value: FEWER_THAN_10, suppressed: 'primary' })
    expect(old?.population).toEqual({ kind: 'count', value: FEWER_THAN_10, suppressed: 'primary' })
    // The base (12 complainants, 30 people) is 10 or more, so the rate itself is shown.
    expect(old?.complainantsPct.value).toBe(16.7)
    // Not answered: 2 complainants (suppressed), 2 of everyone (suppressed).
    expect(answer('disability', NOT_ANSWERED)?.complainants.value).toBe(FEWER_THAN_10)
    expect(answer('sex', 'female')?.complainants.value).toBe(0)
    expect(answer('sex', 'female')?.population.value).toBe(18)
  })

  it('suppresses every percentage when fewer than 10 complainants answered', () => {
    const small = equalityMonitoring(responses, new Set(['c0', 'c1', 'c2']))
    expect(small.complainants.value).toBe(FEWER_THAN_10)
    for (const q of small.questions) {
      for (const r of q.rows) {
        expect(r.complainantsPct).toEqual({ kind: 'rate', value: FEWER_THAN_10, suppressed: 'primary' })
        expect(r.populationPct.suppressed).toBeNull()
      }
    }
  })

  it('suppresses everything, even zeros as rates, when nobody answered', () => {
    const empty = equalityMonitoring([], new Set(['r1']))
    expect(empty.complainants).toEqual({ kind: 'count', value: 0, suppressed: null })
    const cell = empty.questions[0]?.rows[0]
    expect(cell?.complainants.value).toBe(0)
    expect(cell?.complainantsPct.value).toBe(FEWER_THAN_10)
    expect(cell?.populationPct.value).toBe(FEWER_THAN_10)
  })

  it('adds any other stored question and answer after the journey’s, never dropping data', () => {
    const extra = equalityMonitoring(
      [...many('p', 12, { sexualOrientation: 'bisexual', ageBand: 'unknown_band' })],
      new Set(),
    )
    expect(extra.questions.map((q) => q.question)).toEqual([...Object.keys(equalityQuestions), 'sexualOrientation'])
    expect(extra.questions.find((q) => q.question === 'ageBand')?.rows.map((r) => r.answer)).toContain('unknown_band')
    expect(
      extra.questions.find((q) => q.question === 'sexualOrientation')?.rows.find((r) => r.answer === 'bisexual')
        ?.population.value,
    ).toBe(12)
  })

  it('never carries a resident id or an individual answer out', () => {
    expect(JSON.stringify(table)).not.toMatch(/"c0"|residentId/)
  })
})
