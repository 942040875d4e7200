// What an administrator may enter for a staff account.
import { z } from 'zod'
import { staffRoles } from './permissions'
import { cleanLine } from './text'

export const staffAccountForm = z.object({
  name: z.preprocess(
    cleanLine,
    z
      .string()
      .min(1, { error: 'staff-errors:staff.nameRequired' })
      .max(200, { error: 'staff-errors:staff.nameRequired' }),
  ),
  email: z.preprocess(
    cleanLine,
    z
      .string()
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'errors:email.invalid' })
      .max(254, { error: 'errors:email.invalid' }),
  ),
  role: z.enum(staffRoles, { error: 'staff-errors:staff.roleRequired' }),
  // NCSC: length over complexity; 12 characters at least, any characters, paste allowed.
  password: z
    .string({ error: 'staff-errors:staff.passwordTooShort' })
    .min(12, { error: 'staff-errors:staff.passwordTooShort' })
    .max(1000),
})

export const staffUpdateForm = z.object({
  role: z.enum(staffRoles, { error: 'staff-errors:staff.roleRequired' }),
  active: z.preprocess((v) => v === 'yes', z.boolean()),
})
