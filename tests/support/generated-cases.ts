// A generated case file for cases:import (the CSV contract in README): large, valid, and covering
// every status and both stages, for the import, export and KPI parity tests.
export const caseFileHeader =
  'reference,resident_key,channel,category,received_on,stage1_acknowledged_on,stage1_extension_working_days,stage1_responded_on,stage1_outcome,escalated_on,stage2_acknowledged_on,stage2_extension_working_days,stage2_responded_on,stage2_outcome,stage2_decision_changed,status,closed_on,compensation_paid'

/** Shifts a date by whole calendar days (test data only). */
function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/**
 * A file of `size` valid lines in the exact form export writes (sorted references, empty for no
 * extension, two-decimal pounds), cycling through every status and both stages.
 */
export function generatedFile(size: number, span: { start?: string; days?: number } = {}): string {
  const firstDay = span.start ?? '2019-01-01'
  const spanDays = span.days ?? 2200
  const channels = ['web', 'phone', 'email', 'letter', 'in_person', 'social_media', 'mp', 'councillor', 'web_chat']
  const categories = ['repairs', 'damp_mould', '"Heating, hot water"', 'Lifts', 'rent_charges', 'estate_services']
  const lines = [caseFileHeader]
  for (let i = 0; i < size; i += 1) {
    const r = plusDays(firstDay, (i * 7) % spanDays)
    const d = (days: number) => plusDays(r, days)
    const reference = `GEN-${String(i).padStart(6, '0')}`
    const start = [reference, `RES-${i % 30_000}`, channels[i % channels.length], categories[i % categories.length], r]
    const shapes = [
      [...start, '', '', '', '', '', '', '', '', '', '', 'open', '', ''],
      [...start, d(2), '', '', '', '', '', '', '', '', '', 'open', '', ''],
      [...start, d(2), '5', '', '', '', '', '', '', '', '', 'open', '', ''],
      [...start, d(2), '', d(12), 'upheld', '', '', '', '', '', '', 'open', '', '12.00'],
      [...start, d(1), '', d(10), 'not_upheld', '', '', '', '', '', '', 'closed', d(10), ''],
      [...start, d(2), '', d(12), 'partly_upheld', d(15), '', '', '', '', '', 'open', '', ''],
      [...start, d(2), '10', d(20), 'not_upheld', d(22), d(25), '20', '', '', '', 'open', '', ''],
      [...start, d(2), '', d(12), 'partly_upheld', d(15), d(18), '', d(40), 'upheld', 'yes', 'closed', d(41), '150.75'],
      [...start, d(3), '', '', '', '', '', '', '', '', '', 'withdrawn', d(5), ''],
      [...start, '', '', '', '', '', '', '', '', '', '', 'declined', d(3), ''],
      [...start, '', '', '', '', '', '', '', '', '', '', 'resolved_at_first_contact', r, ''],
      [...start, d(2), '', d(12), 'upheld', d(13), d(14), '', d(30), 'upheld', 'no', 'closed', d(30), '1000.05'],
    ]
    lines.push((shapes[i % shapes.length] ?? []).join(','))
  }
  return `${lines.join('\n')}\n`
}
