// Turns a loaded case into what the page shows: dates in the reader's language, clocks worked out.
import { isOverdue, type CommitmentStatus } from '~/domain/commitments'
import { responseDeadline, type StageRecord } from '~/domain/complaints/case'
import type { Deadline } from '~/domain/complaints/deadlines'
import { workingDaysBetween, type IsoDate } from '~/domain/working-days'
import { formatDate, formatDateTime } from '~/i18n/format'
import type { loadCaseForStaff } from '~/server/case-view.server'

type View = NonNullable<Awaited<ReturnType<typeof loadCaseForStaff>>>

export interface ClockView {
  due: string
  dueIso: IsoDate
  /** Met on this date (formatted), or null while open. */
  metOn: string | null
  onTime: boolean | null
  workingDaysLeft: number | null
  explanation: {
    from: string
    workingDays: number
    startEvent: string
    rule: string
    skipped: Array<{ date: string; reason: string }>
  }
}

function clock(
  deadline: Deadline,
  metOn: IsoDate | null,
  today: IsoDate,
  view: View,
  locale: string,
  open: boolean,
): ClockView {
  return {
    due: formatDate(deadline.due, locale),
    dueIso: deadline.due,
    metOn: metOn ? formatDate(metOn, locale) : null,
    onTime: metOn ? metOn <= deadline.due : null,
    workingDaysLeft: !metOn && open ? workingDaysBetween(today, deadline.due, view.calendar.nonWorkingDays) : null,
    explanation: {
      from: formatDate(deadline.from, locale),
      workingDays: deadline.workingDays,
      startEvent: deadline.startEvent,
      rule: deadline.rule,
      skipped: deadline.skipped.map((day) => ({ date: formatDate(day.date, locale), reason: day.reason })),
    },
  }
}

function stageView(record: StageRecord, view: View, locale: string, today: IsoDate) {
  const stopped = ['withdrawn', 'declined', 'closed'].includes(view.complaint.status)
  return {
    stage: record.stage,
    handler: view.handlers[record.stage],
    startedOn: formatDate(record.startedOn, locale),
    lateRequest: record.lateRequest ?? false,
    acknowledgement: clock(record.acknowledgement, record.acknowledgedOn, today, view, locale, !stopped),
    response: clock(
      responseDeadline(record),
      record.respondedOn,
      today,
      view,
      locale,
      !stopped && record.acknowledgedOn !== null,
    ),
    provisional: record.acknowledgedOn === null,
    extensions: record.extensions.map((extension) => ({
      workingDays: extension.workingDays,
      reason: extension.reason,
      grantedOn: formatDate(extension.grantedOn, locale),
      newDue: formatDate(extension.deadline.due, locale),
      residentAgreed: extension.residentAgreed,
    })),
    outcome: record.outcome,
  }
}

export function caseViewModel(view: View, locale: string, today: IsoDate) {
  const { record, resident, complaint } = view
  return {
    reference: record.reference,
    status: complaint.status,
    stages: complaint.stages.map((stage) => stageView(stage, view, locale, today)),
    definition: complaint.definition,
    elements: complaint.elements,
    remedies: complaint.remedies.map((remedy) => ({
      ...remedy,
      amount:
        remedy.amountPence === null
          ? null
          : new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale, { style: 'currency', currency: 'GBP' }).format(
              remedy.amountPence / 100,
            ),
    })),
    noRemedyReasons: complaint.stages.map((stage) => ({ stage: stage.stage, reason: stage.noRemedyReason ?? null })),
    commitments: view.commitments.map((commitment) => ({
      id: commitment.id,
      stage: commitment.stage,
      description: commitment.description,
      owner: commitment.owner,
      dueOn: formatDate(commitment.dueOn, locale),
      status: commitment.status,
      overdue: isOverdue({ status: commitment.status as CommitmentStatus, dueOn: commitment.dueOn }, today),
    })),
    checklist: view.checklist,
    updates: {
      nextDue: view.updates.nextDue ? formatDate(view.updates.nextDue, locale) : null,
      overdue: view.updates.nextDue !== null && view.updates.nextDue < today,
      missed: view.updates.missed.length,
      interval: view.settings.updateIntervalWorkingDays,
    },
    letters: view.letters.map((letter) => ({
      id: letter.id,
      kind: letter.kind,
      subject: letter.subject,
      language: letter.language,
      format: letter.format,
      createdAt: formatDateTime(letter.createdAt, locale),
    })),
    formatTasks: view.formatTasks.map((task) => ({
      id: task.id,
      format: task.format,
      detail: task.detail,
      dueOn: formatDate(task.dueOn, locale),
      status: task.status,
    })),
    timeline: view.timeline.map((entry) => ({ ...entry, at: formatDateTime(entry.at, locale) })),
    messages: view.messages.map((message) => ({
      id: message.id,
      channel: message.channel,
      recipient: message.recipient,
      subject: message.subject,
      status: message.status,
      attempts: message.attempts,
      createdAt: formatDateTime(message.createdAt.toISOString(), locale),
      sentAt: message.sentAt ? formatDateTime(message.sentAt.toISOString(), locale) : null,
      nextAttemptAt: formatDateTime(message.nextAttemptAt.toISOString(), locale),
      lastError: message.lastError ? message.lastError.slice(0, 200) : null,
    })),
    adjustments: view.adjustments,
    details: {
      receivedAt: formatDateTime(record.receivedAt, locale),
      channel: record.channel,
      category: record.category,
      description: record.description,
      desiredOutcome: record.desiredOutcome,
      withdrawal: complaint.withdrawal,
      decline: complaint.decline,
    },
    resident: {
      id: resident.id,
      name: resident.name,
      email: resident.email,
      phone: resident.phone,
      address: [resident.address, resident.postcode].filter(Boolean).join('\n'),
      preferredLanguage: resident.preferredLanguage,
      preferredContactMethod: resident.preferredContactMethod,
    },
  }
}
