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
  wantsComplaint: true,
  forSomeoneElse: false,
  evidenceAnswered: true,
  equalityAnswered: true,
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
  const started: ComplaintAnswers = { wantsComplaint: true, forSomeoneElse: false }

  it('starts by asking whether it is a complaint, then who it is about, then what happened', () => {
    expect(firstIncompleteStep({})).toBe('complaint-or-request')
    expect(canVisit('complaint-or-request', {})).toBe(true)
    expect(canVisit('who', {})).toBe(false)
    expect(firstIncompleteStep({ wantsComplaint: true })).toBe('who')
    expect(firstIncompleteStep(started)).toBe('what-happened')
  })

  it('does not move on from the first question for a service request: the page explains, never refuses', () => {
    expect(firstIncompleteStep({ wantsComplaint: false })).toBe('complaint-or-request')
    expect(canVisit('who', { wantsComplaint: false })).toBe(false)
  })

  it('needs the represented person’s name, relationship and consent only when complaining for someone else', () => {
    expect(firstIncompleteStep({ wantsComplaint: true, forSomeoneElse: true })).toBe('who')
    expect(
      firstIncompleteStep({
        wantsComplaint: true,
        forSomeoneElse: true,
        representedName: 'Jo',
        relationship: 'mp',
        consent: 'will_send',
      }),
    ).toBe('what-happened')
  })

  it('lets a resident reach a step only when every earlier step is answered', () => {
    expect(canVisit('service', { ...started, whatHappened: 'x', putRight: 'y' })).toBe(true)
    expect(canVisit('service', { whatHappened: 'x', putRight: 'y' })).toBe(false)
    expect(canVisit('contact', { ...started, whatHappened: 'x', putRight: 'y', service: 'repairs' })).toBe(false)
    expect(
      canVisit('contact', { ...started, whatHappened: 'x', putRight: 'y', service: 'repairs', evidenceAnswered: true }),
    ).toBe(true)
  })

  it('goes to check your answers after the last question, and back there after a change', () => {
    expect(nextStep('about-you', complete, false)).toBe('check')
    expect(nextStep('adjustments', complete, false)).toBe('about-you')
    expect(nextStep('adjustments', complete, true)).toBe('check')
    expect(nextStep('what-happened', complete, true)).toBe('check')
    expect(nextStep('what-happened', complete, false)).toBe('put-right')
  })

  it('asks the contact method again when a change removed the detail it needs', () => {
    const noEmail = { ...complete, email: undefined, phone: '07700 900982' }
    expect(canCheckAnswers(noEmail)).toBe(false)
    expect(firstIncompleteStep(noEmail)).toBe('contact-method')
    expect(nextStep('contact', noEmail, true)).toBe('language')
  })

  it('counts "no help needed", no files and "prefer not to say" as answers', () => {
    expect(canCheckAnswers(complete)).toBe(true)
    expect(canCheckAnswers({ ...complete, adjustmentsAnswered: undefined })).toBe(false)
    expect(canCheckAnswers({ ...complete, evidenceAnswered: undefined })).toBe(false)
    expect(canCheckAnswers({ ...complete, equalityAnswered: undefined })).toBe(false)
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

  it('asks whether it is a complaint, and always lets the resident say it is', () => {
    expect(validateStep('complaint-or-request', {}, {})).toEqual({
      ok: false,
      errors: { choice: { key: 'errors:choice.required' } },
    })
    expect(validateStep('complaint-or-request', { choice: 'complaint' }, {})).toEqual({
      ok: true,
      data: { wantsComplaint: true },
    })
    expect(validateStep('complaint-or-request', { choice: 'request' }, {})).toEqual({
      ok: true,
      data: { wantsComplaint: false },
    })
  })

  it('asks for the represented person’s details only when complaining for someone else', () => {
    expect(validateStep('who', {}, {})).toEqual({
      ok: false,
      errors: { forSomeoneElse: { key: 'errors:who.required' } },
    })
    const missing = validateStep('who', { forSomeoneElse: 'yes' }, {})
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(Object.keys(missing.errors).sort()).toEqual(['consent', 'relationship', 'representedName'])
    expect(validateStep('who', { forSomeoneElse: 'no', representedName: 'Left over', relationship: 'mp' }, {})).toEqual(
      {
        ok: true,
        data: { forSomeoneElse: false, representedName: undefined, relationship: undefined, consent: undefined },
      },
    )
    expect(
      validateStep(
        'who',
        { forSomeoneElse: 'yes', representedName: ' Jo Bloggs ', relationship: 'councillor', consent: 'agreed' },
        {},
      ),
    ).toEqual({
      ok: true,
      data: { forSomeoneElse: true, representedName: 'Jo Bloggs', relationship: 'councillor', consent: 'agreed' },
    })
    expect(
      validateStep(
        'who',
        { forSomeoneElse: 'yes', representedName: 'Jo', relationship: 'landlord', consent: 'agreed' },
        {},
      ).ok,
    ).toBe(false)
  })

  it('treats every equality question as optional, with "prefer not to say" and nothing else allowed', () => {
    expect(validateStep('about-you', {}, {})).toEqual({
      ok: true,
      data: {
        equality: {
          ageBand: 'not_answered',
          disability: 'not_answered',
          ethnicity: 'not_answered',
          sex: 'not_answered',
          religion: 'not_answered',
        },
        equalityAnswered: true,
      },
    })
    const some = validateStep('about-you', { ageBand: '35_44', religion: 'prefer_not_to_say' }, {})
    expect(some.ok && some.data.equality).toMatchObject({ ageBand: '35_44', religion: 'prefer_not_to_say' })
    expect(validateStep('about-you', { ageBand: '200' }, {}).ok).toBe(false)
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
