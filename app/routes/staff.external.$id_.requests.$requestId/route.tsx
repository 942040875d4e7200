import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, TextArea, TextInput } from '~/components/form'
import { isActionKind } from '~/domain/external-cases'
import { cleanLine, cleanText } from '~/domain/text'
import { londonDate } from '~/domain/working-days'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { answerExternalRequest, loadExternalCase } from '~/server/external-cases.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { newSubmissionKey, submittedKey } from '~/server/submissions.server'

async function openRequest(caseId: string, requestId: string) {
  const loaded = await loadExternalCase(database(), caseId)
  const request = loaded?.requests.find((r) => r.id === requestId)
  if (!loaded || !request || request.answeredOn || loaded.externalCase.closedOn) return null
  return { externalCase: loaded.externalCase, request }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'external:manage')
  const found = await openRequest(params.id ?? '', params.requestId ?? '')
  if (!found) throw new Response('Not found', { status: 404 })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const compliance = isActionKind(found.request.kind)
  return {
    title: compliance ? t('external.answer.complianceTitle') : t('external.answer.title'),
    backHref: `/staff/external/${found.externalCase.id}`,
    compliance,
    kind: found.request.kind,
    description: found.request.description,
    due: formatDate(found.request.dueOn, locale),
    today: londonDate(new Date()),
    submissionKey: newSubmissionKey(),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'external:manage')
  const form = await readForm(request)
  const caseId = params.id ?? ''
  const values = {
    answeredOn: cleanLine(single(form, 'answeredOn')),
    evidence: cleanText(single(form, 'evidence')).slice(0, 5000),
  }
  const result = await answerExternalRequest(database(), {
    caseId,
    externalRequestId: params.requestId ?? '',
    answer: values,
    staffId: staff.id,
    submissionKey: submittedKey(single(form, 'submissionKey')),
    requestId: context.requestId,
    now: new Date(),
  })
  if (!result.ok) {
    if ('notFound' in result) throw new Response('Not found', { status: 404 })
    return rejectForm(context, { errors: result.errors, values }, result.status)
  }
  return redirect(`/staff/external/${caseId}?done=answer`)
}

export default function AnswerExternalRequestPage() {
  const { title, compliance, kind, description, due, today, submissionKey } = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const value = (name: string) => {
    const v = rejected?.values[name]
    return typeof v === 'string' ? v : undefined
  }
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={rejected?.errors} />
        <h1 className="heading-l">{title}</h1>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt className="summary-list__key">{t('external.columns.request')}</dt>
            <dd className="summary-list__value">{t(`external.requestKinds.${kind}`)}</dd>
          </div>
          <div className="summary-list__row">
            <dt className="summary-list__key">{t('external.columns.description')}</dt>
            <dd className="summary-list__value preserve-lines">{description}</dd>
          </div>
          <div className="summary-list__row">
            <dt className="summary-list__key">{t('external.columns.due')}</dt>
            <dd className="summary-list__value">{due}</dd>
          </div>
        </dl>
        <Form method="post" noValidate>
          <input type="hidden" name="submissionKey" value={submissionKey} />
          <TextInput
            type="date"
            name="answeredOn"
            label={compliance ? t('external.answer.compliedOn') : t('external.answer.answeredOn')}
            error={rejected?.errors.answeredOn}
            defaultValue={value('answeredOn') ?? today}
            width="10"
          />
          <TextArea
            name="evidence"
            label={compliance ? t('external.answer.proof') : t('external.answer.sent')}
            hint={compliance ? t('external.answer.proofHint') : undefined}
            error={rejected?.errors.evidence}
            defaultValue={value('evidence')}
            rows={4}
          />
          <Button>{compliance ? t('external.answer.submitCompliance') : t('external.answer.submit')}</Button>
        </Form>
      </div>
    </div>
  )
}
