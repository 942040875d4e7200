// Gathers the facts app/domain/kpis.ts needs for a period, on either engine. Nothing here
// computes a figure: the dashboard, the panel and `report kpis` all call computeKpis on these.
import { and, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { ComplaintCase, Decision } from '~/domain/complaints/case'
import {
  computeKpis,
  computeKpisWithBases,
  factsWindowStart,
  kpiTrend,
  tsmYear,
  type KpiOptions,
  type KpiComplaintFacts,
  type KpiFacts,
  type KpiFigures,
  type KpiFilters,
  type KpiStageFacts,
} from '~/domain/kpis'
import { financialYearStart } from '~/domain/kpis'
import { londonDate, type IsoDate } from '~/domain/working-days'
import {
  commitments,
  compensationAwards,
  complaintStages,
  complaints,
  externalCases,
  externalRequests,
  improvementActions,
  perceptionResponses,
  qaReviews,
  remedies,
  settings,
  staffUsers,
  surveyResponses,
} from '../../db/schema'
import { loadCalendar } from './calendar.server'
import type { Database } from './db.server'

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

type StageTable = ReturnType<typeof alias<typeof complaintStages, string>>

const stageColumns = (s: StageTable) => ({
  startedOn: s.startedOn,
  acknowledgementDue: s.acknowledgementDue,
  acknowledgedOn: s.acknowledgedOn,
  responseDue: s.responseDue,
  extensionWorkingDays: s.extensionWorkingDays,
  extensionsValid: s.extensionsValid,
  respondedOn: s.respondedOn,
  outcome: s.outcome,
  decisionChanged: s.decisionChanged,
})

type StageRow = { [K in keyof ReturnType<typeof stageColumns>]: unknown }

function stageFacts(row: StageRow): KpiStageFacts {
  return {
    startedOn: row.startedOn as IsoDate,
    acknowledgementDue: row.acknowledgementDue as IsoDate,
    acknowledgedOn: (row.acknowledgedOn as IsoDate | null) ?? null,
    responseDue: row.responseDue as IsoDate,
    extensionWorkingDays: Number(row.extensionWorkingDays ?? 0),
    extensionsValid: row.extensionsValid !== false,
    respondedOn: (row.respondedOn as IsoDate | null) ?? null,
    outcome: (row.outcome as Decision | null) ?? null,
    decisionChanged: (row.decisionChanged as boolean | null) ?? null,
  }
}

/** Complaints whose facts a period needs: anything that happened in it, was open at its end, or may be repeated by it. */
async function complaintFacts(db: Database, from: IsoDate, to: IsoDate): Promise<KpiComplaintFacts[]> {
  const s1 = alias(complaintStages, 's1')
  const s2 = alias(complaintStages, 's2')
  const windowStart = factsWindowStart(from)
  // Only residents with two or more complaints in the same category in the window can repeat.
  const repeaters = db
    .select({ residentId: complaints.residentId })
    .from(complaints)
    .where(and(gte(complaints.receivedOn, windowStart), lte(complaints.receivedOn, to)))
    .groupBy(complaints.residentId, complaints.category)
    .having(sql`count(*) > 1`)
  // Records of the period point at complaints that may be quiet in it (a commitment due in May on a
  // complaint closed in March); a filter needs those complaints to know whether the record counts.
  const referenced = sql`(
    select ${commitments.complaintId} from ${commitments} where ${commitments.originalDueOn} between ${from} and ${to}
    union select ${qaReviews.complaintId} from ${qaReviews} where ${qaReviews.reviewedOn} between ${from} and ${to}
    union select ${surveyResponses.complaintId} from ${surveyResponses} where ${surveyResponses.answeredOn} between ${from} and ${to}
    union select ${compensationAwards.complaintId} from ${compensationAwards} where ${compensationAwards.paidOn} between ${financialYearStart(to) < from ? financialYearStart(to) : from} and ${to}
    union select ${improvementActions.complaintId} from ${improvementActions} where ${improvementActions.complaintId} is not null
    union select ${externalCases.complaintId} from ${externalCases} where ${externalCases.complaintId} is not null
  )`
  const rows = await db
    .select({
      id: complaints.id,
      residentId: complaints.residentId,
      category: complaints.category,
      team: staffUsers.team,
      handlerId: complaints.handlerId,
      receivedOn: complaints.receivedOn,
      receivedAt: complaints.receivedAt,
      earlyResolution: complaints.earlyResolution,
      status: complaints.status,
      decline: sql<ComplaintCase['decline']>`${complaints.caseState} -> 'decline'`,
      withdrawnOn: sql<string | null>`${complaints.caseState} -> 'withdrawal' ->> 'on'`,
      s1: stageColumns(s1),
      s2: stageColumns(s2),
    })
    .from(complaints)
    .innerJoin(s1, and(eq(s1.complaintId, complaints.id), eq(s1.stage, 1)))
    .leftJoin(s2, and(eq(s2.complaintId, complaints.id), eq(s2.stage, 2)))
    .leftJoin(staffUsers, eq(staffUsers.id, complaints.handlerId))
    .where(
      and(
        lte(complaints.receivedOn, to),
        or(
          gte(complaints.receivedOn, from),
          isNull(complaints.closedOn),
          gte(complaints.closedOn, from),
          isNull(s1.respondedOn),
          gte(s1.respondedOn, from),
          gte(s2.startedOn, from),
          gte(s2.respondedOn, from),
          and(isNotNull(s2.startedOn), isNull(s2.respondedOn)),
          and(gte(complaints.receivedOn, windowStart), inArray(complaints.residentId, repeaters)),
          sql`${complaints.id} in ${referenced}`,
        ),
      ),
    )
  return rows
    .filter((row) => row.status !== 'resolved_at_first_contact')
    .map((row) => ({
      id: row.id,
      residentId: row.residentId,
      category: row.category,
      team: row.team ?? null,
      handlerId: row.handlerId,
      receivedOn: row.receivedOn,
      receivedAt: new Date(row.receivedAt).toISOString(),
      earlyResolution: row.earlyResolution,
      decline: row.decline ? { stage: row.decline.stage, on: row.decline.on, ground: row.decline.ground } : null,
      withdrawnOn: row.withdrawnOn ?? null,
      nonResident: false,
      splitFrom: null,
      stage1: stageFacts(row.s1),
      // A left-joined group of columns comes back as null when the stage does not exist.
      stage2: (row.s2 as StageRow | null)?.startedOn ? stageFacts(row.s2) : null,
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
    findings: findingsList(k.findings),
    requests: requests.filter((r) => r.caseId === k.id).map((r) => ({ dueOn: r.dueOn, answeredOn: r.answeredOn })),
  }))
}

/** Findings are stored per issue ([{ issue, finding }]) or as a plain list of finding codes. */
function findingsList(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((item) => {
    if (typeof item === 'string') return [item]
    if (item && typeof item === 'object' && 'finding' in item && typeof item.finding === 'string') return [item.finding]
    return []
  })
}

export interface KpiReportOptions {
  from: IsoDate
  to: IsoDate
  homes?: number | null
  filters?: KpiFilters
  runDate?: IsoDate
}

async function prepare(db: Database, options: KpiReportOptions): Promise<{ facts: KpiFacts; kpiOptions: KpiOptions }> {
  const [facts, calendar, reportSettings] = await Promise.all([
    loadKpiFacts(db, options.from, options.to),
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
export async function kpiDashboard(db: Database, options: KpiReportOptions) {
  const { facts, kpiOptions } = await prepare(db, options)
  const figures = computeKpis(facts, kpiOptions)
  const trend = kpiTrend(facts, kpiOptions)
  const year = tsmYear(options.to)
  const tsm =
    year.from === options.from && year.to === options.to
      ? figures
      : await kpiReport(db, { ...options, from: year.from, to: year.to })
  return { figures, trend, tsm, tsmYear: year, homes: kpiOptions.homes }
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
