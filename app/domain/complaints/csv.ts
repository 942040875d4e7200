// The CSV contract for moving cases in and out (README, "Moving cases in and out (CSV)"): the
// columns, what each may hold, and the rules every row must meet before anything is written.
// Pure: the server parses the text and talks to the database; this works on rows of strings.
import { isIsoDate, type IsoDate } from '../working-days'
import { decisions, type Decision } from './case'
import { defaultCodeSettings } from './settings'
import { channels, type Channel, type ComplaintStatus } from './status'

/** The header row, exactly, in this order: the public contract. */
export const caseCsvColumns = [
  'reference',
  'resident_key',
  'channel',
  'category',
  'received_on',
  'stage1_acknowledged_on',
  'stage1_extension_working_days',
  'stage1_responded_on',
  'stage1_outcome',
  'escalated_on',
  'stage2_acknowledged_on',
  'stage2_extension_working_days',
  'stage2_responded_on',
  'stage2_outcome',
  'stage2_decision_changed',
  'status',
  'closed_on',
  'compensation_paid',
] as const
export type CaseCsvColumn = (typeof caseCsvColumns)[number]
export type CaseCsvRow = Record<CaseCsvColumn, string>

/** The statuses a file speaks of; the app's detailed status is worked out from the dates. */
export const caseCsvStatuses = ['open', 'closed', 'withdrawn', 'declined', 'resolved_at_first_contact'] as const
export type CaseCsvStatus = (typeof caseCsvStatuses)[number]

export const REFERENCE_PATTERN = /^[A-Z0-9][A-Z0-9/_-]{0,39}$/
const MAX_RESIDENT_KEY_LENGTH = 200
const MAX_CATEGORY_LENGTH = 200
const MAX_COMPENSATION_PENCE = 999_999_999
const POUNDS = /^(\d+)(?:\.(\d{1,2}))?$/
const WHOLE_NUMBER = /^\d+$/

/** What the file says about one stage, before any deadline is worked out. */
export interface StageFacts {
  /** Day 0: received_on (Stage 1) or escalated_on (Stage 2). */
  startedOn: string
  acknowledgedOn: string | null
  extensionWorkingDays: number
  respondedOn: string | null
  outcome: string | null
}

/** One line of the file as facts; what export reads from the database has this shape too. */
export interface CaseFacts {
  reference: string
  residentKey: string
  channel: string
  category: string
  receivedOn: string
  /** Null only for rows made before stages were recorded. */
  stage1: StageFacts | null
  stage2: StageFacts | null
  stage2DecisionChanged: boolean | null
  status: string
  closedOn: string | null
  compensationPence: number | null
}

export interface StageHistory extends StageFacts {
  startedOn: IsoDate
  acknowledgedOn: IsoDate | null
  respondedOn: IsoDate | null
  outcome: Decision | null
}

/** A line that met every rule, typed. */
export interface CaseHistory extends CaseFacts {
  channel: Channel
  receivedOn: IsoDate
  stage1: StageHistory
  stage2: StageHistory | null
  status: CaseCsvStatus
  closedOn: IsoDate | null
}

export interface ValidCaseRow extends CaseHistory {
  /** The line of the file it came from (header = line 1). */
  line: number
}

/**
 * Every problem an import can report, as a key in the `imports` namespace
 * (locales/<lng>/imports.json) and the values its text needs: the CLI prints it in English and the
 * back office in the administrator's language. Values hold only what varies between uses of a key;
 * column names and the file's own values stay as they are in every language.
 */
export type CaseCsvProblemValues = {
  // The file and its header (caseRowsFromRecords).
  'imports:problems.fileEmpty': undefined
  'imports:problems.headerColumnCount': { expected: string; count: number; columns: number }
  'imports:problems.headerColumnMissing': { expected: string; position: number; column: string }
  'imports:problems.headerColumnWrong': { expected: string; position: number; found: string; column: string }
  'imports:problems.valueCount': { count: number; columns: number }
  // Text that is not CSV (parseCaseCsv, app/server/case-import.server.ts).
  'imports:problems.csvQuoteNotClosed': undefined
  'imports:problems.csvInvalidClosingQuote': undefined
  'imports:problems.csvInvalidOpeningQuote': undefined
  /** Any other parser error: `detail` is the parser's own message, in English. */
  'imports:problems.csvUnreadable': { detail: string }
  // The whole file, and what is already stored (importCases).
  'imports:problems.referenceRepeated': { reference: string; firstLine: number }
  /** `differences`: `column "stored" → "in the file"` for each differing column, joined with "; ". */
  'imports:problems.storedDifferently': { reference: string; differences: string }
  // One line (validateCaseRow).
  'imports:problems.required': { column: string }
  'imports:problems.referenceFormat': { value: string }
  'imports:problems.tooLong': { column: string; max: number }
  /** `allowed`: the values the column takes, as written in the file, joined with ", ". */
  'imports:problems.notOneOf': { column: string; value: string; allowed: string }
  'imports:problems.notADate': { column: string; value: string }
  'imports:problems.afterToday': { column: string; date: string; today: string }
  'imports:problems.notWholeNumber': { column: string; value: string }
  'imports:problems.overExtensionCap': { column: string; days: number; stage: number; cap: number }
  'imports:problems.notYesNo': { value: string }
  'imports:problems.notPounds': { value: string }
  'imports:problems.zeroCompensation': undefined
  'imports:problems.overCompensationMax': { value: string; max: string }
  'imports:problems.dateOrder': { column: string; date: string; earlier: string; earlierDate: string }
  'imports:problems.responseNeedsAcknowledgement': { column: string; needed: string }
  'imports:problems.escalationNeedsResponse': undefined
  'imports:problems.extensionNeedsAcknowledgement': { column: string; needed: string }
  'imports:problems.emptyWhenEmpty': { column: string; other: string }
  'imports:problems.requiredWhenSet': { column: string; other: string }
  'imports:problems.decisionChangedRequired': undefined
  'imports:problems.decisionChangedContradicts': { stage2Outcome: string; stage1Outcome: string }
  'imports:problems.closedOnWhileOpen': undefined
  'imports:problems.closedOnRequired': undefined
  'imports:problems.closedNeedsResponse': { responded: string }
  'imports:problems.withdrawnNeedsOpenStage': { responded: string }
  'imports:problems.declinedNeedsUnacknowledgedStage': { acknowledged: string }
  'imports:problems.emptyWhenResolvedAtFirstContact': { column: string }
}
export type CaseCsvProblemKey = keyof CaseCsvProblemValues

/** The values argument of a problem: none for a key whose text needs none. */
type ValuesOf<K extends CaseCsvProblemKey> = CaseCsvProblemValues[K] extends undefined
  ? []
  : [values: CaseCsvProblemValues[K]]

export interface CaseCsvProblem {
  /** The file line (header = line 1). */
  line: number
  column?: string
  /** A key in the `imports` namespace: render it with `values`, e.g. `t(problem.key, problem.values)`. */
  key: CaseCsvProblemKey
  values?: Record<string, string | number>
}

/** A problem at a line (and column), with exactly the values its key's text needs. */
export function caseCsvProblem<K extends CaseCsvProblemKey>(
  at: { line: number; column?: string },
  key: K,
  ...[values]: ValuesOf<K>
): CaseCsvProblem {
  return values === undefined ? { ...at, key } : { ...at, key, values }
}

export interface ValidationOptions {
  /** The London date today: no date in the file may be later. */
  today?: IsoDate
  /** The file line of each row, when a quoted value spans lines; otherwise startLine + index. */
  lines?: readonly number[]
}

// ---------------------------------------------------------------------------------------------
// Status mapping

/** The app's detailed status for a case the file describes (app/domain/complaints/status.ts). */
export function detailedStatus(history: Pick<CaseHistory, 'status' | 'stage1' | 'stage2'>): ComplaintStatus {
  if (history.status !== 'open') return history.status
  const stage2 = history.stage2
  if (stage2) {
    if (stage2.respondedOn) return 'stage2_responded'
    if (stage2.acknowledgedOn) return stage2.extensionWorkingDays > 0 ? 'stage2_extended' : 'stage2_acknowledged'
    return 'escalated'
  }
  const stage1 = history.stage1
  if (stage1.respondedOn) return 'stage1_responded'
  if (stage1.acknowledgedOn) return stage1.extensionWorkingDays > 0 ? 'stage1_extended' : 'stage1_acknowledged'
  return 'received'
}

/** The file's status for an app status: the four endings keep their name; anything else is open. */
export function csvStatusOf(status: string): CaseCsvStatus {
  switch (status) {
    case 'closed':
    case 'withdrawn':
    case 'declined':
    case 'resolved_at_first_contact':
      return status
    default:
      return 'open'
  }
}

// ---------------------------------------------------------------------------------------------
// Writing a row (export, and comparing a line with what is already stored)

/** Pence as pounds with two decimals: 12550 → '125.50'. */
export function formatPounds(pence: number): string {
  return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`
}

/** The one way a case is written as a line, so export → import → export gives the same bytes. */
export function caseCsvRow(facts: CaseFacts): CaseCsvRow {
  const { stage1, stage2 } = facts
  const days = (stage: StageFacts | null) =>
    stage && stage.extensionWorkingDays > 0 ? String(stage.extensionWorkingDays) : ''
  return {
    reference: facts.reference,
    resident_key: facts.residentKey,
    channel: facts.channel,
    category: facts.category,
    received_on: facts.receivedOn,
    stage1_acknowledged_on: stage1?.acknowledgedOn ?? '',
    stage1_extension_working_days: days(stage1),
    stage1_responded_on: stage1?.respondedOn ?? '',
    stage1_outcome: stage1?.outcome ?? '',
    escalated_on: stage2?.startedOn ?? '',
    stage2_acknowledged_on: stage2?.acknowledgedOn ?? '',
    stage2_extension_working_days: days(stage2),
    stage2_responded_on: stage2?.respondedOn ?? '',
    stage2_outcome: stage2?.outcome ?? '',
    stage2_decision_changed: facts.stage2DecisionChanged === null ? '' : facts.stage2DecisionChanged ? 'yes' : 'no',
    status: facts.status,
    closed_on: facts.closedOn ?? '',
    compensation_paid: facts.compensationPence === null ? '' : formatPounds(facts.compensationPence),
  }
}

/** The columns whose values differ between two rows, in file order. */
export function differingColumns(a: CaseCsvRow, b: CaseCsvRow): CaseCsvColumn[] {
  return caseCsvColumns.filter((column) => a[column] !== b[column])
}

// ---------------------------------------------------------------------------------------------
// Reading: the header and the shape of each record

/**
 * Checks the header and turns the parsed records into rows keyed by column. `records[i].line` is
 * the file line the record starts on. A wrong header stops here: the rows would be misread.
 */
export function caseRowsFromRecords(records: ReadonlyArray<{ fields: readonly string[]; line: number }>): {
  rows: CaseCsvRow[]
  lines: number[]
  problems: CaseCsvProblem[]
} {
  const [header, ...body] = records
  if (!header) return { rows: [], lines: [], problems: [caseCsvProblem({ line: 1 }, 'imports:problems.fileEmpty')] }
  const headerProblem = headerMismatch(header.fields, header.line)
  if (headerProblem) return { rows: [], lines: [], problems: [headerProblem] }
  const rows: CaseCsvRow[] = []
  const lines: number[] = []
  const problems: CaseCsvProblem[] = []
  for (const record of body) {
    if (record.fields.length !== caseCsvColumns.length) {
      problems.push(
        caseCsvProblem({ line: record.line }, 'imports:problems.valueCount', {
          count: record.fields.length,
          columns: caseCsvColumns.length,
        }),
      )
      continue
    }
    const row = Object.fromEntries(caseCsvColumns.map((column, index) => [column, record.fields[index] ?? '']))
    // Object.fromEntries loses the key type; every column was just given a value.
    rows.push(row as CaseCsvRow)
    lines.push(record.line)
  }
  return { rows, lines, problems }
}

function headerMismatch(fields: readonly string[], line: number): CaseCsvProblem | null {
  const expected = caseCsvColumns.join(',')
  const index = caseCsvColumns.findIndex((column, i) => fields[i]?.trim() !== column)
  if (index === -1 && fields.length === caseCsvColumns.length) return null
  if (index === -1)
    return caseCsvProblem({ line }, 'imports:problems.headerColumnCount', {
      expected,
      count: fields.length,
      columns: caseCsvColumns.length,
    })
  const found = fields[index]
  const column = caseCsvColumns[index] ?? ''
  return found === undefined
    ? caseCsvProblem({ line }, 'imports:problems.headerColumnMissing', { expected, position: index + 1, column })
    : caseCsvProblem({ line }, 'imports:problems.headerColumnWrong', { expected, position: index + 1, found, column })
}

// ---------------------------------------------------------------------------------------------
// Validating rows

const dateChain = [
  'received_on',
  'stage1_acknowledged_on',
  'stage1_responded_on',
  'escalated_on',
  'stage2_acknowledged_on',
  'stage2_responded_on',
] as const satisfies readonly CaseCsvColumn[]

const stage1Columns = [
  'stage1_acknowledged_on',
  'stage1_extension_working_days',
  'stage1_responded_on',
  'stage1_outcome',
] as const satisfies readonly CaseCsvColumn[]

const stage2Columns = [
  'stage2_acknowledged_on',
  'stage2_extension_working_days',
  'stage2_responded_on',
  'stage2_outcome',
  'stage2_decision_changed',
] as const satisfies readonly CaseCsvColumn[]

const EXTENSION_CAPS = {
  1: defaultCodeSettings.stage1ExtensionCapWorkingDays,
  2: defaultCodeSettings.stage2ExtensionCapWorkingDays,
} as const

const oneOf = (values: readonly string[]) => values.join(', ')

/**
 * Every rule of the contract, on every row: returns the rows that pass, typed, and every problem
 * with its file line (header = line 1). A file is imported only when `problems` is empty.
 */
export function validateCaseRows(
  rows: ReadonlyArray<Record<string, string>>,
  startLine = 2,
  options: ValidationOptions = {},
): { rows: ValidCaseRow[]; problems: CaseCsvProblem[] } {
  const valid: ValidCaseRow[] = []
  const problems: CaseCsvProblem[] = []
  const firstLineOf = new Map<string, number>()
  rows.forEach((row, index) => {
    const line = options.lines?.[index] ?? startLine + index
    const found = validateCaseRow(row, line, options.today)
    problems.push(...found.problems)
    const reference = (row.reference ?? '').trim()
    const earlier = firstLineOf.get(reference)
    if (reference && earlier !== undefined) {
      problems.push(
        caseCsvProblem({ line, column: 'reference' }, 'imports:problems.referenceRepeated', {
          reference,
          firstLine: earlier,
        }),
      )
    } else {
      if (reference) firstLineOf.set(reference, line)
      if (found.row) valid.push(found.row)
    }
  })
  return { rows: valid, problems }
}

/** One row's problems, and the typed row when it has none. */
export function validateCaseRow(
  raw: Record<string, string>,
  line: number,
  today?: IsoDate,
): { row: ValidCaseRow | null; problems: CaseCsvProblem[] } {
  const problems: CaseCsvProblem[] = []
  const add = <K extends CaseCsvProblemKey>(column: CaseCsvColumn, key: K, ...values: ValuesOf<K>) =>
    problems.push(caseCsvProblem({ line, column }, key, ...values))
  const value = (column: CaseCsvColumn) => (raw[column] ?? '').trim()
  const present = (column: CaseCsvColumn) => value(column) !== ''

  const reference = value('reference')
  if (!reference) add('reference', 'imports:problems.required', { column: 'reference' })
  else if (!REFERENCE_PATTERN.test(reference))
    add('reference', 'imports:problems.referenceFormat', { value: reference })

  const residentKey = value('resident_key')
  if (!residentKey) add('resident_key', 'imports:problems.required', { column: 'resident_key' })
  else if (residentKey.length > MAX_RESIDENT_KEY_LENGTH)
    add('resident_key', 'imports:problems.tooLong', { column: 'resident_key', max: MAX_RESIDENT_KEY_LENGTH })

  const channelText = value('channel')
  const channel = channels.find((c) => c === channelText)
  if (!channelText) add('channel', 'imports:problems.required', { column: 'channel' })
  else if (!channel)
    add('channel', 'imports:problems.notOneOf', { column: 'channel', value: channelText, allowed: oneOf(channels) })

  const category = value('category')
  if (!category) add('category', 'imports:problems.required', { column: 'category' })
  else if (category.length > MAX_CATEGORY_LENGTH)
    add('category', 'imports:problems.tooLong', { column: 'category', max: MAX_CATEGORY_LENGTH })

  const dates = new Map<CaseCsvColumn, IsoDate>()
  for (const column of [...dateChain, 'closed_on'] as const) {
    const text = value(column)
    if (!text) continue
    if (!isIsoDate(text)) add(column, 'imports:problems.notADate', { column, value: text })
    else if (today && text > today) add(column, 'imports:problems.afterToday', { column, date: text, today })
    else dates.set(column, text)
  }
  if (!present('received_on')) add('received_on', 'imports:problems.required', { column: 'received_on' })

  const extension = (stage: 1 | 2): number => {
    const column = stage === 1 ? 'stage1_extension_working_days' : 'stage2_extension_working_days'
    const text = value(column)
    if (!text) return 0
    if (!WHOLE_NUMBER.test(text)) {
      add(column, 'imports:problems.notWholeNumber', { column, value: text })
      return 0
    }
    const days = Number(text)
    if (days > EXTENSION_CAPS[stage])
      add(column, 'imports:problems.overExtensionCap', { column, days, stage, cap: EXTENSION_CAPS[stage] })
    return days
  }
  const stage1Extension = extension(1)
  const stage2Extension = extension(2)

  const outcome = (column: 'stage1_outcome' | 'stage2_outcome'): Decision | null => {
    const text = value(column)
    if (!text) return null
    const decision = decisions.find((d) => d === text)
    if (!decision) add(column, 'imports:problems.notOneOf', { column, value: text, allowed: oneOf(decisions) })
    return decision ?? null
  }
  const stage1Outcome = outcome('stage1_outcome')
  const stage2Outcome = outcome('stage2_outcome')

  const decisionChangedText = value('stage2_decision_changed')
  let decisionChanged: boolean | null = null
  if (decisionChangedText === 'yes' || decisionChangedText === 'no') decisionChanged = decisionChangedText === 'yes'
  else if (decisionChangedText)
    add('stage2_decision_changed', 'imports:problems.notYesNo', { value: decisionChangedText })

  const statusText = value('status')
  const status = caseCsvStatuses.find((s) => s === statusText)
  if (!statusText) add('status', 'imports:problems.required', { column: 'status' })
  else if (!status)
    add('status', 'imports:problems.notOneOf', {
      column: 'status',
      value: statusText,
      allowed: oneOf(caseCsvStatuses),
    })

  const compensationText = value('compensation_paid')
  let compensationPence: number | null = null
  if (compensationText) {
    const match = POUNDS.exec(compensationText)
    if (!match) add('compensation_paid', 'imports:problems.notPounds', { value: compensationText })
    else {
      const pence = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
      if (pence === 0) add('compensation_paid', 'imports:problems.zeroCompensation')
      else if (pence > MAX_COMPENSATION_PENCE)
        add('compensation_paid', 'imports:problems.overCompensationMax', {
          value: compensationText,
          max: formatPounds(MAX_COMPENSATION_PENCE),
        })
      else compensationPence = pence
    }
  }

  // The dates in the order the Code's steps happen (received ≤ s1 ack ≤ s1 response ≤ escalated ≤ …).
  let previous: { column: CaseCsvColumn; date: IsoDate } | null = null
  for (const column of dateChain) {
    const date = dates.get(column)
    if (!date) continue
    if (previous && date < previous.date)
      add(column, 'imports:problems.dateOrder', {
        column,
        date,
        earlier: previous.column,
        earlierDate: previous.date,
      })
    previous = { column, date }
  }

  // What each step needs before it (the lifecycle's transition table).
  const needs = (
    column: CaseCsvColumn,
    needed: CaseCsvColumn,
    key: 'imports:problems.responseNeedsAcknowledgement' | 'imports:problems.extensionNeedsAcknowledgement',
  ) => {
    if (present(column) && !present(needed)) add(column, key, { column, needed })
  }
  needs('stage1_responded_on', 'stage1_acknowledged_on', 'imports:problems.responseNeedsAcknowledgement')
  if (present('escalated_on') && !present('stage1_responded_on'))
    add('escalated_on', 'imports:problems.escalationNeedsResponse')
  if (present('escalated_on')) {
    needs('stage2_responded_on', 'stage2_acknowledged_on', 'imports:problems.responseNeedsAcknowledgement')
  } else {
    for (const column of stage2Columns) {
      if (present(column)) add(column, 'imports:problems.emptyWhenEmpty', { column, other: 'escalated_on' })
    }
  }
  if (stage1Extension > 0)
    needs('stage1_extension_working_days', 'stage1_acknowledged_on', 'imports:problems.extensionNeedsAcknowledgement')
  if (stage2Extension > 0 && present('escalated_on'))
    needs('stage2_extension_working_days', 'stage2_acknowledged_on', 'imports:problems.extensionNeedsAcknowledgement')

  // An outcome exactly when the stage was answered (R3).
  for (const stage of [1, 2] as const) {
    const responded = stage === 1 ? 'stage1_responded_on' : 'stage2_responded_on'
    const column = stage === 1 ? 'stage1_outcome' : 'stage2_outcome'
    if (stage === 2 && !present('escalated_on')) continue
    if (present(responded) && !present(column))
      add(column, 'imports:problems.requiredWhenSet', { column, other: responded })
    if (!present(responded) && present(column))
      add(column, 'imports:problems.emptyWhenEmpty', { column, other: responded })
  }
  if (present('escalated_on')) {
    if (present('stage2_responded_on') && !decisionChangedText)
      add('stage2_decision_changed', 'imports:problems.decisionChangedRequired')
    if (!present('stage2_responded_on') && decisionChangedText)
      add('stage2_decision_changed', 'imports:problems.emptyWhenEmpty', {
        column: 'stage2_decision_changed',
        other: 'stage2_responded_on',
      })
    // The KPI's definition: a different overall outcome is a changed decision.
    if (decisionChanged === false && stage1Outcome && stage2Outcome && stage1Outcome !== stage2Outcome)
      add('stage2_decision_changed', 'imports:problems.decisionChangedContradicts', { stage2Outcome, stage1Outcome })
  }

  // The status against the dates.
  const lastStage = present('escalated_on') ? 2 : 1
  const lastAcknowledged = lastStage === 2 ? 'stage2_acknowledged_on' : 'stage1_acknowledged_on'
  const lastResponded = lastStage === 2 ? 'stage2_responded_on' : 'stage1_responded_on'
  const closedOn = dates.get('closed_on')
  switch (status) {
    case 'open':
      if (present('closed_on')) add('closed_on', 'imports:problems.closedOnWhileOpen')
      break
    case 'closed':
      if (!present(lastResponded)) add('status', 'imports:problems.closedNeedsResponse', { responded: lastResponded })
      if (!present('closed_on')) add('closed_on', 'imports:problems.closedOnRequired')
      break
    case 'withdrawn':
      if (present(lastResponded))
        add('status', 'imports:problems.withdrawnNeedsOpenStage', { responded: lastResponded })
      break
    case 'declined':
      if (present(lastAcknowledged))
        add('status', 'imports:problems.declinedNeedsUnacknowledgedStage', { acknowledged: lastAcknowledged })
      break
    case 'resolved_at_first_contact':
      for (const column of [...stage1Columns, 'escalated_on', ...stage2Columns] as const) {
        if (present(column)) add(column, 'imports:problems.emptyWhenResolvedAtFirstContact', { column })
      }
      break
    case undefined:
      break
  }
  if (closedOn) {
    const latest = dateChain
      .map((column) => ({ column, date: dates.get(column) }))
      .filter((entry): entry is { column: (typeof dateChain)[number]; date: IsoDate } => entry.date !== undefined)
      .reduce<{ column: CaseCsvColumn; date: IsoDate } | null>(
        (last, entry) => (last === null || entry.date >= last.date ? entry : last),
        null,
      )
    if (latest && closedOn < latest.date)
      add('closed_on', 'imports:problems.dateOrder', {
        column: 'closed_on',
        date: closedOn,
        earlier: latest.column,
        earlierDate: latest.date,
      })
  }

  if (problems.length > 0 || !status || !channel) return { row: null, problems }
  const date = (column: CaseCsvColumn) => dates.get(column) ?? null
  const receivedOn = date('received_on') ?? ''
  const escalatedOn = date('escalated_on')
  return {
    row: {
      line,
      reference,
      residentKey,
      channel,
      category,
      receivedOn,
      stage1: {
        startedOn: receivedOn,
        acknowledgedOn: date('stage1_acknowledged_on'),
        extensionWorkingDays: stage1Extension,
        respondedOn: date('stage1_responded_on'),
        outcome: stage1Outcome,
      },
      stage2: escalatedOn
        ? {
            startedOn: escalatedOn,
            acknowledgedOn: date('stage2_acknowledged_on'),
            extensionWorkingDays: stage2Extension,
            respondedOn: date('stage2_responded_on'),
            outcome: stage2Outcome,
          }
        : null,
      stage2DecisionChanged: escalatedOn ? decisionChanged : null,
      status,
      closedOn: closedOn ?? null,
      compensationPence,
    },
    problems,
  }
}
