// The monthly report pack's figures: the KPI module's facts loaded once for the twelve months to
// the end of the month, then the month, the financial year to date and the trend worked out from
// them with the same pure functions as the dashboard; plus commitments and the Ombudsman spotlight.
import { inArray } from 'drizzle-orm'
import { computeKpis, financialYearStart, kpiTrend, type KpiFigures, type KpiOptions } from '~/domain/kpis'
import {
  commitmentsAt,
  monthRange,
  monthsBefore,
  ombudsmanSpotlight,
  recurringIssues,
  stage2Drivers,
} from '~/domain/report-pack'
import { londonDate, type IsoDate } from '~/domain/working-days'
import { commitments, externalCases, externalRequests } from '../../db/schema'
import { loadCalendar } from './calendar.server'
import type { Database } from './db.server'
import { loadKpiFacts, loadReportSettings } from './kpis.server'

export interface ReportPack {
  month: { from: IsoDate; to: IsoDate }
  yearToDate: { from: IsoDate; to: IsoDate }
  figures: KpiFigures
  yearFigures: KpiFigures
  trend: Array<{ month: string; figures: KpiFigures }>
  drivers: ReturnType<typeof stage2Drivers>
  recurring: ReturnType<typeof recurringIssues>
  commitments: ReturnType<typeof commitmentsAt>
  spotlight: ReturnType<typeof ombudsmanSpotlight>
}

export async function reportPack(db: Database, input: { month: string; today: IsoDate }): Promise<ReportPack> {
  const month = monthRange(input.month)
  const trendFrom = monthRange(monthsBefore(input.month, 11)).from
  const yearToDate = { from: financialYearStart(month.to), to: month.to }
  const [facts, calendar, settings, commitmentRows, cases] = await Promise.all([
    // The financial year starts within the twelve months, so these facts serve all three periods.
    loadKpiFacts(db, trendFrom, month.to),
    loadCalendar(db),
    loadReportSettings(db),
    db
      .select({
        status: commitments.status,
        dueOn: commitments.dueOn,
        completedOn: commitments.completedOn,
        createdAt: commitments.createdAt,
      })
      .from(commitments),
    db
      .select({
        id: externalCases.id,
        kind: externalCases.kind,
        complaintId: externalCases.complaintId,
        openedOn: externalCases.openedOn,
        determinedOn: externalCases.determinedOn,
        findings: externalCases.findings,
      })
      .from(externalCases)
      .where(inArray(externalCases.kind, ['ombudsman_enquiry', 'ombudsman_investigation'])),
  ])
  const requests =
    cases.length === 0
      ? []
      : await db
          .select({
            caseId: externalRequests.caseId,
            kind: externalRequests.kind,
            dueOn: externalRequests.dueOn,
            answeredOn: externalRequests.answeredOn,
          })
          .from(externalRequests)
          .where(inArray(externalRequests.kind, ['order', 'recommendation']))
  const options = (from: IsoDate, to: IsoDate): KpiOptions => ({
    from,
    to,
    runDate: input.today,
    calendar,
    homes: settings.homes,
    compensationBudgetPence: settings.compensationBudgets[financialYearStart(to).slice(0, 4)] ?? null,
    qaPassMark: settings.qaPassMark,
  })
  return {
    month,
    yearToDate,
    figures: computeKpis(facts, options(month.from, month.to)),
    yearFigures: computeKpis(facts, options(yearToDate.from, yearToDate.to)),
    trend: kpiTrend(facts, options(trendFrom, month.to)),
    drivers: stage2Drivers(facts, month.from, month.to),
    recurring: recurringIssues(facts, month.from, month.to),
    commitments: commitmentsAt(
      commitmentRows.map((row) => ({ ...row, createdOn: londonDate(new Date(row.createdAt)) })),
      month.to,
    ),
    spotlight: ombudsmanSpotlight(
      { cases, requests, improvements: facts.improvements, complaints: facts.complaints },
      month.from,
      month.to,
    ),
  }
}
