// The `report kpis` CSV: one header row naming every figure, one row of values (empty = no data).
// Declines by reason are flattened to excludedByReason_<ground> columns so the row stays flat.
import { stringify } from 'csv-stringify/sync'
import type { KpiFigures } from './kpis'

export function flattenKpis(figures: KpiFigures): Array<[string, string | number | null]> {
  const cells: Array<[string, string | number | null]> = []
  for (const [key, value] of Object.entries(figures)) {
    if (key === 'excludedByReason') {
      for (const [ground, n] of Object.entries(figures.excludedByReason)) cells.push([`excludedByReason_${ground}`, n])
    } else {
      cells.push([key, value as string | number | null])
    }
  }
  return cells
}

export function kpiCsv(figures: KpiFigures): string {
  const cells = flattenKpis(figures)
  return stringify([cells.map(([key]) => key), cells.map(([, value]) => (value === null ? '' : String(value)))])
}
