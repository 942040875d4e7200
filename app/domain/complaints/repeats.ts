// Repeat complaints (kpis.md): a complaint whose resident made an earlier one about the same
// service area received on or after the date 12 calendar months before.
import type { IsoDate } from '../working-days'
import { subtractCalendarMonths } from './decline'

export interface DatedComplaint {
  reference: string
  receivedOn: IsoDate
  category: string
  status: string
}

/** References of the complaints that repeat an earlier one (resolved-at-first-contact contacts are not complaints). */
export function repeatComplaints(list: readonly DatedComplaint[]): Set<string> {
  const complaints = list.filter((c) => c.status !== 'resolved_at_first_contact' && c.status !== 'declined')
  const repeats = new Set<string>()
  for (const complaint of complaints) {
    const since = subtractCalendarMonths(complaint.receivedOn, 12)
    const earlier = complaints.some(
      (other) =>
        other.reference !== complaint.reference &&
        other.category === complaint.category &&
        other.receivedOn >= since &&
        (other.receivedOn < complaint.receivedOn ||
          (other.receivedOn === complaint.receivedOn && other.reference < complaint.reference)),
    )
    if (earlier) repeats.add(complaint.reference)
  }
  return repeats
}
