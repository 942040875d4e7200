// WD-6: when the calendar changes (a closure day added or removed), every deadline still open is
// worked out again from its own start; deadlines already met are history and never move.
import type { WorkingCalendar } from '../calendar'
import type { ComplaintCase, StageRecord } from './case'
import { extendDeadline, redate, stage1ResponseDue, stage2ResponseDue, type Deadline } from './deadlines'
import { isOpen } from './lifecycle'

export interface DeadlineChange {
  stage: 1 | 2
  kind: 'acknowledgement' | 'response' | 'extension'
  before: string
  after: string
}

function redateStage(record: StageRecord, calendar: WorkingCalendar, changes: DeadlineChange[]): StageRecord {
  const note = (kind: DeadlineChange['kind'], before: Deadline, after: Deadline) => {
    if (before.due !== after.due) changes.push({ stage: record.stage, kind, before: before.due, after: after.due })
  }
  let acknowledgement = record.acknowledgement
  if (!record.acknowledgedOn) {
    acknowledgement = redate(record.acknowledgement, calendar)
    note('acknowledgement', record.acknowledgement, acknowledgement)
  }
  if (record.respondedOn) return { ...record, acknowledgement }
  const responseFrom = record.acknowledgedOn ?? acknowledgement.due
  const responseBase =
    record.stage === 1
      ? stage1ResponseDue(record.acknowledgedOn ? record.responseBase.from : responseFrom, calendar)
      : stage2ResponseDue(record.acknowledgedOn ? record.responseBase.from : responseFrom, calendar)
  note('response', record.responseBase, responseBase)
  let previous = responseBase
  const extensions = record.extensions.map((extension) => {
    const deadline = extendDeadline(previous, extension.workingDays, calendar)
    note('extension', extension.deadline, deadline)
    previous = deadline
    return { ...extension, deadline }
  })
  return { ...record, acknowledgement, responseBase, extensions }
}

/** The case with its open deadlines re-dated, and what moved (empty when nothing did). */
export function redateOpenDeadlines(
  complaint: ComplaintCase,
  calendar: WorkingCalendar,
): { complaint: ComplaintCase; changes: DeadlineChange[] } {
  if (!isOpen(complaint)) return { complaint, changes: [] }
  const changes: DeadlineChange[] = []
  const stages = complaint.stages.map((record) => redateStage(record, calendar, changes))
  return { complaint: changes.length > 0 ? { ...complaint, stages } : complaint, changes }
}
