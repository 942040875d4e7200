// Staff sign-in: password (argon2id), then a second factor (TOTP or a single-use recovery code),
// then a server-side session. Cookies carry random tokens; the database keeps only their SHA-256.
import { createHash, randomBytes } from 'node:crypto'
import { redirect } from '@remix-run/node'
import { hash, verify } from '@node-rs/argon2'
import { and, asc, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm'
import { generateSecret, generateURI, verifySync } from 'otplib'
import QRCode from 'qrcode'
import { can, isStaffRole, type StaffAction, type StaffRole } from '~/domain/permissions'
import { staffRecoveryCodes, staffSessions, staffSignInChallenges, staffUsers } from '../../db/schema'
import { recordAudit } from './audit.server'
import { config } from './config.server'
import { clearCookie, readCookie, serializeCookie } from './cookies.server'
import { database, type Database } from './db.server'
import { blockedFor, clearFailures, policies, recordFailure } from './rate-limit.server'

export const STAFF_COOKIE = 'pr_staff'
export const CHALLENGE_COOKIE = 'pr_challenge'
const CHALLENGE_MINUTES = 10
const ISSUER = process.env.PUTRIGHT_TOTP_ISSUER ?? 'PutRight'

export interface SignedInStaff {
  id: string
  name: string
  email: string
  role: StaffRole
  sessionId: string
}

// algorithm 2 is Argon2id: the package exports it as a const enum, which isolatedModules cannot read.
// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const hashOptions = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, hashOptions)
}

// Verified against when the email is unknown, so both failures take the same time.
let decoyHash: Promise<string> | undefined

function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

function newToken(): string {
  return randomBytes(32).toString('base64url')
}

type StaffRow = typeof staffUsers.$inferSelect

export type PasswordCheck = { ok: true; user: StaffRow } | { ok: false; blockedSeconds: number }

/**
 * The first factor. Failures count against the account and the address, in the database; while
 * either is blocked even the right password is refused, and the answer never says which failed.
 */
export async function checkPassword(
  db: Database,
  input: { email: string; password: string; clientIp: string | null; requestId?: string | null; now?: Date },
): Promise<PasswordCheck> {
  const now = input.now ?? new Date()
  const email = input.email.trim().toLowerCase()
  const keys = [`signin:account:${email}`, ...(input.clientIp ? [`signin:ip:${input.clientIp}`] : [])]
  const blocked = Math.max(...(await Promise.all(keys.map((key) => blockedFor(db, key, now)))))
  if (blocked > 0) return { ok: false, blockedSeconds: blocked }
  const [user] = await db
    .select()
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = ${email}`)
    .limit(1)
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'))
  const valid = await verify(user?.passwordHash ?? (await decoyHash), input.password).catch(() => false)
  if (!user || !valid || !user.active || !isStaffRole(user.role)) {
    await recordFailure(db, keys[0] ?? email, policies.signInAccount, now)
    if (keys[1]) await recordFailure(db, keys[1], policies.signInAddress, now)
    await db.transaction((tx) =>
      recordAudit(tx, {
        actor: { type: 'system', id: null },
        action: 'staff.sign_in_failed',
        entityType: 'staff_user',
        entityId: user?.id ?? 'unknown',
        after: { factor: 'password' },
        requestId: input.requestId,
      }),
    )
    return { ok: false, blockedSeconds: 0 }
  }
  return { ok: true, user }
}

/** After the password: a short-lived challenge for the second factor (or for enrolling one). */
export async function startChallenge(db: Database, user: StaffRow, redirectTo: string, now = new Date()) {
  const token = newToken()
  const purpose = user.totpSecret && user.mfaEnrolledAt ? 'mfa' : 'enrol'
  await db.insert(staffSignInChallenges).values({
    id: tokenId(token),
    staffUserId: user.id,
    purpose,
    redirectTo,
    expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
  })
  return {
    purpose,
    setCookie: serializeCookie(CHALLENGE_COOKIE, token, { maxAgeSeconds: CHALLENGE_MINUTES * 60 }),
  } as const
}

export async function findChallenge(db: Database, request: Request, purpose: 'mfa' | 'enrol', now = new Date()) {
  const token = readCookie(request, CHALLENGE_COOKIE)
  if (!token) return null
  const [row] = await db
    .select({ challenge: staffSignInChallenges, user: staffUsers })
    .from(staffSignInChallenges)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSignInChallenges.staffUserId))
    .where(
      and(
        eq(staffSignInChallenges.id, tokenId(token)),
        eq(staffSignInChallenges.purpose, purpose),
        isNull(staffSignInChallenges.usedAt),
        gt(staffSignInChallenges.expiresAt, now),
        eq(staffUsers.active, true),
      ),
    )
    .limit(1)
  return row ?? null
}

/** The TOTP time step a code belongs to (one step either side for clock drift), or null. */
export function totpStep(secret: string, code: string, now = new Date()): number | null {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const epoch = Math.floor(now.getTime() / 1000)
  const result = verifySync({ secret, token, epoch, epochTolerance: 30 })
  // delta: how many 30-second steps from now the code belongs to (−1, 0 or +1).
  return result.valid ? Math.floor(epoch / 30) + result.delta : null
}

function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(code.replace(/[\s-]+/g, '').toLowerCase())
    .digest('hex')
}

/** 10 single-use recovery codes, shown once; only their hashes are kept. */
function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const raw = randomBytes(8).toString('hex')
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`
  })
}

async function createSession(
  tx: Database,
  userId: string,
  userAgent: string | null,
  now: Date,
  requestId?: string | null,
  how?: { method: 'sso'; issuer: string; subject: string },
) {
  // A new token at every sign-in: nothing from before it (a fixed cookie, a challenge) is reused.
  const token = newToken()
  await tx.insert(staffSessions).values({
    id: tokenId(token),
    staffUserId: userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + config.staffAbsoluteHours * 3_600_000),
    userAgent: userAgent?.slice(0, 300) ?? null,
  })
  await recordAudit(tx, {
    actor: { type: 'staff', id: userId },
    action: 'staff.signed_in',
    entityType: 'staff_user',
    entityId: userId,
    after: how,
    requestId,
  })
  return serializeCookie(STAFF_COOKIE, token)
}

export type IdentityProviderSignIn = { ok: true; setCookie: string } | { ok: false }

/**
 * Single sign-on (sso.server.ts): the identity provider has authenticated the person, its own
 * second factor included, so no TOTP here. They still need an active account an administrator
 * created, found by email (any case); then the same session, cookie and audit event as a password
 * and TOTP sign-in. The account's TOTP counter, recovery codes and rate limits are left alone.
 */
export async function signInWithIdentityProvider(
  db: Database,
  request: Request,
  input: { email: string; issuer: string; subject: string; requestId?: string | null; now?: Date },
): Promise<IdentityProviderSignIn> {
  const now = input.now ?? new Date()
  const email = input.email.trim().toLowerCase()
  const [user] = await db
    .select()
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = ${email}`)
    .limit(1)
  return db.transaction(async (tx) => {
    if (!user || !user.active || !isStaffRole(user.role)) {
      await recordAudit(tx, {
        actor: { type: 'system', id: null },
        action: 'staff.sign_in_failed',
        entityType: 'staff_user',
        entityId: user?.id ?? 'unknown',
        // The address is the provider's verified one, kept so an administrator can see who tried.
        after: { factor: 'sso', reason: user ? 'inactive' : 'no_account', email, issuer: input.issuer },
        requestId: input.requestId,
      })
      return { ok: false } as const
    }
    const how = { method: 'sso', issuer: input.issuer, subject: input.subject } as const
    const setCookie = await createSession(tx, user.id, request.headers.get('User-Agent'), now, input.requestId, how)
    return { ok: true, setCookie } as const
  })
}

export type SecondFactorResult =
  | { ok: true; setCookies: string[]; redirectTo: string }
  | {
      ok: false
      reason: 'staff-errors:signIn.codeInvalid' | 'staff-errors:signIn.tooManyAttempts'
      blockedSeconds?: number
    }

/** The second factor: a TOTP code not used before, or an unused recovery code. */
export async function completeSignIn(
  db: Database,
  request: Request,
  input: { code: string; clientIp: string | null; requestId?: string | null; now?: Date },
): Promise<SecondFactorResult | null> {
  const now = input.now ?? new Date()
  const found = await findChallenge(db, request, 'mfa', now)
  if (!found) return null
  const { user, challenge } = found
  const key = `signin:account:${user.email.toLowerCase()}`
  const blocked = await blockedFor(db, key, now)
  if (blocked > 0) return { ok: false, reason: 'staff-errors:signIn.tooManyAttempts', blockedSeconds: blocked }
  const step = user.totpSecret ? totpStep(user.totpSecret, input.code, now) : null
  return db.transaction(async (tx) => {
    let factor: 'totp' | 'recovery_code' | null = null
    if (step !== null && (user.totpLastStep === null || step > user.totpLastStep)) {
      // Conditional update: two requests with the same code cannot both pass.
      const updated = await tx
        .update(staffUsers)
        .set({ totpLastStep: step })
        .where(and(eq(staffUsers.id, user.id), sql`coalesce(${staffUsers.totpLastStep}, -1) < ${step}`))
        .returning({ id: staffUsers.id })
      if (updated.length > 0) factor = 'totp'
    } else if (step === null) {
      const used = await tx
        .update(staffRecoveryCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(staffRecoveryCodes.staffUserId, user.id),
            eq(staffRecoveryCodes.codeHash, hashRecoveryCode(input.code)),
            isNull(staffRecoveryCodes.usedAt),
          ),
        )
        .returning({ id: staffRecoveryCodes.id })
      if (used.length > 0) factor = 'recovery_code'
    }
    if (!factor) {
      await recordFailure(tx, key, policies.signInAccount, now)
      await recordAudit(tx, {
        actor: { type: 'staff', id: user.id },
        action: 'staff.sign_in_failed',
        entityType: 'staff_user',
        entityId: user.id,
        after: { factor: 'second' },
        requestId: input.requestId,
      })
      return { ok: false, reason: 'staff-errors:signIn.codeInvalid' } as const
    }
    await tx.update(staffSignInChallenges).set({ usedAt: now }).where(eq(staffSignInChallenges.id, challenge.id))
    await clearFailures(tx, key)
    const session = await createSession(tx, user.id, request.headers.get('User-Agent'), now, input.requestId)
    if (factor === 'recovery_code') {
      await recordAudit(tx, {
        actor: { type: 'staff', id: user.id },
        action: 'staff.recovery_code_used',
        entityType: 'staff_user',
        entityId: user.id,
        requestId: input.requestId,
      })
    }
    return {
      ok: true,
      setCookies: [session, clearCookie(CHALLENGE_COOKIE)],
      redirectTo: challenge.redirectTo ?? '/staff',
    } as const
  })
}

/** The enrolment page: a secret (kept on the challenge until confirmed), as a QR code and as text. */
export async function enrolmentDetails(db: Database, request: Request, now = new Date()) {
  const found = await findChallenge(db, request, 'enrol', now)
  if (!found) return null
  let secret = found.challenge.pendingSecret
  if (!secret) {
    secret = generateSecret()
    await db
      .update(staffSignInChallenges)
      .set({ pendingSecret: secret })
      .where(eq(staffSignInChallenges.id, found.challenge.id))
  }
  const uri = generateURI({ issuer: ISSUER, label: found.user.email, secret })
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
  return { email: found.user.email, secret, uri, qrSvg }
}

export type EnrolmentResult =
  | { ok: true; recoveryCodes: string[]; setCookies: string[]; redirectTo: string }
  | { ok: false; reason: 'staff-errors:signIn.codeInvalid' }

export async function completeEnrolment(
  db: Database,
  request: Request,
  input: { code: string; requestId?: string | null; now?: Date },
): Promise<EnrolmentResult | null> {
  const now = input.now ?? new Date()
  const found = await findChallenge(db, request, 'enrol', now)
  if (!found?.challenge.pendingSecret) return null
  const { user, challenge } = found
  const secret = challenge.pendingSecret ?? ''
  const step = totpStep(secret, input.code, now)
  if (step === null) return { ok: false, reason: 'staff-errors:signIn.codeInvalid' }
  const codes = newRecoveryCodes()
  return db.transaction(async (tx) => {
    await tx
      .update(staffUsers)
      .set({ totpSecret: secret, mfaEnrolledAt: now, totpLastStep: step, updatedAt: now })
      .where(eq(staffUsers.id, user.id))
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, user.id))
    await tx
      .insert(staffRecoveryCodes)
      .values(codes.map((code) => ({ staffUserId: user.id, codeHash: hashRecoveryCode(code) })))
    await tx.update(staffSignInChallenges).set({ usedAt: now }).where(eq(staffSignInChallenges.id, challenge.id))
    await recordAudit(tx, {
      actor: { type: 'staff', id: user.id },
      action: 'staff.mfa_enrolled',
      entityType: 'staff_user',
      entityId: user.id,
      requestId: input.requestId,
    })
    const session = await createSession(tx, user.id, request.headers.get('User-Agent'), now, input.requestId)
    return {
      ok: true,
      recoveryCodes: codes,
      setCookies: [session, clearCookie(CHALLENGE_COOKIE)],
      redirectTo: challenge.redirectTo ?? '/staff',
    } as const
  })
}

/** The signed-in staff member, or null. Idle and absolute timeouts end the session. */
export async function getStaff(
  request: Request,
  db: Database = database(),
  now = new Date(),
): Promise<SignedInStaff | null> {
  const token = readCookie(request, STAFF_COOKIE)
  if (!token) return null
  const id = tokenId(token)
  const idleCutoff = new Date(now.getTime() - config.staffIdleMinutes * 60_000)
  const [row] = await db
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffUserId))
    .where(
      and(
        eq(staffSessions.id, id),
        isNull(staffSessions.revokedAt),
        gt(staffSessions.expiresAt, now),
        gt(staffSessions.lastSeenAt, idleCutoff),
        eq(staffUsers.active, true),
      ),
    )
    .limit(1)
  if (!row || !isStaffRole(row.user.role)) return null
  // Touch at most once a minute: a page view should not always be a write.
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.id, id))
  }
  return { id: row.user.id, name: row.user.name, email: row.user.email, role: row.user.role, sessionId: id }
}

/**
 * Every staff loader and action starts here: not signed in → the sign-in page (coming back after);
 * signed in without the permission → 403.
 */
export async function requireStaff(request: Request, action: StaffAction): Promise<SignedInStaff> {
  const staff = await getStaff(request)
  if (!staff) {
    const url = new URL(request.url)
    const back = `${url.pathname}${url.search}`
    throw redirect(`/staff/sign-in?redirectTo=${encodeURIComponent(back)}`)
  }
  if (!can(staff, action)) throw new Response('Forbidden', { status: 403 })
  return staff
}

/** Any signed-in staff member, whatever their role: their own account pages. */
export async function requireSignedIn(request: Request): Promise<SignedInStaff> {
  const staff = await getStaff(request)
  if (!staff) {
    const url = new URL(request.url)
    throw redirect(`/staff/sign-in?redirectTo=${encodeURIComponent(url.pathname)}`)
  }
  return staff
}

export async function signOut(db: Database, request: Request, requestId?: string | null): Promise<string> {
  const staff = await getStaff(request, db)
  if (staff) {
    await db.transaction(async (tx) => {
      await tx.update(staffSessions).set({ revokedAt: new Date() }).where(eq(staffSessions.id, staff.sessionId))
      await recordAudit(tx, {
        actor: { type: 'staff', id: staff.id },
        action: 'staff.signed_out',
        entityType: 'staff_user',
        entityId: staff.id,
        requestId,
      })
    })
  }
  return clearCookie(STAFF_COOKIE)
}

/** Ends every session of the staff member (a lost laptop, a shared computer), the current one too. */
export async function signOutEverywhere(
  db: Database,
  staff: SignedInStaff,
  requestId?: string | null,
): Promise<number> {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(staffSessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(staffSessions.staffUserId, staff.id), isNull(staffSessions.revokedAt)))
      .returning({ id: staffSessions.id })
    await recordAudit(tx, {
      actor: { type: 'staff', id: staff.id },
      action: 'staff.signed_out_everywhere',
      entityType: 'staff_user',
      entityId: staff.id,
      after: { sessions: revoked.length },
      requestId,
    })
    return revoked.length
  })
}

export async function activeSessions(db: Database, staff: SignedInStaff, now = new Date()) {
  const idleCutoff = new Date(now.getTime() - config.staffIdleMinutes * 60_000)
  const rows = await db
    .select()
    .from(staffSessions)
    .where(
      and(
        eq(staffSessions.staffUserId, staff.id),
        isNull(staffSessions.revokedAt),
        gt(staffSessions.expiresAt, now),
        gt(staffSessions.lastSeenAt, idleCutoff),
      ),
    )
    .orderBy(desc(staffSessions.lastSeenAt))
  return rows.map((row) => ({
    current: row.id === staff.sessionId,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    userAgent: row.userAgent,
  }))
}

/** Only same-site paths: a sign-in link must not bounce staff to another site. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/staff'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  return to
}

export async function listStaff(db: Database) {
  return db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      role: staffUsers.role,
      active: staffUsers.active,
      mfaEnrolledAt: staffUsers.mfaEnrolledAt,
    })
    .from(staffUsers)
    .orderBy(asc(staffUsers.name))
}

export type AccountChange =
  | { ok: true; id: string }
  | {
      ok: false
      reason: 'staff-errors:staff.emailTaken' | 'staff-errors:staff.notFound' | 'staff-errors:staff.lastAdministrator'
    }

/** Administrators create accounts; the new member of staff sets up their second factor at first sign-in. */
export async function createStaffAccount(
  db: Database,
  input: { name: string; email: string; role: StaffRole; password: string; by: string; requestId?: string | null },
): Promise<AccountChange> {
  const passwordHash = await hashPassword(input.password)
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(staffUsers)
      .values({ name: input.name, email: input.email.trim(), role: input.role, passwordHash })
      .onConflictDoNothing()
      .returning({ id: staffUsers.id })
    if (!created) return { ok: false, reason: 'staff-errors:staff.emailTaken' } as const
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.by },
      action: 'staff.created',
      entityType: 'staff_user',
      entityId: created.id,
      after: { name: input.name, email: input.email, role: input.role },
      requestId: input.requestId,
    })
    return { ok: true, id: created.id } as const
  })
}

/** Role and active flag; deactivating ends every session at once. The last administrator stays. */
export async function updateStaffAccount(
  db: Database,
  input: { id: string; role: StaffRole; active: boolean; by: string; requestId?: string | null },
): Promise<AccountChange> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(staffUsers).where(eq(staffUsers.id, input.id)).limit(1).for('update')
    if (!before) return { ok: false, reason: 'staff-errors:staff.notFound' } as const
    if (before.role === 'administrator' && (input.role !== 'administrator' || !input.active)) {
      const [others] = await tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(staffUsers)
        .where(and(eq(staffUsers.role, 'administrator'), eq(staffUsers.active, true), ne(staffUsers.id, input.id)))
      if ((others?.n ?? 0) === 0) return { ok: false, reason: 'staff-errors:staff.lastAdministrator' } as const
    }
    await tx
      .update(staffUsers)
      .set({ role: input.role, active: input.active, updatedAt: new Date() })
      .where(eq(staffUsers.id, input.id))
    if (!input.active) {
      await tx
        .update(staffSessions)
        .set({ revokedAt: new Date() })
        .where(and(eq(staffSessions.staffUserId, input.id), isNull(staffSessions.revokedAt)))
    }
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.by },
      action: 'staff.updated',
      entityType: 'staff_user',
      entityId: input.id,
      before: { role: before.role, active: before.active },
      after: { role: input.role, active: input.active },
      requestId: input.requestId,
    })
    return { ok: true, id: input.id } as const
  })
}
