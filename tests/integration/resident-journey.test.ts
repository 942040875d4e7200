import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { complaintDrafts, complaints } from '../../db/schema'
import * as step from '~/routes/_resident.complain.$step/route'
import * as check from '~/routes/_resident.complain.check/route'
import * as confirmation from '~/routes/_resident.complain.confirmation/route'
import * as root from '~/root'
import { describeEachEngine } from '../support/databases'
import { answer, bodyOf, cookieFrom, formRequest, getRequest, loadContext, statusOf } from '../support/requests'

type Rejected = {
  errors: Record<string, { key: string; values?: Record<string, unknown> }>
  values: Record<string, unknown>
}

const journey: Array<[string, Record<string, string | string[]>]> = [
  ['complaint-or-request', { choice: 'complaint' }],
  ['who', { forSomeoneElse: 'no' }],
  ['what-happened', { whatHappened: 'The lift has been broken for three weeks.' }],
  ['put-right', { putRight: 'Repair the lift.' }],
  ['service', { service: 'repairs' }],
  ['evidence', { intent: 'continue' }],
  ['contact', { name: 'Fatima Hassan', email: 'fatima@example.org', phone: '', address: '', postcode: 'm14 4ab' }],
  ['language', { language: 'ar', otherLanguage: '' }],
  ['contact-method', { contactMethod: 'email' }],
  [
    'adjustments',
    {
      adjustments: ['interpreter', 'large_print'],
      interpreterLanguage: 'Arabic',
      namedContact: '',
      adjustmentsOther: '',
    },
  ],
  ['about-you', { ageBand: '35_44', disability: 'prefer_not_to_say' }],
]

async function postStep(
  name: string,
  fields: Record<string, string | string[]> | string,
  cookie?: string,
  origin?: string | null,
) {
  const context = loadContext()
  const result = await answer(() =>
    step.action({
      request: formRequest(`/complain/${name}`, fields, { cookie, origin }),
      params: { step: name },
      context,
    }),
  )
  return { result, context }
}

/** A draft past the first two questions, so the complaint's own questions can be asked. */
async function startedDraft(): Promise<string> {
  let cookie: string | undefined
  for (const [name, fields] of journey.slice(0, 2)) {
    const { result } = await postStep(name, fields, cookie)
    cookie ??= cookieFrom(result as Response, 'pr_draft')
  }
  if (!cookie) throw new Error('no draft cookie')
  return cookie
}

async function completeJourney(): Promise<string> {
  let cookie: string | undefined
  for (const [name, fields] of journey) {
    const { result } = await postStep(name, fields, cookie)
    expect(statusOf(result), name).toBe(302)
    cookie ??= cookieFrom(result as Response, 'pr_draft')
  }
  if (!cookie) throw new Error('no draft cookie')
  return cookie
}

describeEachEngine('the resident journey', (handle) => {
  const complaintCount = async () => (await handle().db.select({ n: count() }).from(complaints))[0]?.n ?? 0
  const draftCount = async () => (await handle().db.select({ n: count() }).from(complaintDrafts))[0]?.n ?? 0

  it('goes question by question to check your answers, then sends one complaint', async () => {
    const cookie = await completeJourney()
    const page = bodyOf<{ answers: Record<string, unknown>; submissionKey: string }>(
      await check.loader({ request: getRequest('/complain/check', { cookie }), params: {}, context: loadContext() }),
    )
    expect(page.answers.postcode).toBe('M14 4AB')
    expect(page.answers.adjustments).toEqual(['interpreter', 'large_print'])
    const before = await complaintCount()
    const submitted = await answer(() =>
      check.action({
        request: formRequest('/complain/check', { submissionKey: page.submissionKey }, { cookie }),
        params: {},
        context: loadContext(),
      }),
    )
    expect(statusOf(submitted)).toBe(302)
    expect((submitted as Response).headers.get('Location')).toBe('/complain/confirmation')

    // The same form again (a double click, the back button): same complaint, nothing new.
    const again = await answer(() =>
      check.action({
        request: formRequest('/complain/check', { submissionKey: page.submissionKey }, { cookie }),
        params: {},
        context: loadContext(),
      }),
    )
    expect((again as Response).headers.get('Location')).toBe('/complain/confirmation')
    expect(await complaintCount()).toBe(before + 1)

    const shown = bodyOf<{ reference: string }>(
      await confirmation.loader({
        request: getRequest('/complain/confirmation', { cookie }),
        params: {},
        context: loadContext(),
      }),
    )
    expect(shown.reference).toMatch(/^PR-\d{4}-\d{6}$/)
  })

  it('shows the confirmation only to the browser that sent the complaint', async () => {
    await completeJourney()
    const stranger = await answer(() =>
      confirmation.loader({ request: getRequest('/complain/confirmation'), params: {}, context: loadContext() }),
    )
    expect(statusOf(stranger)).toBe(302)
    const guessed = await answer(() =>
      confirmation.loader({
        request: getRequest('/complain/confirmation', { cookie: 'pr_draft=00000000-0000-4000-8000-000000000000' }),
        params: {},
        context: loadContext(),
      }),
    )
    expect(statusOf(guessed)).toBe(302)
  })

  it('does not let a resident skip ahead by typing a later step into the address bar', async () => {
    const result = await answer(() =>
      step.loader({ request: getRequest('/complain/contact'), params: { step: 'contact' }, context: loadContext() }),
    )
    expect((result as Response).headers.get('Location')).toBe('/complain/complaint-or-request')
  })

  it('answers an empty question with a 400, the error as a locale key, and the title flagged', async () => {
    const cookie = await startedDraft()
    const drafts = await draftCount()
    const { result, context } = await postStep('what-happened', { whatHappened: '   ' }, cookie)
    expect(statusOf(result)).toBe(400)
    expect(bodyOf<Rejected>(result).errors.whatHappened?.key).toBe('errors:whatHappened.required')
    expect(context.page.formRejected).toBe(true)
    const rootData = await root.loader({ request: getRequest('/complain/what-happened'), params: {}, context })
    expect(rootData.errorTitlePrefix).toBe('Error: ')
    expect(await draftCount()).toBe(drafts)
  })

  it('refuses 100 KB of text with a length error and keeps the answer to correct it', async () => {
    const cookie = await startedDraft()
    const drafts = await draftCount()
    const long = 'a'.repeat(100 * 1024)
    const { result } = await postStep('what-happened', { whatHappened: long }, cookie)
    expect(statusOf(result)).toBe(400)
    const rejected = bodyOf<Rejected>(result)
    expect(rejected.errors.whatHappened).toEqual({ key: 'errors:whatHappened.tooLong', values: { max: 10_000 } })
    expect(rejected.values.whatHappened).toBe(long)
    expect(await draftCount()).toBe(drafts)
  })

  it('drops control characters but keeps every script, emoji and combining mark', async () => {
    const written = 'Ll\u0000if\u0007t ddim yn gweithio 😡 — المصعد معطل — ਲਿਫਟ — e\u0301'
    const cookie = await startedDraft()
    await postStep('what-happened', { whatHappened: written }, cookie)
    const page = bodyOf<{ values: Record<string, string> }>(
      await step.loader({
        request: getRequest('/complain/what-happened', { cookie }),
        params: { step: 'what-happened' },
        context: loadContext(),
      }),
    )
    expect(page.values.whatHappened).toBe('Llift ddim yn gweithio 😡 — المصعد معطل — ਲਿਫਟ — é')
  })

  describe('cross-site and malformed posts', () => {
    it('refuses a forged Origin with 403 and writes nothing', async () => {
      const drafts = await draftCount()
      const { result } = await postStep('what-happened', { whatHappened: 'x' }, undefined, 'https://evil.example')
      expect(statusOf(result)).toBe(403)
      expect(await draftCount()).toBe(drafts)
    })

    it('refuses a post with neither Origin nor Referer', async () => {
      const { result } = await postStep('what-happened', { whatHappened: 'x' }, undefined, null)
      expect(statusOf(result)).toBe(403)
    })

    it('refuses a body over the form limit with 413 before reading it', async () => {
      const cookie = await startedDraft()
      const drafts = await draftCount()
      const { result } = await postStep('what-happened', `whatHappened=${'b'.repeat(300 * 1024)}`, cookie)
      expect(statusOf(result)).toBe(413)
      expect(await draftCount()).toBe(drafts)
    })

    it('answers an unknown step with 404', async () => {
      const result = await answer(() =>
        step.loader({ request: getRequest('/complain/nope'), params: { step: 'nope' }, context: loadContext() }),
      )
      expect(statusOf(result)).toBe(404)
    })
  })

  it('requires a way to contact the resident and a postcode in the right format', async () => {
    let cookie: string | undefined
    for (const [name, fields] of journey.slice(0, 6)) {
      const { result } = await postStep(name, fields, cookie)
      cookie ??= cookieFrom(result as Response, 'pr_draft')
    }
    const { result } = await postStep(
      'contact',
      { name: 'A', email: '', phone: '', address: '', postcode: 'NOT A POSTCODE' },
      cookie,
    )
    expect(statusOf(result)).toBe(400)
    const errors = bodyOf<Rejected>(result).errors
    expect(errors.email?.key).toBe('errors:contact.emailOrPhone')
    expect(errors.postcode?.key).toBe('errors:postcode.invalid')
  })
})

describe('languages', () => {
  it('ignores an unknown ?lng and falls back to the browser language, then English', async () => {
    const unknown = await root.loader({ request: getRequest('/?lng=xx'), params: {}, context: loadContext() })
    expect(unknown.locale).toBe('en')
    const welsh = await root.loader({
      request: getRequest('/?lng=xx', { headers: { 'Accept-Language': 'cy-GB,cy;q=0.9,en;q=0.5' } }),
      params: {},
      context: loadContext(),
    })
    expect(welsh.locale).toBe('cy')
  })

  it('honours ?lng over the cookie, and the cookie over Accept-Language', async () => {
    const chosen = await root.loader({
      request: getRequest('/?lng=ar', { cookie: 'lng=cy', headers: { 'Accept-Language': 'en' } }),
      params: {},
      context: loadContext(),
    })
    expect(chosen).toMatchObject({ locale: 'ar', dir: 'rtl' })
    const remembered = await root.loader({
      request: getRequest('/', { cookie: 'lng=cy', headers: { 'Accept-Language': 'ar' } }),
      params: {},
      context: loadContext(),
    })
    expect(remembered).toMatchObject({ locale: 'cy', dir: 'ltr' })
  })
})
