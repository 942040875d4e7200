// Signs a member of staff in through the real routes: password, then the TOTP code.
import * as codeRoute from '~/routes/staff.sign-in_.code/route'
import * as signInRoute from '~/routes/staff.sign-in/route'
import { totpCode } from './factories'
import { answer, cookieFrom, formRequest, loadContext } from './requests'

export async function staffCookie(staff: {
  email: string
  password: string
  totpSecret: string | null
}): Promise<string> {
  const first = (await answer(() =>
    signInRoute.action({
      request: formRequest('/staff/sign-in', { email: staff.email, password: staff.password, redirectTo: '/staff' }),
      params: {},
      context: loadContext(),
    }),
  )) as Response
  const challenge = cookieFrom(first, 'pr_challenge')
  if (!challenge || !staff.totpSecret) throw new Error(`password step failed (${first.status})`)
  const second = (await answer(() =>
    codeRoute.action({
      request: formRequest('/staff/sign-in/code', { code: totpCode(staff.totpSecret ?? '') }, { cookie: challenge }),
      params: {},
      context: loadContext(),
    }),
  )) as Response
  const session = cookieFrom(second, 'pr_staff')
  if (!session) throw new Error(`code step failed (${second.status})`)
  return session
}
