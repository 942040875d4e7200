// Residents see their own case without an account: their reference and the email or mobile on the
// case get a one-time code (and, by email, a link). The answer never says whether a reference
// exists, requests are rate limited in the database, and a session opens one complaint only.
import { createHash, randomBytes, randomInt } from 'node:crypto'
import { redirect } from '@remix-run/node'
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { parseComplaintReference } from '~/domain/complaints/reference'
import { isInterfaceLanguage } from '~/i18n/config'
import { getI18n } from '~/i18n/i18n.server'
import { complaints, residentAccessCodes, residentSessions, residents } from '../../db/schema'
import { recordAudit } from './audit.server'
import { clearCookie, readCookie, serializeCookie } from './cookies.server'
import { database, type Database } from './db.server'
import { enqueueMessage } from './outbox.server'
import { blockedFor, policies, recordFailure } from './rate-limit.server'

export const REQUEST_COOKIE = 'pr_track'
export const RESIDENT_COOKIE = 'pr_resident'
const CODE_MINUTES = 15
const MAX_ATTEMPTS = 5
export const RESIDENT_IDLE_MINUTES = 20
const RESIDENT_ABSOLUTE_HOURS = 2

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')
const newToken = () => randomBytes(32).toString('base64url')

/** Email as typed in any case; a phone number by its last 10 digits (07700 900982 = +44 7700 900982). */
export function normaliseAddress(address: string): { kind: 'email' | 'sms'; value: string } | null {
  const trimmed = address.trim()
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return { kind: 'email', value: trimmed.toLowerCase() }
  const digits = trimmed.replace(/\D/g, '')
  if (/^\+?[\d\s().-]+$/.test(trimmed) && digits.length >= 10 && digits.length <= 15)
    return { kind: 'sms', value: digits.slice(-10) }
  return null
}

export type CodeRequest = { ok: true; setCookie: string } | { ok: false; reason: 'blocked'; minutes: number }

/**
 * Always answers the same way when the details do not match (a cookie that will never accept a
 * code), so the form cannot be used to find out whether a reference or address exists.
 */
export async function requestAccessCode(
  db: Database,
  input: {
    reference: string
    address: string
    baseUrl: string
    clientIp: string | null
    requestId?: string | null
    now?: Date
  },
): Promise<CodeRequest> {
  const now = input.now ?? new Date()
  const reference = parseComplaintReference(input.reference) ?? input.reference.trim().toUpperCase()
  const address = normaliseAddress(input.address)
  const limits = [
    { key: `track:ref:${reference}`, policy: policies.residentCodeRequest },
    { key: `track:addr:${address?.value ?? input.address.trim().toLowerCase()}`, policy: policies.residentCodeRequest },
    ...(input.clientIp ? [{ key: `track:ip:${input.clientIp}`, policy: policies.residentCodeRequestFromIp }] : []),
  ]
  const blocked = Math.max(...(await Promise.all(limits.map(({ key }) => blockedFor(db, key, now)))))
  if (blocked > 0) return { ok: false, reason: 'blocked', minutes: Math.ceil(blocked / 60) }
  // Every request counts: a real one and a guess look the same to the limiter too.
  for (const { key, policy } of limits) await recordFailure(db, key, policy, now)

  const token = newToken()
  const [match] = address
    ? await db
        .select({
          id: complaints.id,
          language: residents.preferredLanguage,
          email: residents.email,
          phone: residents.phone,
        })
        .from(complaints)
        .innerJoin(residents, eq(residents.id, complaints.residentId))
        .where(
          and(
            eq(complaints.reference, reference),
            address.kind === 'email'
              ? eq(sql`lower(${residents.email})`, address.value)
              : sql`right(regexp_replace(coalesce(${residents.phone}, ''), '\\D', '', 'g'), 10) = ${address.value}`,
          ),
        )
        .limit(1)
    : []
  if (match && address) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const link = address.kind === 'email' ? newToken() : null
    await db.transaction(async (tx) => {
      await tx.insert(residentAccessCodes).values({
        id: sha256(token),
        complaintId: match.id,
        channel: address.kind,
        codeHash: sha256(`${match.id}:${code}`),
        linkHash: link ? sha256(link) : null,
        expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
      })
      const language = isInterfaceLanguage(match.language) ? match.language : 'en'
      const t = getI18n(language).getFixedT(language, 'letters')
      const values = { code, reference, minutes: CODE_MINUTES }
      await enqueueMessage(tx, {
        channel: address.kind,
        purpose: 'access_code',
        recipient: address.kind === 'email' ? (match.email ?? '') : (match.phone ?? ''),
        subject: t('email.accessCode.subject', values),
        bodyText:
          address.kind === 'email'
            ? `${t('email.accessCode.body', values)}\n\n${t('email.accessCode.link', values)}\n${input.baseUrl}/track/link/${link ?? ''}\n\n${t('email.accessCode.ignore')}\n`
            : t('email.accessCode.sms', values),
        language,
        complaintId: match.id,
      })
      await recordAudit(tx, {
        actor: { type: 'resident', id: null },
        action: 'resident.access_code_sent',
        entityType: 'complaint',
        entityId: match.id,
        after: { channel: address.kind },
        requestId: input.requestId,
      })
    })
  }
  return { ok: true, setCookie: serializeCookie(REQUEST_COOKIE, token, { maxAgeSeconds: CODE_MINUTES * 60 }) }
}

async function openSession(tx: Database, complaintId: string, now: Date): Promise<string> {
  const token = newToken()
  await tx.insert(residentSessions).values({
    id: sha256(token),
    complaintId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + RESIDENT_ABSOLUTE_HOURS * 3_600_000),
  })
  return serializeCookie(RESIDENT_COOKIE, token)
}

export type CodeCheck = { ok: true; reference: string; setCookies: string[] } | { ok: false }

/** The code from the email or text: right within 15 minutes and 5 attempts, and used once. */
export async function verifyAccessCode(
  db: Database,
  request: Request,
  code: string,
  now = new Date(),
): Promise<CodeCheck> {
  const token = readCookie(request, REQUEST_COOKIE)
  if (!token) return { ok: false }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ code: residentAccessCodes, reference: complaints.reference })
      .from(residentAccessCodes)
      .innerJoin(complaints, eq(complaints.id, residentAccessCodes.complaintId))
      .where(
        and(
          eq(residentAccessCodes.id, sha256(token)),
          isNull(residentAccessCodes.usedAt),
          gt(residentAccessCodes.expiresAt, now),
        ),
      )
      .limit(1)
      .for('update')
    if (!row || row.code.attempts >= MAX_ATTEMPTS) return { ok: false } as const
    if (sha256(`${row.code.complaintId}:${code.replace(/\s+/g, '')}`) !== row.code.codeHash) {
      await tx
        .update(residentAccessCodes)
        .set({ attempts: row.code.attempts + 1 })
        .where(eq(residentAccessCodes.id, row.code.id))
      return { ok: false } as const
    }
    await tx.update(residentAccessCodes).set({ usedAt: now }).where(eq(residentAccessCodes.id, row.code.id))
    const session = await openSession(tx, row.code.complaintId, now)
    return { ok: true, reference: row.reference, setCookies: [session, clearCookie(REQUEST_COOKIE)] } as const
  })
}

/** The emailed link: GET shows a button (link scanners do not spend it); POST spends it. */
export async function findAccessLink(db: Database, link: string, now = new Date()) {
  const [row] = await db
    .select({ id: residentAccessCodes.id })
    .from(residentAccessCodes)
    .where(
      and(
        eq(residentAccessCodes.linkHash, sha256(link)),
        isNull(residentAccessCodes.usedAt),
        gt(residentAccessCodes.expiresAt, now),
      ),
    )
    .limit(1)
  return row ?? null
}

export async function spendAccessLink(db: Database, link: string, now = new Date()): Promise<CodeCheck> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ code: residentAccessCodes, reference: complaints.reference })
      .from(residentAccessCodes)
      .innerJoin(complaints, eq(complaints.id, residentAccessCodes.complaintId))
      .where(
        and(
          eq(residentAccessCodes.linkHash, sha256(link)),
          isNull(residentAccessCodes.usedAt),
          gt(residentAccessCodes.expiresAt, now),
        ),
      )
      .limit(1)
      .for('update')
    if (!row) return { ok: false } as const
    await tx.update(residentAccessCodes).set({ usedAt: now }).where(eq(residentAccessCodes.id, row.code.id))
    const session = await openSession(tx, row.code.complaintId, now)
    return { ok: true, reference: row.reference, setCookies: [session] } as const
  })
}

export interface ResidentSession {
  complaintId: string
  reference: string
  expiresAt: Date
  idleExpiresAt: Date
}

export async function getResidentSession(
  request: Request,
  db: Database = database(),
  now = new Date(),
): Promise<ResidentSession | null> {
  const token = readCookie(request, RESIDENT_COOKIE)
  if (!token) return null
  const idleCutoff = new Date(now.getTime() - RESIDENT_IDLE_MINUTES * 60_000)
  const [row] = await db
    .select({ session: residentSessions, reference: complaints.reference })
    .from(residentSessions)
    .innerJoin(complaints, eq(complaints.id, residentSessions.complaintId))
    .where(
      and(
        eq(residentSessions.id, sha256(token)),
        isNull(residentSessions.revokedAt),
        gt(residentSessions.expiresAt, now),
        gt(residentSessions.lastSeenAt, idleCutoff),
      ),
    )
    .limit(1)
  if (!row) return null
  await db
    .update(residentSessions)
    .set({ lastSeenAt: now })
    .where(eq(residentSessions.id, sha256(token)))
  return {
    complaintId: row.session.complaintId,
    reference: row.reference,
    expiresAt: row.session.expiresAt,
    idleExpiresAt: new Date(now.getTime() + RESIDENT_IDLE_MINUTES * 60_000),
  }
}

/** A resident page: signed in to exactly this complaint, or back to "track your complaint". */
export async function requireResident(request: Request, reference: string | undefined): Promise<ResidentSession> {
  const session = await getResidentSession(request)
  const wanted = parseComplaintReference(reference ?? '')
  if (!session || !wanted || session.reference !== wanted) throw redirect('/track')
  return session
}

export async function endResidentSession(db: Database, request: Request): Promise<string> {
  const token = readCookie(request, RESIDENT_COOKIE)
  if (token)
    await db
      .update(residentSessions)
      .set({ revokedAt: new Date() })
      .where(eq(residentSessions.id, sha256(token)))
  return clearCookie(RESIDENT_COOKIE)
}
