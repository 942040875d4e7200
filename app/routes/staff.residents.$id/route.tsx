import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { repeatComplaints } from '~/domain/complaints/repeats'
import { londonDate } from '~/domain/working-days'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { can } from '~/domain/permissions'
import { requireStaff } from '~/server/auth.server'
import { recordView } from '~/server/audit.server'
import { database } from '~/server/db.server'
import { restrictionsOf } from '~/server/conduct.server'
import { residentHistory } from '~/server/front-door.server'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'complaint:view')
  const history = /^[0-9a-f-]{36}$/.test(params.id ?? '') ? await residentHistory(database(), params.id ?? '') : null
  if (!history) throw new Response('Not found', { status: 404 })
  await recordView(database(), {
    staffId: staff.id,
    entityType: 'resident',
    entityId: history.resident.id,
    requestId: context.requestId,
  })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const repeats = repeatComplaints(history.complaints)
  const restrictions = await restrictionsOf(database(), history.resident.id, londonDate(new Date()))
  return {
    notice: new URL(request.url).searchParams.get('done'),
    canManageConduct: can(staff, 'conduct:manage'),
    restrictions: restrictions.map((r) => ({
      id: r.id,
      kind: r.kind,
      behaviour: r.behaviour,
      restriction: r.restriction,
      equalityConsideration: r.equalityConsideration,
      decidedBy: r.decidedByName,
      startsOn: formatDate(r.startsOn, locale),
      reviewOn: formatDate(r.reviewOn, locale),
      endedOn: r.endedOn ? formatDate(r.endedOn, locale) : null,
      state: r.state,
      reviewDue: r.reviewDue,
    })),
    title: t('history.title', { name: history.resident.name }),
    canExport: can(staff, 'resident:export'),
    canAnonymise: can(staff, 'resident:anonymise'),
    resident: {
      id: history.resident.id,
      name: history.resident.name,
      email: history.resident.email,
      phone: history.resident.phone,
      postcode: history.resident.postcode,
    },
    complaints: history.complaints.map((c) => ({
      ...c,
      receivedOn: formatDate(c.receivedOn, locale),
      repeat: repeats.has(c.reference),
    })),
    contacts: history.contacts.map((c) => ({
      id: c.id,
      receivedOn: formatDate(c.receivedOn, locale),
      channel: c.channel,
      summary: c.summary,
      outcome: c.outcome,
      priority: c.priority,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function ResidentHistoryPage() {
  const { title, resident, complaints, contacts, canExport, canAnonymise, restrictions, canManageConduct, notice } =
    useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      {notice ? (
        <div className="notice" role="status">
          <p className="body">{t(`conduct.done.${notice}`, { defaultValue: '' })}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{title}</h1>
      <p className="body">{[resident.postcode, resident.email, resident.phone].filter(Boolean).join(' · ')}</p>
      {canExport || canAnonymise ? (
        <ul className="list">
          {canExport ? (
            <li>
              <Link className="link" to={`/staff/residents/${resident.id}/export`}>
                {t('dataRights.exportLink')}
              </Link>
            </li>
          ) : null}
          {canAnonymise ? (
            <li>
              <Link className="link" to={`/staff/residents/${resident.id}/anonymise`}>
                {t('dataRights.anonymiseLink')}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <section aria-labelledby="restrictions-heading">
        <h2 className="heading-m" id="restrictions-heading">
          {t('conduct.heading')}
        </h2>
        {restrictions.length === 0 ? <p className="body">{t('conduct.none')}</p> : null}
        <ul className="list">
          {restrictions.map((r) => (
            <li key={r.id} className="restriction">
              <p className="body">
                <strong className={`tag tag--${r.state === 'active' ? 'red' : 'grey'}`}>
                  {t(`conduct.states.${r.state}`)}
                </strong>{' '}
                {t(`conduct.kinds.${r.kind}`)} –{' '}
                {t('conduct.period', { from: r.startsOn, to: r.endedOn ?? r.reviewOn })}
                {r.reviewDue ? ` – ${t('conduct.reviewDue')}` : ''}
              </p>
              <p className="body preserve-lines">{r.restriction}</p>
              <details className="details">
                <summary className="details__summary">{t('conduct.why')}</summary>
                <div className="details__text">
                  <p className="body preserve-lines">{r.behaviour}</p>
                  <p className="body preserve-lines">
                    <strong>{t('conduct.equality')}:</strong> {r.equalityConsideration}
                  </p>
                  {r.decidedBy ? <p className="body">{t('conduct.decidedBy', { name: r.decidedBy })}</p> : null}
                </div>
              </details>
              {canManageConduct && (r.state === 'active' || r.state === 'lapsed' || r.state === 'scheduled') ? (
                <p className="body">
                  <Link className="link" to={`/staff/residents/${resident.id}/restrictions/${r.id}`}>
                    {t('conduct.reviewLink')}
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        {canManageConduct ? (
          <p className="body">
            <Link className="link" to={`/staff/residents/${resident.id}/restrictions/new`}>
              {t('conduct.newLink')}
            </Link>
          </p>
        ) : null}
      </section>
      <h2 className="heading-m">{t('history.complaints')}</h2>
      {complaints.length === 0 ? <p className="body">{t('history.none')}</p> : null}
      <ul className="list list--bullet">
        {complaints.map((c) => (
          <li key={c.reference}>
            <Link className="link" to={`/staff/complaints/${encodeURIComponent(c.reference)}`}>
              <bdi>{c.reference}</bdi>
            </Link>{' '}
            – {c.receivedOn} – {t(`serviceAreas.${c.category}`, { defaultValue: c.category })} –{' '}
            {t(`statuses.${c.status}`)}
            {c.repeat ? (
              <>
                {' '}
                <strong className="tag tag--red">{t('history.repeat')}</strong>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <h2 className="heading-m">{t('history.contacts')}</h2>
      {contacts.length === 0 ? <p className="body">{t('history.none')}</p> : null}
      <ul className="list list--bullet">
        {contacts.map((c) => (
          <li key={c.id}>
            {c.receivedOn} – {t(`channels.${c.channel}`)} – {t(`frontDoor.offer.${c.outcome}`)}
            {c.priority !== 'normal' ? ` – ${t(`frontDoor.priorities.${c.priority}`)}` : ''}
            <br />
            <span className="preserve-lines">{c.summary}</span>
          </li>
        ))}
      </ul>
    </>
  )
}
