import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, Outlet, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BackLink } from '~/components/back-link'
import { StaffLanguageSwitcher } from '~/components/language-switcher'
import { can } from '~/domain/permissions'
import { getStaff } from '~/server/auth.server'

export const handle = { i18n: ['common', 'staff', 'errors'], hydrate: true }

// Layout loaders run beside the page's, so this guards nothing: each staff page calls requireStaff.
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await getStaff(request)
  return {
    staff: staff ? { name: staff.name, role: staff.role } : null,
    nav: staff
      ? {
          queues: can(staff, 'complaint:list'),
          frontDoor: can(staff, 'contact:log'),
          calendar: can(staff, 'calendar:manage'),
          import: can(staff, 'cases:import'),
          staff: can(staff, 'staff:manage'),
          dashboard: can(staff, 'report:view'),
          commitments: can(staff, 'commitment:view'),
          learning: can(staff, 'learning:record') || can(staff, 'improvement:manage'),
          quality: can(staff, 'qa:review'),
          compensation: can(staff, 'compensation:view'),
          external: can(staff, 'external:view'),
          compliments: can(staff, 'complaint:list'),
          panel: can(staff, 'panel:view'),
        }
      : null,
  }
}

export default function StaffLayout() {
  const { staff, nav } = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <>
      <header className="header header--staff">
        <div className="width-container header__inner">
          <Link to="/staff" className="header__service">
            {t('common:serviceName')} <span className="header__product">{t('layout.backOffice')}</span>
          </Link>
          <StaffLanguageSwitcher />
        </div>
      </header>
      {staff ? (
        <nav className="staff-nav" aria-label={t('layout.navLabel')}>
          <div className="width-container staff-nav__inner">
            <ul className="staff-nav__list">
              {nav?.queues ? (
                <li>
                  <Link className="link" to="/staff/complaints?view=mine">
                    {t('layout.queues')}
                  </Link>
                </li>
              ) : null}
              {nav?.frontDoor ? (
                <li>
                  <Link className="link" to="/staff/contacts/new">
                    {t('layout.frontDoor')}
                  </Link>
                </li>
              ) : null}
              {nav?.dashboard ? (
                <li>
                  <Link className="link" to="/staff/dashboard">
                    {t('layout.dashboard')}
                  </Link>
                </li>
              ) : null}
              {nav?.commitments ? (
                <li>
                  <Link className="link" to="/staff/commitments">
                    {t('layout.commitments')}
                  </Link>
                </li>
              ) : null}
              {nav?.learning ? (
                <li>
                  <Link className="link" to="/staff/learning">
                    {t('layout.learning')}
                  </Link>
                </li>
              ) : null}
              {nav?.quality ? (
                <li>
                  <Link className="link" to="/staff/quality">
                    {t('layout.quality')}
                  </Link>
                </li>
              ) : null}
              {nav?.compensation ? (
                <li>
                  <Link className="link" to="/staff/compensation">
                    {t('layout.compensation')}
                  </Link>
                </li>
              ) : null}
              {nav?.external ? (
                <li>
                  <Link className="link" to="/staff/external">
                    {t('layout.external')}
                  </Link>
                </li>
              ) : null}
              {nav?.compliments ? (
                <li>
                  <Link className="link" to="/staff/compliments">
                    {t('compliments.title')}
                  </Link>
                </li>
              ) : null}
              {nav?.panel ? (
                <li>
                  <Link className="link" to="/staff/panel">
                    {t('layout.panel')}
                  </Link>
                </li>
              ) : null}
              {nav?.calendar ? (
                <li>
                  <Link className="link" to="/staff/admin/calendar">
                    {t('layout.calendar')}
                  </Link>
                </li>
              ) : null}
              {nav?.import ? (
                <li>
                  <Link className="link" to="/staff/admin/import">
                    {t('layout.import')}
                  </Link>
                </li>
              ) : null}
              {nav?.staff ? (
                <li>
                  <Link className="link" to="/staff/admin/staff">
                    {t('layout.staffAccounts')}
                  </Link>
                </li>
              ) : null}
              <li>
                <Link className="link" to="/staff/account">
                  {t('layout.account')}
                </Link>
              </li>
            </ul>
            <div className="staff-nav__user">
              <span>{t('layout.signedInAs', { name: staff.name, role: t(`roles.${staff.role}`) })}</span>
              <Form method="post" action="/staff/sign-out" className="inline-form">
                <button type="submit" className="link-button">
                  {t('layout.signOut')}
                </button>
              </Form>
            </div>
          </div>
        </nav>
      ) : null}
      <div className="width-container width-container--wide">
        <BackLink />
        <main className="main" id="main-content">
          <Outlet />
        </main>
      </div>
    </>
  )
}
