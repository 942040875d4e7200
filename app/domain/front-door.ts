// The contact centre's front door (DEF-3): every expression of dissatisfaction is logged, the
// choice of complaining is offered every time, and the answer decides what happens next.
import { z } from 'zod'
import { adjustmentKinds, channels, serviceAreas } from './complaints/status'
import { cleanLine, cleanText } from './text'

export const offerOutcomes = ['complaint_opened', 'resident_declined_offer', 'service_request_raised'] as const
export type OfferOutcome = (typeof offerOutcomes)[number]

export const representativeTypes = [
  'none',
  'mp',
  'councillor',
  'advocate',
  'family_member',
  'friend',
  'solicitor',
] as const
export const consentMethods = ['written', 'verbal', 'member_statement', 'other'] as const

export const risks = ['health_safety', 'vulnerability', 'safeguarding', 'repeat', 'media_interest'] as const
export type Risk = (typeof risks)[number]
export type Priority = 'urgent' | 'high' | 'normal'

/**
 * Risk rating at intake: a danger to someone (health and safety, safeguarding) is urgent and a
 * manager is told at once; vulnerability, or two other flags together, is high; otherwise normal.
 */
export function priorityOf(flags: readonly Risk[]): Priority {
  if (flags.includes('safeguarding') || flags.includes('health_safety')) return 'urgent'
  if (flags.includes('vulnerability') || flags.length >= 2) return 'high'
  return 'normal'
}

/** WHO-3: an MP's or councillor's statement that the resident asked them counts as consent (a setting). */
export function hasConsent(
  representative: { type: string; consentMethod: string | null } | null,
  mpStatementCountsAsConsent = true,
): boolean {
  if (!representative || representative.type === 'none') return true
  if (representative.consentMethod === 'member_statement') {
    return mpStatementCountsAsConsent && (representative.type === 'mp' || representative.type === 'councillor')
  }
  return representative.consentMethod !== null
}

const line = (max: number) =>
  z.preprocess(cleanLine, z.string().max(max, { error: 'staff-errors:case.tooLong' })).transform((v) => v || null)
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values)))

export const frontDoorForm = z
  .object({
    submissionKey: z.string().uuid({ error: 'staff-errors:frontDoor.stale' }),
    residentId: z.preprocess(cleanLine, z.string()),
    name: line(200),
    email: line(254).refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
      error: 'errors:email.invalid',
    }),
    phone: line(40),
    postcode: line(20),
    channel: z.enum(channels, { error: 'staff-errors:frontDoor.channelRequired' }),
    channelDetail: line(100),
    summary: z.preprocess(
      cleanText,
      z
        .string()
        .min(1, { error: 'staff-errors:frontDoor.summaryRequired' })
        .max(10_000, { error: 'staff-errors:case.tooLong' }),
    ),
    desiredOutcome: z.preprocess(cleanText, z.string().max(5000, { error: 'staff-errors:case.tooLong' })),
    serviceArea: z.enum(serviceAreas, { error: 'errors:service.required' }),
    outcome: z.enum(offerOutcomes, { error: 'staff-errors:frontDoor.outcomeRequired' }),
    serviceRequestReference: line(60),
    representativeType: z.enum(representativeTypes).default('none'),
    representativeName: line(200),
    consentMethod: z.preprocess((v) => (v === '' ? undefined : v), z.enum(consentMethods).optional()),
    risks: list(risks),
    adjustments: list(adjustmentKinds),
    adjustmentDetail: line(200),
  })
  .superRefine((value, ctx) => {
    if (value.residentId === 'new' || value.residentId === '') {
      if (!value.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'errors:name.required' })
    } else if (!/^[0-9a-f-]{36}$/.test(value.residentId)) {
      ctx.addIssue({ code: 'custom', path: ['residentId'], message: 'staff-errors:frontDoor.residentRequired' })
    }
    if (value.representativeType !== 'none') {
      if (!value.representativeName)
        ctx.addIssue({
          code: 'custom',
          path: ['representativeName'],
          message: 'staff-errors:frontDoor.representativeNameRequired',
        })
      if (!value.consentMethod)
        ctx.addIssue({ code: 'custom', path: ['consentMethod'], message: 'staff-errors:frontDoor.consentRequired' })
    }
    if ((value.channel === 'mp' || value.channel === 'councillor') && value.representativeType === 'none') {
      ctx.addIssue({
        code: 'custom',
        path: ['representativeType'],
        message: 'staff-errors:frontDoor.memberIsRepresentative',
      })
    }
  })

export type FrontDoorInput = z.infer<typeof frontDoorForm>
