// Gathers the facts app/domain/kpis.ts needs for a period, on either engine. Nothing here
// computes a figure: the dashboard, the panel and `report kpis` all call computeKpis on these.
import { and, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm'
import type { Decision } from '~/domain/complaints/case'
import { findingsFrom } from '~/domain/external-cases'
import {
  computeKpis,
  computeKpisWithBases,
  factsWindowStart,
  financialYearStart,
  kpiTrendMonths,
  tsmYear,
  type KpiOptions,
  type KpiComplaintFacts,
  type KpiFacts,
  type KpiFigures,
  type KpiFilters,
} from '~/domain/kpis'
import { notAChange, snapshotKey, snapshotUse, type SnapshotPolicy } from '~/domain/kpi-snapshot'
import { londonDate, type IsoDate } from '~/domain/working-days'
import {
  auditEvents,
  commitments,
  compensationAwards,
  complaintStages,
  complaints,
  externalCases,
  externalRequests,
  improvementActions,
  kpiSnapshots,
  perceptionResponses,
  qaReviews,
  remedies,
  settings,
  staffUsers,
  surveyResponses,
} from '../../db/schema'
import { loadCalendar } from './calendar.server'
import { executeRows } from '../../db/client'
import type { Database } from './db.server'
import { log } from './log.server'

export interface ReportSettings {
  /** Homes owned (CH01), from the `report` setting or `--homes`. */
  homes: number | null
  /** Compensation budget per financial year, in pence, keyed by the year it starts ("2026"). */
  compensationBudgets: Record<string, number>
  qaPassMark: number
}

export async function loadReportSettings(db: Database): Promise<ReportSettings> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, ['report', 'compensation.budget', 'qa.passMark']))
  const value = (key: string) => rows.find((row) => row.key === key)?.value
  const report = (value('report') ?? {}) as { homes?: number }
  const budget = (value('compensation.budget') ?? {}) as Record<string, number>
  const passMark = value('qa.passMark')
  return {
    homes: typeof report.homes === 'number' ? report.homes : null,
    compensationBudgets: budget,
    qaPassMark: typeof passMark === 'number' ? passMark : 95,
  }
}

/**
 * Complaints whose facts a period needs: anything that happened in it, was open at its end, may be
 * repeated by it, or is pointed at by one of its records (a commitment due in May on a complaint
 * closed in March). Raw SQL with flat text columns: a year of 100,000 cases maps several times
 * faster than through the query builder's nested objects. Repeat complainants are a hash join, not
 * `in (subquery)`: at a million cases that list outgrows work_mem and the subquery was scanned once
 * per complaint (140 s for a year).
 */
export function complaintFactsQuery(from: IsoDate, to: IsoDate): SQL {
  const windowStart = factsWindowStart(from)
  const paidFrom = financialYearStart(to) < from ? financialYearStart(to) : from
  return sql`
    select c.id::text as "id", c.resident_id::text as "residentId", c.category as "category", su.team as "team",
      c.handler_id::text as "handlerId", c.received_on::text as "receivedOn",
      to_char(c.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as "receivedAt",
      c.early_resolution as "earlyResolution",
      (c.case_state -> 'decline' ->> 'stage')::int as "declineStage",
      c.case_state -> 'decline' ->> 'on' as "declinedOn",
      c.case_state -> 'decline' ->> 'ground' as "declineGround",
      c.case_state -> 'withdrawal' ->> 'on' as "withdrawnOn",
      s1.started_on::text as "s1StartedOn", s1.acknowledgement_due::text as "s1AckDue",
      s1.acknowledged_on::text as "s1AckOn", s1.response_due::text as "s1Due",
      s1.extension_working_days as "s1Ext", s1.extensions_valid as "s1ExtValid",
      s1.responded_on::text as "s1RespondedOn", s1.outcome as "s1Outcome",
      s2.started_on::text as "s2StartedOn", s2.acknowledgement_due::text as "s2AckDue",
      s2.acknowledged_on::text as "s2AckOn", s2.response_due::text as "s2Due",
      s2.extension_working_days as "s2Ext", s2.extensions_valid as "s2ExtValid",
      s2.responded_on::text as "s2RespondedOn", s2.outcome as "s2Outcome", s2.decision_changed as "s2DecisionChanged"
    from ${complaints} c
    join ${complaintStages} s1 on s1.complaint_id = c.id and s1.stage = 1
    left join ${complaintStages} s2 on s2.complaint_id = c.id and s2.stage = 2
    left join ${staffUsers} su on su.id = c.handler_id
    left join (
      select distinct resident_id from ${complaints} where received_on between ${windowStart} and ${to}
      group by resident_id, category having count(*) > 1) rep on rep.resident_id = c.resident_id
    where c.received_on <= ${to}
      and c.status <> 'resolved_at_first_contact'
      and (
        c.received_on >= ${from}
        or c.closed_on is null or c.closed_on >= ${from}
        or s1.responded_on is null or s1.responded_on >= ${from}
        or s2.started_on >= ${from} or s2.responded_on >= ${from}
        or (s2.started_on is not null and s2.responded_on is null)
        or (c.received_on >= ${windowStart} and rep.resident_id is not null)
        or c.id in (
          select complaint_id from ${commitments} where original_due_on between ${from} and ${to}
          union select complaint_id from ${qaReviews} where reviewed_on between ${from} and ${to}
          union select complaint_id from ${surveyResponses} where answered_on between ${from} and ${to}
          union select complaint_id from ${compensationAwards} where paid_on between ${paidFrom} and ${to}
          union select complaint_id from ${improvementActions} where complaint_id is not null
          union select complaint_id from ${externalCases} where complaint_id is not null)
      )`
}

interface FactsRow extends Record<string, unknown> {
  id: string
  residentId: string
  category: string
  team: string | null
  handlerId: string | null
  receivedOn: string
  receivedAt: string
  earlyResolution: boolean
  declineStage: number | null
  declinedOn: string | null
  declineGround: string | null
  withdrawnOn: string | null
  s1StartedOn: string
  s1AckDue: string
  s1AckOn: string | null
  s1Due: string
  s1Ext: number
  s1ExtValid: boolean
  s1RespondedOn: string | null
  s1Outcome: string | null
  s2StartedOn: string | null
  s2AckDue: string | null
  s2AckOn: string | null
  s2Due: string | null
  s2Ext: number | null
  s2ExtValid: boolean | null
  s2RespondedOn: string | null
  s2Outcome: string | null
  s2DecisionChanged: boolean | null
}

async function complaintFacts(db: Database, from: IsoDate, to: IsoDate): Promise<KpiComplaintFacts[]> {
  const rows = await executeRows<FactsRow>(db, complaintFactsQuery(from, to))
  return rows.map((row) => ({
    id: row.id,
    residentId: row.residentId,
    category: row.category,
    team: row.team,
    handlerId: row.handlerId,
    receivedOn: row.receivedOn,
    receivedAt: row.receivedAt,
    earlyResolution: row.earlyResolution,
    decline:
      row.declinedOn && (row.declineStage === 1 || row.declineStage === 2)
        ? { stage: row.declineStage, on: row.declinedOn, ground: row.declineGround ?? 'other' }
        : null,
    withdrawnOn: row.withdrawnOn,
    nonResident: false,
    splitFrom: null,
    stage1: {
      startedOn: row.s1StartedOn,
      acknowledgementDue: row.s1AckDue,
      acknowledgedOn: row.s1AckOn,
      responseDue: row.s1Due,
      extensionWorkingDays: row.s1Ext,
      extensionsValid: row.s1ExtValid,
      respondedOn: row.s1RespondedOn,
      outcome: row.s1Outcome as Decision | null,
      decisionChanged: null,
    },
    stage2:
      row.s2StartedOn && row.s2AckDue && row.s2Due
        ? {
            startedOn: row.s2StartedOn,
            acknowledgementDue: row.s2AckDue,
            acknowledgedOn: row.s2AckOn,
            responseDue: row.s2Due,
            extensionWorkingDays: row.s2Ext ?? 0,
            extensionsValid: row.s2ExtValid !== false,
            respondedOn: row.s2RespondedOn,
            outcome: row.s2Outcome as Decision | null,
            decisionChanged: row.s2DecisionChanged,
          }
        : null,
  }))
}

export async function loadKpiFacts(db: Database, from: IsoDate, to: IsoDate): Promise<KpiFacts> {
  const yearStart = financialYearStart(to) < from ? financialYearStart(to) : from
  const [
    complaintRows,
    commitmentRows,
    reviewRows,
    surveyRows,
    remedyRows,
    awardRows,
    external,
    improvements,
    perception,
  ] = await Promise.all([
    complaintFacts(db, from, to),
    db
      .select({
        complaintId: commitments.complaintId,
        stage: commitments.stage,
        originalDueOn: commitments.originalDueOn,
        completedOn: commitments.completedOn,
        status: commitments.status,
        cancelApprovedBy: commitments.cancelApprovedBy,
      })
      .from(commitments)
      .where(and(gte(commitments.originalDueOn, from), lte(commitments.originalDueOn, to))),
    db
      .select({
        complaintId: qaReviews.complaintId,
        reviewedOn: qaReviews.reviewedOn,
        scoreTenths: qaReviews.scoreTenths,
        criticalFail: qaReviews.criticalFail,
      })
      .from(qaReviews)
      .where(and(gte(qaReviews.reviewedOn, from), lte(qaReviews.reviewedOn, to))),
    db
      .select({
        complaintId: surveyResponses.complaintId,
        question: surveyResponses.question,
        answer: surveyResponses.answer,
        answeredOn: surveyResponses.answeredOn,
      })
      .from(surveyResponses)
      .where(and(gte(surveyResponses.answeredOn, from), lte(surveyResponses.answeredOn, to))),
    db
      .select({ complaintId: remedies.complaintId, paidOn: remedies.paidOn, amountPence: remedies.amountPence })
      .from(remedies)
      .where(
        and(
          eq(remedies.type, 'financial'),
          isNotNull(remedies.amountPence),
          gte(remedies.paidOn, yearStart),
          lte(remedies.paidOn, to),
        ),
      ),
    db
      .select({
        complaintId: compensationAwards.complaintId,
        paidOn: compensationAwards.paidOn,
        amountPence: compensationAwards.amountPence,
        ombudsmanOrdered: compensationAwards.ombudsmanOrdered,
      })
      .from(compensationAwards)
      .where(and(gte(compensationAwards.paidOn, yearStart), lte(compensationAwards.paidOn, to))),
    ombudsmanFacts(db),
    db
      .select({
        complaintId: improvementActions.complaintId,
        kind: improvementActions.kind,
        dueOn: improvementActions.dueOn,
        completedOn: improvementActions.completedOn,
        status: improvementActions.status,
      })
      .from(improvementActions),
    db
      .select()
      .from(perceptionResponses)
      .where(and(gte(perceptionResponses.surveyedOn, from), lte(perceptionResponses.surveyedOn, to))),
  ])
  return {
    complaints: complaintRows,
    commitments: commitmentRows.map((row) => ({
      complaintId: row.complaintId,
      stage: row.stage === 2 ? 2 : 1,
      originalDueOn: row.originalDueOn,
      completedOn: row.completedOn,
      status: row.status as KpiFacts['commitments'][number]['status'],
      cancellationApproved: row.cancelApprovedBy != null,
    })),
    qaReviews: reviewRows.flatMap((row) =>
      row.reviewedOn && row.scoreTenths != null
        ? [
            {
              complaintId: row.complaintId,
              reviewedOn: row.reviewedOn,
              score: row.scoreTenths / 10,
              criticalFail: row.criticalFail === true,
            },
          ]
        : [],
    ),
    surveyAnswers: surveyRows.flatMap((row) =>
      row.question === 'handling' || row.question === 'outcome' ? [{ ...row, question: row.question }] : [],
    ),
    // A financial remedy paid as imported, or an award paid through the compensation workflow.
    payments: [
      ...remedyRows.flatMap((row) =>
        row.paidOn && row.amountPence != null
          ? [
              {
                complaintId: row.complaintId,
                paidOn: row.paidOn,
                amountPence: row.amountPence,
                ombudsmanOrdered: false,
              },
            ]
          : [],
      ),
      ...awardRows.flatMap((row) => (row.paidOn ? [{ ...row, paidOn: row.paidOn }] : [])),
    ],
    ombudsmanCases: external,
    improvements,
    perception: perception.map((row) => ({
      surveyedOn: row.surveyedOn,
      complainedLast12Months: row.complainedLast12Months,
      answer: row.answer,
    })),
  }
}

async function ombudsmanFacts(db: Database): Promise<KpiFacts['ombudsmanCases']> {
  const cases = await db
    .select({
      id: externalCases.id,
      complaintId: externalCases.complaintId,
      openedOn: externalCases.openedOn,
      determinedOn: externalCases.determinedOn,
      findings: externalCases.findings,
    })
    .from(externalCases)
    .where(inArray(externalCases.kind, ['ombudsman_enquiry', 'ombudsman_investigation']))
  if (cases.length === 0) return []
  const requests = await db
    .select({ caseId: externalRequests.caseId, dueOn: externalRequests.dueOn, answeredOn: externalRequests.answeredOn })
    .from(externalRequests)
    .where(inArray(externalRequests.kind, ['evidence', 'information', 'instruction_to_respond']))
  return cases.map((k) => ({
    complaintId: k.complaintId,
    openedOn: k.openedOn,
    determinedOn: k.determinedOn,
    findings: findingsFrom(k.findings).map((f) => f.finding),
    requests: requests.filter((r) => r.caseId === k.id).map((r) => ({ dueOn: r.dueOn, answeredOn: r.answeredOn })),
  }))
}

export interface KpiReportOptions {
  from: IsoDate
  to: IsoDate
  homes?: number | null
  filters?: KpiFilters
  runDate?: IsoDate
}

async function prepare(
  db: Database,
  options: KpiReportOptions,
  /** Load facts for a wider range than the period, to compute several periods from one load. */
  range: { from: IsoDate; to: IsoDate } = options,
): Promise<{ facts: KpiFacts; kpiOptions: KpiOptions }> {
  const [facts, calendar, reportSettings] = await Promise.all([
    loadKpiFacts(db, range.from, range.to),
    loadCalendar(db),
    loadReportSettings(db),
  ])
  const kpiOptions: KpiOptions = {
    from: options.from,
    to: options.to,
    runDate: options.runDate ?? londonDate(new Date()),
    calendar,
    homes: options.homes ?? reportSettings.homes,
    compensationBudgetPence: reportSettings.compensationBudgets[financialYearStart(options.to).slice(0, 4)] ?? null,
    qaPassMark: reportSettings.qaPassMark,
    filters: options.filters,
  }
  return { facts, kpiOptions }
}

/** The figures for a period, exactly as the dashboard shows them and `report kpis` prints them. */
export async function kpiReport(db: Database, options: KpiReportOptions): Promise<KpiFigures> {
  const { facts, kpiOptions } = await prepare(db, options)
  return computeKpis(facts, kpiOptions)
}

/** The figures with the bases of their rates, for published (suppressed) tables. */
export async function kpiReportWithBases(db: Database, options: KpiReportOptions) {
  const { facts, kpiOptions } = await prepare(db, options)
  return computeKpisWithBases(facts, kpiOptions)
}

/** The dashboard: the period's figures, the same month by month, and the TSM year's. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

export async function kpiDashboard(db: Database, options: KpiReportOptions) {
  const year = tsmYear(options.to)
  // One load serves the period, its months and the TSM reporting year: facts for a wider range
  // are a superset, and each figure takes only what falls in its own period.
  const { facts, kpiOptions } = await prepare(db, options, {
    from: year.from < options.from ? year.from : options.from,
    to: year.to > options.to ? year.to : options.to,
  })
  // Seconds of arithmetic at a million cases: the event loop turns between the parts, so the pages
  // this instance serves meanwhile wait for one part at most, not for all of them.
  const figures = computeKpis(facts, kpiOptions)
  const trend: Array<{ month: string; figures: KpiFigures }> = []
  for (const month of kpiTrendMonths(facts, kpiOptions)) {
    await nextTurn()
    trend.push(month)
  }
  await nextTurn()
  const sameYear = year.from === options.from && year.to === options.to
  const tsm = sameYear ? figures : computeKpis(facts, { ...kpiOptions, from: year.from, to: year.to })
  return { figures, trend, tsm, tsmYear: year, homes: kpiOptions.homes }
}

export type KpiDashboard = Awaited<ReturnType<typeof kpiDashboard>>

export interface KeptDashboard extends KpiDashboard {
  /** When the facts these figures come from were read. */
  computedAt: Date
  /** Cases have changed since: newer figures are on their way (see app/domain/kpi-snapshot.ts). */
  changedSince: boolean
  tookMs: number
}

/** The newest audit event that changed something (looks and sign-ins aside): the primary key, backwards. */
async function dataVersion(db: Database): Promise<number> {
  const patterns = sql.join(
    notAChange.map((pattern) => sql`${pattern}`),
    sql`, `,
  )
  const [row] = await executeRows<{ version: string }>(
    db,
    sql`select ${auditEvents.id}::text as "version" from ${auditEvents}
      where not (${auditEvents.action} like any (array[${patterns}]::text[]))
      order by ${auditEvents.id} desc limit 1`,
  )
  return Number(row?.version ?? 0)
}

/** Works the dashboard out and keeps it; an older computation never replaces a newer one. */
async function workOutAndKeep(db: Database, key: string, options: KpiReportOptions, now: Date) {
  const started = performance.now()
  // Read before the facts: a change made while they are being read makes these figures stale.
  const version = await dataVersion(db)
  const dashboard = await kpiDashboard(db, options)
  const tookMs = Math.round(performance.now() - started)
  const values = { dataVersion: version, computedAt: now, tookMs, body: dashboard }
  await db
    .insert(kpiSnapshots)
    .values({ key, ...values })
    .onConflictDoUpdate({
      target: kpiSnapshots.key,
      set: values,
      setWhere: sql`${kpiSnapshots.computedAt} <= ${now.toISOString()}::timestamptz`,
    })
  // Figures for earlier days are never shown again ("overdue today" is part of the key).
  await db
    .delete(kpiSnapshots)
    .where(sql`${kpiSnapshots.computedAt} < ${new Date(now.getTime() - 2 * 86_400_000).toISOString()}::timestamptz`)
  return { ...dashboard, computedAt: now, changedSince: false, tookMs }
}

const refreshing = new Map<string, Promise<unknown>>()

/** Where a refresh a page asked for is worked out, when not in this process: see `refreshDashboardsElsewhere`. */
/** A view's options with the day it is for: what a kept dashboard is keyed by. */
export type DatedKpiOptions = KpiReportOptions & { runDate: IsoDate }
type RefreshElsewhere = (key: string, options: DatedKpiOptions) => Promise<void>
let elsewhere: RefreshElsewhere | null = null

/**
 * An instance that serves pages but runs no jobs (PUTRIGHT_WORKER=0) hands the refreshes its pages
 * ask for to the instances that do: at a million cases, working a year out holds the event loop for
 * a second or two, and every page this instance is serving would wait. `null` works them out here.
 */
export function refreshDashboardsElsewhere(schedule: RefreshElsewhere | null): void {
  elsewhere = schedule
}

/** What a job handed a refresh does: works the figures out now and keeps them. */
export async function refreshKeptDashboard(db: Database, options: DatedKpiOptions, now = new Date()) {
  await workOutAndKeep(db, snapshotKey(options), options, now)
}

/**
 * The dashboard as last worked out while nothing has changed since, or for a short while after a
 * change (marked, and refreshed in the background); otherwise worked out now. `force`: now, always.
 */
export async function keptKpiDashboard(
  db: Database,
  options: KpiReportOptions,
  { force = false, now = new Date(), policy }: { force?: boolean; now?: Date; policy?: SnapshotPolicy } = {},
): Promise<KeptDashboard> {
  const withDate = { ...options, runDate: options.runDate ?? londonDate(now) }
  const key = snapshotKey(withDate)
  if (force) return workOutAndKeep(db, key, withDate, now)
  const [version, [kept]] = await Promise.all([
    dataVersion(db),
    db.select().from(kpiSnapshots).where(eq(kpiSnapshots.key, key)),
  ])
  const use = snapshotUse(kept ?? null, version, now, policy)
  if (use === 'recompute' || !kept) return workOutAndKeep(db, key, withDate, now)
  if (use === 'refresh' && elsewhere) {
    void elsewhere(key, withDate).catch((error: unknown) =>
      log.warn('dashboard refresh could not be handed on', { error: String(error) }),
    )
  } else if (use === 'refresh' && !refreshing.has(key)) {
    const refresh = workOutAndKeep(db, key, withDate, now)
      .catch((error: unknown) => log.warn('dashboard refresh failed', { error: String(error) }))
      .finally(() => refreshing.delete(key))
    refreshing.set(key, refresh)
  }
  return {
    ...(kept.body as KpiDashboard),
    computedAt: kept.computedAt,
    changedSince: use !== 'current',
    tookMs: kept.tookMs,
  }
}

/**
 * Keeps the dashboard's first view (this financial year, no filters) fresh every few minutes, so
 * nobody waits while it is worked out, however busy the day.
 */
export async function refreshDefaultDashboard(db: Database, now = new Date()): Promise<void> {
  const today = londonDate(now)
  await keptKpiDashboard(db, { from: financialYearStart(today), to: today }, { now })
  await dashboardRefreshes()
}

/** Background refreshes still running (tests and shutdown wait for them). */
export function dashboardRefreshes(): Promise<unknown> {
  return Promise.all(refreshing.values())
}

/** Teams handlers belong to, for the dashboard's filter. */
export async function staffTeams(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ team: staffUsers.team })
    .from(staffUsers)
    .where(isNotNull(staffUsers.team))
    .orderBy(staffUsers.team)
  return rows.flatMap((row) => (row.team ? [row.team] : []))
}
