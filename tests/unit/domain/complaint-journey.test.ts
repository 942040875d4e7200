import { describe, expect, it } from 'vitest'
import {
  canCheckAnswers,
  canVisit,
  firstIncompleteStep,
  nextStep,
  requestedAdjustments,
  type ComplaintAnswers,
} from '~/domain/journeys/complaint'
import { validateAllAnswers, validateStep } from '~/domain/journeys/complaint-forms'

const complete: ComplaintAnswers = {
  whatHappened: 'The lift is broken.',
  putRight: 'Repair it.',
  service: 'repairs',
  name: 'Sam',
  email: 'sam@example.org',
  postcode: 'CF10 1AA',
  language: 'cy',
  contactMethod: 'email',
  adjustments: [],
  adjustmentsAnswered: true,
}

describe('the order of the journey', () => {
  it('starts with what happened', () => {
    expect(firstIncompleteStep({})).toBe('what-happened')
    expect(canVisit('what-happened', {})).toBe(true)
    expect(canVisit('service', {})).toBe(false)
  })

  it('lets a resident reach a step only when every earlier step is answered', () => {
    expect(canVisit('service', { whatHappened: 'x', putRight: 'y' })).toBe(true)
    expect(canVisit('contact', { whatHappened: 'x', putRight: 'y' })).toBe(false)
  })

  it('goes to check your answers after the last question, and back there after a change', () => {
    expect(nextStep('adjustments', complete, false)).toBe('check')
    expect(nextStep('what-happened', complete, true)).toBe('check')
    expect(nextStep('what-happened', complete, false)).toBe('put-right')
  })

  it('asks the contact method again when a change removed the detail it needs', () => {
    const noEmail = { ...complete, email: undefined, phone: '07700 900982' }
    expect(canCheckAnswers(noEmail)).toBe(false)
    expect(firstIncompleteStep(noEmail)).toBe('contact-method')
    expect(nextStep('contact', noEmail, true)).toBe('language')
  })

  it('counts "no help needed" as an answer', () => {
    expect(canCheckAnswers(complete)).toBe(true)
    expect(canCheckAnswers({ ...complete, adjustmentsAnswered: undefined })).toBe(false)
  })
})

describe('validating a step', () => {
  it('trims and accepts a description', () => {
    expect(validateStep('what-happened', { whatHappened: '  broken  ' }, {})).toEqual({
      ok: true,
      data: { whatHappened: 'broken' },
    })
  })

  it.each([
    [{}, 'errors:whatHappened.required'],
    [{ whatHappened: '\u0000\u0007' }, 'errors:whatHappened.required'],
    [{ whatHappened: ['a', 'b'] }, 'errors:whatHappened.required'],
  ])('refuses %j with %s', (input, key) => {
    const result = validateStep('what-happened', input, {})
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.whatHappened?.key).toBe(key)
  })

  it('refuses a service that is not on the list', () => {
    const result = validateStep('service', { service: 'space_travel' }, {})
    expect(result).toEqual({ ok: false, errors: { service: { key: 'errors:service.required' } } })
  })

  it('normalises a postcode and accepts a phone number instead of an email', () => {
    expect(
      validateStep('contact', { name: ' Sam ', phone: '+44 7700 900982', postcode: 'cf101aa', email: '' }, {}),
    ).toEqual({
      ok: true,
      data: { name: 'Sam', phone: '+44 7700 900982', postcode: 'CF10 1AA', email: undefined, address: undefined },
    })
  })

  it.each([
    [{ name: 'Sam', email: 'not-an-email', postcode: 'CF10 1AA' }, 'email', 'errors:email.invalid'],
    [{ name: 'Sam', phone: '12', postcode: 'CF10 1AA' }, 'phone', 'errors:phone.invalid'],
    [{ name: 'Sam', email: 'a@b.co' }, 'address', 'errors:contact.addressOrPostcode'],
    [{ email: 'a@b.co', postcode: 'CF10 1AA' }, 'name', 'errors:name.required'],
  ])('refuses contact details %j on %s', (input, field, key) => {
    const result = validateStep('contact', input, {})
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[field]?.key).toBe(key)
  })

  it('needs the other language named when "another language" is chosen', () => {
    expect(validateStep('language', { language: 'other' }, {})).toEqual({
      ok: false,
      errors: { otherLanguage: { key: 'errors:otherLanguage.required' } },
    })
    expect(validateStep('language', { language: 'other', otherLanguage: 'Tigrinya' }, {})).toEqual({
      ok: true,
      data: { language: 'other', otherLanguage: 'Tigrinya' },
    })
    expect(validateStep('language', { language: 'xx' }, {}).ok).toBe(false)
  })

  it('refuses letters when there is no address', () => {
    const result = validateStep('contact-method', { contactMethod: 'letter' }, { email: 'a@b.co' })
    expect(result).toEqual({ ok: false, errors: { contactMethod: { key: 'errors:contactMethod.missing.letter' } } })
  })

  it('requires an answer about adjustments, and details for the ones that need them', () => {
    expect(validateStep('adjustments', {}, {})).toEqual({
      ok: false,
      errors: { adjustments: { key: 'errors:adjustments.required' } },
    })
    expect(validateStep('adjustments', { adjustments: ['none', 'braille'] }, {})).toEqual({
      ok: false,
      errors: { adjustments: { key: 'errors:adjustments.noneAndOthers' } },
    })
    const result = validateStep('adjustments', { adjustments: ['interpreter', 'named_contact', 'other'] }, {})
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(['adjustmentsOther', 'interpreterLanguage', 'namedContact'])
    }
  })

  it('keeps only the details that go with a ticked adjustment', () => {
    const result = validateStep(
      'adjustments',
      { adjustments: ['large_print'], interpreterLanguage: 'Polish', namedContact: 'Jo' },
      {},
    )
    expect(result).toEqual({
      ok: true,
      data: {
        adjustments: ['large_print'],
        adjustmentsAnswered: true,
        interpreterLanguage: undefined,
        namedContact: undefined,
        adjustmentsOther: undefined,
      },
    })
  })

  it('finds nothing wrong with complete answers, and finds a broken one', () => {
    expect(validateAllAnswers(complete)).toEqual({})
    expect(validateAllAnswers({ ...complete, email: undefined })).toHaveProperty('email')
  })
})

describe('requested adjustments', () => {
  it('pairs each adjustment with its detail', () => {
    expect(
      requestedAdjustments({
        adjustments: ['interpreter', 'braille', 'named_contact'],
        interpreterLanguage: 'Urdu',
        namedContact: 'Aisha',
      }),
    ).toEqual([
      { kind: 'interpreter', detail: 'Urdu' },
      { kind: 'braille', detail: null },
      { kind: 'named_contact', detail: 'Aisha' },
    ])
  })
})
