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

export interface CaseCsvProblem {
  line: number
  column?: string
  problem: string
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
  if (!header)
    return { rows: [], lines: [], problems: [{ line: 1, problem: 'The file is empty: it needs the header row.' }] }
  const headerProblem = headerMismatch(header.fields)
  if (headerProblem) return { rows: [], lines: [], problems: [{ line: header.line, problem: headerProblem }] }
  const rows: CaseCsvRow[] = []
  const lines: number[] = []
  const problems: CaseCsvProblem[] = []
  for (const record of body) {
    if (record.fields.length !== caseCsvColumns.length) {
      problems.push({
        line: record.line,
        problem: `The line has ${record.fields.length} values; every line needs ${caseCsvColumns.length}, one per column.`,
      })
      continue
    }
    const row = Object.fromEntries(caseCsvColumns.map((column, index) => [column, record.fields[index] ?? '']))
    // Object.fromEntries loses the key type; every column was just given a value.
    rows.push(row as CaseCsvRow)
    lines.push(record.line)
  }
  return { rows, lines, problems }
}

function headerMismatch(fields: readonly string[]): string | null {
  const expected = caseCsvColumns.join(',')
  const index = caseCsvColumns.findIndex((column, i) => fields[i]?.trim() !== column)
  if (index === -1 && fields.length === caseCsvColumns.length) return null
  const detail =
    index === -1
      ? `it has ${fields.length} columns, not ${caseCsvColumns.length}`
      : fields[index] === undefined
        ? `column ${index + 1} (${caseCsvColumns[index]}) is missing`
        : `column ${index + 1} is "${fields[index]}", not "${caseCsvColumns[index]}"`
  return `The header must be exactly ${expected} (${detail}).`
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
      problems.push({
        line,
        column: 'reference',
        problem: `reference ${reference} is already used on line ${earlier}.`,
      })
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
  const add = (column: CaseCsvColumn | undefined, problem: string) =>
    problems.push(column ? { line, column, problem } : { line, problem })
  const value = (column: CaseCsvColumn) => (raw[column] ?? '').trim()
  const present = (column: CaseCsvColumn) => value(column) !== ''

  const reference = value('reference')
  if (!reference) add('reference', 'reference is required.')
  else if (!REFERENCE_PATTERN.test(reference))
    add(
      'reference',
      `reference "${reference}" must be 1 to 40 capital letters, digits, /, _ or -, starting with a letter or digit.`,
    )

  const residentKey = value('resident_key')
  if (!residentKey) add('resident_key', 'resident_key is required.')
  else if (residentKey.length > MAX_RESIDENT_KEY_LENGTH)
    add('resident_key', `resident_key is longer than ${MAX_RESIDENT_KEY_LENGTH} characters.`)

  const channelText = value('channel')
  const channel = channels.find((c) => c === channelText)
  if (!channelText) add('channel', 'channel is required.')
  else if (!channel) add('channel', `channel "${channelText}" is not one of ${oneOf(channels)}.`)

  const category = value('category')
  if (!category) add('category', 'category is required.')
  else if (category.length > MAX_CATEGORY_LENGTH)
    add('category', `category is longer than ${MAX_CATEGORY_LENGTH} characters.`)

  const dates = new Map<CaseCsvColumn, IsoDate>()
  for (const column of [...dateChain, 'closed_on'] as const) {
    const text = value(column)
    if (!text) continue
    if (!isIsoDate(text)) add(column, `${column} "${text}" is not a real date written YYYY-MM-DD.`)
    else if (today && text > today) add(column, `${column} ${text} is after today (${today}).`)
    else dates.set(column, text)
  }
  if (!present('received_on')) add('received_on', 'received_on is required.')

  const extension = (stage: 1 | 2): number => {
    const column = stage === 1 ? 'stage1_extension_working_days' : 'stage2_extension_working_days'
    const text = value(column)
    if (!text) return 0
    if (!WHOLE_NUMBER.test(text)) {
      add(column, `${column} "${text}" must be a whole number of working days (empty means 0).`)
      return 0
    }
    const days = Number(text)
    if (days > EXTENSION_CAPS[stage])
      add(
        column,
        `${column} ${days} is more than the Stage ${stage} cap of ${EXTENSION_CAPS[stage]} working days (EXT-2).`,
      )
    return days
  }
  const stage1Extension = extension(1)
  const stage2Extension = extension(2)

  const outcome = (column: 'stage1_outcome' | 'stage2_outcome'): Decision | null => {
    const text = value(column)
    if (!text) return null
    const decision = decisions.find((d) => d === text)
    if (!decision) add(column, `${column} "${text}" is not one of ${oneOf(decisions)}.`)
    return decision ?? null
  }
  const stage1Outcome = outcome('stage1_outcome')
  const stage2Outcome = outcome('stage2_outcome')

  const decisionChangedText = value('stage2_decision_changed')
  let decisionChanged: boolean | null = null
  if (decisionChangedText === 'yes' || decisionChangedText === 'no') decisionChanged = decisionChangedText === 'yes'
  else if (decisionChangedText)
    add('stage2_decision_changed', `stage2_decision_changed "${decisionChangedText}" must be yes, no or empty.`)

  const statusText = value('status')
  const status = caseCsvStatuses.find((s) => s === statusText)
  if (!statusText) add('status', 'status is required.')
  else if (!status) add('status', `status "${statusText}" is not one of ${oneOf(caseCsvStatuses)}.`)

  const compensationText = value('compensation_paid')
  let compensationPence: number | null = null
  if (compensationText) {
    const match = POUNDS.exec(compensationText)
    if (!match) add('compensation_paid', `compensation_paid "${compensationText}" must be in pounds, like 125.50.`)
    else {
      const pence = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
      if (pence === 0)
        add('compensation_paid', 'compensation_paid must be more than 0.00; leave it empty when nothing was paid.')
      else if (pence > MAX_COMPENSATION_PENCE)
        add(
          'compensation_paid',
          `compensation_paid ${compensationText} is more than ${formatPounds(MAX_COMPENSATION_PENCE)}.`,
        )
      else compensationPence = pence
    }
  }

  // The dates in the order the Code's steps happen (received ≤ s1 ack ≤ s1 response ≤ escalated ≤ …).
  let previous: { column: CaseCsvColumn; date: IsoDate } | null = null
  for (const column of dateChain) {
    const date = dates.get(column)
    if (!date) continue
    if (previous && date < previous.date)
      add(column, `${column} ${date} is before ${previous.column} ${previous.date}.`)
    previous = { column, date }
  }

  // What each step needs before it (the lifecycle's transition table).
  const needs = (column: CaseCsvColumn, before: CaseCsvColumn, why: string) => {
    if (present(column) && !present(before)) add(column, `${column} needs ${before}: ${why}.`)
  }
  needs(
    'stage1_responded_on',
    'stage1_acknowledged_on',
    'a stage is acknowledged before it is answered (use the same date when one letter did both)',
  )
  needs('escalated_on', 'stage1_responded_on', 'only a complaint with a Stage 1 response goes to Stage 2 (S2-1)')
  if (present('escalated_on')) {
    needs(
      'stage2_responded_on',
      'stage2_acknowledged_on',
      'a stage is acknowledged before it is answered (use the same date when one letter did both)',
    )
  } else {
    for (const column of stage2Columns) {
      if (present(column)) add(column, `${column} must be empty when escalated_on is empty.`)
    }
  }
  if (stage1Extension > 0)
    needs('stage1_extension_working_days', 'stage1_acknowledged_on', 'only an acknowledged stage is extended')
  if (stage2Extension > 0 && present('escalated_on'))
    needs('stage2_extension_working_days', 'stage2_acknowledged_on', 'only an acknowledged stage is extended')

  // An outcome exactly when the stage was answered (R3).
  for (const stage of [1, 2] as const) {
    const responded = stage === 1 ? 'stage1_responded_on' : 'stage2_responded_on'
    const column = stage === 1 ? 'stage1_outcome' : 'stage2_outcome'
    if (stage === 2 && !present('escalated_on')) continue
    if (present(responded) && !present(column)) add(column, `${column} is required when ${responded} is set.`)
    if (!present(responded) && present(column)) add(column, `${column} must be empty when ${responded} is empty.`)
  }
  if (present('escalated_on')) {
    if (present('stage2_responded_on') && !decisionChangedText)
      add('stage2_decision_changed', 'stage2_decision_changed is required (yes or no) when stage2_responded_on is set.')
    if (!present('stage2_responded_on') && decisionChangedText)
      add('stage2_decision_changed', 'stage2_decision_changed must be empty when stage2_responded_on is empty.')
    // The KPI's definition: a different overall outcome is a changed decision.
    if (decisionChanged === false && stage1Outcome && stage2Outcome && stage1Outcome !== stage2Outcome)
      add(
        'stage2_decision_changed',
        `stage2_decision_changed is no, but stage2_outcome ${stage2Outcome} differs from stage1_outcome ${stage1Outcome}.`,
      )
  }

  // The status against the dates.
  const lastStage = present('escalated_on') ? 2 : 1
  const lastAcknowledged = lastStage === 2 ? 'stage2_acknowledged_on' : 'stage1_acknowledged_on'
  const lastResponded = lastStage === 2 ? 'stage2_responded_on' : 'stage1_responded_on'
  const closedOn = dates.get('closed_on')
  switch (status) {
    case 'open':
      if (present('closed_on')) add('closed_on', 'closed_on must be empty when status is open.')
      break
    case 'closed':
      if (!present(lastResponded))
        add('status', `status closed needs a response at the last stage: ${lastResponded} is empty.`)
      if (!present('closed_on')) add('closed_on', 'closed_on is required when status is closed.')
      break
    case 'withdrawn':
      if (present(lastResponded))
        add('status', `status withdrawn needs a stage still open, but ${lastResponded} is set (use closed).`)
      break
    case 'declined':
      if (present(lastAcknowledged))
        add('status', `status declined needs a stage never acknowledged, but ${lastAcknowledged} is set.`)
      break
    case 'resolved_at_first_contact':
      for (const column of [...stage1Columns, 'escalated_on', ...stage2Columns] as const) {
        if (present(column))
          add(column, `${column} must be empty when status is resolved_at_first_contact (not a Stage 1 complaint).`)
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
      add('closed_on', `closed_on ${closedOn} is before ${latest.column} ${latest.date}.`)
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
