// A form that must not be applied twice carries a key made when the page was drawn. The first post
// claims it inside the same transaction as its writes; a second post of the same form finds it taken.
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { formSubmissions } from '../../db/schema'
import type { Database } from './db.server'

export const newSubmissionKey = () => randomUUID()

/** The posted key, or a fresh one when a client sent none (that post cannot be deduplicated). */
export function submittedKey(value: string | undefined): string {
  return value && /^[0-9a-f-]{36}$/.test(value) ? value : randomUUID()
}

/** True when this post is the first with its key; false for a replay, which must change nothing. */
export async function claimSubmission(tx: Database, purpose: string, key: string): Promise<boolean> {
  const claimed = await tx
    .insert(formSubmissions)
    .values({ key: `${purpose}:${key}`, purpose })
    .onConflictDoNothing({ target: formSubmissions.key })
    .returning({ key: formSubmissions.key })
  return claimed.length > 0
}

/**
 * Whether a form with this key was already applied: checked before a change that may still be
 * refused, so a refused post can be corrected and sent again with the same key.
 */
export async function wasSubmitted(tx: Database, purpose: string, key: string): Promise<boolean> {
  const [row] = await tx
    .select({ key: formSubmissions.key })
    .from(formSubmissions)
    .where(eq(formSubmissions.key, `${purpose}:${key}`))
    .limit(1)
  return Boolean(row)
}
