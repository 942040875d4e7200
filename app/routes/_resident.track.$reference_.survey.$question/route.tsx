import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, Radios } from '~/components/form'
import { londonDate } from '~/domain/working-days'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { requireResident } from '~/server/resident-access.server'
import {
  answerSurvey,
  loadCaseForResident,
  surveyAnswers,
  surveyQuestions,
  type SurveyQuestion,
} from '~/server/resident-case.server'

function questionOf(value: string | undefined): SurveyQuestion {
  const question = surveyQuestions.find((q) => q === value)
  if (!question) throw new Response('Not found', { status: 404 })
  return question
}

// After the complaint ends: one question per page, each optional to answer, for the KPIs.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireResident(request, params.reference)
  const question = questionOf(params.question)
  const view = await loadCaseForResident(database(), session.complaintId)
  if (!view || !['closed', 'stage2_responded'].includes(view.complaint.status))
    throw redirect(`/track/${encodeURIComponent(session.reference)}`)
  const t = await getFixedT(request, 'resident')
  return { title: t(`survey.${question}`), question, backHref: `/track/${encodeURIComponent(session.reference)}` }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const session = await requireResident(request, params.reference)
  const question = questionOf(params.question)
  const form = await readForm(request)
  const answer = single(form, 'answer')
  if (!answer || !(surveyAnswers as readonly string[]).includes(answer)) {
    return rejectForm(context, { errors: { answer: { key: 'errors:survey.answerRequired' } }, values: {} })
  }
  await answerSurvey(database(), {
    complaintId: session.complaintId,
    question,
    answer,
    on: londonDate(new Date()),
    requestId: context.requestId,
  })
  const next = surveyQuestions[surveyQuestions.indexOf(question) + 1]
  const base = `/track/${encodeURIComponent(session.reference)}`
  return redirect(next ? `${base}/survey/${next}` : `${base}?done=survey`)
}

export default function SurveyPage() {
  const { title } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('resident')
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={answer?.errors} />
        <Form method="post" noValidate>
          <Radios
            asHeading
            name="answer"
            legend={title}
            hint={t('survey.hint')}
            error={answer?.errors.answer}
            choices={surveyAnswers.map((value) => ({
              value,
              label: t(`survey.answers.${value}`),
              dividerBefore: value === 'dont_know' ? t('steps.adjustments.or') : undefined,
            }))}
          />
          <Button>{t('continue')}</Button>
        </Form>
      </div>
    </div>
  )
}
