import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { signOut } from '~/server/auth.server'
import { database } from '~/server/db.server'
import { readForm } from '~/server/forms.server'

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request)
  const setCookie = await signOut(database(), request, context.requestId)
  return redirect('/staff/sign-in', { headers: { 'Set-Cookie': setCookie } })
}

export function loader() {
  return redirect('/staff')
}
