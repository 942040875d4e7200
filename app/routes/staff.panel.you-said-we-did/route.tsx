import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { londonDate } from '~/domain/working-days'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { youSaidWeDid } from '~/server/panel.server'

// GOV-2: what residents told us and what we changed, as a manager approved it for publication.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'panel:view')
  const locale = await getLocale(request)
  const [t, items] = await Promise.all([getFixedT(locale, 'staff'), youSaidWeDid(database())])
  return {
    title: t('panel.youSaidWeDid.title'),
    backHref: '/staff/panel',
    items: items.map((item) => ({
      serviceArea: item.serviceArea,
      youSaid: item.youSaid ?? '',
      weDid: item.weDid ?? '',
      completed: item.completedOn ? formatDate(item.completedOn, locale) : null,
      published: item.publishedAt ? formatDate(londonDate(item.publishedAt), locale) : null,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function YouSaidWeDidPage() {
  const { title, items } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      {items.length === 0 ? (
        <p className="body">{t('panel.youSaidWeDid.none')}</p>
      ) : (
        <div className="table-wrapper" role="region" aria-labelledby="ysw-caption" tabIndex={0}>
          <table className="table">
            <caption id="ysw-caption" className="table__caption visually-hidden">
              {title}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('panel.fields.serviceArea')}</th>
                <th scope="col">{t('panel.youSaidWeDid.youSaid')}</th>
                <th scope="col">{t('panel.youSaidWeDid.weDid')}</th>
                <th scope="col">{t('panel.youSaidWeDid.completed')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) => (
                <tr key={index}>
                  <th scope="row">
                    {item.serviceArea
                      ? t(`serviceAreas.${item.serviceArea}`, { defaultValue: item.serviceArea })
                      : t('panel.youSaidWeDid.allServices')}
                  </th>
                  <td className="preserve-lines">{item.youSaid}</td>
                  <td className="preserve-lines">{item.weDid}</td>
                  <td>{item.completed ?? t('panel.youSaidWeDid.inProgress')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
