import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary } from '~/components/form'
import {
  askKindsFor,
  findingField,
  hasDetermination,
  isActionKind,
  isActionLoggedLate,
  isAdverseDetermination,
  isExternalCaseKind,
  issueField,
  MAX_FINDINGS,
  requestState,
} from '~/domain/external-cases'
import type { FieldErrors } from '~/domain/forms'
import { can } from '~/domain/permissions'
import { cleanLine, cleanText } from '~/domain/text'
import { londonDate } from '~/domain/working-days'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import {
  addDeterminationAction,
  addExternalRequest,
  closeExternalCase,
  loadExternalCase,
  recordDetermination,
  type ExternalChange,
} from '~/server/external-cases.server'
import { readForm, rejectForm, single, type FormValues } from '~/server/forms.server'
import { newSubmissionKey, submittedKey } from '~/server/submissions.server'
import { CaseForms, CaseSummary, FindingsSection, RequestsTable } from './sections'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'external:view')
  const loaded = await loadExternalCase(database(), params.id ?? '')
  if (!loaded) throw new Response('Not found', { status: 404 })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const today = londonDate(new Date())
  const { externalCase: c, findings, requests, nonWorkingDays } = loaded
  const kind = isExternalCaseKind(c.kind) ? c.kind : 'ombudsman_enquiry'
  const date = (value: string | null) => (value ? formatDate(value, locale) : null)
  const rows = requests.map((r) => ({
    id: r.id,
    kind: r.kind,
    description: r.description,
    received: formatDate(r.receivedOn, locale),
    due: formatDate(r.dueOn, locale),
    answered: date(r.answeredOn),
    evidence: r.evidence,
    state: requestState(r, today),
    recorded: formatDate(r.recordedOn, locale),
    loggedLate: c.determinedOn ? isActionLoggedLate(c.determinedOn, r.recordedOn, nonWorkingDays) : false,
  }))
  const open = !c.closedOn
  return {
    title: t('external.case.title', { kind: t(`external.kinds.${kind}`) }),
    backHref: '/staff/external',
    id: c.id,
    kind,
    theirReference: c.theirReference,
    complaintReference: loaded.complaintReference,
    opened: formatDate(c.openedOn, locale),
    closed: date(c.closedOn),
    determined: date(c.determinedOn),
    notes: c.notes,
    outcome: c.outcome,
    findings,
    adverse: isAdverseDetermination(findings),
    asks: rows.filter((r) => !isActionKind(r.kind)),
    actions: rows.filter((r) => isActionKind(r.kind)),
    canManage: can(staff, 'external:manage'),
    forms: {
      ask: open,
      askKinds: askKindsFor(kind),
      determination: open && hasDetermination(kind) && !c.determinedOn,
      action: open && c.determinedOn !== null,
      close: open,
      mediation: kind === 'mediation',
    },
    findingRows: MAX_FINDINGS,
    today,
    submissionKey: newSubmissionKey(),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

/** Each form's fields carry its name (requestDueOn, actionDueOn…) so every id on the page is unique. */
function prefixed(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, error]) => [`${prefix}${field[0]?.toUpperCase()}${field.slice(1)}`, error]),
  )
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'external:manage')
  const form = await readForm(request)
  const caseId = params.id ?? ''
  const intent = single(form, 'intent') ?? ''
  const text = (name: string, max = 5000) => cleanText(single(form, name)).slice(0, max)
  const change = {
    caseId,
    staffId: staff.id,
    submissionKey: submittedKey(single(form, 'submissionKey')),
    requestId: context.requestId,
    now: new Date(),
  }
  const db = database()
  let result: ExternalChange
  let prefix = ''
  if (intent === 'request') {
    prefix = 'request'
    result = await addExternalRequest(db, {
      ...change,
      ask: {
        kind: single(form, 'requestKind') ?? '',
        description: text('requestDescription'),
        receivedOn: cleanLine(single(form, 'requestReceivedOn')),
        dueOn: cleanLine(single(form, 'requestDueOn')),
      },
    })
  } else if (intent === 'determination') {
    result = await recordDetermination(db, {
      ...change,
      determination: {
        determinedOn: cleanLine(single(form, 'determinedOn')),
        rows: Array.from({ length: MAX_FINDINGS }, (_, row) => ({
          issue: text(issueField(row), 1000),
          finding: single(form, findingField(row)) ?? '',
        })),
      },
    })
  } else if (intent === 'action') {
    prefix = 'action'
    result = await addDeterminationAction(db, {
      ...change,
      action: {
        kind: single(form, 'actionKind') ?? '',
        description: text('actionDescription'),
        dueOn: cleanLine(single(form, 'actionDueOn')),
      },
    })
  } else if (intent === 'close') {
    result = await closeExternalCase(db, {
      ...change,
      close: { closedOn: cleanLine(single(form, 'closedOn')), outcome: single(form, 'outcome') ?? '' },
    })
  } else {
    throw new Response('Unknown intent', { status: 400 })
  }
  if (!result.ok) {
    if ('notFound' in result) throw new Response('Not found', { status: 404 })
    const values: FormValues = { ...form, intent }
    return rejectForm(
      context,
      { errors: prefix ? prefixed(result.errors, prefix) : result.errors, values },
      result.status,
    )
  }
  return redirect(`/staff/external/${caseId}?done=${intent}`)
}

export default function ExternalCasePage() {
  const data = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  return (
    <>
      <ErrorSummary errors={rejected?.errors} />
      <span className="caption-l">
        {data.closed ? t('external.cases.closedOn', { date: data.closed }) : t('external.cases.open')}
      </span>
      <h1 className="heading-l">
        {data.title}
        {data.theirReference ? (
          <>
            {' '}
            <bdi>{data.theirReference}</bdi>
          </>
        ) : null}
      </h1>
      <CaseSummary data={data} />
      <RequestsTable
        id="asks"
        heading={t('external.case.asksHeading')}
        rows={data.asks}
        caseId={data.id}
        canAnswer={data.canManage && !data.closed}
        actions={false}
      />
      <FindingsSection data={data} />
      {data.determined ? (
        <RequestsTable
          id="actions"
          heading={t('external.case.actionsHeading')}
          rows={data.actions}
          caseId={data.id}
          canAnswer={data.canManage && !data.closed}
          actions
        />
      ) : null}
      {data.canManage ? <CaseForms data={data} rejected={rejected ?? null} /> : null}
    </>
  )
}
