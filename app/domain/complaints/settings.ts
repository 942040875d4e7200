// The rules the reference marks [O]/[S]/[U]/[P] are settings; these are their stated defaults.
export interface OmbudsmanDetails {
  name: string
  address: string
  phone: string
  email: string
  website: string
}

export interface CodeSettings {
  /** EXT-2: cumulative extension cap at Stage 1, in working days. */
  stage1ExtensionCapWorkingDays: number
  /** EXT-2 [S]: cumulative extension cap at Stage 2. */
  stage2ExtensionCapWorkingDays: number
  /** S2-2 [P]: escalation window after the Stage 1 response; later requests are flagged, not refused. */
  escalationWindowWorkingDays: number
  /** S1-9 [P]: remind the handler to update the resident this often while a stage is open. */
  updateIntervalWorkingDays: number
  /** S1-5 [U]: false = a late acknowledgement still starts the response clock on the day it was sent. */
  clampResponseClockToAckDue: boolean
  /** R7 / EXC-3 [S]: verify before go-live. */
  ombudsman: OmbudsmanDetails
  /** R7 [O]: residents normally have this long after the final response to go to the Ombudsman. */
  ombudsmanReferralMonths: number
}

export const defaultCodeSettings: CodeSettings = {
  stage1ExtensionCapWorkingDays: 10,
  stage2ExtensionCapWorkingDays: 20,
  escalationWindowWorkingDays: 20,
  updateIntervalWorkingDays: 5,
  clampResponseClockToAckDue: false,
  ombudsman: {
    name: 'Housing Ombudsman Service',
    address: 'PO Box 1484, Unit D, Preston PR2 0ET',
    phone: '0300 111 3000',
    email: 'info@housing-ombudsman.org.uk',
    website: 'www.housing-ombudsman.org.uk',
  },
  ombudsmanReferralMonths: 12,
}

export function extensionCap(stage: 1 | 2, settings: CodeSettings): number {
  return stage === 1 ? settings.stage1ExtensionCapWorkingDays : settings.stage2ExtensionCapWorkingDays
}

/** EXT-4 and R7 need the Ombudsman's contact details: a letter cannot go out without them. */
export function hasOmbudsmanDetails(settings: CodeSettings): boolean {
  const { name, address, phone } = settings.ombudsman
  return [name, address, phone].every((value) => value.trim().length > 0)
}
