import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, TextArea } from '~/components/form'
import { cleanText } from '~/domain/text'
import { londonDate } from '~/domain/working-days'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { runCommand } from '~/server/cases.server'
import { database } from '~/server/db.server'
import { readForm, single } from '~/server/forms.server'
import { requireResident } from '~/server/resident-access.server'
import { loadCaseForResident } from '~/server/resident-case.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireResident(request, params.reference)
  const view = await loadCaseForResident(database(), session.complaintId)
  if (!view?.canEscalate) throw redirect(`/track/${encodeURIComponent(session.reference)}`)
  const t = await getFixedT(request, 'resident')
  return { title: t('escalate.title'), backHref: `/track/${encodeURIComponent(session.reference)}` }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

// S2-1: the request alone is enough. No reason is asked for, and it cannot be refused for want of one.
export async function action({ request, params, context }: ActionFunctionArgs) {
  const session = await requireResident(request, params.reference)
  const form = await readForm(request)
  const comment = cleanText(single(form, 'stillWrong')).slice(0, 5000)
  const result = await runCommand(database(), {
    reference: session.reference,
    command: {
      type: 'escalate',
      on: londonDate(new Date()),
      by: { kind: 'resident' },
      channel: 'web',
      residentComment: comment || null,
    },
    actor: { type: 'resident', id: null },
    requestId: context.requestId,
    now: new Date(),
  })
  const base = `/track/${encodeURIComponent(session.reference)}`
  return redirect(result.ok ? `${base}?done=escalated` : base)
}

export default function EscalatePage() {
  const { title } = useLoaderData<typeof loader>()
  const { t } = useTranslation('resident')
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <h1 className="heading-l">{title}</h1>
        <p className="body">{t('escalate.intro')}</p>
        <p className="body">{t('escalate.noReason')}</p>
        <Form method="post" noValidate>
          <TextArea name="stillWrong" label={t('escalate.stillWrong')} hint={t('escalate.stillWrongHint')} rows={5} />
          <Button>{t('escalate.submit')}</Button>
        </Form>
      </div>
    </div>
  )
}
