import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, TextInput } from '~/components/form'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { completeEnrolment, enrolmentDetails } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await getFixedT(request, 'staff')
  // Without JavaScript the loader runs after the action in the same request: the challenge is
  // spent by then, and the page must show the recovery codes rather than send the user away.
  if (context.page.enrolmentCompleted)
    return { title: t('signIn.enrol.codesTitle'), email: '', secret: '', uri: '', qrSvg: '' }
  const details = await enrolmentDetails(database(), request)
  if (!details) throw redirect('/staff/sign-in')
  return { title: t('signIn.enrol.title'), ...details }
}

// With JavaScript, do not reload the page after the action: the codes it returned are shown once.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod === 'POST' ? false : defaultShouldRevalidate

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request)
  const code = (single(form, 'code') ?? '').trim().slice(0, 20)
  if (!code) return rejectForm(context, { errors: { code: { key: 'staff-errors:signIn.codeRequired' } }, values: {} })
  const result = await completeEnrolment(database(), request, { code, requestId: context.requestId })
  if (!result) throw redirect('/staff/sign-in')
  if (!result.ok) return rejectForm(context, { errors: { code: { key: result.reason } }, values: {} })
  context.page.enrolmentCompleted = true
  const headers = new Headers()
  for (const cookie of result.setCookies) headers.append('Set-Cookie', cookie)
  // Shown once, now: only their hashes are kept.
  return data({ errors: null, recoveryCodes: result.recoveryCodes, next: result.redirectTo }, { headers })
}

export default function EnrolPage() {
  const page = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  if (answer && 'recoveryCodes' in answer) {
    return (
      <div className="grid-row">
        <div className="column-two-thirds">
          <h1 className="heading-l">{t('signIn.enrol.codesTitle')}</h1>
          <p className="body">{t('signIn.enrol.codesIntro')}</p>
          <ul className="list recovery-codes">
            {answer.recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
          <p className="body">
            <Link className="button" to={answer.next}>
              {t('signIn.enrol.continue')}
            </Link>
          </p>
        </div>
      </div>
    )
  }
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={answer?.errors} />
        <h1 className="heading-l">{page.title}</h1>
        <p className="body">{t('signIn.enrol.intro')}</p>
        <ol className="list list--number">
          <li>{t('signIn.enrol.stepApp')}</li>
          <li>{t('signIn.enrol.stepScan')}</li>
        </ol>
        {/* The QR code is an SVG made on the server from the otpauth address; the secret below is its text alternative. */}
        <div
          className="qr-code"
          role="img"
          aria-label={t('signIn.enrol.qrLabel')}
          dangerouslySetInnerHTML={{ __html: page.qrSvg }}
        />
        <p className="body">{t('signIn.enrol.typeSecret')}</p>
        <p className="body">
          <code className="secret" data-testid="totp-secret">
            {page.secret}
          </code>
        </p>
        <Form method="post" noValidate>
          <TextInput
            name="code"
            label={t('signIn.enrol.codeLabel')}
            hint={t('signIn.code.hint')}
            error={answer?.errors?.code}
            autoComplete="one-time-code"
            inputMode="numeric"
            width="10"
          />
          <Button>{t('signIn.enrol.submit')}</Button>
        </Form>
      </div>
    </div>
  )
}
