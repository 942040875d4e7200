// Tracking a case without an account: one-time codes and links, the resident's own case page and
// actions, uploads, and isolation between residents — through the route modules, on both engines.
import { and, count, desc, eq } from 'drizzle-orm'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  attachments,
  auditEvents,
  complaintNotes,
  complaints,
  letters,
  outboxMessages,
  surveyResponses,
} from '../../db/schema'
import { addWorkingDays, londonDate } from '~/domain/working-days'
import { formatDate } from '~/i18n/format'
import * as trackStart from '~/routes/_resident.track._index/route'
import * as trackCode from '~/routes/_resident.track.code/route'
import * as trackLink from '~/routes/_resident.track.link.$token/route'
import * as casePage from '~/routes/_resident.track.$reference/route'
import * as escalate from '~/routes/_resident.track.$reference_.escalate/route'
import * as withdraw from '~/routes/_resident.track.$reference_.withdraw/route'
import * as add from '~/routes/_resident.track.$reference_.add/route'
import * as fileRoute from '~/routes/_resident.track.$reference_.files.$fileId/route'
import * as letterRoute from '~/routes/_resident.track.$reference_.letters.$letterId/route'
import * as letterAgain from '~/routes/_resident.track.$reference_.letter-again/route'
import * as survey from '~/routes/_resident.track.$reference_.survey.$question/route'
import { runCommand } from '~/server/cases.server'
import { loadCalendar } from '~/server/calendar.server'
import { saveLearning } from '~/server/learning.server'
import { requestAccessCode } from '~/server/resident-access.server'
import { describeEachEngine } from '../support/databases'
import { aComplaint, aRespondedComplaint, someAnswers } from '../support/factories'
import { answer, bodyOf, cookieFrom, formRequest, getRequest, loadContext, ORIGIN, statusOf } from '../support/requests'

type Rejected = { errors: Record<string, { key: string; values?: Record<string, unknown> }> }

const location = (result: unknown) => (result instanceof Response ? result.headers.get('Location') : null)

async function jpegWithLocation(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
    .toBuffer()
}

function uploadRequest(path: string, cookie: string, fields: Record<string, string>, files: File[]): Request {
  const body = new FormData()
  for (const [key, value] of Object.entries(fields)) body.append(key, value)
  for (const file of files) body.append('files', file)
  return new Request(`${ORIGIN}${path}`, { method: 'POST', body, headers: { Origin: ORIGIN, Cookie: cookie } })
}

describeEachEngine('tracking a complaint without an account', (handle) => {
  const db = () => handle().db

  async function codesSentTo(complaintId: string) {
    return db()
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.complaintId, complaintId), eq(outboxMessages.purpose, 'access_code')))
      .orderBy(desc(outboxMessages.createdAt))
  }

  async function complaintIdOf(reference: string): Promise<string> {
    const [row] = await db().select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference))
    if (!row) throw new Error(`no complaint ${reference}`)
    return row.id
  }

  async function askForCode(reference: string, address: string, clientIp = '127.0.0.1') {
    const context = { ...loadContext(), clientIp }
    const result = await answer(() =>
      trackStart.action({ request: formRequest('/track', { reference, address }), params: {}, context }),
    )
    return { result, cookie: result instanceof Response ? cookieFrom(result, 'pr_track') : undefined }
  }

  async function enterCode(cookie: string | undefined, code: string) {
    return answer(() =>
      trackCode.action({
        request: formRequest('/track/code', { code }, { cookie }),
        params: {},
        context: loadContext(),
      }),
    )
  }

  /** Signs in as the resident of `reference` the way they would: code by email, then the code page. */
  async function signedInTo(reference: string, email: string): Promise<string> {
    const { cookie } = await askForCode(reference, email, `10.0.${Math.floor(Math.random() * 250)}.1`)
    const [message] = await codesSentTo(await complaintIdOf(reference))
    const code = /\b(\d{6})\b/.exec(message?.bodyText ?? '')?.[1] ?? ''
    const result = await enterCode(cookie, code)
    expect(location(result)).toBe(`/track/${reference}`)
    const session = cookieFrom(result as Response, 'pr_resident')
    if (!session) throw new Error('no resident session')
    return session
  }

  it('sends a code only when the reference and address match, and answers every request the same way', async () => {
    const email = `track-${Date.now()}@example.org`
    const { reference } = await aComplaint(db(), { answers: someAnswers({ email }) })
    const complaintId = await complaintIdOf(reference)

    const real = await askForCode(reference.toLowerCase(), email.toUpperCase(), '10.1.0.1')
    const unknown = await askForCode('PR-2026-999999', email, '10.1.0.2')
    const wrongAddress = await askForCode(reference, 'someone-else@example.org', '10.1.0.3')
    for (const { result, cookie } of [real, unknown, wrongAddress]) {
      expect(statusOf(result)).toBe(302)
      expect(location(result)).toBe('/track/code')
      expect(cookie).toMatch(/^pr_track=[\w-]{43}$/)
    }
    const sent = await codesSentTo(complaintId)
    expect(sent).toHaveLength(1)
    expect(sent[0]?.recipient).toBe(email)
    expect(sent[0]?.bodyText).toMatch(/\b\d{6}\b/)
    expect(sent[0]?.bodyText).toContain(`${ORIGIN}/track/link/`)

    // The cookie from a request that matched nothing never accepts any code.
    expect(bodyOf<Rejected>(await enterCode(unknown.cookie, '000000')).errors.code?.key).toBe('errors:track.codeWrong')
  })

  it('accepts a texted code for the mobile number on the case, written any usual way', async () => {
    const { reference } = await aComplaint(db(), { answers: someAnswers({ phone: '07700 900982' }) })
    const { result } = await askForCode(reference, '+44 7700 900982', '10.2.0.1')
    expect(location(result)).toBe('/track/code')
    const [sms] = await codesSentTo(await complaintIdOf(reference))
    expect(sms?.channel).toBe('sms')
    expect(sms?.bodyText).not.toContain('/track/link/')
  })

  it('refuses a sixth try at a code, even the right one, and a code once used', async () => {
    const email = `tries-${Date.now()}@example.org`
    const { reference } = await aComplaint(db(), { answers: someAnswers({ email }) })
    const { cookie } = await askForCode(reference, email, '10.3.0.1')
    const [message] = await codesSentTo(await complaintIdOf(reference))
    const code = /\b(\d{6})\b/.exec(message?.bodyText ?? '')?.[1] ?? ''
    const wrong = code === '123456' ? '654321' : '123456'
    for (let attempt = 1; attempt <= 5; attempt++) {
      const result = await enterCode(cookie, wrong)
      expect(statusOf(result)).toBe(400)
      expect(bodyOf<Rejected>(result).errors.code?.key).toBe('errors:track.codeWrong')
    }
    const sixth = await enterCode(cookie, code)
    expect(sixth).not.toBeInstanceOf(Response)
    expect(bodyOf<Rejected>(sixth).errors.code?.key).toBe('errors:track.codeWrong')

    // A new code works once, and only once.
    const again = await askForCode(reference, email, '10.3.0.2')
    const [fresh] = await codesSentTo(await complaintIdOf(reference))
    const freshCode = /\b(\d{6})\b/.exec(fresh?.bodyText ?? '')?.[1] ?? ''
    expect(location(await enterCode(again.cookie, freshCode))).toBe(`/track/${reference}`)
    expect(bodyOf<Rejected>(await enterCode(again.cookie, freshCode)).errors.code?.key).toBe('errors:track.codeWrong')
  })

  it('refuses a code after 15 minutes', async () => {
    const email = `late-${Date.now()}@example.org`
    const { reference } = await aComplaint(db(), { answers: someAnswers({ email }) })
    const sixteenMinutesAgo = new Date(Date.now() - 16 * 60_000)
    const requested = await requestAccessCode(db(), {
      reference,
      address: email,
      baseUrl: ORIGIN,
      clientIp: '10.4.0.1',
      now: sixteenMinutesAgo,
    })
    if (!requested.ok) throw new Error('blocked')
    const cookie = requested.setCookie.split(';')[0]
    const [message] = await codesSentTo(await complaintIdOf(reference))
    const code = /\b(\d{6})\b/.exec(message?.bodyText ?? '')?.[1] ?? ''
    expect(bodyOf<Rejected>(await enterCode(cookie, code)).errors.code?.key).toBe('errors:track.codeWrong')
  })

  it('lets a link scanner open the emailed link without spending it; the button spends it once', async () => {
    const email = `link-${Date.now()}@example.org`
    const { reference } = await aComplaint(db(), { answers: someAnswers({ email }) })
    await askForCode(reference, email, '10.5.0.1')
    const [message] = await codesSentTo(await complaintIdOf(reference))
    const token = /\/track\/link\/([\w-]+)/.exec(message?.bodyText ?? '')?.[1] ?? ''
    const open = () =>
      trackLink.loader({ request: getRequest(`/track/link/${token}`), params: { token }, context: loadContext() })
    const press = () =>
      answer(() =>
        trackLink.action({
          request: formRequest(`/track/link/${token}`, {}),
          params: { token },
          context: loadContext(),
        }),
      )

    expect((await open()).valid).toBe(true)
    expect((await open()).valid).toBe(true)
    const first = await press()
    expect(location(first)).toBe(`/track/${reference}`)
    expect(cookieFrom(first as Response, 'pr_resident')).toBeTruthy()
    const second = await press()
    expect(location(second)).toBe(`/track/link/${token}`)
    expect((second as Response).headers.getSetCookie()).toEqual([])
    expect((await open()).valid).toBe(false)
    const made = await trackLink.loader({
      request: getRequest('/track/link/made-up'),
      params: { token: 'made-up' },
      context: loadContext(),
    })
    expect(made.valid).toBe(false)
  })

  it('limits requests per reference, and treats a reference that does not exist the same way', async () => {
    const email = `limit-${Date.now()}@example.org`
    const { reference } = await aComplaint(db(), { answers: someAnswers({ email }) })
    for (const target of [reference, 'PR-2026-888888']) {
      for (let i = 0; i < 5; i++) {
        const { result } = await askForCode(target, `other-${i}-${Date.now()}@example.org`, `10.6.${i}.1`)
        expect(location(result)).toBe('/track/code')
      }
      const { result } = await askForCode(target, email, '10.6.9.9')
      expect(statusOf(result)).toBe(429)
      expect(bodyOf<Rejected>(result).errors.reference?.key).toBe('errors:track.tooMany')
    }
    // Nothing was sent to the real resident by the blocked request.
    expect(await codesSentTo(await complaintIdOf(reference))).toHaveLength(0)
  })

  it('shows the resident their case with each deadline explained', async () => {
    const email = `view-${Date.now()}@example.org`
    const { reference } = await aComplaint(db(), { answers: someAnswers({ email }) })
    const cookie = await signedInTo(reference, email)
    const page = await casePage.loader({
      request: getRequest(`/track/${reference}`, { cookie }),
      params: { reference },
      context: loadContext(),
    })
    expect(page.reference).toBe(reference)
    expect(page.status).toBe('received')
    expect(page.deadlines).toHaveLength(1)
    expect(page.deadlines[0]).toMatchObject({ kind: 'acknowledgeBy', startEvent: 'received', workingDays: 5 })
    expect(page.timeline.map((e) => e.action)).toEqual(['complaint.received'])
  })

  it('escalates to Stage 2 in one step, without a reason, and shows the new acknowledgement date at once', async () => {
    const email = `escalate-${Date.now()}@example.org`
    const { reference } = await aRespondedComplaint(db(), { answers: someAnswers({ email }) })
    const cookie = await signedInTo(reference, email)
    const before = await casePage.loader({
      request: getRequest(`/track/${reference}`, { cookie }),
      params: { reference },
      context: loadContext(),
    })
    expect(before.canEscalate).toBe(true)
    expect(before.letters.length).toBeGreaterThanOrEqual(2)
    expect(before.commitments.map((c) => c.description)).toEqual(['Repair the boiler'])

    const result = await answer(() =>
      escalate.action({
        request: formRequest(`/track/${reference}/escalate`, { stillWrong: '' }, { cookie }),
        params: { reference },
        context: loadContext(),
      }),
    )
    expect(location(result)).toBe(`/track/${reference}?done=escalated`)
    const [row] = await db().select().from(complaints).where(eq(complaints.reference, reference))
    expect(row?.status).toBe('escalated')

    const after = await casePage.loader({
      request: getRequest(`/track/${reference}?done=escalated`, { cookie }),
      params: { reference },
      context: loadContext(),
    })
    expect(after.notice).toBe('escalated')
    expect(after.stage).toBe(2)
    expect(after.canEscalate).toBe(false)
    const calendar = await loadCalendar(db())
    const expected = addWorkingDays(londonDate(new Date()), 5, calendar.nonWorkingDays)
    expect(after.deadlines).toHaveLength(1)
    expect(after.deadlines[0]).toMatchObject({
      kind: 'acknowledgeBy',
      startEvent: 'escalation_requested',
      workingDays: 5,
    })
    expect(after.deadlines[0]?.date).toBe(formatDate(expected, 'en'))
    // Asking again changes nothing.
    await answer(() =>
      escalate.action({
        request: formRequest(`/track/${reference}/escalate`, { stillWrong: 'Still broken' }, { cookie }),
        params: { reference },
        context: loadContext(),
      }),
    )
    const [again] = await db().select().from(complaints).where(eq(complaints.reference, reference))
    expect(again?.version).toBe(row?.version)
  })

  it('withdraws a complaint only with the resident’s own words', async () => {
    const email = `withdraw-${Date.now()}@example.org`
    const { reference } = await aComplaint(db(), { answers: someAnswers({ email }) })
    const cookie = await signedInTo(reference, email)
    const post = (words: string) =>
      answer(() =>
        withdraw.action({
          request: formRequest(`/track/${reference}/withdraw`, { words }, { cookie }),
          params: { reference },
          context: loadContext(),
        }),
      )
    const empty = await post('   ')
    expect(statusOf(empty)).toBe(400)
    expect(bodyOf<Rejected>(empty).errors.words?.key).toBe('errors:withdraw.wordsRequired')
    expect((await db().select().from(complaints).where(eq(complaints.reference, reference)))[0]?.status).toBe(
      'received',
    )
    expect(location(await post('It has been fixed now, thank you.'))).toBe(`/track/${reference}?done=withdrawn`)
    expect((await db().select().from(complaints).where(eq(complaints.reference, reference)))[0]?.status).toBe(
      'withdrawn',
    )
  })

  it('adds information and photos: type from the bytes, location removed, one record per form', async () => {
    const email = `add-${Date.now()}@example.org`
    const { reference } = await aComplaint(db(), { answers: someAnswers({ email }) })
    const complaintId = await complaintIdOf(reference)
    const cookie = await signedInTo(reference, email)
    const photo = await jpegWithLocation()
    expect((await sharp(photo).metadata()).exif).toBeDefined()
    const post = (fields: Record<string, string>, files: File[]) =>
      answer(() =>
        add.action({
          request: uploadRequest(`/track/${reference}/add`, cookie, fields, files),
          params: { reference },
          context: loadContext(),
        }),
      )
    const notes = async () =>
      (await db().select({ n: count() }).from(complaintNotes).where(eq(complaintNotes.complaintId, complaintId)))[0]?.n
    const files = async () => db().select().from(attachments).where(eq(attachments.complaintId, complaintId))

    const disguised = await post({ information: 'See attached' }, [
      new File(['MZ this is a program, not a photo'], 'damp.jpg', { type: 'image/jpeg' }),
    ])
    expect(statusOf(disguised)).toBe(400)
    expect(bodyOf<Rejected>(disguised).errors.files?.key).toBe('errors:upload.wrongType')

    const huge = await post({ information: 'See attached' }, [
      new File([Buffer.alloc(10 * 1024 * 1024 + 1, 0xff)], 'big.jpg', { type: 'image/jpeg' }),
    ])
    expect(statusOf(huge)).toBe(400)
    expect(bodyOf<Rejected>(huge).errors.files?.key).toBe('errors:upload.tooLarge')

    const six = await post(
      {},
      Array.from({ length: 6 }, (_, i) => new File([new Uint8Array(photo)], `p${i}.jpg`, { type: 'image/jpeg' })),
    )
    expect(bodyOf<Rejected>(six).errors.files?.key).toBe('errors:upload.tooMany')

    const nothing = await post({ information: '  ' }, [])
    expect(bodyOf<Rejected>(nothing).errors.information?.key).toBe('errors:add.nothing')
    expect(await notes()).toBe(0)
    expect(await files()).toHaveLength(0)

    // Every script, emoji and a combining mark (stored composed).
    const words = 'Zoe\u0308 — ਪੰਜਾਬੀ اردو বাংলা ગુજરાતી Soomaali 🏚️💧 ąę'
    const submissionKey = crypto.randomUUID()
    const fields = { information: words, submissionKey }
    const first = await post(fields, [new File([new Uint8Array(photo)], 'kitchen wall.jpg', { type: 'image/jpeg' })])
    expect(location(first)).toBe(`/track/${reference}?done=added`)
    const second = await post(fields, [new File([new Uint8Array(photo)], 'kitchen wall.jpg', { type: 'image/jpeg' })])
    expect(location(second)).toBe(`/track/${reference}?done=added`)

    expect(await notes()).toBe(1)
    const [note] = await db().select().from(complaintNotes).where(eq(complaintNotes.complaintId, complaintId))
    expect(note?.body).toBe(words.normalize('NFC'))
    expect(note?.source).toBe('resident')
    const stored = await files()
    expect(stored).toHaveLength(1)
    expect(stored[0]?.contentType).toBe('image/jpeg')
    const metadata = await sharp(Buffer.from(stored[0]?.data ?? [])).metadata()
    expect(metadata.exif).toBeUndefined()
    expect(metadata.width).toBe(64)

    // The resident can download it, with headers that stop a browser running it.
    const download = (await fileRoute.loader({
      request: getRequest(`/track/${reference}/files/${stored[0]?.id}`, { cookie }),
      params: { reference, fileId: stored[0]?.id },
      context: loadContext(),
    })) as Response
    expect(download.status).toBe(200)
    expect(download.headers.get('Content-Type')).toBe('image/jpeg')
    expect(download.headers.get('Content-Disposition')).toContain('attachment')
    expect(download.headers.get('Cache-Control')).toBe('private, no-store')
  })

  it('after closure asks two questions, one per page, and keeps the answers with an audit trail', async () => {
    const email = `survey-${Date.now()}@example.org`
    const { reference, handler } = await aRespondedComplaint(db(), { answers: someAnswers({ email }) })
    const complaintId = await complaintIdOf(reference)
    const cookie = await signedInTo(reference, email)
    // Not while the complaint is still open.
    const early = await answer(() =>
      survey.loader({
        request: getRequest(`/track/${reference}/survey/handling`, { cookie }),
        params: { reference, question: 'handling' },
        context: loadContext(),
      }),
    )
    expect(location(early)).toBe(`/track/${reference}`)
    // GOV-2: the complaint was upheld, so its learning is recorded before it is closed.
    await saveLearning(db(), {
      reference,
      learning: {
        mode: 'learning',
        rootCause: 'repairs_contractor',
        analysis: '',
        learning: 'Book the engineer when the fault is reported.',
        noLearningReason: '',
      },
      actor: { id: handler.id, canApprove: false },
      now: new Date(),
    })
    const closed = await runCommand(db(), {
      reference,
      command: {
        type: 'close',
        on: londonDate(new Date()),
        by: { kind: 'staff', id: handler.id, role: 'complaint_handler' },
      },
      actor: { type: 'staff', id: handler.id },
      now: new Date(),
    })
    expect(closed.ok).toBe(true)
    const post = (question: string, value: string) =>
      answer(() =>
        survey.action({
          request: formRequest(`/track/${reference}/survey/${question}`, { answer: value }, { cookie }),
          params: { reference, question },
          context: loadContext(),
        }),
      )
    expect(bodyOf<Rejected>(await post('handling', 'brilliant')).errors.answer?.key).toBe(
      'errors:survey.answerRequired',
    )
    expect(location(await post('handling', 'fairly_satisfied'))).toBe(`/track/${reference}/survey/outcome`)
    expect(location(await post('outcome', 'very_dissatisfied'))).toBe(`/track/${reference}?done=survey`)
    const answers = await db().select().from(surveyResponses).where(eq(surveyResponses.complaintId, complaintId))
    expect(Object.fromEntries(answers.map((a) => [a.question, a.answer]))).toEqual({
      handling: 'fairly_satisfied',
      outcome: 'very_dissatisfied',
    })
    const audited = await db()
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, complaintId), eq(auditEvents.action, 'complaint.survey_answered')))
    expect(audited[0]?.n).toBe(2)
    await expect(
      survey.loader({
        request: getRequest(`/track/${reference}/survey/mood`, { cookie }),
        params: { reference, question: 'mood' },
        context: loadContext(),
      }),
    ).rejects.toMatchObject({ status: 404 })
  })

  it('makes a letter again in another language and format, once per form', async () => {
    const email = `again-${Date.now()}@example.org`
    const { reference } = await aRespondedComplaint(db(), { answers: someAnswers({ email }) })
    const complaintId = await complaintIdOf(reference)
    const cookie = await signedInTo(reference, email)
    const page = await letterAgain.loader({
      request: getRequest(`/track/${reference}/letter-again`, { cookie }),
      params: { reference },
      context: loadContext(),
    })
    const response = page.letters.at(-1)
    const before = await db().select().from(letters).where(eq(letters.complaintId, complaintId))
    const fields = {
      letterId: response?.id ?? '',
      language: 'pl',
      format: 'large_print',
      submissionKey: page.submissionKey,
    }
    const post = () =>
      answer(() =>
        letterAgain.action({
          request: formRequest(`/track/${reference}/letter-again`, fields, { cookie }),
          params: { reference },
          context: loadContext(),
        }),
      )
    expect(location(await post())).toBe(`/track/${reference}?done=letter`)
    expect(location(await post())).toBe(`/track/${reference}?done=letter`)
    const after = await db()
      .select()
      .from(letters)
      .where(eq(letters.complaintId, complaintId))
      .orderBy(desc(letters.createdAt))
    expect(after).toHaveLength(before.length + 1)
    expect(after[0]).toMatchObject({ language: 'pl', format: 'large_print', createdBy: 'resident' })
  })

  describe('one resident cannot reach another’s case', () => {
    it('by reference, file id, letter id or action', async () => {
      const mine = `mine-${Date.now()}@example.org`
      const theirs = `theirs-${Date.now()}@example.org`
      const a = await aRespondedComplaint(db(), { answers: someAnswers({ email: mine }) })
      const b = await aRespondedComplaint(db(), { answers: someAnswers({ email: theirs }) })
      const bId = await complaintIdOf(b.reference)
      const cookieA = await signedInTo(a.reference, mine)
      const cookieB = await signedInTo(b.reference, theirs)
      const photo = await jpegWithLocation()
      await answer(() =>
        add.action({
          request: uploadRequest(`/track/${b.reference}/add`, cookieB, { information: 'Private' }, [
            new File([new Uint8Array(photo)], 'b.jpg', { type: 'image/jpeg' }),
          ]),
          params: { reference: b.reference },
          context: loadContext(),
        }),
      )
      const [bFile] = await db().select().from(attachments).where(eq(attachments.complaintId, bId))
      const [bLetter] = await db().select().from(letters).where(eq(letters.complaintId, bId))
      const bLetters = (await db().select().from(letters).where(eq(letters.complaintId, bId))).length
      const bVersion = (await db().select().from(complaints).where(eq(complaints.id, bId)))[0]?.version
      if (!bFile || !bLetter) throw new Error('fixture')

      // A's session on B's pages: sent to "track your complaint".
      const onB = { reference: b.reference }
      for (const run of [
        () =>
          casePage.loader({
            request: getRequest(`/track/${b.reference}`, { cookie: cookieA }),
            params: onB,
            context: loadContext(),
          }),
        () =>
          fileRoute.loader({
            request: getRequest('/x', { cookie: cookieA }),
            params: { ...onB, fileId: bFile.id },
            context: loadContext(),
          }),
        () =>
          letterRoute.loader({
            request: getRequest('/x', { cookie: cookieA }),
            params: { ...onB, letterId: bLetter.id },
            context: loadContext(),
          }),
        () =>
          escalate.action({ request: formRequest('/x', {}, { cookie: cookieA }), params: onB, context: loadContext() }),
        () =>
          withdraw.action({
            request: formRequest('/x', { words: 'No' }, { cookie: cookieA }),
            params: onB,
            context: loadContext(),
          }),
        () => casePage.loader({ request: getRequest(`/track/${b.reference}`), params: onB, context: loadContext() }),
      ]) {
        const result = await answer(run)
        expect(location(result)).toBe('/track')
      }
      // A's own reference with B's ids: not found.
      const onA = { reference: a.reference }
      for (const run of [
        () =>
          fileRoute.loader({
            request: getRequest('/x', { cookie: cookieA }),
            params: { ...onA, fileId: bFile.id },
            context: loadContext(),
          }),
        () =>
          letterRoute.loader({
            request: getRequest('/x', { cookie: cookieA }),
            params: { ...onA, letterId: bLetter.id },
            context: loadContext(),
          }),
        () =>
          fileRoute.loader({
            request: getRequest('/x', { cookie: cookieA }),
            params: { ...onA, fileId: 'b.jpg' },
            context: loadContext(),
          }),
        () =>
          fileRoute.loader({
            request: getRequest('/x', { cookie: cookieA }),
            params: { ...onA, fileId: "' or 1=1 --" },
            context: loadContext(),
          }),
      ]) {
        expect(statusOf(await answer(run))).toBe(404)
      }
      const resent = await answer(() =>
        letterAgain.action({
          request: formRequest('/x', { letterId: bLetter.id, language: 'en', format: 'standard' }, { cookie: cookieA }),
          params: onA,
          context: loadContext(),
        }),
      )
      expect(bodyOf<Rejected>(resent).errors.letterId?.key).toBe('errors:letterAgain.letterRequired')
      expect((await db().select().from(complaints).where(eq(complaints.id, bId)))[0]?.version).toBe(bVersion)
      expect(await db().select().from(letters).where(eq(letters.complaintId, bId))).toHaveLength(bLetters)
      expect(await db().select().from(attachments).where(eq(attachments.complaintId, bId))).toHaveLength(1)
    })
  })
})
