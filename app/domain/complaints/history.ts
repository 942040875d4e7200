// A case that happened elsewhere (a landlord's spreadsheet) as the lifecycle would have recorded it:
// the same deadlines worked out from the same dates (S1-2, S1-5, S2-4, S2-5, EXT-3), so queues,
// reminders, KPIs and letters treat an imported case like one handled in PutRight.
import type { WorkingCalendar } from '../calendar'
import { addWorkingDays, type IsoDate } from '../working-days'
import type {
  ComplaintCase,
  ComplaintElement,
  Decline,
  Extension,
  Remedy,
  Stage,
  StageRecord,
  Withdrawal,
} from './case'
import { detailedStatus, type CaseHistory, type StageHistory } from './csv'
import {
  acknowledgementDue,
  extendDeadline,
  stage1ResponseDue,
  stage2AcknowledgementDue,
  stage2ResponseDue,
  type Deadline,
} from './deadlines'
import { defaultCodeSettings, type CodeSettings } from './settings'

/** Who did each step of an imported case: the import itself, not a member of staff. */
export const IMPORTED_BY = 'system'
/** The wording put where the file has no text (reasons, explanations, definitions). */
export const IMPORTED = 'Imported'

// Years of cases share their dates: 100,000 lines ask for ~15,000 different deadlines, and
// working each out day by day was three quarters of an import's time (measured: 15 s of 20 s).
// Cases share the remembered deadlines, so they are frozen.
const memo = new WeakMap<WorkingCalendar, Map<string, Deadline | IsoDate>>()

function remembered<T extends Deadline | IsoDate>(calendar: WorkingCalendar, key: string, compute: () => T): T {
  let known = memo.get(calendar)
  if (!known) memo.set(calendar, (known = new Map()))
  const existing = known.get(key)
  // Each key names what it holds (its rule first), so what comes back is what `compute` made.
  if (existing !== undefined) return existing as T
  const value = compute()
  if (typeof value === 'object') {
    for (const day of value.skipped) Object.freeze(day)
    Object.freeze(value.skipped)
    Object.freeze(value)
  }
  known.set(key, value)
  return value
}

function stageFromHistory(stage: Stage, facts: StageHistory, calendar: WorkingCalendar): StageRecord {
  const { startedOn, acknowledgedOn, extensionWorkingDays } = facts
  const acknowledgement =
    stage === 1
      ? remembered(calendar, `S1-2 ${startedOn}`, () => acknowledgementDue(startedOn, calendar))
      : remembered(calendar, `S2-4 ${startedOn}`, () => stage2AcknowledgementDue(startedOn, calendar))
  // S1-5 / S2-5: from the acknowledgement actually sent; before it, provisional from the due date.
  const clockStart = acknowledgedOn ?? acknowledgement.due
  const responseBase =
    stage === 1
      ? remembered(calendar, `S1-5 ${clockStart}`, () => stage1ResponseDue(clockStart, calendar))
      : remembered(calendar, `S2-5 ${clockStart}`, () => stage2ResponseDue(clockStart, calendar))
  const extensions: Extension[] =
    facts.extensionWorkingDays > 0
      ? [
          {
            workingDays: facts.extensionWorkingDays,
            reason: IMPORTED,
            // The file has no date for the extension: the latest it could validly have been given (EXT-4).
            grantedOn: responseBase.due,
            grantedBy: IMPORTED_BY,
            residentAgreed: false,
            deadline: remembered(calendar, `EXT-3 ${responseBase.due} ${extensionWorkingDays}`, () =>
              extendDeadline(responseBase, extensionWorkingDays, calendar),
            ),
          },
        ]
      : []
  return {
    stage,
    startedOn: facts.startedOn,
    handlerId: null,
    acknowledgement,
    acknowledgedOn: facts.acknowledgedOn,
    acknowledgedBy: facts.acknowledgedOn ? IMPORTED_BY : null,
    responseBase,
    extensions,
    respondedOn: facts.respondedOn,
    respondedBy: facts.respondedOn ? IMPORTED_BY : null,
    outcome: facts.outcome,
  }
}

/** The latest date the file gives for the case: when it was withdrawn or declined, if closed_on is empty. */
function latestDate(row: CaseHistory): IsoDate {
  const dates = [row.stage1, row.stage2]
    .flatMap((stage) => (stage ? [stage.startedOn, stage.acknowledgedOn, stage.respondedOn] : []))
    .filter((date): date is IsoDate => date !== null)
  return dates.reduce((latest, date) => (date > latest ? date : latest), row.receivedOn)
}

/**
 * The whole case for a valid line of the CSV contract (app/domain/complaints/csv.ts). Decisions,
 * reasons and definitions the file does not hold are recorded as 'Imported'; one element,
 * "Imported complaint", carries the stage outcomes once Stage 1 was acknowledged (before that the
 * landlord had not yet defined the complaint, S1-3a, and acknowledging in PutRight will).
 */
export function caseFromHistory(
  row: CaseHistory,
  calendar: WorkingCalendar,
  settings: Pick<CodeSettings, 'escalationWindowWorkingDays'> = defaultCodeSettings,
): ComplaintCase {
  const stages = [stageFromHistory(1, row.stage1, calendar)]
  if (row.stage2) {
    const stage2 = stageFromHistory(2, row.stage2, calendar)
    // S2-2 [P]: a request after the escalation window is flagged, as the lifecycle does.
    const respondedOn = row.stage1.respondedOn
    const days = settings.escalationWindowWorkingDays
    const windowEnds = respondedOn
      ? remembered(calendar, `S2-2 ${respondedOn} ${days}`, () =>
          addWorkingDays(respondedOn, days, calendar.nonWorkingDays),
        )
      : null
    stages.push({
      ...stage2,
      lateRequest: windowEnds !== null && row.stage2.startedOn > windowEnds,
      residentComment: null,
    })
  }
  const lastStage: Stage = row.stage2 ? 2 : 1
  const defined = row.stage1.acknowledgedOn !== null
  const elements: ComplaintElement[] = defined
    ? [
        {
          id: 1,
          summary: 'Imported complaint',
          addedLater: false,
          ...(row.stage1.outcome ? { stage1: { decision: row.stage1.outcome, reasons: IMPORTED } } : {}),
          ...(row.stage2?.outcome ? { stage2: { decision: row.stage2.outcome, reasons: IMPORTED } } : {}),
        },
      ]
    : []
  const remedies: Remedy[] =
    row.compensationPence === null
      ? []
      : [
          {
            id: 1,
            stage: lastStage,
            type: 'financial',
            description: 'Imported compensation',
            amountPence: row.compensationPence,
            status: 'completed',
          },
        ]
  const endedOn = row.closedOn ?? latestDate(row)
  const decline: Decline | null =
    row.status === 'declined'
      ? {
          stage: lastStage,
          on: endedOn,
          by: IMPORTED_BY,
          ground: 'other',
          explanation: IMPORTED,
          issueDate: null,
          awareDate: null,
          discretionConsidered: null,
          courtFilingDate: null,
          linkedReference: null,
          approvedBy: null,
        }
      : null
  const withdrawal: Withdrawal | null =
    row.status === 'withdrawn' ? { on: endedOn, channel: 'other', residentWords: IMPORTED } : null
  return {
    status: detailedStatus(row),
    receivedOn: row.receivedOn,
    earlyResolution: false,
    stages,
    definition: defined ? { outcomesSought: IMPORTED, notInScope: null } : null,
    elements,
    remedies,
    actions: [],
    decline,
    withdrawal,
    closedOn: row.closedOn,
    reopenings: [],
  }
}

/** When the money was paid, for the remedies register: closing, else the last response, else receipt. */
export function compensationPaidOn(row: CaseHistory): IsoDate {
  return row.closedOn ?? row.stage2?.respondedOn ?? row.stage1.respondedOn ?? row.receivedOn
}

const londonHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' })

/**
 * 12:00 in London on `date`, as an instant: the receipt time of a case whose file gives only the
 * day. Noon is 12:00 UTC in GMT and 11:00 UTC in BST, and never near a clock change (01:00 UTC).
 */
export function noonInLondon(date: IsoDate): Date {
  const gmt = new Date(`${date}T12:00:00Z`)
  return londonHour.format(gmt) === '12' ? gmt : new Date(`${date}T11:00:00Z`)
}
