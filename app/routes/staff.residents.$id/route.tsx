import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { repeatComplaints } from '~/domain/complaints/repeats'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { can } from '~/domain/permissions'
import { requireStaff } from '~/server/auth.server'
import { recordView } from '~/server/audit.server'
import { database } from '~/server/db.server'
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
  return {
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
  const { title, resident, complaints, contacts, canExport, canAnonymise } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
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
