// Small-number suppression for every figure shown to the tenant panel or otherwise published
// (kpis.md "Tenant panel suppression"): a count of 1–9 and any percentage or average whose
// denominator is below 10 show "fewer than 10"; 0, counts of 10 or more and money are shown as
// they are. Applied cell by cell after filtering. Secondary suppression is off unless asked for.

/** What a suppressed cell shows instead of its value; the page translates it ("fewer than 10"). */
export const FEWER_THAN_10 = 'fewer_than_10' as const
export type Suppressed = typeof FEWER_THAN_10

/** Counts below this (other than 0), and rates over a denominator below this, are suppressed. */
export const SUPPRESSION_THRESHOLD = 10

export function isSuppressed(value: unknown): value is Suppressed {
  return value === FEWER_THAN_10
}

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0: ${n}`)
}

/** A count: 0 and 10 or more are shown; 1–9 show "fewer than 10" (7 complaints → fewer than 10). */
export function suppressCount(n: number): number | Suppressed {
  assertCount(n, 'A count')
  return n === 0 || n >= SUPPRESSION_THRESHOLD ? n : FEWER_THAN_10
}

/**
 * A percentage or average: shown only when its denominator is 10 or more (3 ÷ 8 → fewer than 10;
 * 3 ÷ 12 → 25.0). A denominator of 0 is below 10 too, so "no data" is never shown to the panel as
 * such: it is suppressed like any other small base.
 */
export function suppressRate(value: number | null, denominator: number): number | null | Suppressed {
  assertCount(denominator, 'A denominator')
  return denominator < SUPPRESSION_THRESHOLD ? FEWER_THAN_10 : value
}

/** One figure in a published table, saying what kind it is so the right rule applies. */
export type Cell =
  | { kind: 'count'; value: number }
  /** A percentage or an average, with the number of cases it is worked out over. */
  | { kind: 'rate'; value: number | null; denominator: number }
  /** Money totals are never suppressed. */
  | { kind: 'money'; value: number }

export interface ShownCell {
  kind: Cell['kind']
  value: number | null | Suppressed
  /** Why it is hidden: its own small number (primary), or to protect another (secondary). */
  suppressed: 'primary' | 'secondary' | null
}

export function suppressCell(cell: Cell): ShownCell {
  if (cell.kind === 'money') return { kind: 'money', value: cell.value, suppressed: null }
  const value = cell.kind === 'count' ? suppressCount(cell.value) : suppressRate(cell.value, cell.denominator)
  return { kind: cell.kind, value, suppressed: isSuppressed(value) ? 'primary' : null }
}

export interface SuppressionOptions {
  /**
   * Secondary suppression (kpis.md `suppressComplementary`, default off): where exactly one count
   * in a row, or in a column across the rows, is suppressed, it could be worked out from the
   * others and the total, so the next-smallest count in that set is suppressed as well. Repeated
   * until no set has exactly one suppressed count.
   */
  suppressComplementary?: boolean
}

type Row = Record<string, Cell>
export type ShownRow<R extends Row> = { [K in keyof R]: ShownCell }

/** Every cell of a table of rows, cell by cell (after filtering), with optional secondary suppression. */
export function suppressTable<R extends Row>(rows: readonly R[], options: SuppressionOptions = {}): Array<ShownRow<R>> {
  const shown = rows.map((row) => {
    const out: Record<string, ShownCell> = {}
    for (const [key, cell] of Object.entries(row)) out[key] = suppressCell(cell)
    return out
  })
  if (options.suppressComplementary) {
    const sets: Array<Array<{ row: number; key: string }>> = []
    rows.forEach((row, index) => {
      sets.push(
        Object.keys(row)
          .filter((key) => row[key]?.kind === 'count')
          .map((key) => ({ row: index, key })),
      )
    })
    const columns = new Set(rows.flatMap((row) => Object.keys(row).filter((key) => row[key]?.kind === 'count')))
    for (const key of columns) {
      sets.push(rows.flatMap((row, index) => (row[key]?.kind === 'count' ? [{ row: index, key }] : [])))
    }
    let changed = true
    while (changed) {
      changed = false
      for (const set of sets) {
        if (set.length < 2) continue
        const hidden = set.filter(({ row, key }) => shown[row]?.[key]?.suppressed)
        if (hidden.length !== 1) continue
        let smallest: { row: number; key: string; value: number } | null = null
        for (const { row, key } of set) {
          const cell = rows[row]?.[key]
          if (!cell || cell.kind !== 'count' || shown[row]?.[key]?.suppressed) continue
          if (!smallest || cell.value < smallest.value) smallest = { row, key, value: cell.value }
        }
        const target = smallest ? shown[smallest.row] : undefined
        if (!smallest || !target) continue
        target[smallest.key] = { kind: 'count', value: FEWER_THAN_10, suppressed: 'secondary' }
        changed = true
      }
    }
  }
  // The keys are exactly the input row's keys, each mapped to its shown cell.
  return shown as Array<ShownRow<R>>
}
