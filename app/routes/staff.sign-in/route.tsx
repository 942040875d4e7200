import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, TextInput } from '~/components/form'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { checkPassword, getStaff, safeRedirect, startChallenge } from '~/server/auth.server'
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
        ...(email.trim() ? {} : { email: { key: 'staff-errors:signIn.emailRequired' } }),
        ...(password ? {} : { password: { key: 'staff-errors:signIn.passwordRequired' } }),
      },
      values: { email },
    })
  }
  const db = database()
  const checked = await checkPassword(db, {
    email: email.slice(0, 320),
    password: password.slice(0, 1000),
    clientIp: context.clientIp,
    requestId: context.requestId,
  })
  // One message whatever went wrong, so the form cannot be used to find out who has an account.
  if (!checked.ok) {
    const error =
      checked.blockedSeconds > 0
        ? { key: 'staff-errors:signIn.tooManyAttempts', values: { count: Math.ceil(checked.blockedSeconds / 60) } }
        : { key: 'staff-errors:signIn.failed' }
    return rejectForm(context, { errors: { email: error }, values: { email } })
  }
  const challenge = await startChallenge(db, checked.user, safeRedirect(single(form, 'redirectTo')))
  return redirect(challenge.purpose === 'mfa' ? '/staff/sign-in/code' : '/staff/sign-in/enrol', {
    headers: { 'Set-Cookie': challenge.setCookie },
  })
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
