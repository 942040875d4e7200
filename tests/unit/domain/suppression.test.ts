import { describe, expect, it } from 'vitest'
import {
  FEWER_THAN_10,
  isSuppressed,
  suppressCell,
  suppressCount,
  suppressRate,
  suppressTable,
  type Cell,
} from '~/domain/suppression'

describe('a count shown to the tenant panel', () => {
  it('shows 0 as 0 (kpis.md example: 0 → 0)', () => {
    expect(suppressCount(0)).toBe(0)
  })
  it.each([1, 2, 7, 9])('shows %i as fewer than 10 (kpis.md example: 7 complaints)', (n) => {
    expect(suppressCount(n)).toBe(FEWER_THAN_10)
  })
  it.each([10, 11, 99, 10_000])('shows %i as it is', (n) => {
    expect(suppressCount(n)).toBe(n)
  })
  it('refuses what is not a count', () => {
    expect(() => suppressCount(-1)).toThrow(RangeError)
    expect(() => suppressCount(2.5)).toThrow(RangeError)
    expect(() => suppressCount(Number.NaN)).toThrow(RangeError)
  })
})

describe('a percentage or average shown to the tenant panel', () => {
  it('is fewer than 10 when its denominator is below 10 (kpis.md example: 3 ÷ 8 upheld)', () => {
    expect(suppressRate(37.5, 8)).toBe(FEWER_THAN_10)
  })
  it('is shown when its denominator is 10 or more (kpis.md example: 3 ÷ 12 → 25.0)', () => {
    expect(suppressRate(25.0, 12)).toBe(25)
    expect(suppressRate(30.0, 10)).toBe(30)
  })
  it('is fewer than 10 over a denominator of 9, shown over 10 (the boundary)', () => {
    expect(suppressRate(100, 9)).toBe(FEWER_THAN_10)
    expect(suppressRate(100, 10)).toBe(100)
  })
  it('is fewer than 10 over a denominator of 0, even though there is no figure', () => {
    expect(suppressRate(null, 0)).toBe(FEWER_THAN_10)
  })
  it('keeps a 0 % over a large enough base', () => {
    expect(suppressRate(0, 40)).toBe(0)
  })
  it('refuses a denominator that is not a count', () => {
    expect(() => suppressRate(10, -3)).toThrow(RangeError)
    expect(() => suppressRate(10, 1.5)).toThrow(RangeError)
  })
})

describe('a cell', () => {
  it('never suppresses money (compensation paid £4.00 stays £4.00)', () => {
    expect(suppressCell({ kind: 'money', value: 4 })).toEqual({ kind: 'money', value: 4, suppressed: null })
    expect(suppressCell({ kind: 'money', value: 0 })).toEqual({ kind: 'money', value: 0, suppressed: null })
  })
  it('says a small count or base is suppressed for its own sake (primary)', () => {
    expect(suppressCell({ kind: 'count', value: 3 })).toEqual({
      kind: 'count',
      value: FEWER_THAN_10,
      suppressed: 'primary',
    })
    expect(suppressCell({ kind: 'rate', value: 12.5, denominator: 8 })).toEqual({
      kind: 'rate',
      value: FEWER_THAN_10,
      suppressed: 'primary',
    })
    expect(suppressCell({ kind: 'rate', value: 12.5, denominator: 16 })).toEqual({
      kind: 'rate',
      value: 12.5,
      suppressed: null,
    })
  })
  it('is recognised as suppressed only by the marker', () => {
    expect(isSuppressed(FEWER_THAN_10)).toBe(true)
    expect(isSuppressed(0)).toBe(false)
    expect(isSuppressed(null)).toBe(false)
    expect(isSuppressed('fewer than 10')).toBe(false)
  })
})

const count = (value: number): Cell => ({ kind: 'count', value })

describe('a table, cell by cell', () => {
  const rows = [
    {
      upheld: count(3),
      notUpheld: count(20),
      total: count(23),
      upheldPct: { kind: 'rate', value: 13, denominator: 23 } as Cell,
      paid: { kind: 'money', value: 250 } as Cell,
    },
    {
      upheld: count(0),
      notUpheld: count(8),
      total: count(8),
      upheldPct: { kind: 'rate', value: 0, denominator: 8 } as Cell,
      paid: { kind: 'money', value: 5 } as Cell,
    },
  ]

  it('applies each rule to each cell, and only the primary rule when secondary suppression is off (the default)', () => {
    const shown = suppressTable(rows)
    expect(shown.map((row) => Object.values(row).map((cell) => cell.value))).toEqual([
      [FEWER_THAN_10, 20, 23, 13, 250],
      [0, FEWER_THAN_10, FEWER_THAN_10, FEWER_THAN_10, 5],
    ])
    expect(shown[0]?.upheld.suppressed).toBe('primary')
    expect(shown[0]?.paid.suppressed).toBeNull()
  })

  it('keeps each row’s keys and kinds', () => {
    const [first] = suppressTable(rows)
    expect(Object.keys(first ?? {})).toEqual(['upheld', 'notUpheld', 'total', 'upheldPct', 'paid'])
    expect(first?.paid.kind).toBe('money')
    expect(first?.upheldPct.kind).toBe('rate')
  })

  it('answers an empty table with an empty table', () => {
    expect(suppressTable([], { suppressComplementary: true })).toEqual([])
  })
})

describe('secondary suppression (suppressComplementary)', () => {
  it('hides the next-smallest count when exactly one count in a row is hidden, so it cannot be worked out', () => {
    // 3 + 20 + 40 = 63: with only the 3 hidden, 63 − 20 − 40 gives it away.
    const [row] = suppressTable([{ a: count(3), b: count(40), c: count(20), total: count(63) }], {
      suppressComplementary: true,
    })
    expect(row?.a.suppressed).toBe('primary')
    expect(row?.c).toEqual({ kind: 'count', value: FEWER_THAN_10, suppressed: 'secondary' })
    expect(row?.b.value).toBe(40)
    expect(row?.total.value).toBe(63)
  })

  it('leaves a row alone when none, or two or more, of its counts are hidden', () => {
    // Separate tables: in one table their columns would be sets too.
    const [none] = suppressTable([{ a: count(12), b: count(30) }], { suppressComplementary: true })
    const [two] = suppressTable([{ a: count(2), b: count(5) }], { suppressComplementary: true })
    expect(none?.a.value).toBe(12)
    expect(none?.b.value).toBe(30)
    expect(two?.a.suppressed).toBe('primary')
    expect(two?.b.suppressed).toBe('primary')
  })

  it('also protects a column: one hidden count down a column hides the next-smallest in it', () => {
    const shown = suppressTable([{ n: count(4) }, { n: count(50) }, { n: count(15) }, { n: count(69) }], {
      suppressComplementary: true,
    })
    expect(shown.map((row) => row.n.value)).toEqual([FEWER_THAN_10, 50, FEWER_THAN_10, 69])
    expect(shown[2]?.n.suppressed).toBe('secondary')
  })

  it('may hide a 0 when it is the next-smallest (the rule is the next-smallest count)', () => {
    const [row] = suppressTable([{ a: count(5), b: count(0), c: count(30) }], { suppressComplementary: true })
    expect(row?.b).toEqual({ kind: 'count', value: FEWER_THAN_10, suppressed: 'secondary' })
  })

  it('takes the first of equal next-smallest counts, and repeats until every set is safe', () => {
    // Row 1 hides a (primary), then b (secondary: the first of the two 11s). Column a then has one
    // hidden cell, so row 2's a (40, the only other) goes; column b likewise takes row 2's b (12).
    const shown = suppressTable(
      [
        { a: count(1), b: count(11), c: count(11) },
        { a: count(40), b: count(12), c: count(13) },
      ],
      { suppressComplementary: true },
    )
    expect(shown.map((row) => [row.a.value, row.b.value, row.c.value])).toEqual([
      [FEWER_THAN_10, FEWER_THAN_10, 11],
      [FEWER_THAN_10, FEWER_THAN_10, 13],
    ])
    // Every row and column now hides none or at least two.
    for (const row of shown) {
      expect(Object.values(row).filter((cell) => cell.suppressed).length).not.toBe(1)
    }
    for (const key of ['a', 'b', 'c'] as const) {
      expect(shown.filter((row) => row[key].suppressed).length).not.toBe(1)
    }
  })

  it('never touches rates or money when protecting counts', () => {
    const [row] = suppressTable(
      [
        {
          a: count(2),
          pct: { kind: 'rate', value: 5, denominator: 40 } as Cell,
          paid: { kind: 'money', value: 1 } as Cell,
          b: count(38),
        },
      ],
      { suppressComplementary: true },
    )
    expect(row?.pct.value).toBe(5)
    expect(row?.paid.value).toBe(1)
    expect(row?.b.suppressed).toBe('secondary')
  })

  it('does nothing to a set of one count (nothing to work it out from)', () => {
    const [row] = suppressTable([{ a: count(2), pct: { kind: 'rate', value: 1, denominator: 50 } as Cell }], {
      suppressComplementary: true,
    })
    expect(row?.a.suppressed).toBe('primary')
    expect(row?.pct.value).toBe(1)
  })
})
