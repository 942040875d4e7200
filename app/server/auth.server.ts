// Staff sign-in and server-side sessions. The cookie carries a random token; the database keeps
// only its SHA-256, so a leaked table cannot be replayed as cookies.
import { createHash, randomBytes } from 'node:crypto'
import { redirect } from '@remix-run/node'
import { hash, verify } from '@node-rs/argon2'
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { can, isStaffRole, type StaffAction, type StaffRole } from '~/domain/permissions'
import { staffSessions, staffUsers } from '../../db/schema'
import { recordAudit } from './audit.server'
import { config } from './config.server'
import { clearCookie, readCookie, serializeCookie } from './cookies.server'
import { database, type Database } from './db.server'

export const STAFF_COOKIE = 'pr_staff'

export interface SignedInStaff {
  id: string
  name: string
  email: string
  role: StaffRole
  sessionId: string
}

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
// algorithm 2 is Argon2id: the package exports it as a const enum, which isolatedModules cannot read.
const hashOptions = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, hashOptions)
}

// Verified against when the email is unknown, so both failures take the same time.
let decoyHash: Promise<string> | undefined

function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export type SignInResult = { ok: true; setCookie: string; staff: SignedInStaff } | { ok: false }

export async function signIn(
  db: Database,
  input: { email: string; password: string; userAgent: string | null; requestId?: string | null; now?: Date },
): Promise<SignInResult> {
  const now = input.now ?? new Date()
  const [user] = await db
    .select()
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = ${input.email.trim().toLowerCase()}`)
    .limit(1)
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'))
  const valid = await verify(user?.passwordHash ?? (await decoyHash), input.password).catch(() => false)
  if (!user || !valid || !user.active || !isStaffRole(user.role)) {
    await db.transaction(async (tx) => {
      await recordAudit(tx, {
        actor: { type: 'system', id: null },
        action: 'staff.sign_in_failed',
        entityType: 'staff_user',
        entityId: user?.id ?? 'unknown',
        requestId: input.requestId,
      })
    })
    return { ok: false }
  }
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + config.staffAbsoluteHours * 3_600_000)
  const role = user.role
  await db.transaction(async (tx) => {
    await tx.insert(staffSessions).values({
      id: tokenId(token),
      staffUserId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    })
    await recordAudit(tx, {
      actor: { type: 'staff', id: user.id },
      action: 'staff.signed_in',
      entityType: 'staff_user',
      entityId: user.id,
      requestId: input.requestId,
    })
  })
  return {
    ok: true,
    setCookie: serializeCookie(STAFF_COOKIE, token),
    staff: { id: user.id, name: user.name, email: user.email, role, sessionId: tokenId(token) },
  }
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

/** Only same-site paths: a sign-in link must not bounce staff to another site. */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = '/staff/complaints',
): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  return to
}
