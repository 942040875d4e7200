import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary } from '~/components/form'
import { currentStage, responseDeadline } from '~/domain/complaints/case'
import {
  actionPermission,
  availableActions,
  isCaseAction,
  parseCaseAction,
  parseRecord,
  type CaseAction,
} from '~/domain/complaints/case-forms'
import type { Actor } from '~/domain/complaints/lifecycle'
import { parseComplaintReference } from '~/domain/complaints/reference'
import type { FieldErrors } from '~/domain/forms'
import { can } from '~/domain/permissions'
import { londonDate } from '~/domain/working-days'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff, type SignedInStaff } from '~/server/auth.server'
import { addNote, recordResidentUpdate } from '~/server/case-records.server'
import { loadCaseForStaff, previewCommand, previewLetter } from '~/server/case-view.server'
import { activeStaff, runCommands } from '~/server/cases.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { ActionFields } from './action-fields'
import { fieldForRefusal } from './refusal-fields'

async function guard(request: Request, params: LoaderFunctionArgs['params']) {
  const action = params.action ?? ''
  const reference = parseComplaintReference(params.reference ?? '')
  if (!isCaseAction(action) || !reference) throw new Response('Not found', { status: 404 })
  const staff = await requireStaff(request, actionPermission[action])
  const today = londonDate(new Date())
  const view = await loadCaseForStaff(database(), reference, today)
  if (!view) throw new Response('Not found', { status: 404 })
  // The transition table decides what can happen now; an action it does not allow goes back to the case.
  if (!availableActions(view.complaint.status, (permission) => can(staff, permission)).includes(action)) {
    throw redirect(`/staff/complaints/${encodeURIComponent(reference)}`)
  }
  return { action, reference, staff, today, view }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { action, reference, today, view } = await guard(request, params)
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const stage = currentStage(view.complaint)
  const letterKind = stage.stage === 1 ? 'stage1_response' : 'stage2_response'
  let letterHtml: string | null = null
  if (action === 'respond') {
    const preview = await previewCommand(database(), reference, { type: 'respond', on: today, by: { kind: 'system' } })
    const base = preview?.ok ? preview.complaint : view.complaint
    letterHtml =
      (await previewLetter(database(), reference, letterKind, base, view.calendar, view.settings))?.html ?? null
  }
  return {
    title: t(`case.actions.${action}`),
    caption: t('complaint.title', { reference }),
    backHref: `/staff/complaints/${encodeURIComponent(reference)}`,
    action,
    reference,
    today,
    stage: stage.stage,
    currentDue: formatDate(responseDeadline(stage).due, locale),
    elements: view.complaint.elements.map((e) => ({ id: e.id, summary: e.summary, stage1: e.stage1 ?? null })),
    suggestedElements: stage.stage === 1 ? view.record.description : '',
    suggestedOutcomes: view.complaint.definition?.outcomesSought ?? view.record.desiredOutcome,
    handlers: action === 'assign' ? await activeStaff(database()) : [],
    checklist: view.checklist,
    letterHtml,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

function actorOf(staff: SignedInStaff): Actor {
  return { kind: 'staff', id: staff.id, role: staff.role }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { action, reference, staff, today, view } = await guard(request, params)
  const form = await readForm(request)
  const db = database()
  const caseUrl = `/staff/complaints/${encodeURIComponent(reference)}`

  if (action === 'note' || action === 'update') {
    const parsed = parseRecord(action, form, today)
    if (!parsed.ok) return rejectForm(context, { errors: parsed.errors, values: form })
    if ('body' in parsed.data)
      await addNote(db, { reference, staffId: staff.id, body: parsed.data.body, requestId: context.requestId })
    else await recordResidentUpdate(db, { reference, staffId: staff.id, ...parsed.data, requestId: context.requestId })
    return redirect(caseUrl)
  }

  const parsed = parseCaseAction(action, form, {
    actor: actorOf(staff),
    actorIsManager: staff.role === 'manager',
    today,
    complaint: view.complaint,
  })
  if (!parsed.ok) return rejectForm(context, { errors: parsed.errors, values: form })

  // EXT-3: the new date is shown, and confirmed, before the extension is made.
  if (action === 'extend' && single(form, 'confirm') !== 'yes') {
    const preview = await previewCommand(
      db,
      reference,
      parsed.data[0] ?? { type: 'close', on: today, by: actorOf(staff) },
    )
    if (!preview) throw new Response('Not found', { status: 404 })
    if (!preview.ok) return refused(context, action, preview.refusal, form)
    const locale = await getLocale(request)
    const record = currentStage(preview.complaint)
    const newDeadline = responseDeadline(record)
    return data({
      errors: null,
      values: form,
      confirm: {
        newDue: formatDate(newDeadline.due, locale),
        from: formatDate(newDeadline.from, locale),
        workingDays: newDeadline.workingDays,
        skipped: newDeadline.skipped.map((day) => ({ date: formatDate(day.date, locale), reason: day.reason })),
      },
    })
  }

  const result = await runCommands(db, {
    reference,
    commands: parsed.data,
    actor: { type: 'staff', id: staff.id },
    requestId: context.requestId,
    now: new Date(),
  })
  if (!result.ok) {
    if ('notFound' in result) throw new Response('Not found', { status: 404 })
    return refused(context, action, result.refusal, form)
  }
  return redirect(caseUrl)
}

function refused(
  context: ActionFunctionArgs['context'],
  action: CaseAction,
  refusal: { key: string; values?: Record<string, string | number>; missing?: string[] },
  form: Record<string, string | string[]>,
) {
  const errors: FieldErrors = {
    [fieldForRefusal(action, refusal.key)]: { key: refusal.key, ...(refusal.values ? { values: refusal.values } : {}) },
  }
  // 409: the form was fine, the Code said no.
  return rejectForm(context, { errors, values: form }, 409)
}

export default function CaseActionPage() {
  const page = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const confirm = answer && 'confirm' in answer ? answer.confirm : null
  const errors = answer?.errors ?? undefined
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="caption-l">{page.caption}</span>
        <h1 className="heading-l">{page.title}</h1>
        {confirm ? (
          <Form method="post" noValidate>
            {Object.entries(answer?.values ?? {}).map(([name, value]) =>
              [value].flat().map((v, i) => <input key={`${name}-${i}`} type="hidden" name={name} value={v} />),
            )}
            <div className="panel panel--info" role="status">
              <p className="panel__body">{t('case.extend.newDate', { date: confirm.newDue })}</p>
            </div>
            <p className="body">{t('case.extend.explanation', { count: confirm.workingDays, from: confirm.from })}</p>
            {confirm.skipped.length > 0 ? (
              <ul className="list list--bullet">
                {confirm.skipped.map((day) => (
                  <li key={day.date}>{t(`complaint.deadlines.skipped.${day.reason}`, { date: day.date })}</li>
                ))}
              </ul>
            ) : null}
            <input type="hidden" name="confirm" value="yes" />
            <Button>{t('case.extend.confirm')}</Button>
          </Form>
        ) : (
          <Form method="post" noValidate>
            <ActionFields page={page} values={answer?.values ?? {}} errors={errors ?? {}} />
          </Form>
        )}
      </div>
    </div>
  )
}
