import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, TextInput } from '~/components/form'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { verifyAccessCode } from '~/server/resident-access.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request, 'resident')
  return { title: t('track.code.title'), backHref: '/track' }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request)
  const code = (single(form, 'code') ?? '').replace(/\s+/g, '').slice(0, 10)
  if (!/^\d{6}$/.test(code))
    return rejectForm(context, { errors: { code: { key: 'errors:track.codeFormat' } }, values: {} })
  const result = await verifyAccessCode(database(), request, code)
  // One message for a wrong, expired or used code, or one asked for with details we do not hold.
  if (!result.ok) return rejectForm(context, { errors: { code: { key: 'errors:track.codeWrong' } }, values: {} })
  const headers = new Headers()
  for (const cookie of result.setCookies) headers.append('Set-Cookie', cookie)
  return redirect(`/track/${encodeURIComponent(result.reference)}`, { headers })
}

export default function TrackCodePage() {
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('resident')
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={answer?.errors} />
        <Form method="post" noValidate>
          <TextInput
            asHeading
            name="code"
            label={t('track.code.title')}
            hint={t('track.code.hint')}
            error={answer?.errors.code}
            autoComplete="one-time-code"
            inputMode="numeric"
            spellCheck={false}
            width="10"
          />
          <Button>{t('track.code.submit')}</Button>
        </Form>
        <p className="body">
          <Link className="link" to="/track">
            {t('track.code.again')}
          </Link>
        </p>
      </div>
    </div>
  )
}
