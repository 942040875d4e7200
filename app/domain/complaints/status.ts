// Where a complaint is in the Code's two stages (DEF-6: there is no "stage 0").
export const complaintStatuses = [
  'received',
  'stage1_acknowledged',
  'stage1_extended',
  'stage1_responded',
  'escalated',
  'stage2_acknowledged',
  'stage2_extended',
  'stage2_responded',
  'closed',
  'resolved_at_first_contact',
  'declined',
  'withdrawn',
  'reopened',
] as const

export type ComplaintStatus = (typeof complaintStatuses)[number]

export function isComplaintStatus(value: string): value is ComplaintStatus {
  return (complaintStatuses as readonly string[]).includes(value)
}

/** How the complaint reached us. */
export const channels = [
  'web',
  'phone',
  'email',
  'letter',
  'in_person',
  'social_media',
  'mp',
  'councillor',
  'web_chat',
  'other',
] as const
export type Channel = (typeof channels)[number]

/** The service areas a resident can choose from; the list grows when landlords import their own. */
export const serviceAreas = [
  'repairs',
  'damp_mould',
  'antisocial_behaviour',
  'rent_charges',
  'tenancy',
  'estate_services',
  'customer_service',
  'staff_conduct',
  'other',
] as const
export type ServiceArea = (typeof serviceAreas)[number]

/** Reasonable adjustments a resident can ask for (REC-3). */
export const adjustmentKinds = [
  'large_print',
  'easy_read',
  'audio',
  'braille',
  'bsl',
  'interpreter',
  'translated_letters',
  'named_contact',
  'other',
] as const
export type AdjustmentKind = (typeof adjustmentKinds)[number]

export const contactMethods = ['email', 'phone', 'text', 'letter'] as const
export type ContactMethod = (typeof contactMethods)[number]
