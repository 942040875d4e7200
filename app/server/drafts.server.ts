// A resident's unfinished complaint, kept server-side so the journey works with no JavaScript and
// long answers never meet a cookie's size limit. The cookie is a session cookie with a random id.
import { eq } from 'drizzle-orm'
import type { ComplaintAnswers } from '~/domain/journeys/complaint'
import { complaintDrafts } from '../../db/schema'
import { readCookie, serializeCookie } from './cookies.server'
import type { Database } from './db.server'

const DRAFT_COOKIE = 'pr_draft'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export interface Draft {
  id: string
  answers: ComplaintAnswers
  submissionKey: string
  complaintId: string | null
}

export async function findDraft(db: Database, request: Request): Promise<Draft | null> {
  const id = readCookie(request, DRAFT_COOKIE)
  if (!id || !UUID.test(id)) return null
  const [row] = await db.select().from(complaintDrafts).where(eq(complaintDrafts.id, id)).limit(1)
  if (!row) return null
  return {
    id: row.id,
    answers: row.answers as ComplaintAnswers,
    submissionKey: row.submissionKey,
    complaintId: row.complaintId,
  }
}

/** The draft still being filled in: a submitted draft belongs to its confirmation page only. */
export async function findOpenDraft(db: Database, request: Request): Promise<Draft | null> {
  const draft = await findDraft(db, request)
  return draft && !draft.complaintId ? draft : null
}

/** Merges one step's answers into the open draft, starting a new draft (and cookie) if needed. */
export async function saveAnswers(
  db: Database,
  request: Request,
  patch: Partial<ComplaintAnswers>,
): Promise<{ answers: ComplaintAnswers; setCookie: string | null }> {
  const draft = await findOpenDraft(db, request)
  if (draft) {
    const answers = { ...draft.answers, ...patch }
    await db.update(complaintDrafts).set({ answers, updatedAt: new Date() }).where(eq(complaintDrafts.id, draft.id))
    return { answers, setCookie: null }
  }
  const [created] = await db.insert(complaintDrafts).values({ answers: patch }).returning({ id: complaintDrafts.id })
  if (!created) throw new Error('Could not start a draft')
  return { answers: patch, setCookie: serializeCookie(DRAFT_COOKIE, created.id) }
}
