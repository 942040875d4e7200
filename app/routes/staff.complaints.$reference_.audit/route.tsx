import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { parseComplaintReference } from '~/domain/complaints/reference'
import { formatDateTime } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { complaintAudit } from '~/server/audit-log.server'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'audit:view')
  const reference = parseComplaintReference(params.reference ?? '')
  const events = reference ? await complaintAudit(database(), reference) : null
  if (!events) throw new Response('Not found', { status: 404 })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  return {
    title: t('audit.title', { reference }),
    backHref: `/staff/complaints/${encodeURIComponent(reference ?? '')}`,
    events: events.map((e) => ({ ...e, occurredAt: formatDateTime(e.occurredAt, locale) })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function ComplaintAuditPage() {
  const { title, events } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      <div className="table-wrapper" role="region" aria-labelledby="audit-caption" tabIndex={0}>
        <table className="table">
          <caption id="audit-caption" className="table__caption visually-hidden">
            {title}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.requestId')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>{event.occurredAt}</td>
                <td>{event.actorName ?? t(`audit.actors.${event.actorType}`)}</td>
                <td>{t(`case.timeline.actions.${event.action}`, { defaultValue: event.action })}</td>
                <td>
                  <code>{event.requestId ?? ''}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
