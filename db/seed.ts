// Demo data for the embedded database and demos: one staff member per role and ~50 complaints.
// Idempotent: staff are matched on email, complaints on their submission key.
import { inArray, sql } from 'drizzle-orm'
import { workingCalendar } from '~/domain/calendar'
import type { Actor as LifecycleActor, Command } from '~/domain/complaints/lifecycle'
import type { ServiceArea } from '~/domain/complaints/status'
import type { ComplaintAnswers } from '~/domain/journeys/complaint'
import type { StaffRole } from '~/domain/permissions'
import { addWorkingDays, englandAndWalesBankHolidays, londonDate, type IsoDate } from '~/domain/working-days'
import { recordAudit } from '~/server/audit.server'
import { hashPassword } from '~/server/auth.server'
import { runCommands } from '~/server/cases.server'
import { submitComplaint } from '~/server/complaints.server'
import { saveLearning } from '~/server/learning.server'
import type { Database } from './client'
import { staffUsers } from './schema'

const demoStaff: Array<{ role: StaffRole; name: string; email: string }> = [
  { role: 'advisor', name: 'Amira Khan', email: 'advisor@putright.example' },
  { role: 'complaint_handler', name: 'Dafydd Evans', email: 'handler@putright.example' },
  { role: 'stage2_reviewer', name: 'Grace Mensah', email: 'reviewer@putright.example' },
  { role: 'manager', name: 'Tomasz Nowak', email: 'manager@putright.example' },
  { role: 'quality_reviewer', name: 'Siân Morgan', email: 'quality@putright.example' },
  { role: 'administrator', name: 'Priya Patel', email: 'admin@putright.example' },
  { role: 'tenant_panel', name: 'Gwen Roberts', email: 'panel@putright.example' },
]

export function demoPassword(): string {
  return process.env.PUTRIGHT_DEMO_PASSWORD ?? 'putright-demo'
}

/**
 * Demo accounts come with their second factor already enrolled, on this shared secret (base32):
 * add it to an authenticator app, or print the current code with `npm run --silent demo:code`.
 */
export function demoTotpSecret(): string {
  return process.env.PUTRIGHT_DEMO_TOTP_SECRET ?? 'PUTRIGHTDEMOTOTPSECRET234567ABCD'
}

export function demoLogins() {
  return demoStaff.map((staff) => ({ role: staff.role, email: staff.email, password: demoPassword() }))
}

const people = [
  ['Olivia Hughes', 'CF10 1AA', 'cy'],
  ['Mohammed Ali', 'B11 1AB', 'ur'],
  ['Agnieszka Kowalska', 'NG7 2AB', 'pl'],
  ['Fatima Hassan', 'M14 4AB', 'ar'],
  ['James Wilson', 'LS6 3AB', 'en'],
  ['Andrei Popescu', 'E17 5AB', 'ro'],
  ['Harpreet Kaur', 'UB1 1AB', 'pa'],
  ['Ana Silva', 'NW10 4AB', 'pt'],
  ['Hodan Warsame', 'BS5 6AB', 'so'],
  ['Rahima Begum', 'E1 6AB', 'bn'],
] as const

const stories: Array<{ service: ServiceArea; whatHappened: string; putRight: string }> = [
  {
    service: 'repairs',
    whatHappened:
      'I reported a leaking kitchen tap three times since March. Each time an appointment was booked and nobody came.',
    putRight: 'Fix the tap and tell me the date in advance. I would like an apology for the missed appointments.',
  },
  {
    service: 'damp_mould',
    whatHappened:
      'There is black mould in the bedroom where my children sleep. The surveyor said it was condensation and left.',
    putRight: 'Treat the mould, find the cause and check the ventilation.',
  },
  {
    service: 'antisocial_behaviour',
    whatHappened:
      'I reported noise from the flat above every night after midnight. I was told to keep a diary but nothing happened after I sent it.',
    putRight: 'Tell me what you are doing about it and keep me updated.',
  },
  {
    service: 'rent_charges',
    whatHappened:
      'My rent account shows arrears that I do not owe. I paid by bank transfer on time and have the receipts.',
    putRight: 'Correct my rent account and stop the arrears letters.',
  },
  {
    service: 'customer_service',
    whatHappened: 'I called four times and was promised a call back each time. Nobody called me back.',
    putRight: 'Call me back and explain why it took so long.',
  },
  {
    service: 'estate_services',
    whatHappened: 'The communal stairs have not been cleaned for six weeks although we pay a service charge for it.',
    putRight: 'Clean the stairs and refund the service charge for the weeks it was not done.',
  },
]

/** How far through the Code each demo complaint goes, in turn. */
const journeys = [
  'received',
  'assigned',
  'acknowledged',
  'extended',
  'stage1_responded',
  'escalated',
  'stage2_acknowledged',
  'stage2_responded',
  'closed',
  'withdrawn',
  'declined',
  'acknowledged',
] as const
type Journey = (typeof journeys)[number]

const order: Journey[] = [
  'assigned',
  'acknowledged',
  'extended',
  'stage1_responded',
  'escalated',
  'stage2_acknowledged',
  'stage2_responded',
  'closed',
]

/** Takes a demo complaint through the lifecycle, as staff would, never dating anything after today. */
async function progress(
  db: Database,
  reference: string,
  receivedOn: IsoDate,
  target: Journey,
  staff: Map<StaffRole, string>,
  now: Date,
) {
  if (target === 'received') return
  const today = londonDate(now)
  const handlerId = staff.get('complaint_handler') ?? ''
  const reviewerId = staff.get('stage2_reviewer') ?? ''
  const handler: LifecycleActor = { kind: 'staff', id: handlerId, role: 'complaint_handler' }
  const reviewer: LifecycleActor = { kind: 'staff', id: reviewerId, role: 'stage2_reviewer' }
  const calendar = workingCalendar(englandAndWalesBankHolidays(2018, 2040))
  const after = (from: IsoDate, days: number) => {
    const date = addWorkingDays(from, days, calendar.nonWorkingDays)
    return date > today ? null : date
  }
  const run = (commands: Command[], actorId: string) =>
    runCommands(db, { reference, commands, actor: { type: 'staff', id: actorId }, now })
  if (target === 'withdrawn') {
    await run(
      [
        {
          type: 'withdraw',
          on: receivedOn,
          by: handler,
          channel: 'phone',
          residentWords: 'The repair has been done now, thank you.',
        },
      ],
      handlerId,
    )
    return
  }
  if (target === 'declined') {
    await run(
      [
        {
          type: 'decline',
          on: receivedOn,
          by: handler,
          request: {
            ground: 'already_considered',
            explanation: 'We answered this complaint in full last year.',
            linkedReference: 'PR-2025-000017',
          },
        },
      ],
      handlerId,
    )
    return
  }
  const steps = order.slice(0, order.indexOf(target) + 1)
  let on: IsoDate | null = receivedOn
  for (const step of steps) {
    if (!on) return
    if (step === 'assigned') await run([{ type: 'assign', stage: 1, handlerId, by: handler }], handlerId)
    if (step === 'acknowledged') {
      on = after(receivedOn, 2)
      if (!on) return
      await run(
        [
          {
            type: 'acknowledge',
            on,
            by: handler,
            elements: ['The repair was not done when promised', 'Calls were not returned'],
            outcomesSought: 'The repair completed and an apology',
          },
        ],
        handlerId,
      )
    }
    if (step === 'extended') {
      const extendOn = after(on, 6)
      if (!extendOn) return
      await run(
        [
          {
            type: 'extend',
            on: extendOn,
            by: handler,
            workingDays: 5,
            reason: 'We are waiting for a specialist contractor’s report.',
            residentAgreed: false,
          },
        ],
        handlerId,
      )
    }
    if (step === 'stage1_responded') {
      on = after(on, 9)
      if (!on) return
      await run(
        [
          {
            type: 'record_decision',
            by: handler,
            elementId: 1,
            decision: 'upheld',
            reasons: 'Our records show the appointment was missed twice.',
          },
          {
            type: 'record_decision',
            by: handler,
            elementId: 2,
            decision: 'not_upheld',
            reasons: 'Our call logs show two call-backs were made.',
          },
          {
            type: 'add_remedy',
            by: handler,
            remedyType: 'apology',
            description: 'We apologise for the missed appointments.',
            amountPence: null,
            status: 'offered',
          },
          {
            type: 'add_remedy',
            by: handler,
            remedyType: 'financial',
            description: 'Time and trouble',
            amountPence: 5000,
            status: 'offered',
          },
          {
            type: 'promise_action',
            by: handler,
            description: 'Complete the repair',
            owner: 'Repairs team',
            dueOn: addWorkingDays(on, 10, calendar.nonWorkingDays),
          },
          { type: 'respond', on, by: handler },
        ],
        handlerId,
      )
    }
    if (step === 'escalated') {
      on = after(on, 3)
      if (!on) return
      await run(
        [
          {
            type: 'escalate',
            on,
            by: { kind: 'resident' },
            channel: 'web',
            residentComment: 'The repair is still not done.',
          },
        ],
        handlerId,
      )
      await run([{ type: 'assign', stage: 2, handlerId: reviewerId, by: reviewer }], reviewerId)
    }
    if (step === 'stage2_acknowledged') {
      on = after(on, 3)
      if (!on) return
      await run(
        [{ type: 'acknowledge', on, by: reviewer, elements: [], outcomesSought: 'The repair completed this month' }],
        reviewerId,
      )
    }
    if (step === 'stage2_responded') {
      on = after(on, 12)
      if (!on) return
      await run(
        [
          {
            type: 'record_decision',
            by: reviewer,
            elementId: 1,
            decision: 'upheld',
            reasons: 'The repair is still outstanding.',
          },
          {
            type: 'record_decision',
            by: reviewer,
            elementId: 2,
            decision: 'partly_upheld',
            reasons: 'One call-back was missed.',
          },
          {
            type: 'add_remedy',
            by: reviewer,
            remedyType: 'financial',
            description: 'Distress and inconvenience',
            amountPence: 15000,
            status: 'offered',
          },
          { type: 'no_outstanding_actions', by: reviewer },
          { type: 'respond', on, by: reviewer },
        ],
        reviewerId,
      )
    }
    if (step === 'closed') {
      // GOV-2: an upheld complaint closes only once its learning is recorded.
      await saveLearning(db, {
        reference,
        learning: {
          mode: 'learning',
          rootCause: 'repairs_contractor',
          analysis: 'Why were appointments missed? The contractor had no parts. Why? Parts were not ordered at triage.',
          learning: 'Order parts when the repair is triaged, before the appointment is booked.',
          noLearningReason: '',
        },
        actor: { id: reviewerId, canApprove: false },
        now,
      })
      await run([{ type: 'close', on, by: handler }], handlerId)
    }
  }
}

const channels = [
  'web',
  'phone',
  'email',
  'letter',
  'in_person',
  'social_media',
  'mp',
  'councillor',
  'web_chat',
] as const

export async function seedDemoData(db: Database, options: { complaints?: number; now?: Date } = {}) {
  const total = options.complaints ?? 50
  const now = options.now ?? new Date()

  const existing = await db
    .select({ email: staffUsers.email })
    .from(staffUsers)
    .where(
      inArray(
        sql`lower(${staffUsers.email})`,
        demoStaff.map((s) => s.email),
      ),
    )
  const have = new Set(existing.map((row) => row.email.toLowerCase()))
  const passwordHash = await hashPassword(demoPassword())
  for (const staff of demoStaff.filter((s) => !have.has(s.email))) {
    await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(staffUsers)
        .values({ ...staff, passwordHash, totpSecret: demoTotpSecret(), mfaEnrolledAt: now })
        .onConflictDoNothing()
        .returning({ id: staffUsers.id })
      if (created) {
        await recordAudit(tx, {
          actor: { type: 'system', id: null },
          action: 'staff.created',
          entityType: 'staff_user',
          entityId: created.id,
          after: { email: staff.email, role: staff.role, source: 'demo seed' },
        })
      }
    })
  }

  const staffRows = await db
    .select({ id: staffUsers.id, role: staffUsers.role })
    .from(staffUsers)
    .where(
      inArray(
        sql`lower(${staffUsers.email})`,
        demoStaff.map((s) => s.email),
      ),
    )
  const staffIds = new Map(staffRows.map((row) => [row.role as StaffRole, row.id]))

  let created = 0
  for (let n = 0; n < total; n += 1) {
    const [name, postcode, language] = people[n % people.length] ?? people[0]
    const story = stories[n % stories.length] ?? stories[0]
    // Spread over the last ~60 days, newest first, at office-ish hours.
    const receivedAt = new Date(now.getTime() - (n * 29 + 3) * 3_600_000 - (n % 7) * 86_400_000)
    const adjustments: ComplaintAnswers['adjustments'] =
      n % 5 === 0 ? ['large_print'] : n % 7 === 0 ? ['interpreter'] : n % 11 === 0 ? ['bsl', 'easy_read'] : []
    const answers: ComplaintAnswers = {
      ...story,
      name,
      email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`,
      phone: n % 3 === 0 ? `07700 900${String(100 + n).slice(-3)}` : undefined,
      postcode,
      language,
      contactMethod: n % 4 === 0 ? 'letter' : 'email',
      adjustments,
      adjustmentsAnswered: true,
      interpreterLanguage: adjustments.includes('interpreter') ? 'Urdu' : undefined,
    }
    const result = await submitComplaint(db, {
      submissionKey: `demo-complaint-${n}`,
      answers,
      channel: channels[n % channels.length] ?? 'web',
      receivedAt,
      actor: { type: 'system', id: null },
    })
    if (result.replayed) continue
    created += 1
    await progress(
      db,
      result.reference,
      londonDate(receivedAt),
      journeys[n % journeys.length] ?? 'received',
      staffIds,
      now,
    )
  }
  return { staff: demoStaff.length - have.size, complaints: created }
}
