import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, Radios, TextArea, TextInput } from '~/components/form'
import { limitOf, paymentMethods, withinLimit, type AwardCommand } from '~/domain/compensation'
import { can } from '~/domain/permissions'
import { cleanText } from '~/domain/text'
import { londonDate } from '~/domain/working-days'
import { formatDate, formatDateTime, formatMoney } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { actOnAward, findAward, loadCompensationSettings } from '~/server/compensation.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'compensation:view')
  const db = database()
  const award = await findAward(db, params.id ?? '')
  if (!award) throw new Response('Not found', { status: 404 })
  const [locale, compensation] = await Promise.all([getLocale(request), loadCompensationSettings(db)])
  const t = await getFixedT(locale, 'staff')
  const money = (pence: number) => formatMoney(pence, locale)
  const limit = limitOf(staff.role, compensation.limits)
  const proposed = award.history.find((event) => event.action === 'compensation.proposed')?.after as
    { outsideBandReason?: string | null } | undefined
  const canHandle = can(staff, 'compensation:propose') || can(staff, 'compensation:approve')
  const url = new URL(request.url)
  return {
    title: t('compensation.awardTitle', { amount: money(award.amountPence), reference: award.reference }),
    backHref: '/staff/compensation',
    notice: url.searchParams.get('done'),
    today: londonDate(new Date()),
    award: {
      reference: award.reference,
      stage: award.stage,
      category: award.category,
      band: award.band,
      amount: money(award.amountPence),
      reason: award.reason,
      outsideBandReason: proposed?.outsideBandReason ?? null,
      status: award.status,
      proposer: award.proposerName,
      approver: award.approverName,
      offeredOn: award.offeredOn ? formatDate(award.offeredOn, locale) : null,
      decidedOn: award.decidedOn ? formatDate(award.decidedOn, locale) : null,
      paidOn: award.paidOn ? formatDate(award.paidOn, locale) : null,
      paymentMethod: award.paymentMethod,
      ombudsmanOrdered: award.ombudsmanOrdered,
    },
    approval:
      award.status === 'proposed' && can(staff, 'compensation:approve')
        ? {
            ownProposal: award.proposedBy === staff.id,
            withinLimit: withinLimit(award.amountPence, staff.role, compensation.limits),
            limit: limit === null ? null : money(limit),
          }
        : null,
    canHandle,
    history: award.history.map((event) => ({
      action: event.action.replace('compensation.', ''),
      at: formatDateTime(event.occurredAt, locale),
      by: event.actorName,
      reason: (event.after as { reason?: string } | null)?.reason ?? null,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

/** Refusals that are about what was typed answer 400; those about the award's state or limit, 409. */
const inputProblems = new Set([
  'staff-errors:compensation.dateInvalid',
  'staff-errors:compensation.dateFuture',
  'staff-errors:compensation.methodRequired',
  'staff-errors:compensation.rejectReasonRequired',
  'staff-errors:compensation.dateBeforeOffer',
  'staff-errors:compensation.dateBeforeDecision',
])

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'compensation:view')
  const form = await readForm(request)
  const intent = single(form, 'intent') ?? ''
  const by = { id: staff.id, role: staff.role }
  let command: AwardCommand
  if (intent === 'approve' || intent === 'reject') {
    if (!can(staff, 'compensation:approve')) throw new Response('Forbidden', { status: 403 })
    command =
      intent === 'approve'
        ? { type: 'approve', by }
        : { type: 'reject', by, reason: cleanText(single(form, 'rejectReason')).slice(0, 2000) }
  } else {
    if (!can(staff, 'compensation:propose') && !can(staff, 'compensation:approve'))
      throw new Response('Forbidden', { status: 403 })
    if (intent === 'offer') command = { type: 'offer', on: single(form, 'offeredOn') ?? '' }
    else if (intent === 'decide') {
      const decision = single(form, 'decision')
      if (decision !== 'accepted' && decision !== 'declined')
        return rejectForm(context, {
          errors: { decision: { key: 'staff-errors:compensation.decisionRequired' } },
          values: form,
        })
      command = { type: 'decide', on: single(form, 'decidedOn') ?? '', accepted: decision === 'accepted' }
    } else if (intent === 'pay')
      command = { type: 'pay', on: single(form, 'paidOn') ?? '', method: single(form, 'paymentMethod') ?? '' }
    else throw new Response('Bad request', { status: 400 })
  }
  const id = params.id ?? ''
  const result = await actOnAward(database(), {
    id,
    command,
    staff: by,
    today: londonDate(new Date()),
    now: new Date(),
    requestId: context.requestId,
  })
  if (!result.ok && result.refusal === 'notFound') throw new Response('Not found', { status: 404 })
  if (!result.ok)
    return rejectForm(
      context,
      { errors: { [result.field]: { key: result.refusal } }, values: form },
      inputProblems.has(result.refusal) ? 400 : 409,
    )
  return redirect(`/staff/compensation/${id}?done=${intent}`)
}

export default function AwardPage() {
  const { title, notice, today, award, approval, canHandle, history } = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const value = (name: string) => {
    const v = rejected?.values[name]
    return typeof v === 'string' ? v : undefined
  }
  const rows: Array<[string, string | null]> = [
    ['reference', award.reference],
    ['stage', award.stage ? t('case.stage', { stage: award.stage }) : null],
    ['category', t(`compensation.categories.${award.category}`)],
    ['band', award.band ? t(`compensation.bands.${award.band}`) : null],
    ['amount', award.amount],
    ['reason', award.reason],
    ['outsideBandReason', award.outsideBandReason],
    ['status', t(`compensation.statuses.${award.status}`)],
    ['proposer', award.proposer],
    ['approver', award.approver],
    ['offeredOn', award.offeredOn],
    ['decidedOn', award.decidedOn],
    ['paidOn', award.paidOn],
    ['paymentMethod', award.paymentMethod ? t(`compensation.methods.${award.paymentMethod}`) : null],
    ['ombudsmanOrdered', award.ombudsmanOrdered ? t('compensation.yes') : t('compensation.no')],
  ]
  return (
    <>
      <ErrorSummary errors={rejected?.errors} />
      {notice ? (
        <div className="notice" role="status">
          <p className="body">{t(`compensation.done.${notice}`, { defaultValue: '' })}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{title}</h1>
      <dl className="summary-list">
        {rows
          .filter(([, v]) => v !== null)
          .map(([key, v]) => (
            <div className="summary-list__row" key={key}>
              <dt className="summary-list__key">{t(`compensation.awardRows.${key}`)}</dt>
              <dd className="summary-list__value preserve-lines">
                {key === 'reference' ? (
                  <Link className="link" to={`/staff/complaints/${encodeURIComponent(award.reference)}`}>
                    <bdi>{v}</bdi>
                  </Link>
                ) : (
                  v
                )}
              </dd>
            </div>
          ))}
      </dl>
      {approval ? (
        <section id="approval" tabIndex={-1} aria-labelledby="approval-heading">
          <h2 className="heading-m" id="approval-heading">
            {t('compensation.approvalHeading')}
          </h2>
          {approval.ownProposal ? (
            <p className="body">{t('compensation.ownProposalNote')}</p>
          ) : !approval.withinLimit ? (
            <p className="body">{t('compensation.overLimitNote', { amount: approval.limit ?? '' })}</p>
          ) : (
            <>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="approve" />
                <Button>{t('compensation.approve')}</Button>
              </Form>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="reject" />
                <TextArea
                  name="rejectReason"
                  label={t('compensation.rejectReason')}
                  error={rejected?.errors.rejectReason}
                  defaultValue={value('rejectReason')}
                  rows={3}
                />
                <Button variant="warning">{t('compensation.reject')}</Button>
              </Form>
            </>
          )}
        </section>
      ) : null}
      {canHandle && award.status === 'approved' ? (
        <Form method="post" noValidate>
          <h2 className="heading-m">{t('compensation.offerHeading')}</h2>
          <input type="hidden" name="intent" value="offer" />
          <TextInput
            type="date"
            name="offeredOn"
            label={t('compensation.offeredOn')}
            error={rejected?.errors.offeredOn}
            defaultValue={value('offeredOn') ?? today}
            width="10"
          />
          <Button>{t('compensation.recordOffer')}</Button>
        </Form>
      ) : null}
      {canHandle && award.status === 'offered' ? (
        <Form method="post" noValidate>
          <h2 className="heading-m">{t('compensation.decisionHeading')}</h2>
          <input type="hidden" name="intent" value="decide" />
          <Radios
            name="decision"
            legend={t('compensation.decision')}
            error={rejected?.errors.decision}
            defaultValue={value('decision')}
            choices={(['accepted', 'declined'] as const).map((d) => ({
              value: d,
              label: t(`compensation.statuses.${d}`),
            }))}
          />
          <TextInput
            type="date"
            name="decidedOn"
            label={t('compensation.decidedOn')}
            error={rejected?.errors.decidedOn}
            defaultValue={value('decidedOn') ?? today}
            width="10"
          />
          <Button>{t('compensation.recordDecision')}</Button>
        </Form>
      ) : null}
      {canHandle && award.status === 'accepted' ? (
        <Form method="post" noValidate>
          <h2 className="heading-m">{t('compensation.paymentHeading')}</h2>
          <input type="hidden" name="intent" value="pay" />
          <Radios
            name="paymentMethod"
            legend={t('compensation.paymentMethod')}
            error={rejected?.errors.paymentMethod}
            defaultValue={value('paymentMethod')}
            choices={paymentMethods.map((m) => ({ value: m, label: t(`compensation.methods.${m}`) }))}
          />
          <TextInput
            type="date"
            name="paidOn"
            label={t('compensation.paidOn')}
            error={rejected?.errors.paidOn}
            defaultValue={value('paidOn') ?? today}
            width="10"
          />
          <Button>{t('compensation.recordPayment')}</Button>
        </Form>
      ) : null}
      <h2 className="heading-m">{t('compensation.historyHeading')}</h2>
      <ul className="list list--bullet">
        {history.map((event, index) => (
          <li key={index}>
            {event.at} – {t(`compensation.history.${event.action}`, { defaultValue: event.action })}
            {event.by ? ` – ${event.by}` : ''}
            {event.reason && event.action === 'rejected' ? (
              <>
                {' – '}
                <span className="preserve-lines">{event.reason}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  )
}
