import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, TextInput } from '~/components/form'
import type { FieldErrors } from '~/domain/forms'
import { cleanLine } from '~/domain/text'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'
import { normaliseAddress, requestAccessCode } from '~/server/resident-access.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request, 'resident')
  return { title: t('track.title'), backHref: '/' }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request)
  const reference = cleanLine(single(form, 'reference')).slice(0, 40)
  const address = cleanLine(single(form, 'address')).slice(0, 254)
  const errors: FieldErrors = {}
  if (!reference) errors.reference = { key: 'errors:track.referenceRequired' }
  if (!normaliseAddress(address)) errors.address = { key: 'errors:track.addressRequired' }
  if (Object.keys(errors).length > 0) return rejectForm(context, { errors, values: { reference, address } })
  const url = new URL(request.url)
  const result = await requestAccessCode(database(), {
    reference,
    address,
    baseUrl: url.origin,
    clientIp: context.clientIp,
    requestId: context.requestId,
  })
  if (!result.ok) {
    return rejectForm(
      context,
      {
        errors: { reference: { key: 'errors:track.tooMany', values: { count: result.minutes } } },
        values: { reference, address },
      },
      429,
    )
  }
  return redirect('/track/code', { headers: { 'Set-Cookie': result.setCookie } })
}

export default function TrackPage() {
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('resident')
  const value = (name: string) => {
    const v = answer?.values[name]
    return typeof v === 'string' ? v : undefined
  }
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={answer?.errors} />
        <h1 className="heading-l">{t('track.title')}</h1>
        <p className="body">{t('track.intro')}</p>
        <Form method="post" noValidate>
          <TextInput
            name="reference"
            label={t('track.reference')}
            hint={t('track.referenceHint')}
            error={answer?.errors.reference}
            defaultValue={value('reference')}
            autoComplete="off"
            spellCheck={false}
            width="20"
          />
          <TextInput
            name="address"
            label={t('track.address')}
            hint={t('track.addressHint')}
            error={answer?.errors.address}
            defaultValue={value('address')}
            autoComplete="email"
            spellCheck={false}
          />
          <Button>{t('track.send')}</Button>
        </Form>
      </div>
    </div>
  )
}
