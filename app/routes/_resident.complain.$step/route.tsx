import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary } from '~/components/form'
import { stepFields, validateStep } from '~/domain/journeys/complaint-forms'
import {
  canVisit,
  firstIncompleteStep,
  isComplaintStep,
  nextStep,
  previousStep,
  type ComplaintStep,
} from '~/domain/journeys/complaint'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { database } from '~/server/db.server'
import { findOpenDraft, saveAnswers } from '~/server/drafts.server'
import { addDraftFiles, draftFiles, removeDraftFile } from '~/server/draft-files.server'
import { isSameOrigin, readForm, rejectForm, single } from '~/server/forms.server'
import { MAX_FILES, readUpload } from '~/server/uploads.server'
import { answersAsFormValues, pickFields } from '~/server/journey.server'
import { EvidenceStep } from './evidence-step'
import { StepQuestion } from './step-question'

function stepFrom(params: LoaderFunctionArgs['params']): ComplaintStep {
  const step = params.step ?? ''
  if (!isComplaintStep(step)) throw new Response('Not found', { status: 404 })
  return step
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const step = stepFrom(params)
  const draft = await findOpenDraft(database(), request)
  const answers = draft?.answers ?? {}
  if (!canVisit(step, answers)) throw redirect(`/complain/${firstIncompleteStep(answers) ?? 'check'}`)
  const changing = new URL(request.url).searchParams.get('change') === '1'
  const t = await getFixedT(request, 'resident')
  const previous = previousStep(step)
  return {
    step,
    title: t(`steps.${step}.title`),
    values: pickFields(answersAsFormValues(answers), stepFields[step]),
    backHref: changing ? '/complain/check' : previous ? `/complain/${previous}` : '/',
    files:
      step === 'evidence' && draft
        ? (await draftFiles(database(), draft.id)).map((f) => ({ id: f.id, fileName: f.fileName }))
        : [],
    maxFiles: MAX_FILES,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const step = stepFrom(params)
  if (!isSameOrigin(request)) throw new Response('Forbidden: cross-site form', { status: 403 })
  const db = database()
  const draft = await findOpenDraft(db, request)
  const answers = draft?.answers ?? {}
  if (!canVisit(step, answers)) throw redirect(`/complain/${firstIncompleteStep(answers) ?? 'check'}`)
  const changing = new URL(request.url).searchParams.get('change') === '1'
  if (step === 'evidence') {
    // Photos and documents: optional, several uploads allowed, each checked as it arrives.
    const upload = await readUpload(request)
    if (!upload.ok) return rejectForm(context, { errors: upload.errors, values: {} })
    const remove = single(upload.values, 'remove')
    if (draft && remove) {
      await removeDraftFile(db, draft.id, remove)
      return redirect(`/complain/evidence${changing ? '?change=1' : ''}`)
    }
    if (draft && upload.files.length > 0 && !(await addDraftFiles(db, draft.id, upload.files))) {
      return rejectForm(context, {
        errors: { files: { key: 'errors:upload.tooMany', values: { max: MAX_FILES } } },
        values: {},
      })
    }
    if (single(upload.values, 'intent') === 'upload')
      return redirect(`/complain/evidence${changing ? '?change=1' : ''}`)
  }
  const form = step === 'evidence' ? {} : await readForm(request)
  if (step === 'complaint-or-request' && single(form, 'choice') === 'request')
    throw redirect('/complain/service-request')
  const posted = pickFields(form, stepFields[step])
  const result = validateStep(step, posted, answers)
  if (!result.ok) return rejectForm(context, { errors: result.errors, values: posted })
  const saved = await saveAnswers(db, request, result.data)
  const next = nextStep(step, saved.answers, changing)
  const to = next === 'check' ? '/complain/check' : `/complain/${next}${changing ? '?change=1' : ''}`
  return redirect(to, saved.setCookie ? { headers: { 'Set-Cookie': saved.setCookie } } : undefined)
}

export default function ComplaintStepPage() {
  const { step, values, files, maxFiles } = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('resident')
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={rejected?.errors} />
        {step === 'evidence' ? (
          <EvidenceStep files={files} maxFiles={maxFiles} error={rejected?.errors.files} />
        ) : (
          <Form method="post" noValidate>
            <StepQuestion step={step} values={rejected?.values ?? values} errors={rejected?.errors ?? {}} />
            <Button>{t('continue')}</Button>
          </Form>
        )}
      </div>
    </div>
  )
}
