// Attribution and comparison (issue 7 §7): the rows app/domain/reports.ts needs, the peer benchmark
// import (all or nothing, upsert on landlord and year), and a complaint's contractor and handling
// time — each change audited in the transaction that makes it.
import { parse } from 'csv-parse/sync'
import { and, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm'
import { tsmYear } from '~/domain/kpis'
import {
  cleanContractor,
  complaintHandlingCost,
  contractorReport,
  hourlyCost,
  parseContractorStandards,
  repeatCaseStudies,
  validateBenchmarkRecords,
  benchmarkFigures,
  tsmYearStart,
  type BenchmarkProblem,
  type RepeatComplaintRow,
} from '~/domain/reports'
import { subtractCalendarMonths } from '~/domain/complaints/decline'
import type { IsoDate } from '~/domain/working-days'
import {
  commitments,
  compensationAwards,
  complaintStages,
  complaints,
  peerBenchmarks,
  remedies,
  settings,
} from '../../db/schema'
import { recordAudit } from './audit.server'
import { loadCalendar } from './calendar.server'
import type { Database } from './db.server'
import { kpiReport, loadReportSettings } from './kpis.server'
import { claimSubmission } from './submissions.server'

async function settingValue(db: Database, key: string): Promise<unknown> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key))
  return row?.value
}

/** `report.hourlyCostPence`: its own key, or the field of the `report` setting; £30 by default. */
export async function loadHourlyCostPence(db: Database): Promise<number> {
  const own = await settingValue(db, 'report.hourlyCostPence')
  if (own !== undefined) return hourlyCost(own)
  const report = (await settingValue(db, 'report')) as { hourlyCostPence?: unknown } | undefined
  return hourlyCost(report?.hourlyCostPence)
}

/** Financial payments: compensation awards paid, and financial remedies paid as recorded in responses. */
async function paymentsBetween(db: Database, from: IsoDate, to: IsoDate) {
  const [awards, remedyRows] = await Promise.all([
    db
      .select({
        complaintId: compensationAwards.complaintId,
        contractor: sql<string | null>`coalesce(${compensationAwards.contractor}, ${complaints.contractor})`,
        paidOn: compensationAwards.paidOn,
        amountPence: compensationAwards.amountPence,
      })
      .from(compensationAwards)
      .innerJoin(complaints, eq(complaints.id, compensationAwards.complaintId))
      .where(and(gte(compensationAwards.paidOn, from), lte(compensationAwards.paidOn, to))),
    db
      .select({
        complaintId: remedies.complaintId,
        contractor: complaints.contractor,
        paidOn: remedies.paidOn,
        amountPence: remedies.amountPence,
      })
      .from(remedies)
      .innerJoin(complaints, eq(complaints.id, remedies.complaintId))
      .where(
        and(
          eq(remedies.type, 'financial'),
          isNotNull(remedies.amountPence),
          gte(remedies.paidOn, from),
          lte(remedies.paidOn, to),
        ),
      ),
  ])
  return [...awards, ...remedyRows].flatMap((p) =>
    p.paidOn && p.amountPence != null ? [{ ...p, paidOn: p.paidOn, amountPence: p.amountPence }] : [],
  )
}

export async function contractorFigures(db: Database, o: { from: IsoDate; to: IsoDate; runDate: IsoDate }) {
  const [stageRows, commitmentRows, payments, calendar, standards] = await Promise.all([
    db
      .select({
        contractor: complaints.contractor,
        receivedOn: complaints.receivedOn,
        decline: sql<{ stage?: number } | null>`${complaints.caseState} -> 'decline'`,
        startedOn: complaintStages.startedOn,
        responseDue: complaintStages.responseDue,
        extensionWorkingDays: complaintStages.extensionWorkingDays,
        extensionsValid: complaintStages.extensionsValid,
        respondedOn: complaintStages.respondedOn,
        outcome: complaintStages.outcome,
      })
      .from(complaints)
      .innerJoin(complaintStages, and(eq(complaintStages.complaintId, complaints.id), eq(complaintStages.stage, 1)))
      .where(
        and(
          isNotNull(complaints.contractor),
          sql`(${complaints.receivedOn} between ${o.from} and ${o.to} or ${complaintStages.respondedOn} between ${o.from} and ${o.to})`,
        ),
      ),
    db
      .select({
        contractor: sql<string | null>`coalesce(${commitments.contractor}, ${complaints.contractor})`,
        originalDueOn: commitments.originalDueOn,
        completedOn: commitments.completedOn,
        status: commitments.status,
        cancelApprovedBy: commitments.cancelApprovedBy,
      })
      .from(commitments)
      .innerJoin(complaints, eq(complaints.id, commitments.complaintId))
      .where(and(gte(commitments.originalDueOn, o.from), lte(commitments.originalDueOn, o.to))),
    paymentsBetween(db, o.from, o.to),
    loadCalendar(db),
    settingValue(db, 'contractors.standards'),
  ])
  return contractorReport(
    {
      stages: stageRows.flatMap((row) =>
        row.contractor
          ? [
              {
                ...row,
                contractor: row.contractor,
                declinedAtStage1: Number(row.decline?.stage) === 1,
                extensionsValid: row.extensionsValid !== false,
              },
            ]
          : [],
      ),
      commitments: commitmentRows.flatMap((row) =>
        row.contractor
          ? [{ ...row, contractor: row.contractor, cancellationApproved: row.cancelApprovedBy != null }]
          : [],
      ),
      payments: payments.flatMap((p) => (p.contractor ? [{ ...p, contractor: p.contractor }] : [])),
      standards: parseContractorStandards(standards),
    },
    { ...o, nonWorkingDays: calendar.nonWorkingDays },
  )
}

/** The period's complaints (received in it): handling time at the hourly cost plus compensation paid on them. */
export async function handlingCost(db: Database, o: { from: IsoDate; to: IsoDate }) {
  const [cases, payments, hourlyCostPence] = await Promise.all([
    db
      .select({
        complaintId: complaints.id,
        serviceArea: complaints.category,
        handlingMinutes: complaints.handlingMinutes,
      })
      .from(complaints)
      .where(and(gte(complaints.receivedOn, o.from), lte(complaints.receivedOn, o.to))),
    // Whenever paid, on complaints received in the period (none can be paid before it starts).
    paymentsBetween(db, o.from, '9999-12-31'),
    loadHourlyCostPence(db),
  ])
  const ids = new Set(cases.map((c) => c.complaintId))
  return {
    hourlyCostPence,
    ...complaintHandlingCost(
      cases,
      payments.filter((p) => ids.has(p.complaintId)),
      hourlyCostPence,
    ),
  }
}

/** The top repeat complainants of the 12 months to `today`, as anonymised case studies. */
export async function repeatComplainants(db: Database, today: IsoDate, limit = 10) {
  const from = subtractCalendarMonths(today, 12)
  const repeaters = db
    .select({ residentId: complaints.residentId })
    .from(complaints)
    .where(and(gte(complaints.receivedOn, from), lte(complaints.receivedOn, today)))
    .groupBy(complaints.residentId)
    .having(sql`count(*) >= 2`)
  const rows = await db
    .select({
      id: complaints.id,
      residentId: complaints.residentId,
      serviceArea: complaints.category,
      receivedOn: complaints.receivedOn,
      stage: complaintStages.stage,
      respondedOn: complaintStages.respondedOn,
      outcome: complaintStages.outcome,
    })
    .from(complaints)
    .leftJoin(complaintStages, eq(complaintStages.complaintId, complaints.id))
    .where(
      and(
        gte(complaints.receivedOn, from),
        lte(complaints.receivedOn, today),
        inArray(complaints.residentId, repeaters),
      ),
    )
  const byComplaint = new Map<string, RepeatComplaintRow>()
  for (const row of rows) {
    const existing = byComplaint.get(row.id)
    const stage = row.stage === 2 ? 2 : 1
    const outcome = row.respondedOn ? row.outcome : null
    if (!existing) {
      byComplaint.set(row.id, {
        residentId: row.residentId,
        serviceArea: row.serviceArea,
        receivedOn: row.receivedOn,
        stageReached: stage,
        outcome,
      })
    } else if (stage >= existing.stageReached) {
      existing.stageReached = stage
      existing.outcome = outcome ?? (stage === 2 ? null : existing.outcome)
    }
  }
  return { from, to: today, studies: repeatCaseStudies([...byComplaint.values()], { from, to: today, limit }) }
}

// ---- Peer benchmark -----------------------------------------------------------------------------

/** Parses CSV text into records with the line each starts on (blank lines skipped). */
export function parseBenchmarkCsv(
  text: string,
): { ok: true; records: Array<{ line: number; fields: string[] }> } | { ok: false; problems: BenchmarkProblem[] } {
  let parsed: string[][]
  try {
    parsed = parse(text, { bom: true, relax_column_count: true, record_delimiter: ['\r\n', '\n'] })
  } catch (error) {
    const line = error instanceof Error && 'lines' in error && typeof error.lines === 'number' ? error.lines : 1
    return { ok: false, problems: [{ line, key: 'staff-errors:reports.csv.unreadable' }] }
  }
  const records: Array<{ line: number; fields: string[] }> = []
  let line = 1
  for (const fields of parsed) {
    const start = line
    line += 1 + fields.reduce((breaks, field) => breaks + (field.match(/\n/g)?.length ?? 0), 0)
    if (fields.every((field) => field.trim() === '')) continue
    records.push({ fields, line: start })
  }
  return { ok: true, records }
}

/** All or nothing: every row valid, then every row upserted on (landlord, year) in one transaction. */
export async function importBenchmarks(
  db: Database,
  input: { csv: string; staffId: string; requestId?: string | null },
): Promise<{ ok: true; imported: number } | { ok: false; problems: BenchmarkProblem[] }> {
  const parsed = parseBenchmarkCsv(input.csv)
  if (!parsed.ok) return parsed
  const checked = validateBenchmarkRecords(parsed.records)
  if (!checked.ok) return checked
  await db.transaction(async (tx) => {
    for (const row of checked.rows) {
      await tx
        .insert(peerBenchmarks)
        .values({ landlord: row.landlord, year: row.year, homes: row.homes, figures: row.figures })
        .onConflictDoUpdate({
          target: [peerBenchmarks.landlord, peerBenchmarks.year],
          set: { homes: row.homes, figures: row.figures },
        })
    }
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'benchmark.imported',
      entityType: 'peer_benchmarks',
      entityId: [...new Set(checked.rows.map((row) => row.year))].sort().join(','),
      after: { rows: checked.rows.length, landlords: checked.rows.map((row) => `${row.landlord} ${row.year}`) },
      requestId: input.requestId,
    })
  })
  return { ok: true, imported: checked.rows.length }
}

/** Ours for a reporting year beside every peer's: CH01 per 1,000 homes and CH02 within the Code. */
export async function benchmarkComparison(db: Database, year: string, runDate: IsoDate) {
  const period = tsmYear(tsmYearStart(year))
  const [figures, reportSettings, peers, years] = await Promise.all([
    kpiReport(db, { from: period.from, to: period.to, runDate }),
    loadReportSettings(db),
    db.select().from(peerBenchmarks).where(eq(peerBenchmarks.year, year)).orderBy(peerBenchmarks.landlord),
    db.selectDistinct({ year: peerBenchmarks.year }).from(peerBenchmarks).orderBy(peerBenchmarks.year),
  ])
  return {
    period,
    years: years.map((row) => row.year),
    ours: {
      homes: reportSettings.homes,
      figures: {
        stage1Per1000: figures.ch01Stage1Per1000,
        stage2Per1000: figures.ch01Stage2Per1000,
        stage1WithinCodePct: figures.stage1WithinCodePct,
        stage2WithinCodePct: figures.stage2WithinCodePct,
      },
    },
    peers: peers.map((row) => ({ landlord: row.landlord, homes: row.homes, figures: benchmarkFigures(row.figures) })),
  }
}

// ---- A complaint's contractor and handling time -------------------------------------------------

export async function loadAttribution(db: Database, reference: string) {
  const [row] = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      contractor: complaints.contractor,
      handlingMinutes: complaints.handlingMinutes,
    })
    .from(complaints)
    .where(eq(complaints.reference, reference))
  return row ?? null
}

/** Contractors already used, for the page's hint. */
export async function knownContractors(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ contractor: complaints.contractor })
    .from(complaints)
    .where(isNotNull(complaints.contractor))
    .orderBy(complaints.contractor)
  return rows.flatMap((row) => (row.contractor ? [row.contractor] : [])).slice(0, 50)
}

/**
 * Sets (or clears) the contractor and adds handling minutes, audited; a form posted twice with the
 * same key changes nothing the second time.
 */
export async function saveAttribution(
  db: Database,
  input: {
    reference: string
    contractor: string | null
    addMinutes: number
    submissionKey: string
    staffId: string
    requestId?: string | null
  },
): Promise<'saved' | 'replayed' | 'not_found'> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: complaints.id, contractor: complaints.contractor, handlingMinutes: complaints.handlingMinutes })
      .from(complaints)
      .where(eq(complaints.reference, input.reference))
      .for('update')
    if (!row) return 'not_found'
    if (!(await claimSubmission(tx, 'attribution', input.submissionKey))) return 'replayed'
    const contractor = cleanContractor(input.contractor)
    const handlingMinutes = row.handlingMinutes + input.addMinutes
    if (contractor === row.contractor && input.addMinutes === 0) return 'saved'
    await tx
      .update(complaints)
      .set({ contractor, handlingMinutes, updatedAt: new Date() })
      .where(eq(complaints.id, row.id))
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'complaint.attribution_recorded',
      entityType: 'complaint',
      entityId: row.id,
      before: { contractor: row.contractor, handlingMinutes: row.handlingMinutes },
      after: { contractor, handlingMinutes, addedMinutes: input.addMinutes },
      requestId: input.requestId,
    })
    return 'saved'
  })
}
