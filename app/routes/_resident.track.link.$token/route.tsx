import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/form'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { database } from '~/server/db.server'
import { readForm } from '~/server/forms.server'
import { findAccessLink, spendAccessLink } from '~/server/resident-access.server'

// Opening the link only shows a button: email link scanners open links, and must not spend them.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const valid = Boolean(await findAccessLink(database(), params.token ?? ''))
  const t = await getFixedT(request, 'resident')
  return { title: t(valid ? 'track.link.title' : 'track.link.expired'), valid }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params }: ActionFunctionArgs) {
  await readForm(request)
  const result = await spendAccessLink(database(), params.token ?? '')
  if (!result.ok) return redirect(`/track/link/${encodeURIComponent(params.token ?? '')}`)
  const headers = new Headers()
  for (const cookie of result.setCookies) headers.append('Set-Cookie', cookie)
  return redirect(`/track/${encodeURIComponent(result.reference)}`, { headers })
}

export default function TrackLinkPage() {
  const { title, valid } = useLoaderData<typeof loader>()
  const { t } = useTranslation('resident')
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <h1 className="heading-l">{title}</h1>
        {valid ? (
          <Form method="post">
            <p className="body">{t('track.link.intro')}</p>
            <Button>{t('track.link.continue')}</Button>
          </Form>
        ) : (
          <p className="body">
            <Link className="link" to="/track">
              {t('track.code.again')}
            </Link>
          </p>
        )}
      </div>
    </div>
  )
}
