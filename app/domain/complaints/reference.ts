/** A complaint reference: PR-<year received>-<sequence, at least six digits>, e.g. PR-2026-000123. */
export function formatComplaintReference(year: number, sequence: number): string {
  return `PR-${year}-${String(sequence).padStart(6, '0')}`
}

const REFERENCE = /^PR-\d{4}-\d{6,}$/

/** A landlord's own reference brought in by the CSV import, kept as it was (csv.ts REFERENCE_PATTERN). */
const IMPORTED_REFERENCE = /^[A-Z0-9][A-Z0-9/_-]{0,39}$/

/**
 * Normalises what a resident or staff member typed ("pr-2026-123 ") into one of our references;
 * an imported landlord reference is accepted as it is. Anything else is null.
 */
export function parseComplaintReference(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/\s+/g, '')
  const match = /^PR-?(\d{4})-?(\d{1,})$/.exec(compact)
  if (match) {
    const reference = formatComplaintReference(Number(match[1]), Number(match[2]))
    return REFERENCE.test(reference) ? reference : null
  }
  return IMPORTED_REFERENCE.test(compact) && !compact.includes('..') ? compact : null
}
