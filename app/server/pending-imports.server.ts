// The back office's import: upload → preview (every problem, or what would be added) → confirm.
import { eq } from 'drizzle-orm'
import type { CaseCsvProblem } from '~/domain/complaints/csv'
import { pendingImports } from '../../db/schema'
import { recordAudit } from './audit.server'
import { importCases } from './case-import.server'
import type { Database } from './db.server'

export async function stageImport(db: Database, input: { fileName: string; csv: string; staffId: string; now: Date }) {
  const checked = await importCases(db, input.csv, { now: input.now, dryRun: true })
  const rows = checked.ok ? checked.imported + checked.skipped : 0
  const [row] = await db
    .insert(pendingImports)
    .values({
      createdBy: input.staffId,
      fileName: input.fileName.slice(0, 200),
      csv: input.csv,
      rows,
      problems: checked.ok ? [] : checked.problems,
    })
    .returning({ id: pendingImports.id })
  return { id: row?.id ?? '', checked }
}

export async function findPendingImport(db: Database, id: string, now: Date) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null
  const [row] = await db.select().from(pendingImports).where(eq(pendingImports.id, id))
  if (!row) return null
  // Checked again now: the database may have changed since the upload.
  const checked = row.importedAt ? null : await importCases(db, row.csv, { now, dryRun: true })
  return { ...row, problems: row.problems as CaseCsvProblem[], checked }
}

export async function confirmImport(
  db: Database,
  input: { id: string; staffId: string; now: Date; requestId?: string | null },
) {
  const [row] = await db.select().from(pendingImports).where(eq(pendingImports.id, input.id))
  if (!row || row.importedAt) return null
  const result = await importCases(db, row.csv, { now: input.now })
  if (result.ok) {
    await db.update(pendingImports).set({ importedAt: input.now, csv: '' }).where(eq(pendingImports.id, input.id))
    await recordAudit(db, {
      actor: { type: 'staff', id: input.staffId },
      action: 'cases.imported',
      entityType: 'pending_import',
      entityId: input.id,
      after: { fileName: row.fileName, imported: result.imported, skipped: result.skipped },
      requestId: input.requestId,
    })
  }
  return result
}
