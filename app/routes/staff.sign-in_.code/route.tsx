import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, TextInput } from '~/components/form'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { completeSignIn, findChallenge } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await findChallenge(database(), request, 'mfa'))) throw redirect('/staff/sign-in')
  const t = await getFixedT(request, 'staff')
  return { title: t('signIn.code.title'), backHref: '/staff/sign-in' }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request)
  const code = (single(form, 'code') ?? '').trim().slice(0, 40)
  if (!code) return rejectForm(context, { errors: { code: { key: 'staff-errors:signIn.codeRequired' } }, values: {} })
  const result = await completeSignIn(database(), request, {
    code,
    clientIp: context.clientIp,
    requestId: context.requestId,
  })
  if (!result) throw redirect('/staff/sign-in')
  if (!result.ok) {
    const error =
      result.reason === 'staff-errors:signIn.tooManyAttempts'
        ? { key: result.reason, values: { count: Math.ceil((result.blockedSeconds ?? 60) / 60) } }
        : { key: result.reason }
    return rejectForm(context, { errors: { code: error }, values: {} })
  }
  const headers = new Headers()
  for (const cookie of result.setCookies) headers.append('Set-Cookie', cookie)
  return redirect(result.redirectTo, { headers })
}

export default function SignInCodePage() {
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  return (
    <div className="grid-row">
      <div className="column-one-half">
        <ErrorSummary errors={rejected?.errors} />
        <Form method="post" noValidate>
          <TextInput
            asHeading
            name="code"
            label={t('signIn.code.title')}
            hint={t('signIn.code.hint')}
            error={rejected?.errors.code}
            autoComplete="one-time-code"
            inputMode="numeric"
            spellCheck={false}
            width="10"
          />
          <Button>{t('signIn.code.submit')}</Button>
        </Form>
      </div>
    </div>
  )
}
