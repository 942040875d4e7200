import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, Checkboxes, ErrorSummary, Radios } from '~/components/form'
import { validate } from '~/domain/forms'
import { staffRoles } from '~/domain/permissions'
import { staffUpdateForm } from '~/domain/staff-accounts'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { listStaff, requireStaff, updateStaffAccount } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm } from '~/server/forms.server'

async function member(id: string | undefined) {
  const found = (await listStaff(database())).find((s) => s.id === id)
  if (!found) throw new Response('Not found', { status: 404 })
  return found
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'staff:manage')
  const found = await member(params.id)
  const t = await getFixedT(request, 'staff')
  return { title: t('staffAdmin.edit', { name: found.name }), backHref: '/staff/admin/staff', member: found }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireStaff(request, 'staff:manage')
  const found = await member(params.id)
  const form = await readForm(request)
  const parsed = validate(staffUpdateForm, form)
  if (!parsed.ok) return rejectForm(context, { errors: parsed.errors, values: form })
  const result = await updateStaffAccount(database(), {
    id: found.id,
    ...parsed.data,
    by: admin.id,
    requestId: context.requestId,
  })
  if (!result.ok) return rejectForm(context, { errors: { role: { key: result.reason } }, values: form }, 409)
  return redirect('/staff/admin/staff')
}

export default function EditStaffPage() {
  const { title, member } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={answer?.errors} />
        <h1 className="heading-l">{title}</h1>
        <p className="body">{member.email}</p>
        <Form method="post" noValidate>
          <Radios
            name="role"
            legend={t('staffAdmin.role')}
            error={answer?.errors.role}
            defaultValue={member.role}
            choices={staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
          <Checkboxes
            name="active"
            legend={t('staffAdmin.state')}
            hint={t('staffAdmin.activeHint')}
            defaultValue={member.active ? ['yes'] : []}
            choices={[{ value: 'yes', label: t('staffAdmin.active') }]}
          />
          <Button>{t('staffAdmin.save')}</Button>
        </Form>
      </div>
    </div>
  )
}
