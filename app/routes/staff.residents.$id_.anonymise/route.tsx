import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/form'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { anonymiseResident } from '~/server/data-rights.server'
import { database } from '~/server/db.server'
import { readForm } from '~/server/forms.server'
import { residentHistory } from '~/server/front-door.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'resident:anonymise')
  const history = /^[0-9a-f-]{36}$/.test(params.id ?? '') ? await residentHistory(database(), params.id ?? '') : null
  if (!history) throw new Response('Not found', { status: 404 })
  const t = await getFixedT(request, 'staff')
  return {
    title: t('dataRights.anonymiseTitle', { name: history.resident.name }),
    backHref: `/staff/residents/${history.resident.id}`,
    complaints: history.complaints.length,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'resident:anonymise')
  await readForm(request)
  const done = await anonymiseResident(database(), {
    residentId: params.id ?? '',
    actor: { type: 'staff', id: staff.id },
    reason: 'request',
    requestId: context.requestId,
  })
  if (!done) throw new Response('Not found', { status: 404 })
  return redirect(`/staff/residents/${params.id ?? ''}`)
}

export default function AnonymisePage() {
  const { title, complaints } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t('dataRights.anonymiseIntro', { count: complaints })}</p>
      <Form method="post">
        <Button variant="warning">{t('dataRights.anonymiseSubmit')}</Button>
      </Form>
    </>
  )
}
