// Brute-force protection kept in PostgreSQL (not memory), so every app instance counts the same
// failures and a restart forgets nothing. After `maxFailures` inside the window a key is blocked,
// for longer each time (1, 2, 4 … minutes, at most an hour).
import { eq, sql } from 'drizzle-orm'
import { rateLimits } from '../../db/schema'
import type { Database } from './db.server'

export interface LimitPolicy {
  maxFailures: number
  windowMinutes: number
  baseBlockMinutes: number
  maxBlockMinutes: number
}

export const policies = {
  signInAccount: { maxFailures: 5, windowMinutes: 15, baseBlockMinutes: 1, maxBlockMinutes: 60 },
  signInAddress: { maxFailures: 20, windowMinutes: 15, baseBlockMinutes: 1, maxBlockMinutes: 60 },
  residentCodeRequest: { maxFailures: 5, windowMinutes: 60, baseBlockMinutes: 5, maxBlockMinutes: 60 },
  // Many residents share one address (a housing office, a library, a mobile network): a looser limit.
  residentCodeRequestFromIp: { maxFailures: 60, windowMinutes: 60, baseBlockMinutes: 5, maxBlockMinutes: 60 },
} satisfies Record<string, LimitPolicy>

/** Minutes a key stays blocked after `failures` (≥ maxFailures): doubling, capped. */
export function blockMinutes(failures: number, policy: LimitPolicy): number {
  return Math.min(policy.maxBlockMinutes, policy.baseBlockMinutes * 2 ** Math.max(0, failures - policy.maxFailures))
}

/** Seconds until the key may try again; 0 when it is not blocked. */
export async function blockedFor(db: Database, key: string, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ blockedUntil: rateLimits.blockedUntil })
    .from(rateLimits)
    .where(eq(rateLimits.key, key))
    .limit(1)
  if (!row?.blockedUntil || row.blockedUntil <= now) return 0
  return Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000)
}

/** Counts one failure (atomically, whichever instance saw it) and blocks the key when it is over the limit. */
export async function recordFailure(db: Database, key: string, policy: LimitPolicy, now = new Date()): Promise<void> {
  // Raw SQL needs instants as text: postgres.js and PGlite bind a JS Date differently.
  const at = (date: Date) => sql`${date.toISOString()}::timestamptz`
  const windowStart = at(new Date(now.getTime() - policy.windowMinutes * 60_000))
  const current = at(now)
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStartedAt: now, failures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        failures: sql`case when ${rateLimits.windowStartedAt} < ${windowStart} and (${rateLimits.blockedUntil} is null or ${rateLimits.blockedUntil} < ${current}) then 1 else ${rateLimits.failures} + 1 end`,
        windowStartedAt: sql`case when ${rateLimits.windowStartedAt} < ${windowStart} and (${rateLimits.blockedUntil} is null or ${rateLimits.blockedUntil} < ${current}) then ${current} else ${rateLimits.windowStartedAt} end`,
        updatedAt: now,
      },
    })
    .returning({ failures: rateLimits.failures })
  const failures = row?.failures ?? 1
  if (failures >= policy.maxFailures) {
    await db
      .update(rateLimits)
      .set({ blockedUntil: new Date(now.getTime() + blockMinutes(failures, policy) * 60_000) })
      .where(eq(rateLimits.key, key))
  }
}

export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key))
}
