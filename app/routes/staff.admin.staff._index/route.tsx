import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, Radios, TextInput } from '~/components/form'
import { validate } from '~/domain/forms'
import { staffRoles } from '~/domain/permissions'
import { staffAccountForm } from '~/domain/staff-accounts'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { createStaffAccount, listStaff, requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm } from '~/server/forms.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'staff:manage')
  const t = await getFixedT(request, 'staff')
  return { title: t('staffAdmin.title'), staff: await listStaff(database()) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireStaff(request, 'staff:manage')
  const form = await readForm(request)
  const parsed = validate(staffAccountForm, form)
  if (!parsed.ok) return rejectForm(context, { errors: parsed.errors, values: { ...form, password: '' } })
  const result = await createStaffAccount(database(), { ...parsed.data, by: admin.id, requestId: context.requestId })
  if (!result.ok)
    return rejectForm(context, { errors: { email: { key: result.reason } }, values: { ...form, password: '' } }, 409)
  return redirect('/staff/admin/staff')
}

export default function StaffAdminPage() {
  const { title, staff } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const value = (name: string) => {
    const v = answer?.values[name]
    return Array.isArray(v) ? v[0] : v
  }
  return (
    <>
      <ErrorSummary errors={answer?.errors} />
      <h1 className="heading-l">{title}</h1>
      <div className="table-wrapper" role="region" aria-labelledby="staff-caption" tabIndex={0}>
        <table className="table">
          <caption id="staff-caption" className="table__caption visually-hidden">
            {title}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('staffAdmin.name')}</th>
              <th scope="col">{t('staffAdmin.email')}</th>
              <th scope="col">{t('staffAdmin.role')}</th>
              <th scope="col">{t('staffAdmin.state')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id}>
                <th scope="row">
                  <Link className="link" to={`/staff/admin/staff/${member.id}`}>
                    {member.name}
                  </Link>
                </th>
                <td>{member.email}</td>
                <td>{t(`roles.${member.role}`)}</td>
                <td>
                  {member.active ? t('staffAdmin.active') : t('staffAdmin.inactive')}
                  {member.mfaEnrolledAt ? '' : ` – ${t('staffAdmin.noMfa')}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid-row">
        <div className="column-two-thirds">
          <h2 className="heading-m">{t('staffAdmin.create')}</h2>
          <Form method="post" noValidate>
            <TextInput
              name="name"
              label={t('staffAdmin.name')}
              error={answer?.errors.name}
              defaultValue={value('name')}
              autoComplete="off"
            />
            <TextInput
              name="email"
              type="email"
              label={t('staffAdmin.email')}
              error={answer?.errors.email}
              defaultValue={value('email')}
              autoComplete="off"
              spellCheck={false}
            />
            <Radios
              name="role"
              legend={t('staffAdmin.role')}
              error={answer?.errors.role}
              defaultValue={value('role')}
              choices={staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            />
            <TextInput
              name="password"
              type="password"
              label={t('staffAdmin.password')}
              hint={t('staffAdmin.passwordHint')}
              error={answer?.errors.password}
              autoComplete="new-password"
            />
            <Button>{t('staffAdmin.createSubmit')}</Button>
          </Form>
        </div>
      </div>
    </>
  )
}
