import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, Checkboxes, ErrorSummary, Radios, TextArea, TextInput } from '~/components/form'
import { compensationCategories, limitOf, policyBands, validateProposal } from '~/domain/compensation'
import { parseComplaintReference } from '~/domain/complaints/reference'
import { can } from '~/domain/permissions'
import { cleanText } from '~/domain/text'
import { formatDate, formatMoney } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import {
  awardsOnComplaint,
  complaintForCompensation,
  loadCompensationSettings,
  proposeAward,
} from '~/server/compensation.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { newSubmissionKey, submittedKey } from '~/server/submissions.server'
import { londonDate } from '~/domain/working-days'

async function complaintFor(reference: string | undefined) {
  const parsed = parseComplaintReference(reference ?? '')
  const complaint = parsed ? await complaintForCompensation(database(), parsed) : null
  if (!complaint) throw new Response('Not found', { status: 404 })
  return complaint
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'compensation:view')
  const complaint = await complaintFor(params.reference)
  const db = database()
  const [locale, compensation, awards] = await Promise.all([
    getLocale(request),
    loadCompensationSettings(db),
    awardsOnComplaint(db, complaint.id),
  ])
  const t = await getFixedT(locale, 'staff')
  const limit = limitOf(staff.role, compensation.limits)
  const money = (pence: number) => formatMoney(pence, locale)
  return {
    title: t('compensation.caseTitle', { reference: complaint.reference }),
    backHref: `/staff/complaints/${encodeURIComponent(complaint.reference)}`,
    reference: complaint.reference,
    stages: complaint.stages,
    currentStage: String(complaint.currentStage),
    canPropose: can(staff, 'compensation:propose'),
    ownLimit: limit === null ? null : money(limit),
    submissionKey: newSubmissionKey(),
    policy: compensationCategories.map((category) => ({
      category,
      bands: policyBands.map((band) => {
        const range = compensation.policy[category][band]
        return { band, min: money(range.minPence), max: range.maxPence === null ? null : money(range.maxPence) }
      }),
    })),
    awards: awards.map((award) => ({
      id: award.id,
      stage: award.stage,
      category: award.category,
      amount: money(award.amountPence),
      status: award.status,
      proposedOn: formatDate(londonDate(award.createdAt), locale),
      proposer: award.proposerName,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'compensation:propose')
  const complaint = await complaintFor(params.reference)
  const form = await readForm(request)
  const db = database()
  const { policy } = await loadCompensationSettings(db)
  const checked = validateProposal(
    {
      stage: single(form, 'stage') ?? '',
      category: single(form, 'category') ?? '',
      band: single(form, 'band') ?? '',
      amount: single(form, 'amount') ?? '',
      reason: cleanText(single(form, 'reason')).slice(0, 5000),
      outsideBandReason: cleanText(single(form, 'outsideBandReason')).slice(0, 5000),
      ombudsmanOrdered: single(form, 'ombudsmanOrdered') === 'yes',
    },
    policy,
    complaint.stages,
  )
  if (!checked.ok) return rejectForm(context, { errors: checked.errors, values: form })
  const result = await proposeAward(db, {
    reference: complaint.reference,
    proposal: checked.value,
    staff,
    submissionKey: submittedKey(single(form, 'submissionKey')),
    now: new Date(),
    requestId: context.requestId,
  })
  if (!result.ok) throw new Response('Not found', { status: 404 })
  if (!result.id) return redirect(`/staff/complaints/${encodeURIComponent(complaint.reference)}/compensation`)
  return redirect(`/staff/compensation/${result.id}?done=${result.status === 'approved' ? 'approved' : 'proposed'}`)
}

export default function CaseCompensationPage() {
  const { title, stages, currentStage, canPropose, ownLimit, submissionKey, policy, awards } =
    useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const value = (name: string) => {
    const v = rejected?.values[name]
    return typeof v === 'string' ? v : undefined
  }
  return (
    <>
      <ErrorSummary errors={rejected?.errors} />
      <h1 className="heading-l">{title}</h1>
      <h2 className="heading-m">{t('compensation.awardsOnCase')}</h2>
      {awards.length === 0 ? (
        <p className="body">{t('compensation.noAwards')}</p>
      ) : (
        <ul className="list list--bullet">
          {awards.map((award) => (
            <li key={award.id}>
              <Link className="link" to={`/staff/compensation/${award.id}`}>
                {t('compensation.awardSummary', {
                  amount: award.amount,
                  category: t(`compensation.categories.${award.category}`),
                })}
              </Link>{' '}
              – {award.stage ? t('case.stage', { stage: award.stage }) : ''} –{' '}
              {t(`compensation.statuses.${award.status}`)} – {award.proposedOn}
            </li>
          ))}
        </ul>
      )}
      <div className="table-wrapper" role="region" aria-labelledby="policy-caption" tabIndex={0}>
        <table className="table">
          <caption id="policy-caption" className="table__caption">
            {t('compensation.policyCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('compensation.columns.category')}</th>
              {policyBands.map((band) => (
                <th scope="col" key={band}>
                  {t(`compensation.bands.${band}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {policy.map((row) => (
              <tr key={row.category}>
                <th scope="row">{t(`compensation.categories.${row.category}`)}</th>
                {row.bands.map((band) => (
                  <td key={band.band}>
                    {band.max === null
                      ? t('compensation.rangeOpen', { min: band.min })
                      : t('compensation.range', { min: band.min, max: band.max })}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canPropose ? (
        <Form method="post" noValidate>
          <h2 className="heading-m">{t('compensation.proposeHeading')}</h2>
          <p className="body">
            {ownLimit === null ? t('compensation.noOwnLimit') : t('compensation.ownLimit', { amount: ownLimit })}
          </p>
          <input type="hidden" name="submissionKey" value={submissionKey} />
          <Radios
            name="stage"
            legend={t('compensation.fields.stage')}
            error={rejected?.errors.stage}
            defaultValue={value('stage') ?? currentStage}
            choices={stages.map((stage) => ({ value: String(stage), label: t('case.stage', { stage }) }))}
          />
          <Radios
            name="category"
            legend={t('compensation.fields.category')}
            error={rejected?.errors.category}
            defaultValue={value('category')}
            choices={compensationCategories.map((category) => ({
              value: category,
              label: t(`compensation.categories.${category}`),
            }))}
          />
          <Radios
            name="band"
            legend={t('compensation.fields.band')}
            hint={t('compensation.fields.bandHint')}
            error={rejected?.errors.band}
            defaultValue={value('band')}
            choices={policyBands.map((band) => ({ value: band, label: t(`compensation.bands.${band}`) }))}
          />
          <TextInput
            name="amount"
            inputMode="decimal"
            label={t('compensation.fields.amount')}
            hint={t('compensation.fields.amountHint')}
            error={rejected?.errors.amount}
            defaultValue={value('amount')}
            width="10"
          />
          <TextArea
            name="reason"
            label={t('compensation.fields.reason')}
            hint={t('compensation.fields.reasonHint')}
            error={rejected?.errors.reason}
            defaultValue={value('reason')}
            rows={4}
          />
          <TextArea
            name="outsideBandReason"
            label={t('compensation.fields.outsideBandReason')}
            hint={t('compensation.fields.outsideBandReasonHint')}
            error={rejected?.errors.outsideBandReason}
            defaultValue={value('outsideBandReason')}
            rows={3}
          />
          <Checkboxes
            name="ombudsmanOrdered"
            legend={t('compensation.fields.ombudsman')}
            defaultValue={value('ombudsmanOrdered') === 'yes' ? ['yes'] : []}
            choices={[{ value: 'yes', label: t('compensation.fields.ombudsmanOrdered') }]}
          />
          <Button>{t('compensation.propose')}</Button>
        </Form>
      ) : null}
    </>
  )
}
