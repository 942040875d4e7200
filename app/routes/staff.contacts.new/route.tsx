import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, Checkboxes, ErrorSummary, Radios, Select, TextArea, TextInput } from '~/components/form'
import { adjustmentKinds, channels, serviceAreas } from '~/domain/complaints/status'
import { validate } from '~/domain/forms'
import { consentMethods, frontDoorForm, offerOutcomes, representativeTypes, risks } from '~/domain/front-door'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm } from '~/server/forms.server'
import { logContact, searchResidents } from '~/server/front-door.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'contact:log')
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100)
  const t = await getFixedT(request, 'staff')
  return {
    title: t('frontDoor.title'),
    q,
    matches: q ? await searchResidents(database(), q) : [],
    submissionKey: crypto.randomUUID(),
    logged: new URL(request.url).searchParams.get('logged') === '1',
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'contact:log')
  const form = await readForm(request)
  const parsed = validate(frontDoorForm, form)
  if (!parsed.ok) return rejectForm(context, { errors: parsed.errors, values: form })
  const logged = await logContact(database(), {
    form: parsed.data,
    staffId: staff.id,
    now: new Date(),
    requestId: context.requestId,
  })
  if ('notFound' in logged)
    return rejectForm(context, {
      errors: { residentId: { key: 'staff-errors:frontDoor.residentRequired' } },
      values: form,
    })
  return redirect(
    logged.reference ? `/staff/complaints/${encodeURIComponent(logged.reference)}` : `/staff/contacts/new?logged=1`,
  )
}

export default function FrontDoorPage() {
  const { title, q, matches, submissionKey, logged } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const errors = answer?.errors ?? {}
  const values = answer?.values ?? {}
  const value = (name: string, fallback = '') => {
    const v = values[name]
    return (Array.isArray(v) ? v[0] : v) ?? fallback
  }
  const many = (name: string) => {
    const v = values[name]
    return v === undefined ? [] : Array.isArray(v) ? v : [v]
  }
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={answer?.errors} />
        <h1 className="heading-l">{title}</h1>
        {logged ? (
          <div className="notice" role="status">
            <p className="body">{t('frontDoor.logged')}</p>
          </div>
        ) : null}
        <Form method="get" className="search-form" role="search" aria-label={t('frontDoor.search.label')}>
          <TextInput name="q" label={t('frontDoor.search.label')} hint={t('frontDoor.search.hint')} defaultValue={q} />
          <Button variant="secondary">{t('frontDoor.search.submit')}</Button>
        </Form>
        <Form method="post" noValidate>
          <input type="hidden" name="submissionKey" value={value('submissionKey', submissionKey)} />
          <Radios
            name="residentId"
            legend={t('frontDoor.resident.legend')}
            hint={q && matches.length === 0 ? t('frontDoor.resident.noMatches', { q }) : undefined}
            error={errors.residentId}
            defaultValue={value('residentId', matches.length === 0 ? 'new' : '')}
            choices={[
              ...matches.map((resident) => ({
                value: resident.id,
                label: resident.name,
                hint: [resident.postcode, resident.email, resident.phone].filter(Boolean).join(' · '),
              })),
              { value: 'new', label: t('frontDoor.resident.new') },
            ]}
          />
          <fieldset className="fieldset">
            <legend className="fieldset__legend fieldset__legend--m">{t('frontDoor.resident.newDetails')}</legend>
            <TextInput
              name="name"
              label={t('frontDoor.resident.name')}
              error={errors.name}
              defaultValue={value('name')}
              autoComplete="off"
            />
            <TextInput
              name="email"
              type="email"
              label={t('frontDoor.resident.email')}
              error={errors.email}
              defaultValue={value('email')}
              autoComplete="off"
            />
            <TextInput
              name="phone"
              type="tel"
              label={t('frontDoor.resident.phone')}
              error={errors.phone}
              defaultValue={value('phone')}
              width="20"
            />
            <TextInput
              name="postcode"
              label={t('frontDoor.resident.postcode')}
              error={errors.postcode}
              defaultValue={value('postcode')}
              width="10"
            />
          </fieldset>
          <Select
            name="channel"
            label={t('frontDoor.channel')}
            error={errors.channel}
            defaultValue={value('channel', 'phone')}
            options={channels
              .filter((c) => c !== 'web')
              .map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
          />
          <TextInput
            name="channelDetail"
            label={t('frontDoor.channelDetail')}
            hint={t('frontDoor.channelDetailHint')}
            error={errors.channelDetail}
            defaultValue={value('channelDetail')}
          />
          <TextArea
            name="summary"
            label={t('frontDoor.summary')}
            error={errors.summary}
            defaultValue={value('summary')}
            rows={4}
          />
          <Select
            name="serviceArea"
            label={t('frontDoor.serviceArea')}
            error={errors.serviceArea}
            defaultValue={value('serviceArea', 'repairs')}
            options={serviceAreas.map((area) => ({ value: area, label: t(`serviceAreas.${area}`) }))}
          />
          <Radios
            name="outcome"
            legend={t('frontDoor.offer.legend')}
            hint={t('frontDoor.offer.hint')}
            error={errors.outcome}
            defaultValue={value('outcome')}
            choices={offerOutcomes.map((outcome) => ({
              value: outcome,
              label: t(`frontDoor.offer.${outcome}`),
              hint: t(`frontDoor.offer.hints.${outcome}`),
            }))}
          />
          <TextArea
            name="desiredOutcome"
            label={t('frontDoor.desiredOutcome')}
            error={errors.desiredOutcome}
            defaultValue={value('desiredOutcome')}
            rows={3}
          />
          <TextInput
            name="serviceRequestReference"
            label={t('frontDoor.serviceRequestReference')}
            error={errors.serviceRequestReference}
            defaultValue={value('serviceRequestReference')}
            width="20"
          />
          <fieldset className="fieldset">
            <legend className="fieldset__legend fieldset__legend--m">{t('frontDoor.representative.legend')}</legend>
            <Select
              name="representativeType"
              label={t('frontDoor.representative.type')}
              error={errors.representativeType}
              defaultValue={value('representativeType', 'none')}
              options={representativeTypes.map((type) => ({
                value: type,
                label: t(`frontDoor.representative.types.${type}`),
              }))}
            />
            <TextInput
              name="representativeName"
              label={t('frontDoor.representative.name')}
              error={errors.representativeName}
              defaultValue={value('representativeName')}
            />
            <Select
              name="consentMethod"
              label={t('frontDoor.representative.consent')}
              error={errors.consentMethod}
              defaultValue={value('consentMethod')}
              options={[
                { value: '', label: t('frontDoor.representative.consentNone') },
                ...consentMethods.map((method) => ({
                  value: method,
                  label: t(`frontDoor.representative.consentMethods.${method}`),
                })),
              ]}
            />
          </fieldset>
          <Checkboxes
            name="risks"
            legend={t('frontDoor.risks.legend')}
            hint={t('frontDoor.risks.hint')}
            defaultValue={many('risks')}
            choices={risks.map((risk) => ({ value: risk, label: t(`frontDoor.risks.${risk}`) }))}
          />
          <Checkboxes
            name="adjustments"
            legend={t('frontDoor.adjustments')}
            defaultValue={many('adjustments')}
            choices={adjustmentKinds.map((kind) => ({ value: kind, label: t(`adjustments.${kind}`) }))}
          />
          <TextInput
            name="adjustmentDetail"
            label={t('frontDoor.adjustmentDetail')}
            error={errors.adjustmentDetail}
            defaultValue={value('adjustmentDetail')}
          />
          <Button>{t('frontDoor.submit')}</Button>
        </Form>
      </div>
    </div>
  )
}
