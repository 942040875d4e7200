import { Link, useParams, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CommitmentStatusTags } from '~/components/commitment-tags'
import { SummaryList } from '~/components/form'
import type { ChecklistResult } from '~/domain/complaints/response-checklist'
import { can } from '~/domain/permissions'
import type { loader as staffLayoutLoader } from '../staff/route'
import endonyms from '../../../locales/languages.json'
import type { caseViewModel, ClockView } from './case-view-model'

type Model = ReturnType<typeof caseViewModel>

function languageName(code: string): string {
  if (code.startsWith('other:')) return code.slice('other:'.length)
  return endonyms[code as keyof typeof endonyms] ?? code
}

export function AdjustmentsNotice({
  language,
  contact,
  adjustments,
}: {
  language: string
  contact: string
  adjustments: Model['adjustments']
}) {
  const { t } = useTranslation('staff')
  return (
    <div className="notice" role="note" aria-labelledby="needs-heading">
      <h2 className="heading-s" id="needs-heading">
        {t('complaint.needs.heading')}
      </h2>
      <p className="body">
        {t('complaint.needs.language', { language: languageName(language) })}{' '}
        {t('complaint.needs.contact', { method: t(`contactMethods.${contact}`) })}
      </p>
      {adjustments.length === 0 ? (
        <p className="body">{t('complaint.needs.none')}</p>
      ) : (
        <ul className="list list--bullet">
          {adjustments.map((adjustment) => (
            <li key={adjustment.kind}>
              <strong>{t(`adjustments.${adjustment.kind}`)}</strong>
              {adjustment.detail ? `: ${adjustment.detail}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function ClockRow({ label, clock, provisional }: { label: string; clock: ClockView; provisional?: boolean }) {
  const { t } = useTranslation('staff')
  let state: string
  if (clock.metOn) state = t(clock.onTime ? 'case.clock.metOnTime' : 'case.clock.metLate', { date: clock.metOn })
  else if (clock.workingDaysLeft === null) state = t('case.clock.stopped')
  else if (clock.workingDaysLeft < 0) state = t('complaints.overdue', { count: -clock.workingDaysLeft })
  else state = t('complaints.daysLeft', { count: clock.workingDaysLeft })
  return (
    <div className="clock">
      <p className="body">
        <strong>{label}</strong>{' '}
        {provisional ? t('case.clock.provisional', { date: clock.due }) : t('case.clock.due', { date: clock.due })}{' '}
        {clock.workingDaysLeft !== null && clock.workingDaysLeft < 0 && !clock.metOn ? (
          <strong className="tag tag--red">{state}</strong>
        ) : (
          <span className="tag">{state}</span>
        )}
      </p>
      <details className="details">
        <summary className="details__summary">{t('case.clock.how')}</summary>
        <div className="details__text">
          <p className="body">
            {t(`case.clock.explanation.${clock.explanation.startEvent}`, {
              count: clock.explanation.workingDays,
              from: clock.explanation.from,
              rule: clock.explanation.rule,
            })}
          </p>
          {clock.explanation.skipped.length > 0 ? (
            <ul className="list list--bullet">
              {clock.explanation.skipped.map((day) => (
                <li key={day.date}>{t(`complaint.deadlines.skipped.${day.reason}`, { date: day.date })}</li>
              ))}
            </ul>
          ) : (
            <p className="body">{t('case.clock.nothingSkipped')}</p>
          )}
        </div>
      </details>
    </div>
  )
}

export function DeadlinesSection({ stages }: { stages: Model['stages'] }) {
  const { t } = useTranslation('staff')
  return (
    <section aria-labelledby="deadlines-heading">
      <h2 className="heading-m" id="deadlines-heading">
        {t('complaint.deadlines.heading')}
      </h2>
      {stages.map((stage) => (
        <div key={stage.stage} className="stage-block">
          <h3 className="heading-s">{t('case.stage', { stage: stage.stage })}</h3>
          <p className="body">
            {t('case.handler')}: {stage.handler ?? t('case.unassigned')}
            {stage.lateRequest ? (
              <>
                {' '}
                <strong className="tag tag--red">{t('case.lateEscalation')}</strong>
              </>
            ) : null}
          </p>
          <ClockRow label={t('case.clock.acknowledge')} clock={stage.acknowledgement} />
          <ClockRow label={t('case.clock.respond')} clock={stage.response} provisional={stage.provisional} />
          {stage.extensions.length > 0 ? (
            <>
              <h4 className="heading-s">{t('case.extensions.heading')}</h4>
              <ul className="list list--bullet">
                {stage.extensions.map((extension, index) => (
                  <li key={index}>
                    {t('case.extensions.item', {
                      count: extension.workingDays,
                      on: extension.grantedOn,
                      due: extension.newDue,
                    })}{' '}
                    {extension.residentAgreed ? t('case.extensions.agreed') : null}
                    <br />
                    <span className="preserve-lines">{extension.reason}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {stage.outcome ? (
            <p className="body">
              {t('case.outcome')}: <strong>{t(`decisions.${stage.outcome}`)}</strong>
            </p>
          ) : null}
        </div>
      ))}
    </section>
  )
}

export function UpdatesSection({ updates }: { updates: Model['updates'] }) {
  const { t } = useTranslation('staff')
  if (!updates.nextDue && updates.missed === 0) return null
  return (
    <section aria-labelledby="updates-heading">
      <h2 className="heading-m" id="updates-heading">
        {t('case.updates.heading')}
      </h2>
      {updates.nextDue ? (
        <p className="body">
          {t('case.updates.nextDue', { date: updates.nextDue, count: updates.interval })}{' '}
          {updates.overdue ? <strong className="tag tag--red">{t('case.updates.overdue')}</strong> : null}
        </p>
      ) : null}
      <p className="body">{t('case.updates.missed', { count: updates.missed })}</p>
    </section>
  )
}

export function ChecklistSection({ checklist }: { checklist: ChecklistResult[] }) {
  const { t } = useTranslation('staff')
  return (
    <section aria-labelledby="checklist-heading">
      <h2 className="heading-m" id="checklist-heading">
        {t('case.checklist.heading')}
      </h2>
      <ul className="checklist">
        {checklist.map((result) => (
          <li key={result.item} className={result.met ? 'checklist__item checklist__item--met' : 'checklist__item'}>
            <strong className={result.met ? 'tag tag--green' : 'tag tag--red'}>
              {t(result.met ? 'case.checklist.met' : 'case.checklist.missing')}
            </strong>{' '}
            {t(`checklist.${result.item}`)}
          </li>
        ))}
      </ul>
    </section>
  )
}

export function DefinitionSection({
  definition,
  elements,
}: {
  definition: Model['definition']
  elements: Model['elements']
}) {
  const { t } = useTranslation('staff')
  return (
    <section aria-labelledby="definition-heading">
      <h2 className="heading-m" id="definition-heading">
        {t('case.definition.heading')}
      </h2>
      {definition ? (
        <>
          <h3 className="heading-s">{t('case.definition.outcomesSought')}</h3>
          <p className="body preserve-lines">{definition.outcomesSought}</p>
          {definition.notInScope ? (
            <>
              <h3 className="heading-s">{t('case.definition.notInScope')}</h3>
              <p className="body preserve-lines">{definition.notInScope}</p>
            </>
          ) : null}
        </>
      ) : (
        <p className="body">{t('case.definition.notYet')}</p>
      )}
      {elements.length > 0 ? (
        <div className="table-wrapper" role="region" aria-labelledby="elements-caption" tabIndex={0}>
          <table className="table">
            <caption id="elements-caption" className="table__caption">
              {t('case.definition.elements')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('case.definition.element')}</th>
                <th scope="col">{t('case.stage', { stage: 1 })}</th>
                <th scope="col">{t('case.stage', { stage: 2 })}</th>
              </tr>
            </thead>
            <tbody>
              {elements.map((element) => (
                <tr key={element.id}>
                  <th scope="row">
                    {element.id}. {element.summary}
                    {element.addedLater ? <span className="hint"> {t('case.definition.addedLater')}</span> : null}
                  </th>
                  {[element.stage1, element.stage2].map((decided, index) => (
                    <td key={index}>
                      {decided ? (
                        <>
                          <strong>{t(`decisions.${decided.decision}`)}</strong>
                          <br />
                          <span className="preserve-lines">{decided.reasons}</span>
                        </>
                      ) : (
                        t('case.definition.undecided')
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}

export function PromisesSection({
  remedies,
  commitments,
  noRemedyReasons,
}: {
  remedies: Model['remedies']
  commitments: Model['commitments']
  noRemedyReasons: Model['noRemedyReasons']
}) {
  const { t } = useTranslation('staff')
  // Compensation awards on this case (issue 7 §4), for those who may see them.
  const reference = useParams().reference ?? ''
  const role = useRouteLoaderData<typeof staffLayoutLoader>('routes/staff')?.staff?.role
  const compensation = role ? can({ id: '', role }, 'compensation:view') : false
  return (
    <section aria-labelledby="remedies-heading">
      <h2 className="heading-m" id="remedies-heading">
        {t('case.remedies.heading')}
      </h2>
      {remedies.length === 0 ? <p className="body">{t('case.remedies.none')}</p> : null}
      {remedies.length > 0 ? (
        <ul className="list list--bullet">
          {remedies.map((remedy) => (
            <li key={remedy.id}>
              {t('case.stage', { stage: remedy.stage })} – {t(`remedyTypes.${remedy.type}`)}: {remedy.description}
              {remedy.amount ? ` (${remedy.amount})` : ''} – {t(`remedyStatuses.${remedy.status}`)}
            </li>
          ))}
        </ul>
      ) : null}
      {noRemedyReasons
        .filter((entry) => entry.reason)
        .map((entry) => (
          <p className="body" key={entry.stage}>
            {t('case.remedies.noRemedyReason', { stage: entry.stage })}{' '}
            <span className="preserve-lines">{entry.reason}</span>
          </p>
        ))}
      {compensation ? (
        <p className="body">
          <Link className="link" to={`/staff/complaints/${encodeURIComponent(reference)}/compensation`}>
            {t('compensation.caseLink')}
          </Link>
        </p>
      ) : null}
      {role && can({ id: '', role }, 'complaint:assign') ? (
        <p className="body">
          <Link className="link" to={`/staff/complaints/${encodeURIComponent(reference)}/contractor`}>
            {t('reports.attribution.caseLink')}
          </Link>
        </p>
      ) : null}
      <h3 className="heading-s">{t('case.commitments.heading')}</h3>
      {commitments.length === 0 ? (
        <p className="body">{t('case.commitments.none')}</p>
      ) : (
        <ul className="list list--bullet">
          {commitments.map((commitment) => (
            <li key={commitment.id}>
              <Link className="link" to={`/staff/commitments/${commitment.id}`}>
                {commitment.description}
              </Link>{' '}
              – {t('case.commitments.ownerDue', { owner: commitment.owner, date: commitment.dueOn })} –{' '}
              <CommitmentStatusTags status={commitment.status} overdue={commitment.overdue} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** GOV-2: the complaint's learning entry, required before an upheld complaint can be closed. */
export function LearningSection({
  reference,
  learning,
}: {
  reference: string
  learning: { needed: boolean; state: 'not_recorded' | 'awaiting_approval' | 'complete' }
}) {
  const { t } = useTranslation('staff')
  return (
    <section aria-labelledby="learning-heading">
      <h2 className="heading-m" id="learning-heading">
        {t('learning.case.heading')}
      </h2>
      <p className="body">
        <strong className={learning.state === 'complete' ? 'tag tag--green' : learning.needed ? 'tag tag--red' : 'tag'}>
          {t(`learning.states.${learning.state}`)}
        </strong>{' '}
        {t(learning.needed ? 'learning.case.needed' : 'learning.case.optional')}
      </p>
      <p className="body">
        <Link className="link" to={`/staff/complaints/${encodeURIComponent(reference)}/learning`}>
          {t('learning.case.link')}
        </Link>
      </p>
    </section>
  )
}

export function LettersSection({
  reference,
  letters,
  tasks,
}: {
  reference: string
  letters: Model['letters']
  tasks: Model['formatTasks']
}) {
  const { t } = useTranslation('staff')
  return (
    <section aria-labelledby="letters-heading">
      <h2 className="heading-m" id="letters-heading">
        {t('case.letters.heading')}
      </h2>
      {letters.length === 0 ? (
        <p className="body">{t('case.letters.none')}</p>
      ) : (
        <ul className="list list--bullet">
          {letters.map((letter) => (
            <li key={letter.id}>
              <Link className="link" to={`/staff/complaints/${encodeURIComponent(reference)}/letters/${letter.id}`}>
                {letter.subject}
              </Link>{' '}
              – {letter.createdAt} – {languageName(letter.language)}, {t(`letterFormats.${letter.format}`)}
            </li>
          ))}
        </ul>
      )}
      {tasks.length > 0 ? (
        <>
          <h3 className="heading-s">{t('case.tasks.heading')}</h3>
          <ul className="list list--bullet">
            {tasks.map((task) => (
              <li key={task.id}>
                {t(`case.tasks.formats.${task.format}`)}
                {task.detail ? ` (${task.detail})` : ''} – {t('case.tasks.due', { date: task.dueOn })} –{' '}
                {t(`commitmentStatuses.${task.status}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}

export function DetailsSection({ details, resident }: { details: Model['details']; resident: Model['resident'] }) {
  const { t } = useTranslation('staff')
  const notGiven = t('complaint.notGiven')
  return (
    <>
      <h2 className="heading-m">{t('complaint.details.heading')}</h2>
      <SummaryList
        rows={[
          { key: 'received', question: t('complaint.details.received'), answer: details.receivedAt },
          { key: 'channel', question: t('complaint.details.channel'), answer: t(`channels.${details.channel}`) },
          {
            key: 'category',
            question: t('complaint.details.category'),
            answer: t(`serviceAreas.${details.category}`, { defaultValue: details.category }),
          },
          {
            key: 'description',
            question: t('complaint.details.description'),
            answer: <span className="preserve-lines">{details.description}</span>,
          },
          {
            key: 'desiredOutcome',
            question: t('complaint.details.desiredOutcome'),
            answer: <span className="preserve-lines">{details.desiredOutcome}</span>,
          },
          ...(details.withdrawal
            ? [
                {
                  key: 'withdrawal',
                  question: t('case.withdrawn'),
                  answer: <span className="preserve-lines">{details.withdrawal.residentWords}</span>,
                },
              ]
            : []),
          ...(details.decline
            ? [
                {
                  key: 'decline',
                  question: t('case.declined'),
                  answer: (
                    <>
                      <strong>{t(`declineGrounds.${details.decline.ground}`)}</strong>
                      <br />
                      <span className="preserve-lines">{details.decline.explanation}</span>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      <h2 className="heading-m">{t('complaint.resident.heading')}</h2>
      <p className="body">
        <Link className="link" to={`/staff/residents/${resident.id}`}>
          {t('history.link')}
        </Link>
      </p>
      <SummaryList
        rows={[
          { key: 'name', question: t('complaint.resident.name'), answer: resident.name },
          { key: 'email', question: t('complaint.resident.email'), answer: resident.email ?? notGiven },
          {
            key: 'phone',
            question: t('complaint.resident.phone'),
            answer: resident.phone ? <bdi>{resident.phone}</bdi> : notGiven,
          },
          {
            key: 'address',
            question: t('complaint.resident.address'),
            answer: <span className="preserve-lines">{resident.address || notGiven}</span>,
          },
        ]}
      />
    </>
  )
}

export function TimelineSection({
  timeline,
  total,
  reference,
}: {
  timeline: Model['timeline']
  total: number
  reference: string
}) {
  const { t } = useTranslation('staff')
  return (
    <section aria-labelledby="timeline-heading">
      <h2 className="heading-m" id="timeline-heading">
        {t('case.timeline.heading')}
      </h2>
      {total > timeline.length ? (
        <p className="body">
          {t('case.timeline.shown', { shown: timeline.length, total })}{' '}
          <Link className="link" to="?timeline=all#timeline-heading">
            {t('case.timeline.showAll', { total })}
          </Link>
        </p>
      ) : null}
      <ol className="timeline">
        {timeline.map((entry, index) => (
          <li key={index} className={`timeline__item timeline__item--${entry.kind}`}>
            <p className="timeline__meta">
              <strong>{t(`case.timeline.kinds.${entry.kind}`)}</strong> – {entry.at}
            </p>
            {entry.kind === 'event' ? (
              <p className="body">
                {t(`case.timeline.actions.${entry.action}`, { defaultValue: entry.action })}
                {entry.actorName ? ` – ${entry.actorName}` : ''}
              </p>
            ) : null}
            {entry.kind === 'letter' ? (
              <p className="body">
                <Link
                  className="link"
                  to={`/staff/complaints/${encodeURIComponent(reference)}/letters/${entry.letterId}`}
                >
                  {entry.subject}
                </Link>
              </p>
            ) : null}
            {entry.kind === 'note' || entry.kind === 'resident_note' ? (
              <p className="body preserve-lines">
                {entry.body}
                {entry.authorName ? ` – ${entry.authorName}` : ''}
              </p>
            ) : null}
            {entry.kind === 'update' ? (
              <p className="body preserve-lines">
                {t(`updateMethods.${entry.method}`)}: {entry.summary}
                {entry.authorName ? ` – ${entry.authorName}` : ''}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

export function MessagesSection({ messages }: { messages: Model['messages'] }) {
  const { t } = useTranslation('staff')
  return (
    <section aria-labelledby="messages-heading">
      <h2 className="heading-m" id="messages-heading">
        {t('case.messages.heading')}
      </h2>
      {messages.length === 0 ? (
        <p className="body">{t('case.messages.none')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('case.messages.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('case.messages.what')}</th>
              <th scope="col">{t('case.messages.to')}</th>
              <th scope="col">{t('case.messages.status')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <td>
                  {message.subject}
                  <br />
                  <span className="hint">
                    {t(`case.messages.channels.${message.channel}`)} – {message.createdAt}
                  </span>
                </td>
                <td>
                  <bdi>{message.recipient}</bdi>
                </td>
                <td>
                  <strong className={`tag tag--${message.status}`}>
                    {t(`case.messages.statuses.${message.status}`)}
                  </strong>
                  <br />
                  <span className="hint">
                    {message.sentAt
                      ? t('case.messages.sentAt', { date: message.sentAt })
                      : message.status === 'retrying'
                        ? t('case.messages.retrying', { count: message.attempts, date: message.nextAttemptAt })
                        : null}
                    {message.lastError ? ` ${t('case.messages.lastError', { error: message.lastError })}` : null}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** Ombudsman, MP/councillor or mediation cases about this complaint (issue 7 §5). */
export function ExternalCasesSection({ cases }: { cases: Array<{ id: string; kind: string; opened: string }> }) {
  const { t } = useTranslation('staff')
  if (cases.length === 0) return null
  return (
    <section aria-labelledby="external-cases-heading">
      <h2 className="heading-m" id="external-cases-heading">
        {t('external.complaintLinks.heading')}
      </h2>
      <ul className="list">
        {cases.map((c) => (
          <li key={c.id}>
            <Link className="link" to={`/staff/external/${c.id}`}>
              {t('external.complaintLinks.link', { kind: t(`external.kinds.${c.kind}`), date: c.opened })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
