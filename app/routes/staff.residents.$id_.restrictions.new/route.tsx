import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, Radios, TextArea, TextInput } from '~/components/form'
import { defaultReviewOn, restrictionKinds, validateRestriction } from '~/domain/conduct'
import { cleanText } from '~/domain/text'
import { londonDate } from '~/domain/working-days'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { recordRestriction } from '~/server/conduct.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { residentHistory } from '~/server/front-door.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'conduct:manage')
  const history = /^[0-9a-f-]{36}$/.test(params.id ?? '') ? await residentHistory(database(), params.id ?? '') : null
  if (!history) throw new Response('Not found', { status: 404 })
  const t = await getFixedT(request, 'staff')
  const today = londonDate(new Date())
  return {
    title: t('conduct.newTitle', { name: history.resident.name }),
    backHref: `/staff/residents/${history.resident.id}`,
    today,
    reviewOn: defaultReviewOn(today),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'conduct:manage')
  const form = await readForm(request)
  const input = {
    kind: single(form, 'kind') ?? '',
    behaviour: cleanText(single(form, 'behaviour')).slice(0, 5000),
    restriction: cleanText(single(form, 'restriction')).slice(0, 2000),
    equalityConsideration: cleanText(single(form, 'equalityConsideration')).slice(0, 5000),
    startsOn: single(form, 'startsOn') ?? '',
    reviewOn: single(form, 'reviewOn') ?? '',
  }
  const checked = validateRestriction(input, londonDate(new Date()))
  if (!checked.ok) return rejectForm(context, { errors: checked.errors, values: input })
  const id = await recordRestriction(database(), {
    residentId: params.id ?? '',
    restriction: checked.value,
    staffId: staff.id,
    requestId: context.requestId,
  })
  if (!id) throw new Response('Not found', { status: 404 })
  return redirect(`/staff/residents/${params.id ?? ''}?done=restricted`)
}

export default function NewRestrictionPage() {
  const { title, today, reviewOn } = useLoaderData<typeof loader>()
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
      <div className="inset-text">
        <p className="body">{t('conduct.neverBlocks')}</p>
      </div>
      <Form method="post" noValidate>
        <Radios
          name="kind"
          legend={t('conduct.kind')}
          error={rejected?.errors.kind}
          defaultValue={value('kind')}
          choices={restrictionKinds.map((kind) => ({ value: kind, label: t(`conduct.kinds.${kind}`) }))}
        />
        <TextArea
          name="behaviour"
          label={t('conduct.behaviour')}
          hint={t('conduct.behaviourHint')}
          error={rejected?.errors.behaviour}
          defaultValue={value('behaviour')}
          rows={4}
        />
        <TextArea
          name="restriction"
          label={t('conduct.restriction')}
          hint={t('conduct.restrictionHint')}
          error={rejected?.errors.restriction}
          defaultValue={value('restriction')}
          rows={3}
        />
        <TextArea
          name="equalityConsideration"
          label={t('conduct.equality')}
          hint={t('conduct.equalityHint')}
          error={rejected?.errors.equalityConsideration}
          defaultValue={value('equalityConsideration')}
          rows={4}
        />
        <TextInput
          type="date"
          name="startsOn"
          label={t('conduct.startsOn')}
          error={rejected?.errors.startsOn}
          defaultValue={value('startsOn') ?? today}
          width="10"
        />
        <TextInput
          type="date"
          name="reviewOn"
          label={t('conduct.reviewOn')}
          hint={t('conduct.reviewOnHint')}
          error={rejected?.errors.reviewOn}
          defaultValue={value('reviewOn') ?? reviewOn}
          width="10"
        />
        <Button>{t('conduct.submit')}</Button>
      </Form>
    </>
  )
}
