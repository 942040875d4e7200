import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, TextInput } from '~/components/form'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { getStaff, safeRedirect, signIn } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'))
  if (await getStaff(request)) throw redirect(redirectTo)
  const t = await getFixedT(request, 'staff')
  return { title: t('signIn.title'), redirectTo }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request)
  const email = single(form, 'email') ?? ''
  const password = single(form, 'password') ?? ''
  if (!email.trim() || !password) {
    return rejectForm(context, {
      errors: {
        ...(email.trim() ? {} : { email: { key: 'errors:signIn.emailRequired' } }),
        ...(password ? {} : { password: { key: 'errors:signIn.passwordRequired' } }),
      },
      values: { email },
    })
  }
  const result = await signIn(database(), {
    email: email.slice(0, 320),
    password: password.slice(0, 1000),
    userAgent: request.headers.get('User-Agent'),
    requestId: context.requestId,
  })
  // One message whatever went wrong, so the form cannot be used to find out who has an account.
  if (!result.ok) return rejectForm(context, { errors: { email: { key: 'errors:signIn.failed' } }, values: { email } })
  return redirect(safeRedirect(single(form, 'redirectTo')), { headers: { 'Set-Cookie': result.setCookie } })
}

export default function SignInPage() {
  const { title, redirectTo } = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  return (
    <div className="grid-row">
      <div className="column-one-half">
        <ErrorSummary errors={rejected?.errors} />
        <h1 className="heading-l">{title}</h1>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextInput
            name="email"
            type="email"
            label={t('signIn.email')}
            autoComplete="username"
            spellCheck={false}
            error={rejected?.errors.email}
            defaultValue={typeof rejected?.values.email === 'string' ? rejected.values.email : undefined}
          />
          <TextInput
            name="password"
            type="password"
            label={t('signIn.password')}
            autoComplete="current-password"
            error={rejected?.errors.password}
          />
          <Button>{t('signIn.submit')}</Button>
        </Form>
      </div>
    </div>
  )
}
