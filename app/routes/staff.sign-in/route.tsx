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
import { isSsoEnabled, ssoRefusalMessage } from '~/server/sso.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const redirectTo = safeRedirect(url.searchParams.get('redirectTo'))
  if (await getStaff(request)) throw redirect(redirectTo)
  const t = await getFixedT(request, 'staff')
  const sso = isSsoEnabled()
  // Single sign-on comes back here with ?sso=<reason> when it could not sign the person in.
  const ssoRefusal = sso ? ssoRefusalMessage(url.searchParams.get('sso')) : null
  return {
    title: t('signIn.title'),
    redirectTo,
    ssoHref: sso ? `/staff/sign-in/sso?${new URLSearchParams({ redirectTo })}` : null,
    ssoErrors: ssoRefusal ? { sso: { key: ssoRefusal } } : null,
    // A GET after a redirect: no rejected form sets the root's prefix, so the title gets it here.
    errorTitlePrefix: ssoRefusal ? t('common:errors.titlePrefix') : '',
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const title = pageTitle(data?.title, matches)
  const prefix = data?.errorTitlePrefix ?? ''
  return [{ title: title.startsWith(prefix) ? title : `${prefix}${title}` }]
}

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
  const { title, redirectTo, ssoHref, ssoErrors } = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  return (
    <div className="grid-row">
      <div className="column-one-half">
        <ErrorSummary errors={rejected?.errors ?? ssoErrors} />
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
        {ssoHref ? (
          // A link styled as a button: it goes to the identity provider, which a form could not
          // (CSP form-action 'self' also covers a form's redirects).
          <p>
            <a id="sso" href={ssoHref} className="button button--secondary">
              {t('signIn.sso')}
            </a>
          </p>
        ) : null}
      </div>
    </div>
  )
}
