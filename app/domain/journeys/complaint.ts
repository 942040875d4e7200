// The resident's "raise a complaint" journey as data: one question per page, each step with the
// answers it owns and the rule for when it may be visited. Routes render a step; this decides order.
import {
  adjustmentKinds,
  contactMethods,
  serviceAreas,
  type AdjustmentKind,
  type ContactMethod,
  type ServiceArea,
} from '../complaints/status'

export const relationships = ['family_member', 'friend', 'advocate', 'councillor', 'mp', 'other'] as const
export type Relationship = (typeof relationships)[number]

export const equalityQuestions = {
  ageBand: ['16_24', '25_34', '35_44', '45_54', '55_64', '65_74', '75_plus'],
  disability: ['yes', 'no'],
  ethnicity: ['asian', 'black', 'mixed', 'white', 'other_ethnic'],
  sex: ['female', 'male'],
  religion: ['none', 'christian', 'muslim', 'hindu', 'sikh', 'jewish', 'buddhist', 'other_religion'],
} as const
export type EqualityQuestion = keyof typeof equalityQuestions
export type EqualityAnswers = Partial<Record<EqualityQuestion, string>>

export interface ComplaintAnswers {
  /** DEF-1/2: the resident chose to complain (a service request is explained, never forced). */
  wantsComplaint?: boolean
  forSomeoneElse?: boolean
  /** WHO-2: the person the complaint is about, when someone complains for them. */
  representedName?: string
  relationship?: Relationship
  consent?: 'agreed' | 'will_send'
  evidenceAnswered?: boolean
  whatHappened?: string
  putRight?: string
  service?: ServiceArea
  name?: string
  email?: string
  phone?: string
  address?: string
  postcode?: string
  language?: string
  otherLanguage?: string
  contactMethod?: ContactMethod
  adjustments?: AdjustmentKind[]
  /** True once the resident answered the adjustments question, even with "none". */
  adjustmentsAnswered?: boolean
  interpreterLanguage?: string
  namedContact?: string
  adjustmentsOther?: string
  /** Optional equality monitoring: stored apart from the complaint, never shown to handlers. */
  equality?: EqualityAnswers
  equalityAnswered?: boolean
}

export const complaintSteps = [
  'complaint-or-request',
  'who',
  'what-happened',
  'put-right',
  'service',
  'evidence',
  'contact',
  'language',
  'contact-method',
  'adjustments',
  'about-you',
] as const

export type ComplaintStep = (typeof complaintSteps)[number]

export function isComplaintStep(value: string): value is ComplaintStep {
  return (complaintSteps as readonly string[]).includes(value)
}

/** Whether the resident has answered a step well enough to move past it. */
export function isStepComplete(step: ComplaintStep, answers: ComplaintAnswers): boolean {
  switch (step) {
    case 'complaint-or-request':
      return answers.wantsComplaint === true
    case 'who':
      return (
        answers.forSomeoneElse === false ||
        (answers.forSomeoneElse === true && Boolean(answers.representedName && answers.relationship && answers.consent))
      )
    case 'evidence':
      return answers.evidenceAnswered === true
    case 'about-you':
      return answers.equalityAnswered === true
    case 'what-happened':
      return Boolean(answers.whatHappened)
    case 'put-right':
      return Boolean(answers.putRight)
    case 'service':
      return answers.service !== undefined && (serviceAreas as readonly string[]).includes(answers.service)
    case 'contact':
      return (
        Boolean(answers.name) && Boolean(answers.email || answers.phone) && Boolean(answers.address || answers.postcode)
      )
    case 'language':
      return Boolean(answers.language)
    case 'contact-method':
      return hasDetailsFor(answers.contactMethod, answers)
    case 'adjustments':
      return answers.adjustmentsAnswered === true
  }
}

/** A contact method only counts when we have the detail it needs (an email address for email…). */
export function hasDetailsFor(method: ContactMethod | undefined, answers: ComplaintAnswers): boolean {
  if (method === undefined || !(contactMethods as readonly string[]).includes(method)) return false
  if (method === 'email') return Boolean(answers.email)
  if (method === 'phone' || method === 'text') return Boolean(answers.phone)
  return Boolean(answers.address || answers.postcode)
}

/** The first step still to answer, or null when every step is done and the answers can be checked. */
export function firstIncompleteStep(answers: ComplaintAnswers): ComplaintStep | null {
  return complaintSteps.find((step) => !isStepComplete(step, answers)) ?? null
}

/** A step may be visited once every step before it is complete: no skipping ahead by URL. */
export function canVisit(step: ComplaintStep, answers: ComplaintAnswers): boolean {
  const index = complaintSteps.indexOf(step)
  return complaintSteps.slice(0, index).every((earlier) => isStepComplete(earlier, answers))
}

export function canCheckAnswers(answers: ComplaintAnswers): boolean {
  return firstIncompleteStep(answers) === null
}

/** Where to go after saving a step: back to "check your answers" when changing, else the next question. */
export function nextStep(step: ComplaintStep, answers: ComplaintAnswers, changing: boolean): ComplaintStep | 'check' {
  if (changing && canCheckAnswers(answers)) return 'check'
  const index = complaintSteps.indexOf(step)
  const next = complaintSteps[index + 1]
  return next ?? 'check'
}

export function previousStep(step: ComplaintStep): ComplaintStep | null {
  return complaintSteps[complaintSteps.indexOf(step) - 1] ?? null
}

/** Adjustments that PutRight must show to staff and apply to letters, with their details. */
export function requestedAdjustments(
  answers: ComplaintAnswers,
): Array<{ kind: AdjustmentKind; detail: string | null }> {
  return (answers.adjustments ?? [])
    .filter((kind) => (adjustmentKinds as readonly string[]).includes(kind))
    .map((kind) => ({
      kind,
      detail:
        kind === 'interpreter'
          ? (answers.interpreterLanguage ?? null)
          : kind === 'named_contact'
            ? (answers.namedContact ?? null)
            : kind === 'other'
              ? (answers.adjustmentsOther ?? null)
              : null,
    }))
}
