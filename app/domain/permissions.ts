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

export const staffActions = [
  'complaint:list',
  'complaint:view',
  'complaint:acknowledge',
  'complaint:assign',
  'complaint:extend',
  'complaint:decide',
  'complaint:respond',
  'complaint:escalate',
  'complaint:decline',
  'complaint:withdraw',
  'complaint:close',
  'complaint:reopen',
  'complaint:note',
  'complaint:update_resident',
  'calendar:manage',
  'cases:import',
  'staff:manage',
  'contact:log',
  'audit:view',
  'audit:export',
  'resident:export',
  'resident:anonymise',
  'conduct:manage',
  'report:view',
  'report:export',
  'equality:view',
  'commitment:view',
  'commitment:update',
  'commitment:sign_off',
  'learning:record',
  'learning:approve',
  'improvement:manage',
  'qa:sample',
  'qa:review',
  'compensation:view',
  'compensation:propose',
  'compensation:approve',
  'compensation:manage',
  'external:view',
  'external:manage',
  'panel:view',
  'panel:publish',
] as const
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
const handlers: readonly StaffRole[] = ['complaint_handler', 'stage2_reviewer', 'manager']
// The contact centre logs what residents ask for: an escalation, a withdrawal, a note, an update.
const frontLine: readonly StaffRole[] = ['advisor', ...handlers]

const permissions: Record<StaffAction, readonly StaffRole[]> = {
  'complaint:list': caseWorkers,
  'complaint:view': caseWorkers,
  'complaint:acknowledge': handlers,
  'complaint:assign': handlers,
  'complaint:extend': handlers,
  'complaint:decide': handlers,
  'complaint:respond': handlers,
  'complaint:escalate': frontLine,
  'complaint:decline': handlers,
  'complaint:withdraw': frontLine,
  'complaint:close': handlers,
  'complaint:reopen': ['manager'],
  'complaint:note': frontLine,
  'complaint:update_resident': frontLine,
  'calendar:manage': ['administrator', 'manager'],
  'cases:import': ['administrator'],
  'staff:manage': ['administrator'],
  'contact:log': frontLine,
  // Who looked at what is itself sensitive: managers, quality reviewers and administrators.
  'audit:view': ['manager', 'quality_reviewer', 'administrator'],
  'audit:export': ['administrator'],
  // Data-protection requests are handled by managers and administrators.
  'resident:export': ['manager', 'administrator'],
  'resident:anonymise': ['manager', 'administrator'],
  // UB-1: restricting how a resident may contact us is a head-of-service decision.
  'conduct:manage': ['manager'],
  // Performance is the whole team's business; equality aggregates only for managers.
  'report:view': [...handlers, 'quality_reviewer', 'compensation_approver', 'administrator'],
  'report:export': ['manager', 'administrator'],
  'equality:view': ['manager'],
  // PTR-5: owners update their commitments; only the head of service signs them off.
  'commitment:view': caseWorkers,
  'commitment:update': handlers,
  'commitment:sign_off': ['manager'],
  'learning:record': handlers,
  'learning:approve': ['manager'],
  'improvement:manage': ['manager'],
  'qa:sample': ['quality_reviewer', 'manager'],
  'qa:review': ['quality_reviewer', 'manager'],
  'compensation:view': [...handlers, 'compensation_approver', 'quality_reviewer'],
  'compensation:propose': handlers,
  'compensation:approve': ['compensation_approver', 'manager'],
  'compensation:manage': ['manager'],
  'external:view': caseWorkers,
  'external:manage': handlers,
  // The tenant panel sees published, anonymised material only; managers decide what is published.
  'panel:view': ['tenant_panel', 'manager'],
  'panel:publish': ['manager'],
}

export interface StaffActor {
  id: string
  role: StaffRole
}

export function can(actor: StaffActor, action: StaffAction): boolean {
  return permissions[action].includes(actor.role)
}
