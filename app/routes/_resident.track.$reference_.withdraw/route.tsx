import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, TextArea } from '~/components/form'
import { cleanText } from '~/domain/text'
import { londonDate } from '~/domain/working-days'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { runCommand } from '~/server/cases.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { requireResident } from '~/server/resident-access.server'
import { loadCaseForResident } from '~/server/resident-case.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireResident(request, params.reference)
  const view = await loadCaseForResident(database(), session.complaintId)
  if (!view?.canWithdraw) throw redirect(`/track/${encodeURIComponent(session.reference)}`)
  const t = await getFixedT(request, 'resident')
  return { title: t('withdraw.title'), backHref: `/track/${encodeURIComponent(session.reference)}` }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const session = await requireResident(request, params.reference)
  const form = await readForm(request)
  const words = cleanText(single(form, 'words')).slice(0, 5000)
  if (!words) return rejectForm(context, { errors: { words: { key: 'errors:withdraw.wordsRequired' } }, values: {} })
  const result = await runCommand(database(), {
    reference: session.reference,
    command: {
      type: 'withdraw',
      on: londonDate(new Date()),
      by: { kind: 'resident' },
      channel: 'web',
      residentWords: words,
    },
    actor: { type: 'resident', id: null },
    requestId: context.requestId,
    now: new Date(),
  })
  const base = `/track/${encodeURIComponent(session.reference)}`
  return redirect(result.ok ? `${base}?done=withdrawn` : base)
}

export default function WithdrawPage() {
  const { title } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('resident')
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={answer?.errors} />
        <Form method="post" noValidate>
          <TextArea
            asHeading
            name="words"
            label={title}
            hint={t('withdraw.hint')}
            error={answer?.errors.words}
            rows={5}
          />
          <Button variant="warning">{t('withdraw.submit')}</Button>
        </Form>
      </div>
    </div>
  )
}
