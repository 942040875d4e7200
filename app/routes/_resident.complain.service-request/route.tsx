import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/form'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'

// A resident who asks for a service is told how, and can still complain: never turned away (DEF-1, DEF-2).
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request, 'resident')
  return { title: t('serviceRequest.title'), backHref: '/complain/complaint-or-request' }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function ServiceRequestPage() {
  const { title } = useLoaderData<typeof loader>()
  const { t } = useTranslation('resident')
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <h1 className="heading-l">{title}</h1>
        <p className="body">{t('serviceRequest.intro')}</p>
        <ul className="list list--bullet">
          <li>{t('serviceRequest.phone')}</li>
          <li>{t('serviceRequest.online')}</li>
        </ul>
        <h2 className="heading-m">{t('serviceRequest.stillComplain')}</h2>
        <p className="body">{t('serviceRequest.stillComplainBody')}</p>
        <Form method="post" action="/complain/complaint-or-request">
          <input type="hidden" name="choice" value="complaint" />
          <Button>{t('serviceRequest.complain')}</Button>
        </Form>
      </div>
    </div>
  )
}
