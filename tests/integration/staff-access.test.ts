import { eq } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { rateLimits, staffRecoveryCodes, staffSessions, staffUsers } from '../../db/schema'
import * as complaintPage from '~/routes/staff.complaints.$reference/route'
import * as complaintsList from '~/routes/staff.complaints._index/route'
import * as codeRoute from '~/routes/staff.sign-in_.code/route'
import * as enrolRoute from '~/routes/staff.sign-in_.enrol/route'
import * as signInRoute from '~/routes/staff.sign-in/route'
import * as signOutRoute from '~/routes/staff.sign-out/route'
import * as accountRoute from '~/routes/staff.account/route'
import { getStaff } from '~/server/auth.server'
import { describeEachEngine } from '../support/databases'
import { aComplaint, aStaffMember, totpCode } from '../support/factories'
import { answer, bodyOf, cookieFrom, formRequest, getRequest, loadContext, statusOf } from '../support/requests'
import { staffCookie } from '../support/staff-session'

type Rejected = { errors: Record<string, { key: string; values?: Record<string, unknown> }> }

async function password(email: string, pass: string, clientIp = '127.0.0.1') {
  const context = { ...loadContext(), clientIp }
  return answer(() =>
    signInRoute.action({
      request: formRequest('/staff/sign-in', { email, password: pass, redirectTo: '/staff/complaints' }),
      params: {},
      context,
    }),
  )
}

async function code(challenge: string | undefined, value: string) {
  return answer(() =>
    codeRoute.action({
      request: formRequest('/staff/sign-in/code', { code: value }, { cookie: challenge }),
      params: {},
      context: loadContext(),
    }),
  )
}

describeEachEngine('staff sign-in and access', (handle) => {
  it('gives the same answer for a wrong password and an unknown email', async () => {
    const handler = await aStaffMember(handle().db, 'complaint_handler')
    const wrongPassword = await password(handler.email, 'not the password')
    const unknownEmail = await password('nobody@putright.test', 'whatever')
    expect(statusOf(wrongPassword)).toBe(400)
    expect(statusOf(unknownEmail)).toBe(400)
    expect(bodyOf<Rejected>(wrongPassword).errors).toEqual(bodyOf<Rejected>(unknownEmail).errors)
    expect(bodyOf<Rejected>(wrongPassword).errors.email?.key).toBe('staff-errors:signIn.failed')
  })

  it('asks for the second factor after the password, then starts a session and lists complaints', async () => {
    const { db } = handle()
    const handler = await aStaffMember(db, 'complaint_handler')
    const mine = await aComplaint(db)
    const first = (await password(handler.email.toUpperCase(), handler.password)) as Response
    expect(first.status).toBe(302)
    expect(first.headers.get('Location')).toBe('/staff/sign-in/code')
    expect(cookieFrom(first, 'pr_staff')).toBeUndefined()
    const challenge = cookieFrom(first, 'pr_challenge')
    const second = (await code(challenge, totpCode(handler.totpSecret ?? ''))) as Response
    expect(second.status).toBe(302)
    expect(second.headers.get('Location')).toBe('/staff/complaints')
    const setCookie = second.headers.getSetCookie().find((c) => c.startsWith('pr_staff=')) ?? ''
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    const cookie = cookieFrom(second, 'pr_staff')
    const list = bodyOf<{ items: Array<{ reference: string; adjustments: string[] }> }>(
      await complaintsList.loader({
        request: getRequest('/staff/complaints', { cookie }),
        params: {},
        context: loadContext(),
      }),
    )
    expect(list.items.find((item) => item.reference === mine.reference)?.adjustments).toEqual([
      'large_print',
      'interpreter',
    ])
    const page = bodyOf<{ reference: string; adjustments: Array<{ kind: string; detail: string | null }> }>(
      await complaintPage.loader({
        request: getRequest(`/staff/complaints/${mine.reference}`, { cookie }),
        params: { reference: mine.reference },
        context: loadContext(),
      }),
    )
    expect(page.reference).toBe(mine.reference)
    expect(page.adjustments).toContainEqual({ kind: 'interpreter', detail: 'Polish' })
    // The challenge is spent: it cannot start a second session.
    expect(statusOf(await code(challenge, totpCode(handler.totpSecret ?? '', 1)))).toBe(302)
    expect(((await code(challenge, totpCode(handler.totpSecret ?? '', 1))) as Response).headers.get('Location')).toBe(
      '/staff/sign-in',
    )
  })

  it('never accepts the same TOTP code twice (RFC 6238 §5.2)', async () => {
    const handler = await aStaffMember(handle().db, 'complaint_handler')
    const now = totpCode(handler.totpSecret ?? '')
    const a = cookieFrom((await password(handler.email, handler.password)) as Response, 'pr_challenge')
    expect(statusOf(await code(a, now))).toBe(302)
    const b = cookieFrom((await password(handler.email, handler.password)) as Response, 'pr_challenge')
    const replay = await code(b, now)
    expect(statusOf(replay)).toBe(400)
    expect(bodyOf<Rejected>(replay).errors.code?.key).toBe('staff-errors:signIn.codeInvalid')
  })

  it('accepts each recovery code once', async () => {
    const { db } = handle()
    const manager = await aStaffMember(db, 'manager', { enrolled: false })
    // Enrol: the page shows a secret; a code from it confirms, and ten recovery codes come back once.
    const challenge = cookieFrom((await password(manager.email, manager.password)) as Response, 'pr_challenge')
    const page = bodyOf<{ secret: string }>(
      await enrolRoute.loader({
        request: getRequest('/staff/sign-in/enrol', { cookie: challenge }),
        params: {},
        context: loadContext(),
      }),
    )
    const enrolled = await answer(() =>
      enrolRoute.action({
        request: formRequest('/staff/sign-in/enrol', { code: totpCode(page.secret) }, { cookie: challenge }),
        params: {},
        context: loadContext(),
      }),
    )
    const { recoveryCodes } = bodyOf<{ recoveryCodes: string[] }>(enrolled)
    expect(recoveryCodes).toHaveLength(10)
    expect(new Set(recoveryCodes).size).toBe(10)
    const stored = await db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, manager.id))
    expect(stored.map((r) => r.codeHash)).not.toContain(recoveryCodes[0])
    const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, manager.id))
    expect(user?.totpSecret).toBe(page.secret)

    const recovery = recoveryCodes[0] ?? ''
    const first = cookieFrom((await password(manager.email, manager.password)) as Response, 'pr_challenge')
    expect(statusOf(await code(first, recovery.toUpperCase()))).toBe(302)
    const again = cookieFrom((await password(manager.email, manager.password)) as Response, 'pr_challenge')
    expect(statusOf(await code(again, recovery))).toBe(400)
  })

  it('blocks an account after 5 failed attempts, in the database, even with the right password', async () => {
    const { db } = handle()
    const advisor = await aStaffMember(db, 'advisor')
    for (let i = 0; i < 5; i += 1) expect(statusOf(await password(advisor.email, 'wrong', `10.0.0.${i}`))).toBe(400)
    const blocked = await password(advisor.email, advisor.password, '10.0.1.1')
    expect(statusOf(blocked)).toBe(400)
    expect(bodyOf<Rejected>(blocked).errors.email).toEqual({
      key: 'staff-errors:signIn.tooManyAttempts',
      values: { count: 1 },
    })
    const [row] = await db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `signin:account:${advisor.email}`))
    expect(row?.failures).toBe(5)
    expect(row?.blockedUntil?.getTime()).toBeGreaterThan(Date.now())
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
    const cookie = await staffCookie(await aStaffMember(db, 'tenant_panel'))
    const complaint = await aComplaint(db)
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
    const cookie = await staffCookie(await aStaffMember(handle().db, 'manager'))
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
    const cookie = await staffCookie(staff)
    const request = () => getRequest('/staff/complaints', { cookie })
    expect(await getStaff(request(), db)).not.toBeNull()
    expect(await getStaff(request(), db, new Date(Date.now() + 31 * 60_000))).toBeNull()
    const signedOut = await answer(() =>
      signOutRoute.action({
        request: formRequest('/staff/sign-out', {}, { cookie }),
        params: {},
        context: loadContext(),
      }),
    )
    expect(statusOf(signedOut)).toBe(302)
    expect(await getStaff(request(), db)).toBeNull()
  })

  it('signs out everywhere: every session of the account ends', async () => {
    const { db } = handle()
    const staff = await aStaffMember(db, 'manager')
    const laptop = await staffCookie(staff)
    // A second sign-in, one step later (the first code cannot be used twice).
    const challenge = cookieFrom((await password(staff.email, staff.password)) as Response, 'pr_challenge')
    const phone = cookieFrom((await code(challenge, totpCode(staff.totpSecret ?? '', 1))) as Response, 'pr_staff')
    const sessions = bodyOf<{ sessions: Array<{ current: boolean }> }>(
      await accountRoute.loader({
        request: getRequest('/staff/account', { cookie: laptop }),
        params: {},
        context: loadContext(),
      }),
    ).sessions
    expect(sessions).toHaveLength(2)
    expect(sessions.filter((s) => s.current)).toHaveLength(1)
    await answer(() =>
      accountRoute.action({
        request: formRequest('/staff/account', {}, { cookie: phone }),
        params: {},
        context: loadContext(),
      }),
    )
    expect(await getStaff(getRequest('/staff', { cookie: laptop }), db)).toBeNull()
    expect(await getStaff(getRequest('/staff', { cookie: phone }), db)).toBeNull()
    const rows = await db.select().from(staffSessions).where(eq(staffSessions.staffUserId, staff.id))
    expect(rows.every((s) => s.revokedAt !== null)).toBe(true)
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
    const challenge = cookieFrom(result as Response, 'pr_challenge')
    const done = (await code(challenge, totpCode(staff.totpSecret ?? ''))) as Response
    expect(done.headers.get('Location')).toBe('/staff')
  })
})
