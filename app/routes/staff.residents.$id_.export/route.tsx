import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { subjectAccessExport } from '~/server/data-rights.server'
import { database } from '~/server/db.server'

// Subject access: everything held about a resident, as JSON (?format=json) or as a readable page.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'resident:export')
  const id = params.id ?? ''
  const data = /^[0-9a-f-]{36}$/.test(id)
    ? await subjectAccessExport(database(), id, staff.id, context.requestId)
    : null
  if (!data) throw new Response('Not found', { status: 404 })
  if (new URL(request.url).searchParams.get('format') === 'json') {
    return new Response(`${JSON.stringify(data, null, 2)}\n`, {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="subject-access-${id}.json"`,
        'Cache-Control': 'no-store',
      },
    })
  }
  const t = await getFixedT(request, 'staff')
  return {
    title: t('dataRights.exportTitle', { name: data.resident.name }),
    backHref: `/staff/residents/${id}`,
    id,
    json: JSON.stringify(data, null, 2),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function SubjectAccessPage() {
  const { title, id, json } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t('dataRights.exportIntro')}</p>
      <p className="body">
        <a className="link" href={`/staff/residents/${id}/export?format=json`} download>
          {t('dataRights.downloadJson')}
        </a>
      </p>
      <div className="table-wrapper" role="region" aria-label={t('dataRights.exportLink')} tabIndex={0}>
        <pre className="letter-text">{json}</pre>
      </div>
    </>
  )
}
