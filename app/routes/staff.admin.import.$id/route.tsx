import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/form'
import { formatNumber } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm } from '~/server/forms.server'
import { confirmImport, findPendingImport } from '~/server/pending-imports.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'cases:import')
  const pending = await findPendingImport(database(), params.id ?? '', new Date())
  if (!pending) throw new Response('Not found', { status: 404 })
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const imports = await getFixedT(locale, 'imports')
  const checked = pending.checked
  return {
    title: t('import.previewTitle', { file: pending.fileName }),
    backHref: '/staff/admin/import',
    done: pending.importedAt !== null,
    ready: checked?.ok ?? false,
    counts: checked?.ok
      ? { imported: formatNumber(checked.imported, locale), skipped: formatNumber(checked.skipped, locale) }
      : null,
    // Problems rendered here, in the reader's language, with their line and column.
    problems:
      checked && !checked.ok
        ? checked.problems
            .slice(0, 500)
            .map((p) => ({ line: p.line, column: p.column ?? '', text: imports(p.key, p.values ?? {}) }))
        : [],
    more: checked && !checked.ok ? Math.max(0, checked.problems.length - 500) : 0,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'cases:import')
  await readForm(request)
  const result = await confirmImport(database(), {
    id: params.id ?? '',
    staffId: staff.id,
    now: new Date(),
    requestId: context.requestId,
  })
  if (!result) throw new Response('Not found', { status: 404 })
  return redirect(`/staff/admin/import/${params.id ?? ''}`)
}

export default function ImportPreviewPage() {
  const { title, done, ready, counts, problems, more } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      {done ? (
        <div className="notice" role="status">
          <p className="body">{t('import.done')}</p>
        </div>
      ) : ready && counts ? (
        <>
          <p className="body">{t('import.ready', counts)}</p>
          <Form method="post">
            <Button>{t('import.confirm')}</Button>
          </Form>
        </>
      ) : (
        <>
          <p className="body">{t('import.rejected', { count: problems.length + more })}</p>
          <div className="table-wrapper" role="region" aria-labelledby="problems-caption" tabIndex={0}>
            <table className="table">
              <caption id="problems-caption" className="table__caption">
                {t('import.problems')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((problem, index) => (
                  <tr key={index}>
                    <td>{problem.line}</td>
                    <td>
                      <code>{problem.column}</code>
                    </td>
                    <td>{problem.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more > 0 ? <p className="body">{t('import.more', { count: more })}</p> : null}
        </>
      )}
    </>
  )
}
