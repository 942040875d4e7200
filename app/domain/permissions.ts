// Who may do what, decided in one place. Every staff loader and action asks `can` through
// requireStaff; the role × route matrix test reads this same table.
export const staffRoles = [
  'advisor',
  'complaint_handler',
  'stage2_reviewer',
  'manager',
  'quality_reviewer',
  'compensation_approver',
  'administrator',
  'tenant_panel',
] as const

export type StaffRole = (typeof staffRoles)[number]

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value)
}

export const staffActions = ['complaint:list', 'complaint:view'] as const
export type StaffAction = (typeof staffActions)[number]

// Case workers see cases; the tenant panel sees only published, anonymised material.
const caseWorkers: readonly StaffRole[] = [
  'advisor',
  'complaint_handler',
  'stage2_reviewer',
  'manager',
  'quality_reviewer',
  'compensation_approver',
  'administrator',
]

const permissions: Record<StaffAction, readonly StaffRole[]> = {
  'complaint:list': caseWorkers,
  'complaint:view': caseWorkers,
}

export interface StaffActor {
  id: string
  role: StaffRole
}

export function can(actor: StaffActor, action: StaffAction): boolean {
  return permissions[action].includes(actor.role)
}
