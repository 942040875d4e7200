import { readFile } from 'node:fs/promises'
import { count, eq, inArray, TransactionRollbackError } from 'drizzle-orm'
import { expect, it } from 'vitest'
import type { Database, DatabaseHandle } from '../../db/client'
import { auditEvents, complaintStages, complaints, remedies, residents, serviceAreaList } from '../../db/schema'
import type { ComplaintCase } from '~/domain/complaints/case'
import { exportCases, importCases } from '~/server/case-import.server'
import { persistCase } from '~/server/cases.server'
import { describeEachEngine, openTestDatabase } from '../support/databases'
import { aComplaint } from '../support/factories'
import { caseFileHeader as header, generatedFile } from '../support/generated-cases'

const now = new Date('2026-11-23T10:00:00Z')
const fixture = readFile(new URL('../fixtures/cases-small.csv', import.meta.url), 'utf8')

async function counts(db: Database) {
  const tables = { complaints, residents, complaintStages, remedies, auditEvents, serviceAreaList }
  const result: Record<string, number> = {}
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table)
    result[name] = row?.n ?? -1
  }
  return result
}

async function withFreshDatabase<T>(engine: DatabaseHandle['engine'], body: (db: Database) => Promise<T>): Promise<T> {
  const fresh = await openTestDatabase(engine)
  try {
    return await body(fresh.db)
  } finally {
    await fresh.close()
  }
}

/** The first line where two large files differ (a full diff of 100,000 lines is no help). */
function firstDifference(
  actual: string,
  expected: string,
): { line: number; actual?: string; expected?: string } | null {
  if (actual === expected) return null
  const a = actual.split('\n')
  const e = expected.split('\n')
  const index = a.findIndex((line, i) => line !== e[i])
  const line = index === -1 ? a.length : index
  return { line: line + 1, actual: a[line], expected: e[line] }
}

describeEachEngine('importing and exporting cases as CSV', (handle) => {
  it('a small file round-trips byte for byte: import, export, import into an empty database, export', async () => {
    const text = await fixture
    const first = await withFreshDatabase(handle().engine, async (db) => {
      expect(await importCases(db, text, { now })).toEqual({ ok: true, imported: 16, skipped: 0 })
      return exportCases(db)
    })
    expect(first).toBe(text)
    const second = await withFreshDatabase(handle().engine, async (db) => {
      expect(await importCases(db, first, { now })).toEqual({ ok: true, imported: 16, skipped: 0 })
      return exportCases(db)
    })
    expect(second).toBe(first)
  })

  it('importing the same file twice changes nothing the second time', async () => {
    const { db } = handle()
    const text = await fixture
    await importCases(db, text, { now })
    const before = await counts(db)
    expect(await importCases(db, text, { now })).toEqual({ ok: true, imported: 0, skipped: 16 })
    expect(await counts(db)).toEqual(before)
  })

  it('stores each case as the app does: resident, status, stages, remedy, service area and one audit event', async () => {
    const { db } = handle()
    await importCases(db, await fixture, { now })
    const [row] = await db
      .select({ complaint: complaints, resident: residents })
      .from(complaints)
      .innerJoin(residents, eq(residents.id, complaints.residentId))
      .where(eq(complaints.reference, 'CX/2025/002'))
    expect(row?.resident).toMatchObject({
      name: 'Imported resident R-1002',
      externalKey: 'R-1002',
      preferredLanguage: 'en',
    })
    expect(row?.complaint).toMatchObject({
      status: 'closed',
      channel: 'email',
      category: 'damp_mould',
      description: '',
      desiredOutcome: '',
      language: 'en',
      receivedOn: '2025-04-17',
      // 12:00 in London on 17 April 2025 (BST).
      receivedAt: new Date('2025-04-17T11:00:00Z'),
      currentStage: 2,
      closedOn: '2025-06-30',
      acknowledgementDue: '2025-04-28',
      earlyResolution: false,
    })
    const stages = await db
      .select()
      .from(complaintStages)
      .where(eq(complaintStages.complaintId, row?.complaint.id ?? ''))
      .orderBy(complaintStages.stage)
    expect(
      stages.map((s) => [s.stage, s.acknowledgedOn, s.responseDueBase, s.responseDue, s.outcome, s.decisionChanged]),
    ).toEqual([
      // Easter 2025 and the early May bank holiday skipped; +10 working days of extension.
      [1, '2025-04-24', '2025-05-09', '2025-05-23', 'partly_upheld', null],
      [2, '2025-06-02', '2025-06-30', '2025-06-30', 'upheld', true],
    ])
    const paid = await db
      .select()
      .from(remedies)
      .where(eq(remedies.complaintId, row?.complaint.id ?? ''))
    expect(paid).toMatchObject([
      { type: 'financial', status: 'completed', amountPence: 12550, paidOn: '2025-06-30', position: 1, stage: 2 },
    ])
    const events = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, row?.complaint.id ?? ''))
    expect(events).toMatchObject([{ action: 'complaint.imported', actorType: 'system', actorId: null }])
    const areas = await db
      .select()
      .from(serviceAreaList)
      .where(inArray(serviceAreaList.key, ['Grounds maintenance', 'repairs']))
    expect(areas.map((area) => area.key)).toEqual(['Grounds maintenance'])
  })

  it('writes exactly what persistCase writes for the same case', async () => {
    const { db } = handle()
    await importCases(db, await fixture, { now })
    const imported = await db
      .select()
      .from(complaints)
      .where(inArray(complaints.reference, ['CX/2025/002', 'CX/2026/003', 'CX/2026/005', 'CX/2026/007', 'CX/2025/006']))
    expect(imported).toHaveLength(5)
    const comparable = async (tx: Database, id: string) => {
      const [complaint] = await tx.select().from(complaints).where(eq(complaints.id, id))
      const stages = await tx
        .select()
        .from(complaintStages)
        .where(eq(complaintStages.complaintId, id))
        .orderBy(complaintStages.stage)
      const { version: _version, updatedAt: _updatedAt, ...rest } = complaint ?? {}
      // decision_changed comes from the file, not from the single imported element.
      return { complaint: rest, stages: stages.map(({ decisionChanged: _changed, ...stage }) => stage) }
    }
    for (const row of imported) {
      const written = await comparable(db, row.id)
      let rewritten: unknown = null
      await db
        .transaction(async (tx) => {
          // case_state is the jsonb document the import wrote from a ComplaintCase.
          await persistCase(tx, row.id, row.caseState as ComplaintCase)
          rewritten = await comparable(tx, row.id)
          tx.rollback()
        })
        .catch((error: unknown) => {
          if (!(error instanceof TransactionRollbackError)) throw error
        })
      expect(rewritten).toEqual(written)
    }
  })

  it('a file with one bad line writes nothing and names the line and column', async () => {
    const { db } = handle()
    const before = await counts(db)
    const text = [
      header,
      'BAD-0001,R-2001,web,repairs,2026-03-02,,,,,,,,,,,open,,',
      'BAD-0002,R-2002,phone,repairs,2026-03-02,2026-03-04,,2026-03-16,,,,,,,,open,,',
      'BAD-0003,R-2003,email,repairs,2026-03-02,,,,,,,,,,,open,,',
      '',
    ].join('\n')
    expect(await importCases(db, text, { now })).toEqual({
      ok: false,
      problems: [
        {
          line: 3,
          column: 'stage1_outcome',
          key: 'imports:problems.requiredWhenSet',
          values: { column: 'stage1_outcome', other: 'stage1_responded_on' },
        },
      ],
    })
    expect(await counts(db)).toEqual(before)
    expect(await db.select().from(complaints).where(eq(complaints.reference, 'BAD-0001'))).toEqual([])
  })

  it('refuses a line whose reference is already stored with different data', async () => {
    const { db } = handle()
    await importCases(db, await fixture, { now })
    const before = await counts(db)
    const text = [
      header,
      'NEW-0001,R-3001,web,repairs,2026-03-02,,,,,,,,,,,open,,',
      'CX/2025/001,R-1001,phone,repairs,2025-03-03,2025-03-05,,2025-03-14,upheld,,,,,,,closed,2025-03-17,75.00',
      '',
    ].join('\n')
    expect(await importCases(db, text, { now })).toEqual({
      ok: false,
      problems: [
        {
          line: 3,
          column: 'closed_on',
          key: 'imports:problems.storedDifferently',
          values: {
            reference: 'CX/2025/001',
            differences: 'closed_on "2025-03-14" → "2025-03-17"; compensation_paid "50.00" → "75.00"',
          },
        },
      ],
    })
    expect(await counts(db)).toEqual(before)
  })

  it.each([
    [
      'a quoted value never closed',
      '"BAD-0001,R-2001,web,repairs,2026-03-02,,,,,,,,,,,open,,',
      'imports:problems.csvQuoteNotClosed',
    ],
    [
      'text after a closing quote',
      '"BAD-0001"x,R-2001,web,repairs,2026-03-02,,,,,,,,,,,open,,',
      'imports:problems.csvInvalidClosingQuote',
    ],
    [
      'a quote inside an unquoted value',
      'BAD"0001,R-2001,web,repairs,2026-03-02,,,,,,,,,,,open,,',
      'imports:problems.csvInvalidOpeningQuote',
    ],
  ])('a file that is not CSV (%s) writes nothing and names the line', async (_, line, problem) => {
    const { db } = handle()
    const before = await counts(db)
    const text = [header, 'OK-0001,R-2001,web,repairs,2026-03-02,,,,,,,,,,,open,,', line, ''].join('\n')
    expect(await importCases(db, text, { now })).toEqual({
      ok: false,
      problems: [{ line: 3, key: problem }],
    })
    expect(await counts(db)).toEqual(before)
  })

  it('exports cases made in the app too, keyed by the resident id, and they import elsewhere', async () => {
    const { db } = handle()
    const made = await aComplaint(db, { receivedAt: new Date('2026-06-01T23:30:00Z') })
    const [row] = await db.select().from(complaints).where(eq(complaints.reference, made.reference))
    const exported = await exportCases(db)
    expect(exported.split('\n')).toContain(
      `${made.reference},${row?.residentId},web,repairs,2026-06-02,,,,,,,,,,,open,,`,
    )
    const again = await withFreshDatabase(handle().engine, async (fresh) => {
      expect(await importCases(fresh, exported, { now })).toMatchObject({ ok: true, skipped: 0 })
      return exportCases(fresh)
    })
    expect(again).toBe(exported)
    // Importing the export back where it came from finds every line already there.
    expect(await importCases(db, exported, { now })).toMatchObject({ ok: true, imported: 0 })
  })

  it('imports a large generated file in one go, and exports it unchanged', { timeout: 300_000 }, async () => {
    const engine = handle().engine
    // 100,000 lines on PostgreSQL (the target: under 60 s); PGlite, single-threaded in-process, gets 2,000.
    const size = engine === 'postgres' ? 100_000 : 2_000
    const text = generatedFile(size)
    await withFreshDatabase(engine, async (db) => {
      const started = performance.now()
      const result = await importCases(db, text, { now })
      const importSeconds = (performance.now() - started) / 1000
      expect(result).toEqual({ ok: true, imported: size, skipped: 0 })
      const exportStarted = performance.now()
      const exported = await exportCases(db)
      const exportSeconds = (performance.now() - exportStarted) / 1000
      process.stdout.write(
        `\n  ${engine}: imported ${size} lines in ${importSeconds.toFixed(1)} s, exported in ${exportSeconds.toFixed(1)} s\n`,
      )
      expect(firstDifference(exported, text)).toBeNull()
      if (engine === 'postgres') expect(importSeconds).toBeLessThan(60)
      const [audit] = await db
        .select({ n: count() })
        .from(auditEvents)
        .where(eq(auditEvents.action, 'complaint.imported'))
      expect(audit?.n).toBe(size)
    })
  })
})
