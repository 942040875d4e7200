// Demo data for the embedded database and demos: one staff member per role and ~50 complaints.
// Idempotent: staff are matched on email, complaints on their submission key.
import { eq, inArray, sql } from 'drizzle-orm'
import type { ComplaintStatus, ServiceArea } from '~/domain/complaints/status'
import type { ComplaintAnswers } from '~/domain/journeys/complaint'
import type { StaffRole } from '~/domain/permissions'
import { recordAudit } from '~/server/audit.server'
import { hashPassword } from '~/server/auth.server'
import { submitComplaint } from '~/server/complaints.server'
import type { Database } from './client'
import { complaints, staffUsers } from './schema'

const demoStaff: Array<{ role: StaffRole; name: string; email: string }> = [
  { role: 'advisor', name: 'Amira Khan', email: 'advisor@putright.example' },
  { role: 'complaint_handler', name: 'Dafydd Evans', email: 'handler@putright.example' },
  { role: 'stage2_reviewer', name: 'Grace Mensah', email: 'reviewer@putright.example' },
  { role: 'manager', name: 'Tomasz Nowak', email: 'manager@putright.example' },
  { role: 'administrator', name: 'Priya Patel', email: 'admin@putright.example' },
]

export function demoPassword(): string {
  return process.env.PUTRIGHT_DEMO_PASSWORD ?? 'putright-demo'
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

const statusesBySeed: ComplaintStatus[] = [
  'received',
  'received',
  'stage1_acknowledged',
  'stage1_acknowledged',
  'stage1_extended',
  'stage1_responded',
  'escalated',
  'stage2_acknowledged',
  'stage2_responded',
  'closed',
  'withdrawn',
]

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
        .values({ ...staff, passwordHash })
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
    const status = statusesBySeed[n % statusesBySeed.length] ?? 'received'
    if (status !== 'received') {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(complaints)
          .set({ status, updatedAt: now })
          .where(eq(complaints.reference, result.reference))
          .returning({ id: complaints.id })
        if (row) {
          await recordAudit(tx, {
            actor: { type: 'system', id: null },
            action: 'complaint.status_seeded',
            entityType: 'complaint',
            entityId: row.id,
            before: { status: 'received' },
            after: { status, source: 'demo seed' },
          })
        }
      })
    }
  }
  return { staff: demoStaff.length - have.size, complaints: created }
}
