import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary } from '~/components/form'
import { londonDate } from '~/domain/working-days'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { decideSummary, summaryForApproval } from '~/server/panel.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'panel:publish')
  const row = await summaryForApproval(database(), params.id ?? '')
  if (!row) throw new Response('Not found', { status: 404 })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  return {
    title: t('panel.approve.title', { reference: row.reference }),
    backHref: '/staff/panel/summaries',
    reference: row.reference,
    serviceArea: row.summary.serviceArea,
    outcome: row.summary.outcome,
    summary: row.summary.summary,
    learning: row.summary.learning,
    draftedBy: row.draftedBy,
    published: row.summary.publishedAt ? formatDate(londonDate(row.summary.publishedAt), locale) : null,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'panel:publish')
  const form = await readForm(request)
  const decision = single(form, 'decision') === 'return' ? 'return' : 'publish'
  const result = await decideSummary(database(), {
    id: params.id ?? '',
    decision,
    staffId: staff.id,
    now: new Date(),
    requestId: context.requestId,
  })
  if (!result.ok) {
    if ('notFound' in result) throw new Response('Not found', { status: 404 })
    return rejectForm(context, { errors: result.errors, values: form }, result.status)
  }
  return redirect('/staff/panel/summaries')
}

export default function ApproveSummaryPage() {
  const data = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  return (
    <>
      <ErrorSummary errors={rejected?.errors} />
      <h1 className="heading-l">{data.title}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('panel.fields.serviceArea')}</dt>
          <dd className="summary-list__value">
            {t(`serviceAreas.${data.serviceArea}`, { defaultValue: data.serviceArea })}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('panel.fields.outcome')}</dt>
          <dd className="summary-list__value">{t(`panel.outcomes.${data.outcome}`, { defaultValue: data.outcome })}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key" id="summary">
            {t('panel.fields.summary')}
          </dt>
          <dd className="summary-list__value preserve-lines">{data.summary}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key" id="learning">
            {t('panel.fields.learning')}
          </dt>
          <dd className="summary-list__value preserve-lines">{data.learning}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('panel.summaries.draftedBy')}</dt>
          <dd className="summary-list__value">{data.draftedBy}</dd>
        </div>
      </dl>
      {data.published ? (
        <p className="body">{t('panel.approve.alreadyPublished', { date: data.published })}</p>
      ) : (
        <>
          <p className="body">{t('panel.approve.check')}</p>
          <Form method="post" className="inline-form">
            <input type="hidden" name="decision" value="publish" />
            <Button>{t('panel.approve.publish')}</Button>
          </Form>{' '}
          <Form method="post" className="inline-form">
            <input type="hidden" name="decision" value="return" />
            <Button variant="secondary">{t('panel.approve.return')}</Button>
          </Form>
        </>
      )}
    </>
  )
}
