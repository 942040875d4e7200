import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SummaryList } from '~/components/form'
import { parseComplaintReference } from '~/domain/complaints/reference'
import { formatDate, formatDateTime } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { findComplaintByReference } from '~/server/complaints.server'
import { database } from '~/server/db.server'
import endonyms from '../../../locales/languages.json'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'complaint:view')
  const reference = parseComplaintReference(params.reference ?? '')
  const complaint = reference ? await findComplaintByReference(database(), reference) : null
  if (!complaint) throw new Response('Not found', { status: 404 })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const deadline = complaint.acknowledgementDueExplanation
  return {
    title: t('complaint.title', { reference: complaint.reference }),
    backHref: '/staff/complaints',
    complaint: {
      reference: complaint.reference,
      status: complaint.status,
      channel: complaint.channel,
      category: complaint.category,
      description: complaint.description,
      desiredOutcome: complaint.desiredOutcome,
      receivedAt: formatDateTime(complaint.receivedAt, locale),
      language: complaint.language,
      acknowledgeBy: formatDate(complaint.acknowledgementDue, locale),
      explanation: {
        from: formatDate(deadline.from, locale),
        workingDays: deadline.workingDays,
        skipped: deadline.skipped.map((day) => ({ date: formatDate(day.date, locale), reason: day.reason })),
      },
    },
    resident: {
      name: complaint.resident.name,
      email: complaint.resident.email,
      phone: complaint.resident.phone,
      address: [complaint.resident.address, complaint.resident.postcode].filter(Boolean).join('\n'),
      preferredLanguage: complaint.resident.preferredLanguage,
      preferredContactMethod: complaint.resident.preferredContactMethod,
    },
    adjustments: complaint.adjustments,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

function languageName(code: string): string {
  if (code.startsWith('other:')) return code.slice('other:'.length)
  return endonyms[code as keyof typeof endonyms] ?? code
}

export default function StaffComplaintPage() {
  const { title, complaint, resident, adjustments } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  const notGiven = t('complaint.notGiven')
  return (
    <>
      <span className="caption-l">{t(`statuses.${complaint.status}`)}</span>
      <h1 className="heading-l">{title}</h1>
      <div className="notice" role="note" aria-labelledby="needs-heading">
        <h2 className="heading-s" id="needs-heading">
          {t('complaint.needs.heading')}
        </h2>
        <p className="body">
          {t('complaint.needs.language', { language: languageName(resident.preferredLanguage) })}{' '}
          {t('complaint.needs.contact', { method: t(`contactMethods.${resident.preferredContactMethod}`) })}
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
      <h2 className="heading-m">{t('complaint.deadlines.heading')}</h2>
      <p className="body">{t('complaint.deadlines.acknowledgeBy', { date: complaint.acknowledgeBy })}</p>
      <details className="details">
        <summary className="details__summary">{t('complaint.deadlines.how')}</summary>
        <div className="details__text">
          <p className="body">
            {t('complaint.deadlines.explanation', {
              from: complaint.explanation.from,
              count: complaint.explanation.workingDays,
            })}
          </p>
          {complaint.explanation.skipped.length > 0 ? (
            <ul className="list list--bullet">
              {complaint.explanation.skipped.map((day) => (
                <li key={day.date}>{t(`complaint.deadlines.skipped.${day.reason}`, { date: day.date })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </details>
      <h2 className="heading-m">{t('complaint.details.heading')}</h2>
      <SummaryList
        rows={[
          { key: 'received', question: t('complaint.details.received'), answer: complaint.receivedAt },
          { key: 'channel', question: t('complaint.details.channel'), answer: t(`channels.${complaint.channel}`) },
          {
            key: 'category',
            question: t('complaint.details.category'),
            answer: t(`serviceAreas.${complaint.category}`, { defaultValue: complaint.category }),
          },
          {
            key: 'description',
            question: t('complaint.details.description'),
            answer: <span className="preserve-lines">{complaint.description}</span>,
          },
          {
            key: 'desiredOutcome',
            question: t('complaint.details.desiredOutcome'),
            answer: <span className="preserve-lines">{complaint.desiredOutcome}</span>,
          },
        ]}
      />
      <h2 className="heading-m">{t('complaint.resident.heading')}</h2>
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
