import { and, eq } from 'drizzle-orm'
import { complaints, letters } from '../../db/schema'
import type { Database } from './db.server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** A letter of this complaint: an id from another complaint finds nothing. */
export async function findLetter(db: Database, reference: string, letterId: string) {
  if (!UUID.test(letterId)) return null
  const [row] = await db
    .select({ letter: letters })
    .from(letters)
    .innerJoin(complaints, eq(complaints.id, letters.complaintId))
    .where(and(eq(letters.id, letterId), eq(complaints.reference, reference)))
    .limit(1)
  return row?.letter ?? null
}
