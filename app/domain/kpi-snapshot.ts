// When the dashboard may show figures it worked out earlier instead of working them out again.
//
// A year of 100,000 cases takes seconds to work out (every figure follows kpis.md from the case
// facts, nothing is pre-aggregated), so the figures are kept with the audit trail's position when
// they were worked out. Every change to a case, a commitment, a survey answer or a setting appends
// to the audit trail, so the same position (looks and sign-ins aside) means exactly the same figures. After a change, the
// kept figures are shown, marked as from before the change, for at most `maxAgeMs`.

export interface KeptFigures {
  computedAt: Date
  /** The newest audit event when the figures were worked out. */
  dataVersion: number
}

/**
 * Audit actions that record a look, an export or a sign-in, never a change to anything a figure is
 * worked out from (SQL LIKE patterns). Anything not listed counts as a change: a new action is safe.
 */
export const notAChange = [
  '%.viewed',
  '%_viewed',
  '%.exported',
  'qa.feedback_seen',
  'staff.sign_in_failed',
  'staff.signed_in',
  'staff.signed_out',
  'staff.signed_out_everywhere',
  'staff.recovery_code_used',
  'staff.mfa_enrolled',
  'resident.access_code_sent',
] as const

export interface SnapshotPolicy {
  /** After a change, figures this young are shown without working them out again. */
  quietMs: number
  /** After a change, figures this old are never shown: the page waits for new ones. */
  maxAgeMs: number
}

export const snapshotPolicy: SnapshotPolicy = { quietMs: 60_000, maxAgeMs: 10 * 60_000 }

/**
 * - `current`: nothing has changed since; show them.
 * - `recent`: something changed, but they are under a minute old; show them, marked.
 * - `refresh`: something changed; show them, marked, and work out new ones in the background.
 * - `recompute`: none kept, or too old to show; work them out now.
 */
export type SnapshotUse = 'current' | 'recent' | 'refresh' | 'recompute'

export function snapshotUse(
  kept: KeptFigures | null,
  dataVersion: number,
  now: Date,
  policy: SnapshotPolicy = snapshotPolicy,
): SnapshotUse {
  if (!kept) return 'recompute'
  if (kept.dataVersion === dataVersion) return 'current'
  const age = now.getTime() - kept.computedAt.getTime()
  // A clock that went backwards, or a version older than the kept one (a restored backup): distrust.
  if (age < 0 || dataVersion < kept.dataVersion || age >= policy.maxAgeMs) return 'recompute'
  return age < policy.quietMs ? 'recent' : 'refresh'
}

/** One key per period, filters and day the figures were worked out on ("overdue today" changes daily). */
export function snapshotKey(parts: {
  from: string
  to: string
  runDate: string
  filters?: { serviceArea?: string | null; team?: string | null; handlerId?: string | null } | null
  homes?: number | null
}): string {
  const f = parts.filters ?? {}
  return JSON.stringify([
    parts.from,
    parts.to,
    parts.runDate,
    f.serviceArea ?? null,
    f.team ?? null,
    f.handlerId ?? null,
    parts.homes ?? null,
  ])
}
