// /staff/sign-in/sso/callback: the identity provider sends the browser back here with a code.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { database } from '~/server/db.server'
import { completeSsoSignIn, signInPageWith } from '~/server/sso.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const result = await completeSsoSignIn(database(), request, { requestId: context.requestId })
  if (!result) throw new Response('Not found', { status: 404 })
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  for (const cookie of result.setCookies) headers.append('Set-Cookie', cookie)
  return redirect(result.ok ? result.redirectTo : signInPageWith(result.refusal, result.redirectTo), { headers })
}
