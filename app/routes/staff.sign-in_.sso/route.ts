// /staff/sign-in/sso: starts single sign-on and sends the browser to the organisation's identity
// provider. A link, not a form: CSP `form-action 'self'` would stop a form's redirect to another site.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { safeRedirect } from '~/server/auth.server'
import { signInPageWith, startSsoSignIn } from '~/server/sso.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'))
  const started = await startSsoSignIn(request, redirectTo)
  if (!started) throw new Response('Not found', { status: 404 })
  if (!started.ok) return redirect(signInPageWith(started.refusal, redirectTo))
  return redirect(started.location, { headers: { 'Set-Cookie': started.setCookie, 'Cache-Control': 'no-store' } })
}
