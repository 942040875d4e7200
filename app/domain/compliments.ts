// Compliments (issue 7 §6; seed 000: "compliments analysed quarterly"): from the resident form or
// recorded by staff, attributed to a service area and a team or person, and counted.
import type { FieldErrors } from './forms'
import { serviceAreas, type ServiceArea } from './complaints/status'
import { isIsoDate, type IsoDate } from './working-days'

/** How a compliment reached us: the online form ('resident') or what staff record. */
export const staffComplimentSources = [
  'phone',
  'email',
  'letter',
  'in_person',
  'social_media',
  'survey',
  'other',
] as const
export const complimentSources = ['resident', ...staffComplimentSources] as const
export type ComplimentSource = (typeof complimentSources)[number]

export interface StaffComplimentInput {
  source: string
  serviceArea: string
  aboutWhom: string
  message: string
  fromName: string
  receivedOn: string
}

export interface StaffCompliment {
  source: ComplimentSource
  serviceArea: ServiceArea | null
  aboutWhom: string | null
  message: string
  fromName: string | null
  receivedOn: IsoDate
}

/** A compliment staff record: how it came, what it says and when; who it praises, if said. */
export function validateStaffCompliment(
  input: StaffComplimentInput,
  today: IsoDate,
): { ok: true; value: StaffCompliment } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const source = staffComplimentSources.find((s) => s === input.source)
  if (!source) errors.source = { key: 'staff-errors:compliments.sourceRequired' }
  const serviceArea = serviceAreas.find((area) => area === input.serviceArea) ?? null
  if (input.serviceArea && !serviceArea) errors.serviceArea = { key: 'staff-errors:compliments.serviceAreaUnknown' }
  if (!input.message.trim()) errors.message = { key: 'staff-errors:compliments.messageRequired' }
  if (!isIsoDate(input.receivedOn)) errors.receivedOn = { key: 'staff-errors:compliments.receivedOnInvalid' }
  else if (input.receivedOn > today) errors.receivedOn = { key: 'staff-errors:compliments.receivedOnFuture' }
  if (!source || Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    value: {
      source,
      serviceArea,
      aboutWhom: input.aboutWhom.trim() || null,
      message: input.message.trim(),
      fromName: input.fromName.trim() || null,
      receivedOn: input.receivedOn,
    },
  }
}

/** The same team or person however it was typed ("Repairs team ", "repairs  TEAM"). */
export function attributionKey(aboutWhom: string | null): string | null {
  const key = (aboutWhom ?? '').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB')
  return key || null
}

export interface CountedCompliment {
  serviceArea: string | null
  aboutWhom: string | null
}

/**
 * Counts by service area and by team or person, most first (ties alphabetically). Unattributed
 * ones are counted under null; a person is shown as first written.
 */
export function countCompliments(list: readonly CountedCompliment[]) {
  const byArea = new Map<string | null, number>()
  const byWhom = new Map<string | null, { label: string | null; count: number }>()
  for (const c of list) {
    byArea.set(c.serviceArea, (byArea.get(c.serviceArea) ?? 0) + 1)
    const key = attributionKey(c.aboutWhom)
    const entry = byWhom.get(key) ?? {
      label: key === null ? null : (c.aboutWhom ?? '').trim().replace(/\s+/g, ' '),
      count: 0,
    }
    entry.count += 1
    byWhom.set(key, entry)
  }
  const order = <T extends { count: number; label: string | null }>(a: T, b: T) =>
    b.count - a.count || (a.label === null ? 1 : b.label === null ? -1 : a.label.localeCompare(b.label))
  return {
    total: list.length,
    byServiceArea: [...byArea.entries()].map(([label, count]) => ({ label, count })).sort(order),
    byTeamOrPerson: [...byWhom.values()].sort(order),
  }
}
