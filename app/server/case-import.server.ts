// Moving cases in and out as CSV (README, "Moving cases in and out (CSV)"). Import checks every
// line first (app/domain/complaints/csv.ts), then writes everything in one transaction of
// multi-row inserts, or nothing; export reads complaints, their stages and paid remedies back
// into the same columns, so export → import → export gives the same bytes.
import { randomUUID } from 'node:crypto'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { and, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm'
import { alias, type PgTable } from 'drizzle-orm/pg-core'
import { workingCalendar, type WorkingCalendar } from '~/domain/calendar'
import {
  currentStage,
  extendedWorkingDays,
  responseDeadline,
  stageRecord,
  type ComplaintCase,
} from '~/domain/complaints/case'
import {
  caseCsvColumns,
  caseCsvProblem,
  caseCsvRow,
  caseRowsFromRecords,
  csvStatusOf,
  differingColumns,
  validateCaseRows,
  type CaseCsvProblem,
  type CaseCsvProblemKey,
  type CaseCsvRow,
  type CaseFacts,
  type StageFacts,
  type ValidCaseRow,
} from '~/domain/complaints/csv'
import { caseFromHistory, compensationPaidOn, noonInLondon } from '~/domain/complaints/history'
import { nextDeadline } from '~/domain/complaints/lifecycle'
import { serviceAreas } from '~/domain/complaints/status'
import { englandAndWalesBankHolidays, londonDate } from '~/domain/working-days'
import { auditEvents, complaintStages, complaints, remedies, residents, serviceAreaList } from '../../db/schema'
import { loadCalendar } from './calendar.server'
import { loadCodeSettings } from './cases.server'
import type { Database } from './db.server'

export type ImportResult = { ok: true; imported: number; skipped: number } | { ok: false; problems: CaseCsvProblem[] }

/** Rows per INSERT (one jsonb parameter each): 5,000 measured no faster. */
const INSERT_BATCH = 1_000
/** Values per `IN (…)` look-up. */
const LOOKUP_BATCH = 5_000
/** Two imports at once take turns, so the second sees what the first wrote. */
const IMPORT_LOCK = 7_316_002

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size))
  return result
}

const columnNames: readonly string[] = caseCsvColumns
const byLineThenColumn = (a: CaseCsvProblem, b: CaseCsvProblem) =>
  a.line - b.line || columnNames.indexOf(a.column ?? '') - columnNames.indexOf(b.column ?? '')

/**
 * Parses the text (UTF-8, a byte-order mark allowed, \n or \r\n) into rows keyed by column, with
 * the file line each starts on. Blank lines, and lines of nothing but commas, are ignored.
 */
export function parseCaseCsv(text: string): { rows: CaseCsvRow[]; lines: number[]; problems: CaseCsvProblem[] } {
  let parsed: string[][]
  try {
    parsed = parse(text, { bom: true, relax_column_count: true, record_delimiter: ['\r\n', '\n'] })
  } catch (error) {
    const line = error instanceof Error && 'lines' in error && typeof error.lines === 'number' ? error.lines : 1
    return { rows: [], lines: [], problems: [notCsv(line, error)] }
  }
  // csv-parse's own line count is off after a quoted value holding \r\n; count them here instead.
  const records: Array<{ fields: string[]; line: number }> = []
  let line = 1
  for (const fields of parsed) {
    const start = line
    line += 1 + fields.reduce((breaks, field) => breaks + (field.match(/\n/g)?.length ?? 0), 0)
    if (start > 1 && fields.every((field) => field.trim() === '')) continue
    records.push({ fields, line: start })
  }
  return caseRowsFromRecords(records)
}

/** The parser's errors a file can cause (with these options), by csv-parse's error code. */
const notCsvKeys = {
  CSV_QUOTE_NOT_CLOSED: 'imports:problems.csvQuoteNotClosed',
  CSV_INVALID_CLOSING_QUOTE: 'imports:problems.csvInvalidClosingQuote',
  INVALID_OPENING_QUOTE: 'imports:problems.csvInvalidOpeningQuote',
} as const satisfies Record<string, CaseCsvProblemKey>

function notCsv(line: number, error: unknown): CaseCsvProblem {
  const code = error instanceof Error && 'code' in error ? error.code : undefined
  const known = Object.entries(notCsvKeys).find(([name]) => name === code)
  if (known) return caseCsvProblem({ line }, known[1])
  // Anything else is no file's doing with these options; keep the parser's words for whoever debugs it.
  return caseCsvProblem({ line }, 'imports:problems.csvUnreadable', {
    detail: error instanceof Error ? error.message : String(error),
  })
}

/** Bank holidays for every year a file spans, beyond the app's built-in range, with the closure days. */
function calendarFor(base: WorkingCalendar, rows: readonly ValidCaseRow[]): WorkingCalendar {
  if (rows.length === 0) return base
  let first = Infinity
  let last = -Infinity
  for (const row of rows) {
    const year = Number(row.receivedOn.slice(0, 4))
    first = Math.min(first, year)
    last = Math.max(last, year)
  }
  // A deadline set in December runs into the next year.
  const extra = englandAndWalesBankHolidays(first, last + 1)
  return workingCalendar([...base.bankHolidays, ...extra], base.closureDays)
}

/**
 * Imports a file all or nothing: every line is checked, and references already stored are compared
 * with the line (identical → skipped; different → a problem). Only a file with no problems is
 * written, in one transaction.
 */
export async function importCases(
  db: Database,
  csvText: string,
  {
    now,
    dryRun = false,
  }: { now: Date; /** Check everything and count, write nothing: the back office's preview. */ dryRun?: boolean },
): Promise<ImportResult> {
  const parsed = parseCaseCsv(csvText)
  const validated = validateCaseRows(parsed.rows, 2, { lines: parsed.lines, today: londonDate(now) })
  const problems = [...parsed.problems, ...validated.problems]
  const rows = validated.rows
  const [baseCalendar, settings] = await Promise.all([loadCalendar(db), loadCodeSettings(db)])
  const calendar = calendarFor(baseCalendar, rows)

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`)
    const stored = await storedRows(
      tx,
      rows.map((row) => row.reference),
    )
    const fresh: ValidCaseRow[] = []
    for (const row of rows) {
      const existing = stored.get(row.reference)
      if (!existing) {
        fresh.push(row)
        continue
      }
      const line = caseCsvRow(row)
      const changed = differingColumns(line, existing)
      if (changed.length > 0) {
        // One problem a line, as before, so the values are a list: column names and values are the
        // same in every language, and the key's text says which side is which.
        const differences = changed.map((column) => `${column} "${existing[column]}" → "${line[column]}"`)
        problems.push(
          caseCsvProblem({ line: row.line, column: changed[0] }, 'imports:problems.storedDifferently', {
            reference: row.reference,
            differences: differences.join('; '),
          }),
        )
      }
    }
    if (problems.length > 0) return { ok: false, problems: problems.sort(byLineThenColumn) } as const
    if (!dryRun) await writeCases(tx, fresh, calendar, settings, now)
    return { ok: true, imported: fresh.length, skipped: rows.length - fresh.length } as const
  })
}

async function writeCases(
  tx: Database,
  rows: readonly ValidCaseRow[],
  calendar: WorkingCalendar,
  settings: Awaited<ReturnType<typeof loadCodeSettings>>,
  now: Date,
): Promise<void> {
  if (rows.length === 0) return
  const builtIn: readonly string[] = serviceAreas
  const newAreas = [...new Set(rows.map((row) => row.category))].filter((category) => !builtIn.includes(category))
  for (const batch of chunks(newAreas, INSERT_BATCH)) {
    await tx
      .insert(serviceAreaList)
      .values(batch.map((key) => ({ key, label: key, createdAt: now })))
      .onConflictDoNothing({ target: serviceAreaList.key })
  }

  const residentIds = await residentsFor(
    tx,
    rows.map((row) => row.residentKey),
    now,
  )

  for (const batch of chunks(rows, INSERT_BATCH)) {
    const complaintRows: Array<typeof complaints.$inferInsert> = []
    const stageRows: Array<typeof complaintStages.$inferInsert> = []
    const remedyRows: Array<typeof remedies.$inferInsert> = []
    const auditRows: Array<typeof auditEvents.$inferInsert> = []
    for (const row of batch) {
      const id = randomUUID()
      const residentId = residentIds.get(row.residentKey)
      if (!residentId) throw new Error(`No resident for ${row.residentKey}`)
      const complaint = caseFromHistory(row, calendar, settings)
      complaintRows.push({
        id,
        reference: row.reference,
        residentId,
        channel: row.channel,
        category: row.category,
        description: '',
        desiredOutcome: '',
        language: 'en',
        receivedAt: noonInLondon(row.receivedOn),
        receivedOn: row.receivedOn,
        createdAt: now,
        ...caseColumns(complaint),
        // As if inserted, then written once by persistCase (version 0 → 1).
        version: 1,
        updatedAt: now,
      })
      for (const stage of stageColumns(id, complaint)) {
        // The file's own answer, not one derived from the single imported element.
        stageRows.push(stage.stage === 2 ? { ...stage, decisionChanged: row.stage2DecisionChanged } : stage)
      }
      for (const remedy of complaint.remedies) {
        remedyRows.push({
          complaintId: id,
          stage: remedy.stage,
          position: remedy.id,
          type: remedy.type,
          description: remedy.description,
          amountPence: remedy.amountPence,
          status: remedy.status,
          paidOn: compensationPaidOn(row),
          createdAt: now,
        })
      }
      auditRows.push({
        occurredAt: now,
        actorType: 'system',
        actorId: null,
        action: 'complaint.imported',
        entityType: 'complaint',
        entityId: id,
        before: null,
        after: { reference: row.reference, status: complaint.status, line: row.line },
        requestId: null,
      })
    }
    await insertBatch(tx, complaints, complaintRows)
    await insertBatch(tx, complaintStages, stageRows)
    await insertBatch(tx, remedies, remedyRows)
    await insertBatch(tx, auditEvents, auditRows)
  }
}

/**
 * A multi-row INSERT whose rows travel as one jsonb parameter, unpacked by jsonb_to_recordset.
 * Measured on 100,000 cases with PostgreSQL 15 on this 2-core machine: drizzle's values() spent
 * ~15 s of a 39 s import building and binding two million parameters; with this the import takes
 * ~18 s, 13 s of it PostgreSQL writing. Names and types come from the schema; the values stay
 * bound. Every row gives the same columns (one a row leaves out would be NULL, not its default).
 */
async function insertBatch<T extends PgTable>(
  tx: Database,
  table: T,
  rows: ReadonlyArray<T['$inferInsert']>,
): Promise<void> {
  const first = rows[0]
  if (!first) return
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in first)
  const records = rows.map((row) => {
    const values = new Map(Object.entries(row))
    return Object.fromEntries(columns.map(([key, column]) => [column.name, values.get(key) ?? null]))
  })
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  )
  // Schema names and types only, never data: safe in sql.raw.
  const definitions = sql.raw(columns.map(([, column]) => `"${column.name}" ${column.getSQLType()}`).join(', '))
  await tx.execute(
    sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as batch(${definitions})`,
  )
}

/**
 * The complaint columns persistCase (cases.server.ts) writes for a case, for a multi-row insert:
 * calling it per row costs three round trips a case, too slow for 100,000 (the integration test
 * checks the two stay identical).
 */
export function caseColumns(complaint: ComplaintCase) {
  const next = nextDeadline(complaint)
  const stage = currentStage(complaint)
  const stage1 = stageRecord(complaint, 1)
  if (!stage1) throw new Error('A complaint always has Stage 1')
  return {
    caseState: complaint,
    status: complaint.status,
    currentStage: stage.stage,
    handlerId: stage.handlerId,
    nextDue: next?.deadline.due ?? null,
    nextDueKind: next ? `stage${next.stage}_${next.kind}` : null,
    acknowledgementDue: stage1.acknowledgement.due,
    acknowledgementDueExplanation: stage1.acknowledgement,
    earlyResolution: complaint.earlyResolution,
    closedOn: complaint.closedOn,
  }
}

/** The complaint_stages rows persistCase writes for a case. */
export function stageColumns(complaintId: string, complaint: ComplaintCase) {
  const stage1Outcome = stageRecord(complaint, 1)?.outcome ?? null
  return complaint.stages.map((record) => ({
    complaintId,
    stage: record.stage,
    startedOn: record.startedOn,
    handlerId: record.handlerId,
    acknowledgementDue: record.acknowledgement.due,
    acknowledgedOn: record.acknowledgedOn,
    responseDueBase: record.responseBase.due,
    responseDue: responseDeadline(record).due,
    extensionWorkingDays: extendedWorkingDays(record),
    respondedOn: record.respondedOn,
    respondedBy: record.respondedBy,
    outcome: record.outcome,
    decisionChanged:
      record.stage === 2 && record.outcome
        ? record.outcome !== stage1Outcome ||
          complaint.elements.some((e) => e.stage1 && e.stage2 && e.stage1.decision !== e.stage2.decision)
        : null,
    lateRequest: record.lateRequest ?? false,
  }))
}

/**
 * The resident id for every key: an existing resident with that external key (or, for a resident
 * made in the app without one, whose id it is, as export writes it); otherwise a new, anonymised one.
 */
async function residentsFor(tx: Database, keys: readonly string[], now: Date): Promise<Map<string, string>> {
  const wanted = [...new Set(keys)]
  const ids = new Map<string, string>()
  for (const batch of chunks(wanted, LOOKUP_BATCH)) {
    const found = await tx
      .select({ id: residents.id, key: residents.externalKey })
      .from(residents)
      .where(inArray(residents.externalKey, batch))
    for (const resident of found) if (resident.key) ids.set(resident.key, resident.id)
  }
  const maybeIds = wanted.filter((key) => !ids.has(key) && UUID.test(key))
  for (const batch of chunks(maybeIds, LOOKUP_BATCH)) {
    const found = await tx
      .select({ id: residents.id })
      .from(residents)
      .where(and(inArray(residents.id, batch), isNull(residents.externalKey)))
    for (const resident of found) ids.set(resident.id, resident.id)
  }
  const missing = wanted.filter((key) => !ids.has(key))
  for (const batch of chunks(missing, INSERT_BATCH)) {
    const values = batch.map((key) => ({
      id: randomUUID(),
      // The file holds no personal data: a placeholder a person can recognise, and the key.
      name: `Imported resident ${key}`,
      preferredLanguage: 'en',
      externalKey: key,
      createdAt: now,
      updatedAt: now,
    }))
    await insertBatch(tx, residents, values)
    for (const value of values) ids.set(value.externalKey, value.id)
  }
  return ids
}

/** What is stored for these references, as the lines export would write. */
async function storedRows(db: Database, references: readonly string[]): Promise<Map<string, CaseCsvRow>> {
  const rows = new Map<string, CaseCsvRow>()
  for (const batch of chunks(references, LOOKUP_BATCH)) {
    const present = await db
      .select({ reference: complaints.reference })
      .from(complaints)
      .where(inArray(complaints.reference, batch))
    if (present.length === 0) continue
    for (const facts of await caseFacts(
      db,
      present.map((p) => p.reference),
    )) {
      rows.set(facts.reference, caseCsvRow(facts))
    }
  }
  return rows
}

/** Every complaint (or those with these references) as the file's facts, ordered by reference. */
async function caseFacts(db: Database, references?: readonly string[]): Promise<CaseFacts[]> {
  const stage1 = alias(complaintStages, 'stage1')
  const stage2 = alias(complaintStages, 'stage2')
  const paid = db
    .select({
      complaintId: remedies.complaintId,
      // sum(integer) is bigint: text keeps both drivers' answers alike.
      pence: sql<string | null>`sum(${remedies.amountPence})::text`.as('pence'),
    })
    .from(remedies)
    .where(and(eq(remedies.type, 'financial'), eq(remedies.status, 'completed')))
    .groupBy(remedies.complaintId)
    .as('paid')
  const stageFields = (stage: typeof stage1 | typeof stage2) => ({
    startedOn: stage.startedOn,
    acknowledgedOn: stage.acknowledgedOn,
    extensionWorkingDays: stage.extensionWorkingDays,
    respondedOn: stage.respondedOn,
    outcome: stage.outcome,
    decisionChanged: stage.decisionChanged,
  })
  const rows = await db
    .select({
      reference: complaints.reference,
      residentKey: sql<string>`coalesce(${residents.externalKey}, ${residents.id}::text)`,
      channel: complaints.channel,
      category: complaints.category,
      receivedOn: complaints.receivedOn,
      status: complaints.status,
      closedOn: complaints.closedOn,
      stage1: stageFields(stage1),
      stage2: stageFields(stage2),
      pence: paid.pence,
    })
    .from(complaints)
    .innerJoin(residents, eq(residents.id, complaints.residentId))
    .leftJoin(stage1, and(eq(stage1.complaintId, complaints.id), eq(stage1.stage, 1)))
    .leftJoin(stage2, and(eq(stage2.complaintId, complaints.id), eq(stage2.stage, 2)))
    .leftJoin(paid, eq(paid.complaintId, complaints.id))
    .where(references ? inArray(complaints.reference, [...references]) : undefined)
    // Byte order, the same on every server whatever its locale.
    .orderBy(sql`${complaints.reference} collate "C"`)
  const stage = (facts: (typeof rows)[number]['stage1']): StageFacts | null =>
    facts?.startedOn
      ? {
          startedOn: facts.startedOn,
          acknowledgedOn: facts.acknowledgedOn,
          extensionWorkingDays: facts.extensionWorkingDays ?? 0,
          respondedOn: facts.respondedOn,
          outcome: facts.outcome,
        }
      : null
  return rows.map((row) => ({
    reference: row.reference,
    residentKey: row.residentKey,
    channel: row.channel,
    category: row.category,
    receivedOn: row.receivedOn,
    stage1: stage(row.stage1),
    stage2: stage(row.stage2),
    stage2DecisionChanged: row.stage2?.decisionChanged ?? null,
    status: csvStatusOf(row.status),
    closedOn: row.closedOn,
    compensationPence: row.pence === null || row.pence === undefined ? null : Number(row.pence),
  }))
}

/** Every complaint as CSV, header first, ordered by reference, lines ending in \n. */
export async function exportCases(db: Database): Promise<string> {
  return (await exportCaseFile(db)).csv
}

/** The export and how many cases it holds (a quoted value may span lines, so lines are no count). */
export async function exportCaseFile(db: Database): Promise<{ csv: string; cases: number }> {
  const rows = (await caseFacts(db)).map(caseCsvRow)
  const csv = stringify(rows, { header: true, columns: [...caseCsvColumns], record_delimiter: 'unix' })
  return { csv, cases: rows.length }
}
