// What each step of the complaint journey accepts. Messages are locale keys; limits are generous
// enough for a real account of what went wrong and small enough to keep a letter printable.
import { z } from 'zod'
import { adjustmentKinds, contactMethods, serviceAreas, type AdjustmentKind } from '../complaints/status'
import { validate, type FieldErrors, type FormResult } from '../forms'
import { isResidentLanguage } from '../languages'
import { cleanLine, cleanText } from '../text'
import {
  equalityQuestions,
  hasDetailsFor,
  relationships,
  type ComplaintAnswers,
  type ComplaintStep,
  type EqualityAnswers,
  type EqualityQuestion,
} from './complaint'

export const LIMITS = {
  whatHappened: 10_000,
  putRight: 5_000,
  name: 200,
  email: 254,
  address: 500,
  line: 200,
} as const

const text = (max: number, required: string, tooLong: string) =>
  z.preprocess(cleanText, z.string().min(1, { error: required }).max(max, { error: tooLong }))

const line = (max: number, required: string, tooLong: string) =>
  z.preprocess(cleanLine, z.string().min(1, { error: required }).max(max, { error: tooLong }))

const optionalLine = (max: number, tooLong: string) =>
  z.preprocess(cleanLine, z.string().max(max, { error: tooLong })).transform((v) => v || undefined)

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// Digits with the spaces, brackets, dashes and leading + people write phone numbers with.
const PHONE = /^\+?[\d\s().-]+$/
const UK_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/

function normalisePostcode(value: string): string | null {
  const match = UK_POSTCODE.exec(value.toUpperCase().replace(/\s+/g, ''))
  return match ? `${match[1]} ${match[2]}` : null
}

const whatHappened = z.object({
  whatHappened: text(LIMITS.whatHappened, 'errors:whatHappened.required', 'errors:whatHappened.tooLong'),
})

const putRight = z.object({
  putRight: text(LIMITS.putRight, 'errors:putRight.required', 'errors:putRight.tooLong'),
})

const service = z.object({
  service: z.enum(serviceAreas, { error: 'errors:service.required' }),
})

const contact = z
  .object({
    name: line(LIMITS.name, 'errors:name.required', 'errors:name.tooLong'),
    email: optionalLine(LIMITS.email, 'errors:email.tooLong').refine((v) => v === undefined || EMAIL.test(v), {
      error: 'errors:email.invalid',
    }),
    phone: optionalLine(LIMITS.line, 'errors:phone.tooLong').refine(
      (v) =>
        v === undefined || (PHONE.test(v) && v.replace(/\D/g, '').length >= 7 && v.replace(/\D/g, '').length <= 15),
      { error: 'errors:phone.invalid' },
    ),
    address: z
      .preprocess(cleanText, z.string().max(LIMITS.address, { error: 'errors:address.tooLong' }))
      .transform((v) => v || undefined),
    postcode: optionalLine(LIMITS.line, 'errors:postcode.invalid')
      .refine((v) => v === undefined || normalisePostcode(v) !== null, { error: 'errors:postcode.invalid' })
      .transform((v) => (v === undefined ? undefined : (normalisePostcode(v) ?? undefined))),
  })
  .superRefine((value, ctx) => {
    if (!value.email && !value.phone) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'errors:contact.emailOrPhone' })
    }
    if (!value.address && !value.postcode) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'errors:contact.addressOrPostcode' })
    }
  })

const language = z
  .object({
    language: z.string({ error: 'errors:language.required' }).refine((v) => v === 'other' || isResidentLanguage(v), {
      error: 'errors:language.required',
    }),
    otherLanguage: optionalLine(LIMITS.line, 'errors:otherLanguage.tooLong'),
  })
  .superRefine((value, ctx) => {
    if (value.language === 'other' && !value.otherLanguage) {
      ctx.addIssue({ code: 'custom', path: ['otherLanguage'], message: 'errors:otherLanguage.required' })
    }
  })
  .transform((value) => ({
    language: value.language,
    otherLanguage: value.language === 'other' ? value.otherLanguage : undefined,
  }))

function contactMethodFor(answers: ComplaintAnswers) {
  return z
    .object({ contactMethod: z.enum(contactMethods, { error: 'errors:contactMethod.required' }) })
    .superRefine((value, ctx) => {
      if (!hasDetailsFor(value.contactMethod, answers)) {
        ctx.addIssue({
          code: 'custom',
          path: ['contactMethod'],
          message: `errors:contactMethod.missing.${value.contactMethod}`,
        })
      }
    })
}

const NONE = 'none'

const adjustments = z
  .object({
    adjustments: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum([...adjustmentKinds, NONE], { error: 'errors:adjustments.required' })),
    ),
    interpreterLanguage: optionalLine(LIMITS.line, 'errors:interpreterLanguage.tooLong'),
    namedContact: optionalLine(LIMITS.line, 'errors:namedContact.tooLong'),
    adjustmentsOther: z
      .preprocess(cleanText, z.string().max(LIMITS.address, { error: 'errors:adjustmentsOther.tooLong' }))
      .transform((v) => v || undefined),
  })
  .superRefine((value, ctx) => {
    const chosen = new Set(value.adjustments)
    if (chosen.size === 0)
      ctx.addIssue({ code: 'custom', path: ['adjustments'], message: 'errors:adjustments.required' })
    if (chosen.has(NONE) && chosen.size > 1) {
      ctx.addIssue({ code: 'custom', path: ['adjustments'], message: 'errors:adjustments.noneAndOthers' })
    }
    if (chosen.has('interpreter') && !value.interpreterLanguage) {
      ctx.addIssue({ code: 'custom', path: ['interpreterLanguage'], message: 'errors:interpreterLanguage.required' })
    }
    if (chosen.has('named_contact') && !value.namedContact) {
      ctx.addIssue({ code: 'custom', path: ['namedContact'], message: 'errors:namedContact.required' })
    }
    if (chosen.has('other') && !value.adjustmentsOther) {
      ctx.addIssue({ code: 'custom', path: ['adjustmentsOther'], message: 'errors:adjustmentsOther.required' })
    }
  })
  .transform((value) => {
    const kinds = value.adjustments.filter((kind): kind is AdjustmentKind => kind !== NONE)
    return {
      adjustments: kinds,
      adjustmentsAnswered: true,
      interpreterLanguage: kinds.includes('interpreter') ? value.interpreterLanguage : undefined,
      namedContact: kinds.includes('named_contact') ? value.namedContact : undefined,
      adjustmentsOther: kinds.includes('other') ? value.adjustmentsOther : undefined,
    }
  })

const complaintOrRequest = z
  .object({ choice: z.enum(['complaint', 'request'], { error: 'errors:choice.required' }) })
  .transform((value) => ({ wantsComplaint: value.choice === 'complaint' }))

const who = z
  .object({
    forSomeoneElse: z.enum(['no', 'yes'], { error: 'errors:who.required' }),
    representedName: optionalLine(LIMITS.name, 'errors:name.tooLong'),
    relationship: z.preprocess((v) => (v === '' ? undefined : v), z.enum(relationships).optional()),
    consent: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['agreed', 'will_send']).optional()),
  })
  .superRefine((value, ctx) => {
    if (value.forSomeoneElse !== 'yes') return
    if (!value.representedName)
      ctx.addIssue({ code: 'custom', path: ['representedName'], message: 'errors:who.nameRequired' })
    if (!value.relationship)
      ctx.addIssue({ code: 'custom', path: ['relationship'], message: 'errors:who.relationshipRequired' })
    if (!value.consent) ctx.addIssue({ code: 'custom', path: ['consent'], message: 'errors:who.consentRequired' })
  })
  .transform((value) =>
    value.forSomeoneElse === 'yes'
      ? {
          forSomeoneElse: true,
          representedName: value.representedName,
          relationship: value.relationship,
          consent: value.consent,
        }
      : { forSomeoneElse: false, representedName: undefined, relationship: undefined, consent: undefined },
  )

const aboutYou = z
  .object(
    Object.fromEntries(
      (Object.keys(equalityQuestions) as EqualityQuestion[]).map((question) => [
        question,
        z.preprocess(
          (v) => (v === '' || v === undefined ? 'not_answered' : v),
          z.enum([...equalityQuestions[question], 'prefer_not_to_say', 'not_answered']),
        ),
      ]),
      // fromEntries loses the key type; the keys are exactly equalityQuestions'.
    ) as unknown as Record<EqualityQuestion, z.ZodType<string>>,
  )
  .transform((value) => ({ equality: value as EqualityAnswers, equalityAnswered: true }))

/** The fields each step's form posts, so an action reads only what belongs to the step. */
export const stepFields: Record<ComplaintStep, readonly string[]> = {
  'complaint-or-request': ['choice'],
  who: ['forSomeoneElse', 'representedName', 'relationship', 'consent'],
  evidence: [],
  'about-you': Object.keys(equalityQuestions),
  'what-happened': ['whatHappened'],
  'put-right': ['putRight'],
  service: ['service'],
  contact: ['name', 'email', 'phone', 'address', 'postcode'],
  language: ['language', 'otherLanguage'],
  'contact-method': ['contactMethod'],
  adjustments: ['adjustments', 'interpreterLanguage', 'namedContact', 'adjustmentsOther'],
}

/** Validates one step's posted values; on success returns the answers it replaces. */
export function validateStep(
  step: ComplaintStep,
  input: Record<string, unknown>,
  answers: ComplaintAnswers,
): FormResult<Partial<ComplaintAnswers>> {
  switch (step) {
    case 'complaint-or-request':
      return validate(complaintOrRequest, input)
    case 'who':
      return validate(who, input)
    case 'evidence':
      return { ok: true, data: { evidenceAnswered: true } }
    case 'about-you':
      return validate(aboutYou, input)
    case 'what-happened':
      return validate(whatHappened, input)
    case 'put-right':
      return validate(putRight, input)
    case 'service':
      return validate(service, input)
    case 'contact':
      return validate(contact, input)
    case 'language':
      return validate(language, input)
    case 'contact-method':
      return validate(contactMethodFor(answers), input)
    case 'adjustments':
      return validate(adjustments, input)
  }
}

/** The saved answers of one step as its form would post them. */
function postedFor(step: ComplaintStep, answers: ComplaintAnswers): Record<string, unknown> {
  if (step === 'complaint-or-request') return { choice: answers.wantsComplaint ? 'complaint' : undefined }
  if (step === 'who') {
    return {
      forSomeoneElse: answers.forSomeoneElse === undefined ? undefined : answers.forSomeoneElse ? 'yes' : 'no',
      representedName: answers.representedName,
      relationship: answers.relationship,
      consent: answers.consent,
    }
  }
  if (step === 'about-you') return { ...answers.equality }
  const input: Record<string, unknown> = {}
  for (const field of stepFields[step]) input[field] = answers[field as keyof ComplaintAnswers]
  if (step === 'adjustments' && answers.adjustmentsAnswered && (answers.adjustments ?? []).length === 0)
    input.adjustments = [NONE]
  return input
}

/** Re-checks every step against the saved answers just before submission. */
export function validateAllAnswers(answers: ComplaintAnswers): FieldErrors {
  const errors: FieldErrors = {}
  for (const step of Object.keys(stepFields) as ComplaintStep[]) {
    const result = validateStep(step, postedFor(step, answers), answers)
    if (!result.ok) Object.assign(errors, result.errors)
  }
  return errors
}
