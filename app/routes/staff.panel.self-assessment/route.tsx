import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, Radios, TextArea, TextInput } from '~/components/form'
import { rowField, validateSelfAssessment, type SelfAssessmentRowInput } from '~/domain/panel'
import { cleanLine, cleanText } from '~/domain/text'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { loadSelfAssessment, saveSelfAssessment } from '~/server/panel.server'

/** Blank rows offered after the last one: a row is added by filling one in, removed by clearing it. */
const SPARE_ROWS = 3
const MAX_ROWS = 100

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'panel:publish')
  const [t, assessment] = await Promise.all([getFixedT(request, 'staff'), loadSelfAssessment(database())])
  const rows: SelfAssessmentRowInput[] = [
    ...assessment.rows.map((row) => ({
      provision: row.provision,
      complies: row.complies ? 'yes' : 'no',
      evidence: row.evidence,
      action: row.action ?? '',
      actionDueOn: row.actionDueOn ?? '',
    })),
    ...Array.from({ length: SPARE_ROWS }, () => ({
      provision: '',
      complies: '',
      evidence: '',
      action: '',
      actionDueOn: '',
    })),
  ]
  return {
    title: t('panel.selfAssessment.editTitle'),
    backHref: '/staff/panel/annual-report',
    values: {
      reportingYear: assessment.reportingYear,
      report: assessment.report,
      governingBodyResponse: assessment.governingBodyResponse,
      approvedOn: assessment.approvedOn ?? '',
    },
    rows,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'panel:publish')
  const form = await readForm(request)
  const count = Math.min(MAX_ROWS, Math.max(0, Number.parseInt(single(form, 'rowCount') ?? '0', 10) || 0))
  const field = (name: keyof SelfAssessmentRowInput, row: number, max = 2000) =>
    cleanText(single(form, rowField(name, row))).slice(0, max)
  const input = {
    reportingYear: cleanLine(single(form, 'reportingYear')).slice(0, 20),
    report: cleanText(single(form, 'report')).slice(0, 20_000),
    governingBodyResponse: cleanText(single(form, 'governingBodyResponse')).slice(0, 10_000),
    approvedOn: cleanLine(single(form, 'approvedOn')),
    rows: Array.from({ length: count }, (_, row) => ({
      provision: field('provision', row, 500),
      complies: field('complies', row, 3),
      evidence: field('evidence', row),
      action: field('action', row),
      actionDueOn: field('actionDueOn', row, 10),
    })),
  }
  const checked = validateSelfAssessment(input)
  if (!checked.ok) return rejectForm(context, { errors: checked.errors, values: form })
  await saveSelfAssessment(database(), {
    value: checked.value,
    staffId: staff.id,
    now: new Date(),
    requestId: context.requestId,
  })
  return redirect('/staff/panel/annual-report')
}

export default function SelfAssessmentPage() {
  const { title, values, rows } = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const errors = rejected?.errors ?? {}
  const value = (name: string, fallback: string) => {
    if (!rejected) return fallback
    const v = rejected.values[name]
    return typeof v === 'string' ? v : ''
  }
  return (
    <>
      <ErrorSummary errors={rejected?.errors} />
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t('panel.selfAssessment.intro')}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="rowCount" value={rows.length} />
        <TextInput
          name="reportingYear"
          label={t('panel.selfAssessment.reportingYear')}
          hint={t('panel.selfAssessment.reportingYearHint')}
          error={errors.reportingYear}
          defaultValue={value('reportingYear', values.reportingYear)}
          width="10"
        />
        <TextArea
          name="report"
          label={t('panel.selfAssessment.report')}
          hint={t('panel.selfAssessment.reportHint')}
          error={errors.report}
          defaultValue={value('report', values.report)}
          rows={8}
        />
        {rows.map((row, index) => (
          <fieldset className="fieldset stage-block" key={index}>
            <legend className="fieldset__legend fieldset__legend--m">
              {t('panel.selfAssessment.rowLegend', { number: index + 1 })}
            </legend>
            <TextInput
              name={rowField('provision', index)}
              label={t('panel.selfAssessment.provision')}
              error={errors[rowField('provision', index)]}
              defaultValue={value(rowField('provision', index), row.provision)}
            />
            <Radios
              name={rowField('complies', index)}
              legend={t('panel.selfAssessment.complies')}
              error={errors[rowField('complies', index)]}
              defaultValue={value(rowField('complies', index), row.complies)}
              choices={[
                { value: 'yes', label: t('panel.selfAssessment.yes') },
                { value: 'no', label: t('panel.selfAssessment.no') },
              ]}
            />
            <TextArea
              name={rowField('evidence', index)}
              label={t('panel.selfAssessment.evidence')}
              error={errors[rowField('evidence', index)]}
              defaultValue={value(rowField('evidence', index), row.evidence)}
              rows={2}
            />
            <TextArea
              name={rowField('action', index)}
              label={t('panel.selfAssessment.actionOptional')}
              hint={t('panel.selfAssessment.actionHint')}
              error={errors[rowField('action', index)]}
              defaultValue={value(rowField('action', index), row.action)}
              rows={2}
            />
            <TextInput
              type="date"
              name={rowField('actionDueOn', index)}
              label={t('panel.selfAssessment.actionDueOn')}
              error={errors[rowField('actionDueOn', index)]}
              defaultValue={value(rowField('actionDueOn', index), row.actionDueOn)}
              width="10"
            />
          </fieldset>
        ))}
        <TextArea
          name="governingBodyResponse"
          label={t('panel.selfAssessment.governingBodyResponse')}
          error={errors.governingBodyResponse}
          defaultValue={value('governingBodyResponse', values.governingBodyResponse)}
          rows={4}
        />
        <TextInput
          type="date"
          name="approvedOn"
          label={t('panel.selfAssessment.approvedOn')}
          hint={t('panel.selfAssessment.approvedOnHint')}
          error={errors.approvedOn}
          defaultValue={value('approvedOn', values.approvedOn)}
          width="10"
        />
        <Button>{t('panel.selfAssessment.save')}</Button>
      </Form>
    </>
  )
}
