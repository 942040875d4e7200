import { eq } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { staffSessions } from '../../db/schema'
import * as complaintPage from '~/routes/staff.complaints.$reference/route'
import * as complaintsList from '~/routes/staff.complaints._index/route'
import * as signInRoute from '~/routes/staff.sign-in/route'
import * as signOutRoute from '~/routes/staff.sign-out/route'
import { getStaff } from '~/server/auth.server'
import { describeEachEngine } from '../support/databases'
import { aComplaint, aStaffMember } from '../support/factories'
import { answer, bodyOf, cookieFrom, formRequest, getRequest, loadContext, statusOf } from '../support/requests'

type Rejected = { errors: Record<string, { key: string }> }

describeEachEngine('staff sign-in and access', (handle) => {
  async function signInAs(email: string, password: string) {
    return answer(() =>
      signInRoute.action({
        request: formRequest('/staff/sign-in', { email, password, redirectTo: '/staff/complaints' }),
        params: {},
        context: loadContext(),
      }),
    )
  }

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const handler = await aStaffMember(handle().db, 'complaint_handler')
    const wrongPassword = await signInAs(handler.email, 'not the password')
    const unknownEmail = await signInAs('nobody@putright.test', 'whatever')
    expect(statusOf(wrongPassword)).toBe(400)
    expect(statusOf(unknownEmail)).toBe(400)
    expect(bodyOf<Rejected>(wrongPassword).errors).toEqual(bodyOf<Rejected>(unknownEmail).errors)
    expect(bodyOf<Rejected>(wrongPassword).errors.email?.key).toBe('errors:signIn.failed')
  })

  it('signs in with the right password, whatever the case of the email, and lists complaints', async () => {
    const { db } = handle()
    const handler = await aStaffMember(db, 'complaint_handler')
    const mine = await aComplaint(db)
    const signedIn = await signInAs(handler.email.toUpperCase(), handler.password)
    expect(statusOf(signedIn)).toBe(302)
    expect((signedIn as Response).headers.get('Location')).toBe('/staff/complaints')
    const setCookie = (signedIn as Response).headers.get('Set-Cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    const cookie = cookieFrom(signedIn as Response, 'pr_staff')
    const list = bodyOf<{ items: Array<{ reference: string; adjustments: string[] }> }>(
      await complaintsList.loader({
        request: getRequest('/staff/complaints', { cookie }),
        params: {},
        context: loadContext(),
      }),
    )
    const row = list.items.find((item) => item.reference === mine.reference)
    expect(row?.adjustments).toEqual(['large_print', 'interpreter'])
    const page = bodyOf<{
      reference: string
      adjustments: Array<{ kind: string; detail: string | null }>
    }>(
      await complaintPage.loader({
        request: getRequest(`/staff/complaints/${mine.reference}`, { cookie }),
        params: { reference: mine.reference },
        context: loadContext(),
      }),
    )
    expect(page.reference).toBe(mine.reference)
    expect(page.adjustments).toContainEqual({ kind: 'interpreter', detail: 'Polish' })
  })

  it('sends a visitor without a session to sign in, and back afterwards', async () => {
    const result = await answer(() =>
      complaintsList.loader({ request: getRequest('/staff/complaints?page=2'), params: {}, context: loadContext() }),
    )
    expect(statusOf(result)).toBe(302)
    expect((result as Response).headers.get('Location')).toBe(
      '/staff/sign-in?redirectTo=%2Fstaff%2Fcomplaints%3Fpage%3D2',
    )
  })

  it('refuses the tenant panel any complaint with 403', async () => {
    const { db } = handle()
    const panel = await aStaffMember(db, 'tenant_panel')
    const complaint = await aComplaint(db)
    const cookie = cookieFrom((await signInAs(panel.email, panel.password)) as Response, 'pr_staff')
    const list = await answer(() =>
      complaintsList.loader({
        request: getRequest('/staff/complaints', { cookie }),
        params: {},
        context: loadContext(),
      }),
    )
    expect(statusOf(list)).toBe(403)
    const page = await answer(() =>
      complaintPage.loader({
        request: getRequest(`/staff/complaints/${complaint.reference}`, { cookie }),
        params: { reference: complaint.reference },
        context: loadContext(),
      }),
    )
    expect(statusOf(page)).toBe(403)
  })

  it('answers 404 for a reference that does not exist', async () => {
    const handler = await aStaffMember(handle().db, 'manager')
    const cookie = cookieFrom((await signInAs(handler.email, handler.password)) as Response, 'pr_staff')
    const result = await answer(() =>
      complaintPage.loader({
        request: getRequest('/staff/complaints/PR-1999-999999', { cookie }),
        params: { reference: 'PR-1999-999999' },
        context: loadContext(),
      }),
    )
    expect(statusOf(result)).toBe(404)
  })

  it('ends a session after 30 idle minutes and on sign-out', async () => {
    const { db } = handle()
    const staff = await aStaffMember(db, 'advisor')
    const cookie = cookieFrom((await signInAs(staff.email, staff.password)) as Response, 'pr_staff')
    const request = () => getRequest('/staff/complaints', { cookie })
    expect(await getStaff(request(), db)).not.toBeNull()
    const thirtyOneMinutesOn = new Date(Date.now() + 31 * 60_000)
    expect(await getStaff(request(), db, thirtyOneMinutesOn)).toBeNull()
    const signedOut = await answer(() =>
      signOutRoute.action({
        request: formRequest('/staff/sign-out', {}, { cookie }),
        params: {},
        context: loadContext(),
      }),
    )
    expect(statusOf(signedOut)).toBe(302)
    expect(await getStaff(request(), db)).toBeNull()
    const sessions = await db.select().from(staffSessions).where(eq(staffSessions.staffUserId, staff.id))
    expect(sessions.every((s) => s.revokedAt !== null)).toBe(true)
  })

  it('only follows same-site redirects after sign-in', async () => {
    const staff = await aStaffMember(handle().db, 'manager')
    const result = await answer(() =>
      signInRoute.action({
        request: formRequest('/staff/sign-in', {
          email: staff.email,
          password: staff.password,
          redirectTo: '//evil.example/x',
        }),
        params: {},
        context: loadContext(),
      }),
    )
    expect((result as Response).headers.get('Location')).toBe('/staff/complaints')
  })
})
