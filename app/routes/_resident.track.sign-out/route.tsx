import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { database } from '~/server/db.server'
import { readForm } from '~/server/forms.server'
import { endResidentSession } from '~/server/resident-access.server'

export async function action({ request }: ActionFunctionArgs) {
  await readForm(request)
  return redirect('/', { headers: { 'Set-Cookie': await endResidentSession(database(), request) } })
}

export function loader() {
  return redirect('/track')
}
