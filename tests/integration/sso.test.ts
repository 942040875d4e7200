// Staff single sign-on against a real OpenID Connect provider (oidc-provider, in this process, on a
// random loopback port). The provider's login and consent are finished programmatically, as a real
// provider's login page would finish them; the browser's part (following redirects, carrying the
// provider's cookies) is done here with fetch, and our routes are called with real Requests.
import { createHash, generateKeyPairSync } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { and, desc, eq } from 'drizzle-orm'
import Provider, { type Adapter, type AdapterPayload, type KoaContextWithOIDC } from 'oidc-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/client'
import { auditEvents, staffUsers } from '../../db/schema'
import * as accountRoute from '~/routes/staff.account/route'
import * as signInRoute from '~/routes/staff.sign-in/route'
import * as ssoCallback from '~/routes/staff.sign-in_.sso_.callback/route'
import * as ssoStart from '~/routes/staff.sign-in_.sso/route'
import { completeSsoSignIn } from '~/server/sso.server'
import { describeEachEngine } from '../support/databases'
import { aStaffMember } from '../support/factories'
import { ORIGIN, answer, bodyOf, cookieFrom, getRequest, loadContext, statusOf } from '../support/requests'

const CLIENT_ID = 'putright-test'
const CLIENT_SECRET = 'a-client-secret-only-the-tests-know'
const CALLBACK = `${ORIGIN}/staff/sign-in/sso/callback`

/** The organisation's directory: sub → claims. */
const directory = new Map<string, { email: string; email_verified?: boolean }>()
/** Who "types their password" at the provider's login page next. */
let nextLogin = ''
/** What the token endpoint received, to check the PKCE verifier against the challenge. */
const tokenRequests: Array<{ codeVerifier: unknown }> = []

let server: Server
let issuer = ''

/** The provider's storage for this test run (its default one prints a warning at every start). */
const stored = new Map<string, AdapterPayload>()
function adapterFor(model: string): Adapter {
  const key = (id: string) => `${model}:${id}`
  const all = () => [...stored].filter(([k]) => k.startsWith(`${model}:`)).map(([, payload]) => payload)
  return {
    upsert: async (id, payload) => void stored.set(key(id), payload),
    find: async (id) => stored.get(key(id)),
    findByUid: async (uid) => all().find((payload) => payload.uid === uid),
    findByUserCode: async (userCode) => all().find((payload) => payload.userCode === userCode),
    consume: async (id) => void stored.set(key(id), { ...stored.get(key(id)), consumed: Date.now() / 1000 }),
    destroy: async (id) => void stored.delete(key(id)),
    revokeByGrantId: async (grantId) => {
      for (const [k, payload] of stored) if (payload.grantId === grantId) stored.delete(k)
    },
  }
}

beforeAll(async () => {
  // The issuer names the port, so the server listens first and the provider is made after.
  const started: { provider?: Provider; handle?: ReturnType<Provider['callback']> } = {}
  server = createServer((req, res) => {
    const { provider, handle } = started
    if (!provider || !handle) return res.writeHead(503).end()
    if (!req.url?.startsWith('/interaction/')) return void handle(req, res)
    finishInteraction(provider, req, res).catch((error: unknown) => res.writeHead(500).end(String(error)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}` // listen() on a port gives AddressInfo
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [CALLBACK],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // PKCE required and S256 only: a flow without the right verifier cannot get tokens.
    pkce: { methods: ['S256'], required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    async findAccount(_ctx, sub) {
      const person = directory.get(sub)
      return person ? { accountId: sub, claims: () => ({ sub, ...person }) } : undefined
    },
    jwks: { keys: [{ ...signingKey, alg: 'RS256', use: 'sig', kid: 'test' }] },
    adapter: adapterFor,
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    cookies: { keys: ['test-cookie-signing-key'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  })
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    tokenRequests.push({ codeVerifier: ctx.oidc.params?.code_verifier })
  })
  started.provider = provider
  started.handle = provider.callback()
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

/** The provider's login page and consent screen, answered as `nextLogin` would answer them. */
async function finishInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse) {
  const details = await provider.interactionDetails(req, res)
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: nextLogin } },
      { mergeWithLastSubmission: false },
    )
    return
  }
  const grant = new provider.Grant({
    accountId: details.session?.accountId,
    clientId: String(details.params.client_id),
  })
  grant.addOIDCScope('openid email')
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true },
  )
}

function useSso(settings: Record<string, string> | null) {
  for (const name of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'])
    delete process.env[name]
  if (settings) Object.assign(process.env, settings)
}

/** A browser's trip through the provider: follow redirects (cookies per name) until it comes back to us. */
async function throughProvider(authorizationUrl: string): Promise<URL> {
  const jar = new Map<string, string>()
  let url = new URL(authorizationUrl)
  for (let hop = 0; hop < 10; hop += 1) {
    if (url.href.startsWith(CALLBACK)) return url
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { Cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    })
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';')
      const [name = '', value = ''] = pair.split(/=(.*)/s)
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(header)) jar.delete(name)
      else jar.set(name, value)
    }
    const location = response.headers.get('Location')
    if (!location)
      throw new Error(`the provider answered ${response.status} at ${url.pathname}: ${await response.text()}`)
    url = new URL(location, url)
  }
  throw new Error('too many redirects at the provider')
}

async function startSignIn(redirectTo = '/staff/complaints') {
  const started = (await answer(() =>
    ssoStart.loader({
      request: getRequest(`/staff/sign-in/sso?redirectTo=${encodeURIComponent(redirectTo)}`),
      params: {},
      context: loadContext(),
    }),
  )) as Response
  return { response: started, location: started.headers.get('Location') ?? '', state: cookieFrom(started, 'pr_sso') }
}

async function callback(url: URL, cookie: string | undefined) {
  return (await answer(() =>
    ssoCallback.loader({
      request: getRequest(`${url.pathname}${url.search}`, { cookie }),
      params: {},
      context: loadContext(),
    }),
  )) as Response
}

/** The whole round trip for whoever signs in at the provider. */
async function signInAs(sub: string, redirectTo?: string) {
  nextLogin = sub
  const start = await startSignIn(redirectTo)
  return callback(await throughProvider(start.location), start.state)
}

async function lastSignInFailure(db: Database) {
  const [event] = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, 'staff.sign_in_failed'))
    .orderBy(desc(auditEvents.id))
    .limit(1)
  return event
}

describeEachEngine('staff single sign-on with OpenID Connect', (handle) => {
  describe('switched off (no OIDC_ISSUER)', () => {
    beforeAll(() => useSso(null))

    it('offers no organisation-account button and has no SSO pages', async () => {
      const page = bodyOf<{ ssoHref: string | null }>(
        await signInRoute.loader({ request: getRequest('/staff/sign-in'), params: {}, context: loadContext() }),
      )
      expect(page.ssoHref).toBeNull()
      const start = await answer(() =>
        ssoStart.loader({ request: getRequest('/staff/sign-in/sso'), params: {}, context: loadContext() }),
      )
      expect(statusOf(start)).toBe(404)
      const back = await answer(() =>
        ssoCallback.loader({
          request: getRequest('/staff/sign-in/sso/callback?code=x&state=y'),
          params: {},
          context: loadContext(),
        }),
      )
      expect(statusOf(back)).toBe(404)
    })
  })

  describe('switched on', () => {
    beforeAll(() => useSso({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET }))
    afterAll(() => useSso(null))

    it('shows "Sign in with your organisation account" on the sign-in page, keeping where to go after', async () => {
      const page = bodyOf<{ ssoHref: string | null }>(
        await signInRoute.loader({
          request: getRequest('/staff/sign-in?redirectTo=%2Fstaff%2Fcomplaints'),
          params: {},
          context: loadContext(),
        }),
      )
      expect(page.ssoHref).toBe('/staff/sign-in/sso?redirectTo=%2Fstaff%2Fcomplaints')
    })

    it('signs a member of staff in: Authorization Code with PKCE (S256), then the same session a password and TOTP give', async () => {
      const { db } = handle()
      // No second factor enrolled: the identity provider is trusted for MFA.
      const handler = await aStaffMember(db, 'complaint_handler', { enrolled: false })
      directory.set('sub-handler', { email: handler.email.toUpperCase(), email_verified: true })

      nextLogin = 'sub-handler'
      const start = await startSignIn('/staff/complaints')
      expect(start.response.status).toBe(302)
      const authorization = new URL(start.location)
      expect(authorization.origin).toBe(issuer)
      expect(authorization.searchParams.get('response_type')).toBe('code')
      expect(authorization.searchParams.get('redirect_uri')).toBe(CALLBACK)
      expect(authorization.searchParams.get('code_challenge_method')).toBe('S256')
      const challenge = authorization.searchParams.get('code_challenge') ?? ''
      expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(authorization.searchParams.get('state')).toBeTruthy()
      expect(authorization.searchParams.get('nonce')).toBeTruthy()
      const stateCookie = start.response.headers.getSetCookie().find((c) => c.startsWith('pr_sso=')) ?? ''
      expect(stateCookie).toMatch(/HttpOnly/)
      expect(stateCookie).toMatch(/SameSite=Lax/)
      expect(stateCookie).toMatch(/Max-Age=600/)
      // Sealed: the browser cannot read the state or the verifier.
      expect(stateCookie).not.toContain(authorization.searchParams.get('state') ?? '')

      const tokensBefore = tokenRequests.length
      const done = await callback(await throughProvider(start.location), start.state)
      expect(done.status).toBe(302)
      expect(done.headers.get('Location')).toBe('/staff/complaints')
      // The verifier sent to the token endpoint hashes (SHA-256, base64url) to the challenge sent first.
      const verifier = String(tokenRequests[tokensBefore]?.codeVerifier)
      expect(createHash('sha256').update(verifier).digest('base64url')).toBe(challenge)

      const session = done.headers.getSetCookie().find((c) => c.startsWith('pr_staff=')) ?? ''
      expect(session).toMatch(/HttpOnly/)
      expect(session).toMatch(/SameSite=Lax/)
      expect(cookieFrom(done, 'pr_sso')).toBe('pr_sso=')
      const account = await answer(() =>
        accountRoute.loader({
          request: getRequest('/staff/account', { cookie: cookieFrom(done, 'pr_staff') }),
          params: {},
          context: loadContext(),
        }),
      )
      expect(statusOf(account)).toBe(200)
      const [signedIn] = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'staff.signed_in'), eq(auditEvents.entityId, handler.id)))
      expect(signedIn?.actorId).toBe(handler.id)
      expect(signedIn?.after).toEqual({ method: 'sso', issuer, subject: 'sub-handler' })
    })

    it('never sends anyone off-site after signing in (safeRedirect)', async () => {
      const { db } = handle()
      const advisor = await aStaffMember(db, 'advisor')
      directory.set('sub-advisor', { email: advisor.email })
      const done = await signInAs('sub-advisor', '//evil.example/phish')
      expect(done.headers.get('Location')).toBe('/staff')
      expect(cookieFrom(done, 'pr_staff')).toBeTruthy()
    })

    it('refuses a callback whose state is not the one this browser started with', async () => {
      const { db } = handle()
      const manager = await aStaffMember(db, 'manager')
      directory.set('sub-manager', { email: manager.email, email_verified: true })
      nextLogin = 'sub-manager'
      const start = await startSignIn()
      const back = await throughProvider(start.location)
      back.searchParams.set('state', 'not-the-state-we-sent')
      const refused = await callback(back, start.state)
      expect(refused.status).toBe(302)
      expect(refused.headers.get('Location')).toBe('/staff/sign-in?redirectTo=%2Fstaff%2Fcomplaints&sso=failed')
      expect(cookieFrom(refused, 'pr_staff')).toBeUndefined()
      expect(cookieFrom(refused, 'pr_sso')).toBe('pr_sso=')
      expect((await lastSignInFailure(db))?.after).toMatchObject({ factor: 'sso' })

      // Nor is a callback with no state cookie at all (another browser, or a forged link).
      const orphan = await callback(await throughProvider((await startSignIn()).location), undefined)
      expect(orphan.headers.get('Location')).toBe('/staff/sign-in?redirectTo=%2Fstaff&sso=failed')
      expect(cookieFrom(orphan, 'pr_staff')).toBeUndefined()
    })

    it('refuses a state cookie that was altered, or is over 10 minutes old', async () => {
      const { db } = handle()
      const handler = await aStaffMember(db, 'complaint_handler')
      directory.set('sub-late', { email: handler.email })
      nextLogin = 'sub-late'
      const start = await startSignIn()
      const back = await throughProvider(start.location)
      const sealed = (start.state ?? '').slice('pr_sso='.length)
      const altered = `pr_sso=${sealed.slice(0, 20)}${sealed[20] === 'A' ? 'B' : 'A'}${sealed.slice(21)}`
      expect((await callback(back, altered)).headers.get('Location')).toMatch(/sso=failed$/)
      const late = await completeSsoSignIn(db, getRequest(`${back.pathname}${back.search}`, { cookie: start.state }), {
        now: new Date(Date.now() + 10 * 60_000 + 1_000),
      })
      expect(late).toMatchObject({ ok: false, refusal: 'failed' })
      // The untouched cookie within its 10 minutes still works with the same code.
      expect(cookieFrom(await callback(back, start.state), 'pr_staff')).toBeTruthy()
    })

    it('refuses someone the provider knows but PutRight does not, starting no session', async () => {
      const { db } = handle()
      directory.set('sub-stranger', { email: 'stranger@putright.test', email_verified: true })
      const refused = await signInAs('sub-stranger')
      expect(refused.headers.get('Location')).toBe('/staff/sign-in?redirectTo=%2Fstaff%2Fcomplaints&sso=no-account')
      expect(cookieFrom(refused, 'pr_staff')).toBeUndefined()
      expect((await lastSignInFailure(db))?.after).toMatchObject({
        factor: 'sso',
        reason: 'no_account',
        email: 'stranger@putright.test',
      })
      const page = bodyOf<{ ssoErrors: unknown; errorTitlePrefix: string }>(
        await signInRoute.loader({
          request: getRequest(refused.headers.get('Location') ?? ''),
          params: {},
          context: loadContext(),
        }),
      )
      expect(page.ssoErrors).toEqual({ sso: { key: 'staff-errors:signIn.ssoNoAccount' } })
      expect(page.errorTitlePrefix).toBe('Error: ')
    })

    it('refuses a deactivated account', async () => {
      const { db } = handle()
      const leaver = await aStaffMember(db, 'complaint_handler')
      await db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, leaver.id))
      directory.set('sub-leaver', { email: leaver.email, email_verified: true })
      const refused = await signInAs('sub-leaver')
      expect(refused.headers.get('Location')).toMatch(/sso=no-account$/)
      expect(cookieFrom(refused, 'pr_staff')).toBeUndefined()
      const failure = await lastSignInFailure(db)
      expect(failure?.entityId).toBe(leaver.id)
      expect(failure?.after).toMatchObject({ factor: 'sso', reason: 'inactive' })
    })

    it('refuses an email address the provider says it has not verified', async () => {
      const { db } = handle()
      const reviewer = await aStaffMember(db, 'stage2_reviewer')
      directory.set('sub-unverified', { email: reviewer.email, email_verified: false })
      const refused = await signInAs('sub-unverified')
      expect(refused.headers.get('Location')).toMatch(/sso=no-verified-email$/)
      expect(cookieFrom(refused, 'pr_staff')).toBeUndefined()
    })
  })
})
