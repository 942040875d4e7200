// Files a resident attaches while writing the complaint: held against the draft until it is sent.
import { and, asc, eq, isNull } from 'drizzle-orm'
import { attachments } from '../../db/schema'
import type { Database } from './db.server'
import type { CleanFile } from './uploads.server'
import { MAX_FILES } from './uploads.server'

export async function draftFiles(db: Database, draftId: string) {
  return db
    .select({ id: attachments.id, fileName: attachments.fileName, size: attachments.size })
    .from(attachments)
    .where(and(eq(attachments.draftId, draftId), isNull(attachments.complaintId)))
    .orderBy(asc(attachments.createdAt))
}

/** Adds files up to the limit of five in all; returns false (adding none) if they would go over. */
export async function addDraftFiles(db: Database, draftId: string, files: CleanFile[]): Promise<boolean> {
  const existing = await draftFiles(db, draftId)
  if (existing.length + files.length > MAX_FILES) return false
  for (const file of files) {
    await db.insert(attachments).values({
      draftId,
      uploadedBy: 'resident',
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.data.length,
      sha256: file.sha256,
      data: file.data,
    })
  }
  return true
}

export async function removeDraftFile(db: Database, draftId: string, id: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return
  await db
    .delete(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.draftId, draftId), isNull(attachments.complaintId)))
}
