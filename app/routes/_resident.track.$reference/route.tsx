import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/form'
import { residentStatus, type CommitmentStatus } from '~/domain/commitments'
import type { Deadline } from '~/domain/complaints/deadlines'
import { londonDate } from '~/domain/working-days'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { database } from '~/server/db.server'
import { requireResident } from '~/server/resident-access.server'
import { loadCaseForResident } from '~/server/resident-case.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireResident(request, params.reference)
  const view = await loadCaseForResident(database(), session.complaintId)
  if (!view) throw new Response('Not found', { status: 404 })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'resident')
  const url = new URL(request.url)
  const explain = (deadline: Deadline) => ({
    date: formatDate(deadline.due, locale),
    from: formatDate(deadline.from, locale),
    workingDays: deadline.workingDays,
    startEvent: deadline.startEvent,
    skipped: deadline.skipped
      .filter((d) => d.reason !== 'weekend')
      .map((d) => ({ date: formatDate(d.date, locale), reason: d.reason })),
  })
  // Before the acknowledgement only its date is certain (S1-5); the reply date follows from it.
  const deadlines = view.responseDue
    ? view.stage.acknowledgedOn
      ? [{ kind: 'replyBy' as const, ...explain(view.responseDue) }]
      : [{ kind: 'acknowledgeBy' as const, ...explain(view.stage.acknowledgement) }]
    : []
  return {
    title: t('case.title', { reference: view.row.reference }),
    reference: view.row.reference,
    status: view.complaint.status,
    stage: view.stage.stage,
    notice: url.searchParams.get('done'),
    deadlines,
    timeline: view.timeline.map((e) => ({
      action: e.action,
      on: formatDate(e.occurredAt.toISOString().slice(0, 10), locale),
    })),
    letters: view.letters.map((l) => ({
      id: l.id,
      subject: l.subject,
      on: formatDate(l.createdAt.toISOString().slice(0, 10), locale),
    })),
    // PTR-5: the resident sees each promise's progress; waiting for sign-off still reads "in progress".
    commitments: view.commitments.map((c) => ({
      id: c.id,
      description: c.description,
      dueOn: formatDate(c.dueOn, locale),
      status: residentStatus({ status: c.status as CommitmentStatus, dueOn: c.dueOn }, londonDate(new Date())),
      update: c.residentUpdate,
    })),
    attachments: view.attachments.map((a) => ({ id: a.id, fileName: a.fileName })),
    canEscalate: view.canEscalate,
    canWithdraw: view.canWithdraw,
    surveyDue: view.surveyDue,
    sessionExpires: session.idleExpiresAt.toISOString(),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function ResidentCasePage() {
  const page = useLoaderData<typeof loader>()
  const { t } = useTranslation('resident')
  const base = `/track/${encodeURIComponent(page.reference)}`
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <div className="session-timeout" data-session-expires={page.sessionExpires} hidden>
          <p className="body" role="alert">
            {t('case.timeout.warning')}{' '}
            <a className="link" href={base}>
              {t('case.timeout.stay')}
            </a>
          </p>
        </div>
        {page.notice ? (
          <div className="notice" role="status">
            <p className="body">{t(`case.done.${page.notice}`, { defaultValue: '' })}</p>
          </div>
        ) : null}
        <span className="caption-l">
          <bdi>{page.reference}</bdi>
        </span>
        <h1 className="heading-l">{t(`case.status.${page.status}`)}</h1>
        <p className="body">{t(`case.statusDetail.${page.status}`)}</p>
        {page.deadlines.map((deadline) => (
          <Fragment key={deadline.kind}>
            <p className="body">{t(`case.${deadline.kind}`, { date: deadline.date, stage: page.stage })}</p>
            <details className="details">
              <summary className="details__summary">{t('case.how')}</summary>
              <div className="details__text">
                <p className="body">
                  {t(`case.explanation.${deadline.startEvent}`, { count: deadline.workingDays, from: deadline.from })}
                </p>
                <ul className="list list--bullet">
                  {deadline.skipped.map((day) => (
                    <li key={day.date}>{t(`confirmation.skipped.${day.reason}`, { date: day.date })}</li>
                  ))}
                  <li>{t('case.weekends')}</li>
                </ul>
              </div>
            </details>
          </Fragment>
        ))}

        <h2 className="heading-m">{t('case.whatYouCanDo')}</h2>
        <ul className="list action-list">
          <li>
            <Link className="link" to={`${base}/add`}>
              {t('case.add')}
            </Link>
          </li>
          {page.canEscalate ? (
            <li>
              <Link className="link" to={`${base}/escalate`}>
                {t('case.escalate')}
              </Link>
            </li>
          ) : null}
          {page.letters.length > 0 ? (
            <li>
              <Link className="link" to={`${base}/letter-again`}>
                {t('case.letterAgain')}
              </Link>
            </li>
          ) : null}
          {page.surveyDue.length > 0 ? (
            <li>
              <Link className="link" to={`${base}/survey/${page.surveyDue[0] ?? 'handling'}`}>
                {t('case.survey')}
              </Link>
            </li>
          ) : null}
          {page.canWithdraw ? (
            <li>
              <Link className="link" to={`${base}/withdraw`}>
                {t('case.withdraw')}
              </Link>
            </li>
          ) : null}
        </ul>

        {page.commitments.length > 0 ? (
          <>
            <h2 className="heading-m">{t('case.promised')}</h2>
            <ul className="list list--bullet">
              {page.commitments.map((c) => (
                <li key={c.id}>
                  {c.description} – {t('case.promisedBy', { date: c.dueOn })} – {t(`case.commitment.${c.status}`)}
                  {c.update ? (
                    <>
                      <br />
                      <span className="preserve-lines">
                        {t('case.commitmentUpdate')} {c.update}
                      </span>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}

        <h2 className="heading-m">{t('case.letters')}</h2>
        {page.letters.length === 0 ? <p className="body">{t('case.noLetters')}</p> : null}
        <ul className="list list--bullet">
          {page.letters.map((letter) => (
            <li key={letter.id}>
              <Link className="link" to={`${base}/letters/${letter.id}`}>
                {letter.subject}
              </Link>{' '}
              – {letter.on}
            </li>
          ))}
        </ul>

        {page.attachments.length > 0 ? (
          <>
            <h2 className="heading-m">{t('case.files')}</h2>
            <ul className="list list--bullet">
              {page.attachments.map((file) => (
                <li key={file.id}>
                  <a className="link" href={`${base}/files/${file.id}`}>
                    {file.fileName}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}

        <h2 className="heading-m">{t('case.history')}</h2>
        <ol className="timeline">
          {page.timeline.map((event, index) => (
            <li key={index} className="timeline__item">
              <p className="timeline__meta">{event.on}</p>
              <p className="body">{t(`case.events.${event.action}`)}</p>
            </li>
          ))}
        </ol>

        <Form method="post" action="/track/sign-out">
          <Button variant="secondary">{t('case.signOut')}</Button>
        </Form>
      </div>
    </div>
  )
}
