// Unique, valid data made through the app's own functions, so tests start from what the app writes.
import { randomUUID } from 'node:crypto'
import { generateSecret, generateSync } from 'otplib'
import type { Database } from '../../db/client'
import { staffUsers } from '../../db/schema'
import type { ComplaintAnswers } from '~/domain/journeys/complaint'
import type { StaffRole } from '~/domain/permissions'
import { hashPassword } from '~/server/auth.server'
import type { Actor } from '~/domain/complaints/lifecycle'
import { londonDate } from '~/domain/working-days'
import { runCommands } from '~/server/cases.server'
import { submitComplaint, type NewComplaint } from '~/server/complaints.server'

export function someAnswers(overrides: Partial<ComplaintAnswers> = {}): ComplaintAnswers {
  const id = randomUUID().slice(0, 8)
  return {
    whatHappened: `The boiler broke on Monday and nobody came (${id}).`,
    putRight: 'Fix the boiler and tell me when.',
    service: 'repairs',
    name: `Resident ${id}`,
    email: `resident-${id}@example.org`,
    postcode: 'CF10 1AA',
    language: 'en',
    contactMethod: 'email',
    adjustments: ['large_print', 'interpreter'],
    adjustmentsAnswered: true,
    interpreterLanguage: 'Polish',
    ...overrides,
  }
}

export function aComplaint(db: Database, overrides: Partial<NewComplaint> = {}) {
  return submitComplaint(db, {
    submissionKey: randomUUID(),
    answers: someAnswers(),
    channel: 'web',
    receivedAt: new Date(),
    actor: { type: 'resident', id: null },
    ...overrides,
  })
}

/** A member of staff with their second factor enrolled (`totpSecret`), unless `enrolled: false`. */
export async function aStaffMember(
  db: Database,
  role: StaffRole,
  options: { password?: string; enrolled?: boolean } = {},
) {
  const password = options.password ?? 'correct horse battery staple'
  const email = `${role}-${randomUUID().slice(0, 8)}@putright.test`
  const totpSecret = options.enrolled === false ? null : generateSecret()
  const [user] = await db
    .insert(staffUsers)
    .values({
      email,
      name: `Test ${role}`,
      role,
      passwordHash: await hashPassword(password),
      totpSecret,
      mfaEnrolledAt: totpSecret ? new Date() : null,
    })
    .returning()
  if (!user) throw new Error('staff not created')
  return { ...user, password }
}

/** The code an authenticator app would show now (or `stepsAhead` 30-second steps later). */
export function totpCode(secret: string, stepsAhead = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 })
}

/**
 * A complaint taken through Stage 1 to a response today (with its letters), by a handler: the
 * state in which a resident may ask for Stage 2.
 */
export async function aRespondedComplaint(db: Database, overrides: Partial<NewComplaint> = {}) {
  const handler = await aStaffMember(db, 'complaint_handler')
  const by: Actor = { kind: 'staff', id: handler.id, role: 'complaint_handler' }
  const submitted = await aComplaint(db, overrides)
  const on = londonDate(new Date())
  const result = await runCommands(db, {
    reference: submitted.reference,
    commands: [
      { type: 'assign', stage: 1, handlerId: handler.id, by },
      { type: 'acknowledge', on, by, elements: ['The boiler is not fixed'], outcomesSought: 'Fix the boiler' },
      { type: 'record_decision', by, elementId: 1, decision: 'upheld', reasons: 'The engineer did not come.' },
      {
        type: 'add_remedy',
        by,
        remedyType: 'apology',
        description: 'We are sorry.',
        amountPence: null,
        status: 'offered',
      },
      { type: 'promise_action', by, description: 'Repair the boiler', owner: 'Repairs team', dueOn: on },
      { type: 'respond', on, by },
    ],
    actor: { type: 'staff', id: handler.id },
    now: new Date(),
  })
  if (!result.ok) throw new Error(`could not respond: ${JSON.stringify(result)}`)
  return { ...submitted, handler }
}
