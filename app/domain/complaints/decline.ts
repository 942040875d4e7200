// §6 of the reference: a complaint (or an escalation) is declined only on a permitted ground, each
// with its evidence, explained to the resident with the Ombudsman signposted.
import { isIsoDate, type IsoDate } from '../working-days'
import type { Decline, DeclineGround } from './case'

/** `date` minus whole calendar months, clamped to the month's last day (31 March − 1 month = 28/29 Feb). */
export function subtractCalendarMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const totalMonths = y * 12 + (m - 1) - months
  const year = Math.floor(totalMonths / 12)
  const month = totalMonths % 12
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`
}

/** EXC-2: received 15 Jun 2026 → cut-off 15 Jun 2025. */
export function twelveMonthCutOff(receivedOn: IsoDate): IsoDate {
  return subtractCalendarMonths(receivedOn, 12)
}

export interface DeclineRequest {
  ground: DeclineGround
  explanation: string
  issueDate?: IsoDate | null
  awareDate?: IsoDate | null
  discretionConsidered?: string | null
  courtFilingDate?: IsoDate | null
  linkedReference?: string | null
  /** Ground `other` only: the manager who approved it. */
  approvedBy?: { id: string; isManager: boolean } | null
}

/** The first reason a decline is not allowed, as a locale key; null when it may go ahead. */
export function declineRefusal(request: DeclineRequest, receivedOn: IsoDate, decidedOn: IsoDate): string | null {
  if (!request.explanation.trim()) return 'staff-errors:decline.explanationRequired'
  switch (request.ground) {
    case 'over_12_months': {
      if (!request.issueDate || !isIsoDate(request.issueDate)) return 'staff-errors:decline.issueDateRequired'
      if (request.awareDate && !isIsoDate(request.awareDate)) return 'staff-errors:decline.awareDateInvalid'
      if (!request.discretionConsidered?.trim()) return 'staff-errors:decline.discretionRequired'
      const latest = [request.issueDate, request.awareDate ?? request.issueDate].sort().at(-1) ?? request.issueDate
      // Either date within the 12 months means the ground does not apply.
      if (latest >= twelveMonthCutOff(receivedOn)) return 'staff-errors:decline.within12Months'
      return null
    }
    case 'legal_proceedings':
      if (!request.courtFilingDate || !isIsoDate(request.courtFilingDate))
        return 'staff-errors:decline.filingDateRequired'
      if (request.courtFilingDate > decidedOn) return 'staff-errors:decline.filingDateInFuture'
      return null
    case 'already_considered':
      if (!request.linkedReference?.trim()) return 'staff-errors:decline.linkRequired'
      return null
    case 'other':
      if (!request.approvedBy) return 'staff-errors:decline.approvalRequired'
      if (!request.approvedBy.isManager) return 'staff-errors:decline.approverNotManager'
      return null
  }
}

export function declineRecord(request: DeclineRequest, stage: 1 | 2, on: IsoDate, by: string): Decline {
  return {
    stage,
    on,
    by,
    ground: request.ground,
    explanation: request.explanation.trim(),
    issueDate: request.issueDate ?? null,
    awareDate: request.awareDate ?? null,
    discretionConsidered: request.discretionConsidered ?? null,
    courtFilingDate: request.courtFilingDate ?? null,
    linkedReference: request.linkedReference ?? null,
    approvedBy: request.approvedBy?.id ?? null,
  }
}
