import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { findSubmittedComplaint } from '~/server/complaints.server'
import { database } from '~/server/db.server'
import { findDraft } from '~/server/drafts.server'

// Only the browser that submitted the complaint sees this page: it is found through the draft
// cookie, never through a reference in the URL.
export async function loader({ request }: LoaderFunctionArgs) {
  const db = database()
  const draft = await findDraft(db, request)
  const submitted = draft?.complaintId ? await findSubmittedComplaint(db, draft.complaintId) : null
  if (!submitted) throw redirect('/')
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'resident')
  return {
    title: t('confirmation.title'),
    reference: submitted.reference,
    acknowledgeBy: formatDate(submitted.acknowledgementDue, locale),
    workingDays: submitted.deadline.workingDays,
    skipped: submitted.deadline.skipped
      .filter((day) => day.reason !== 'weekend')
      .map((day) => ({ date: formatDate(day.date, locale), reason: day.reason })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function ConfirmationPage() {
  const { title, reference, acknowledgeBy, workingDays, skipped } = useLoaderData<typeof loader>()
  const { t } = useTranslation('resident')
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <div className="panel">
          <h1 className="panel__title">{title}</h1>
          <div className="panel__body">
            {t('confirmation.referenceIntro')}
            <br />
            <strong>
              <bdi>{reference}</bdi>
            </strong>
          </div>
        </div>
        <p className="body">{t('confirmation.keepReference')}</p>
        <h2 className="heading-m">{t('confirmation.next.heading')}</h2>
        <p className="body">{t('confirmation.next.acknowledge', { date: acknowledgeBy })}</p>
        <p className="body">{t('confirmation.next.howWorkedOut', { count: workingDays })}</p>
        {skipped.length > 0 ? (
          <ul className="list list--bullet">
            {skipped.map((day) => (
              <li key={day.date}>{t(`confirmation.skipped.${day.reason}`, { date: day.date })}</li>
            ))}
          </ul>
        ) : null}
        <p className="body">{t('confirmation.next.stage1')}</p>
        <p className="body">
          <Link className="link" to="/">
            {t('confirmation.home')}
          </Link>
        </p>
      </div>
    </div>
  )
}
