import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { getStaff } from '~/server/auth.server'

// Each role's home: the tenant panel sees only published material, so theirs is the panel.
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await getStaff(request)
  return redirect(staff?.role === 'tenant_panel' ? '/staff/panel' : '/staff/complaints')
}
