// Optional staff single sign-on: OpenID Connect, Authorization Code flow with PKCE (S256), state
// and nonce, through openid-client. Off unless OIDC_ISSUER is set. The identity provider vouches for
// the person (its own second factor included); an administrator must still have created an
// active PutRight account with the same email address, and the session is the one a password and
// TOTP sign-in gets (signInWithIdentityProvider in auth.server.ts).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import * as client from 'openid-client'
import type { Database } from './db.server'
import { recordAudit } from './audit.server'
import { safeRedirect, signInWithIdentityProvider } from './auth.server'
import { clearCookie, readCookie, serializeCookie } from './cookies.server'
import { log } from './log.server'

export const SSO_STATE_COOKIE = 'pr_sso'
export const SSO_CALLBACK_PATH = '/staff/sign-in/sso/callback'
const STATE_MINUTES = 10
const DISCOVERY_CACHE_MS = 60 * 60_000

export interface SsoSettings {
  issuer: URL
  clientId: string
  clientSecret: string
  /** null: `${origin}/staff/sign-in/sso/callback`, from the request. */
  redirectUri: string | null
}

/** Read at each call, so a test (or a restart-free reconfiguration) sees the current values. */
export function ssoSettings(env: NodeJS.ProcessEnv = process.env): SsoSettings | null {
  const issuer = env.OIDC_ISSUER?.trim()
  if (!issuer) return null
  const clientId = env.OIDC_CLIENT_ID?.trim()
  const clientSecret = env.OIDC_CLIENT_SECRET
  // Half a configuration is a mistake: the SSO routes fail loudly (the sign-in page logs it).
  if (!clientId || !clientSecret)
    throw new Error('OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are needed')
  return { issuer: new URL(issuer), clientId, clientSecret, redirectUri: env.OIDC_REDIRECT_URI?.trim() || null }
}

let reportedMisconfiguration = false

/** For the sign-in page: a half configuration is logged once and leaves password sign-in working. */
export function isSsoEnabled(): boolean {
  try {
    return ssoSettings() !== null
  } catch (error) {
    if (!reportedMisconfiguration) log.error('single sign-on is off', { error: String(error) })
    reportedMisconfiguration = true
    return false
  }
}

function redirectUriFor(settings: SsoSettings, request: Request): string {
  return settings.redirectUri ?? new URL(SSO_CALLBACK_PATH, request.url).href
}

/** Plain http only for an identity provider on this machine (development and the tests). */
function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
}

const discovered = new Map<string, { at: number; configuration: Promise<client.Configuration> }>()

async function configurationFor(settings: SsoSettings, now: Date): Promise<client.Configuration> {
  const key = `${settings.issuer.href} ${settings.clientId} ${settings.clientSecret}`
  const cached = discovered.get(key)
  if (cached && now.getTime() - cached.at < DISCOVERY_CACHE_MS) return cached.configuration
  const configuration = client.discovery(
    settings.issuer,
    settings.clientId,
    { client_secret: settings.clientSecret },
    // client_secret_basic: what OpenID Connect assumes when a client registers no method.
    client.ClientSecretBasic(settings.clientSecret),
    {
      timeout: 10,
      execute:
        settings.issuer.protocol === 'http:' && isLoopback(settings.issuer) ? [client.allowInsecureRequests] : [],
    },
  )
  discovered.set(key, { at: now.getTime(), configuration })
  // A failed discovery (the provider down for a minute) is not remembered.
  configuration.catch(() => {
    if (discovered.get(key)?.configuration === configuration) discovered.delete(key)
  })
  return configuration
}

// The state cookie: state, nonce, PKCE verifier and where to go after, sealed with AES-256-GCM under
// a key derived from the client secret (PutRight has no other server secret), so it can be neither
// read nor forged in the browser.
interface PendingSignIn {
  state: string
  nonce: string
  verifier: string
  redirectTo: string
  expiresAt: number
}

function cookieKey(settings: SsoSettings): Buffer {
  return Buffer.from(hkdfSync('sha256', settings.clientSecret, settings.issuer.href, 'putright sso state cookie', 32))
}

function seal(settings: SsoSettings, pending: PendingSignIn): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', cookieKey(settings), iv)
  const body = Buffer.concat([cipher.update(JSON.stringify(pending), 'utf8'), cipher.final()])
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')
}

function isPendingSignIn(value: unknown): value is PendingSignIn {
  if (typeof value !== 'object' || value === null) return false
  const record: Record<string, unknown> = { ...value }
  return (
    ['state', 'nonce', 'verifier', 'redirectTo'].every((name) => typeof record[name] === 'string') &&
    typeof record.expiresAt === 'number'
  )
}

function unseal(settings: SsoSettings, sealed: string, now: Date): PendingSignIn | null {
  try {
    const raw = Buffer.from(sealed, 'base64url')
    if (raw.length < 12 + 16 + 1) return null
    const decipher = createDecipheriv('aes-256-gcm', cookieKey(settings), raw.subarray(0, 12))
    decipher.setAuthTag(raw.subarray(raw.length - 16))
    const text = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8')
    const pending: unknown = JSON.parse(text)
    if (!isPendingSignIn(pending) || pending.expiresAt <= now.getTime()) return null
    return pending
  } catch {
    return null
  }
}

export type SsoRefusal = 'failed' | 'no-account' | 'no-verified-email'

const refusalMessages = new Map<string, string>([
  ['failed', 'staff-errors:signIn.ssoFailed'],
  ['no-account', 'staff-errors:signIn.ssoNoAccount'],
  ['no-verified-email', 'staff-errors:signIn.ssoNoVerifiedEmail'],
] satisfies Array<[SsoRefusal, string]>)

/** The sign-in page's `?sso=` value → the message it shows (anything else shows nothing). */
export function ssoRefusalMessage(value: string | null): string | null {
  return (value !== null && refusalMessages.get(value)) || null
}

/** Back to the sign-in page with the reason, keeping where the person was going. */
export function signInPageWith(refusal: SsoRefusal, redirectTo: string): string {
  return `/staff/sign-in?${new URLSearchParams({ redirectTo, sso: refusal })}`
}

export type SsoStart = { ok: true; location: string; setCookie: string } | { ok: false; refusal: 'failed' }

/** The first leg: a fresh state, nonce and PKCE verifier in the sealed cookie; the browser goes to the provider. */
export async function startSsoSignIn(request: Request, redirectTo: string, now = new Date()): Promise<SsoStart | null> {
  const settings = ssoSettings()
  if (!settings) return null
  let configuration: client.Configuration
  try {
    configuration = await configurationFor(settings, now)
  } catch (error) {
    log.warn('sso discovery failed', { issuer: settings.issuer.href, error: String(error) })
    return { ok: false, refusal: 'failed' }
  }
  const pending: PendingSignIn = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    redirectTo: safeRedirect(redirectTo),
    expiresAt: now.getTime() + STATE_MINUTES * 60_000,
  }
  const location = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUriFor(settings, request),
    scope: 'openid email',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  })
  return {
    ok: true,
    location: location.href,
    setCookie: serializeCookie(SSO_STATE_COOKIE, seal(settings, pending), { maxAgeSeconds: STATE_MINUTES * 60 }),
  }
}

export type SsoResult =
  | { ok: true; setCookies: string[]; redirectTo: string }
  | { ok: false; refusal: SsoRefusal; setCookies: string[]; redirectTo: string }

function emailFrom(claims: Record<string, unknown> | undefined) {
  return {
    email: typeof claims?.email === 'string' ? claims.email : null,
    verified: claims?.email_verified,
  }
}

/**
 * The second leg, at the callback: the state cookie (spent whatever happens), then openid-client
 * checks state, the provider's `iss`, the ID token and its nonce, and sends the PKCE verifier with
 * the code. The email comes from the ID token, or from UserInfo when the token leaves it out.
 */
export async function completeSsoSignIn(
  db: Database,
  request: Request,
  input: { requestId?: string | null; now?: Date } = {},
): Promise<SsoResult | null> {
  const settings = ssoSettings()
  if (!settings) return null
  const now = input.now ?? new Date()
  const spent = [clearCookie(SSO_STATE_COOKIE)]
  const sealed = readCookie(request, SSO_STATE_COOKIE)
  const pending = sealed ? unseal(settings, sealed, now) : null
  // No (valid) cookie: an old tab, a bookmarked callback or a forged request. Nothing to audit.
  if (!pending) return { ok: false, refusal: 'failed', setCookies: spent, redirectTo: '/staff' }
  const redirectTo = safeRedirect(pending.redirectTo)
  // The issuer as the provider names itself (validated as the ID token's `iss`), for the audit trail.
  const issuer = settings.issuer.href.replace(/\/$/, '')
  const refuse = async (refusal: SsoRefusal, reason: string, details: Record<string, unknown> = {}) => {
    await db.transaction((tx) =>
      recordAudit(tx, {
        actor: { type: 'system', id: null },
        action: 'staff.sign_in_failed',
        entityType: 'staff_user',
        entityId: 'unknown',
        after: { factor: 'sso', reason, issuer, ...details },
        requestId: input.requestId,
      }),
    )
    return { ok: false, refusal, setCookies: spent, redirectTo } as const
  }

  let subject: string
  let found: { email: string | null; verified: unknown }
  try {
    const configuration = await configurationFor(settings, now)
    // The redirect URI as registered, not as this request arrived (a proxy may have rewritten it).
    const current = new URL(redirectUriFor(settings, request))
    current.search = new URL(request.url).search
    const tokens = await client.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    })
    const claims = tokens.claims()
    subject = typeof claims?.sub === 'string' ? claims.sub : ''
    found = emailFrom(claims)
    if (!found.email) found = emailFrom(await client.fetchUserInfo(configuration, tokens.access_token, subject))
  } catch (error) {
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null
    const providerError = error instanceof client.AuthorizationResponseError ? error.error : null
    const cause = error instanceof Error && error.cause !== undefined ? String(error.cause) : null
    log.warn('sso callback refused', { requestId: input.requestId, code, providerError, error: String(error), cause })
    return refuse('failed', providerError ?? code ?? 'protocol_error')
  }
  // OpenID Connect: email_verified false means the provider does not vouch for the address.
  if (!found.email || found.verified === false) {
    return refuse('no-verified-email', found.email ? 'email_not_verified' : 'no_email', { subject })
  }
  const signedIn = await signInWithIdentityProvider(db, request, {
    email: found.email,
    issuer,
    subject,
    requestId: input.requestId,
    now,
  })
  if (!signedIn.ok) return { ok: false, refusal: 'no-account', setCookies: spent, redirectTo }
  return { ok: true, setCookies: [signedIn.setCookie, ...spent], redirectTo }
}
