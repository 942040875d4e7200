import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/form'
import { can } from '~/domain/permissions'
import { formatDateTime } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { STAFF_COOKIE, activeSessions, requireSignedIn, signOutEverywhere } from '~/server/auth.server'
import { clearCookie } from '~/server/cookies.server'
import { database } from '~/server/db.server'
import { readForm } from '~/server/forms.server'
import { unseenFeedbackCount } from '~/server/quality.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireSignedIn(request)
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const sessions = await activeSessions(database(), staff)
  // Quality reviews of this person's own responses (issue 7 §3): the way to their feedback.
  const feedback = can(staff, 'complaint:view') ? await unseenFeedbackCount(database(), staff.id) : null
  return {
    title: t('account.title'),
    feedback,
    name: staff.name,
    email: staff.email,
    role: staff.role,
    sessions: sessions.map((session) => ({
      ...session,
      createdAt: formatDateTime(session.createdAt, locale),
      lastSeenAt: formatDateTime(session.lastSeenAt, locale),
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireSignedIn(request)
  await readForm(request)
  await signOutEverywhere(database(), staff, context.requestId)
  return redirect('/staff/sign-in', { headers: { 'Set-Cookie': clearCookie(STAFF_COOKIE) } })
}

export default function AccountPage() {
  const { title, name, email, role, sessions, feedback } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t('account.who', { name, email, role: t(`roles.${role}`) })}</p>
      {feedback !== null ? (
        <p className="body">
          <Link className="link" to="/staff/quality/mine">
            {t('quality.mineTitle')}
          </Link>{' '}
          {feedback > 0 ? <strong className="tag">{t('quality.unseen', { count: feedback })}</strong> : null}
        </p>
      ) : null}
      <h2 className="heading-m">{t('account.sessions')}</h2>
      <div className="table-wrapper" role="region" aria-labelledby="sessions-caption" tabIndex={0}>
        <table className="table">
          <caption id="sessions-caption" className="table__caption visually-hidden">
            {t('account.sessions')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('account.device')}</th>
              <th scope="col">{t('account.signedIn')}</th>
              <th scope="col">{t('account.lastSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session, index) => (
              <tr key={index}>
                <td>
                  {session.userAgent ?? t('account.unknownDevice')}
                  {session.current ? <strong className="tag">{t('account.thisDevice')}</strong> : null}
                </td>
                <td>{session.createdAt}</td>
                <td>{session.lastSeenAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Form method="post">
        <p className="body">{t('account.everywhereHint')}</p>
        <Button variant="warning">{t('account.everywhere')}</Button>
      </Form>
    </>
  )
}
