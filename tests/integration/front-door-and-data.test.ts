import { randomUUID } from 'node:crypto'
import { eq, like } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { complaintStages, complaints, contacts, letters, outboxMessages, residents } from '../../db/schema'
import type { ComplaintCase } from '~/domain/complaints/case'
import { frontDoorForm, type FrontDoorInput } from '~/domain/front-door'
import { londonDate } from '~/domain/working-days'
import { runCommands } from '~/server/cases.server'
import { anonymiseResident, runRetention, subjectAccessExport } from '~/server/data-rights.server'
import { logContact, searchResidents } from '~/server/front-door.server'
import { queueReminders } from '~/server/reminders.server'
import { describeEachEngine } from '../support/databases'
import { aComplaint, aStaffMember, someAnswers } from '../support/factories'

function contactForm(overrides: Record<string, unknown>): FrontDoorInput {
  return frontDoorForm.parse({
    submissionKey: randomUUID(),
    residentId: 'new',
    name: 'Ada Okafor',
    email: `ada-${randomUUID().slice(0, 6)}@example.org`,
    channel: 'phone',
    summary: 'The heating is off again.',
    serviceArea: 'repairs',
    desiredOutcome: '',
    outcome: 'complaint_opened',
    representativeType: 'none',
    ...overrides,
  })
}

describeEachEngine('the front door', (handle) => {
  it('opens a Stage 1 complaint on the first-contact date when the resident wants to complain', async () => {
    const { db } = handle()
    const advisor = await aStaffMember(db, 'advisor')
    const logged = await logContact(db, {
      form: contactForm({ channel: 'social_media', channelDetail: 'Facebook' }),
      staffId: advisor.id,
      now: new Date(),
    })
    if ('notFound' in logged) throw new Error('not found')
    const [complaint] = await db
      .select()
      .from(complaints)
      .where(eq(complaints.reference, logged.reference ?? ''))
    expect(complaint).toMatchObject({ status: 'received', channel: 'social_media', receivedOn: londonDate(new Date()) })
    const [contact] = await db.select().from(contacts).where(eq(contacts.id, logged.contactId))
    expect(contact).toMatchObject({ outcome: 'complaint_opened', channelDetail: 'Facebook', offeredBy: advisor.id })
  })

  it('logs and closes a matter resolved at first contact without a Code clock (DEF-3, never a stage 0)', async () => {
    const { db } = handle()
    const advisor = await aStaffMember(db, 'advisor')
    const logged = await logContact(db, {
      form: contactForm({ outcome: 'resident_declined_offer' }),
      staffId: advisor.id,
      now: new Date(),
    })
    if ('notFound' in logged) throw new Error('not found')
    const [complaint] = await db
      .select()
      .from(complaints)
      .where(eq(complaints.reference, logged.reference ?? ''))
    expect(complaint?.status).toBe('resolved_at_first_contact')
    expect(complaint?.nextDue).toBeNull()
    expect((complaint?.caseState as ComplaintCase).status).toBe('resolved_at_first_contact')
  })

  it('raises no complaint for a service request, and a replayed form logs nothing twice', async () => {
    const { db } = handle()
    const advisor = await aStaffMember(db, 'advisor')
    const form = contactForm({ outcome: 'service_request_raised', serviceRequestReference: 'REP-1234' })
    const first = await logContact(db, { form, staffId: advisor.id, now: new Date() })
    const again = await logContact(db, { form, staffId: advisor.id, now: new Date() })
    if ('notFound' in first || 'notFound' in again) throw new Error('not found')
    expect(first.reference).toBeNull()
    expect(again).toEqual({ ...first, replayed: true })
    const rows = await db.select().from(contacts).where(eq(contacts.serviceRequestReference, 'REP-1234'))
    expect(rows).toHaveLength(1)
  })

  it('flags MP letters as representation and alerts managers about urgent risks', async () => {
    const { db } = handle()
    const advisor = await aStaffMember(db, 'advisor')
    const manager = await aStaffMember(db, 'manager')
    const refused = frontDoorForm.safeParse({
      ...contactForm({}),
      channel: 'mp',
      representativeType: 'none',
      risks: [],
    })
    expect(refused.success).toBe(false)
    const logged = await logContact(db, {
      form: contactForm({
        channel: 'mp',
        representativeType: 'mp',
        representativeName: 'Jo Smith MP',
        consentMethod: 'member_statement',
        risks: ['safeguarding'],
      }),
      staffId: advisor.id,
      now: new Date(),
    })
    if ('notFound' in logged) throw new Error('not found')
    const [complaint] = await db
      .select()
      .from(complaints)
      .where(eq(complaints.reference, logged.reference ?? ''))
    expect(complaint?.priority).toBe('urgent')
    expect(complaint?.representative).toEqual({
      type: 'mp',
      name: 'Jo Smith MP',
      consentMethod: 'member_statement',
      consented: true,
    })
    const alerts = await db.select().from(outboxMessages).where(eq(outboxMessages.recipient, manager.email))
    expect(alerts.map((a) => a.purpose)).toContain('alert:urgent_contact')
  })

  it('finds residents by name, postcode, email and complaint reference', async () => {
    const { db } = handle()
    const email = `find-${randomUUID().slice(0, 6)}@example.org`
    const { reference } = await aComplaint(db, {
      answers: someAnswers({ name: 'Zebedee Quill', email, postcode: 'SW1A 1AA' }),
    })
    for (const query of ['zebedee', 'sw1a1aa', email.toUpperCase(), reference]) {
      expect(
        (await searchResidents(db, query)).map((r) => r.email),
        query,
      ).toContain(email)
    }
  })
})

describeEachEngine('data rights and reminders', (handle) => {
  it('exports everything held about a resident, and anonymises them keeping the statistics', async () => {
    const { db } = handle()
    const manager = await aStaffMember(db, 'manager')
    const email = `sar-${randomUUID().slice(0, 6)}@example.org`
    const { reference } = await aComplaint(db, {
      answers: someAnswers({ name: 'Priya Shah', email, whatHappened: 'My private story' }),
    })
    const [row] = await db.select().from(complaints).where(eq(complaints.reference, reference))
    const actor = { kind: 'staff' as const, id: manager.id, role: 'manager' }
    await runCommands(db, {
      reference,
      commands: [
        {
          type: 'acknowledge',
          on: londonDate(new Date()),
          by: actor,
          elements: ['Private element'],
          outcomesSought: 'Private outcome',
        },
      ],
      actor: { type: 'staff', id: manager.id },
      now: new Date(),
    })
    const exported = await subjectAccessExport(db, row?.residentId ?? '', manager.id)
    expect(exported?.resident.email).toBe(email)
    expect(exported?.complaints[0]?.description).toBe('My private story')
    expect(exported?.letters.length).toBeGreaterThan(0)

    await anonymiseResident(db, {
      residentId: row?.residentId ?? '',
      actor: { type: 'staff', id: manager.id },
      reason: 'request',
    })
    const [resident] = await db
      .select()
      .from(residents)
      .where(eq(residents.id, row?.residentId ?? ''))
    expect(resident).toMatchObject({ name: '[removed]', email: null, phone: null, postcode: null })
    const [after] = await db.select().from(complaints).where(eq(complaints.reference, reference))
    expect(after?.description).toBe('[removed]')
    expect(JSON.stringify(after?.caseState)).not.toContain('Private')
    expect(after?.status).toBe('stage1_acknowledged')
    const [stage] = await db
      .select()
      .from(complaintStages)
      .where(eq(complaintStages.complaintId, after?.id ?? ''))
    expect(stage?.acknowledgedOn).toBe(londonDate(new Date()))
    const [letter] = await db
      .select()
      .from(letters)
      .where(eq(letters.complaintId, after?.id ?? ''))
    expect(letter?.bodyText).toBe('[removed]')
    const messages = await db
      .select()
      .from(outboxMessages)
      .where(like(outboxMessages.recipient, `%${email}%`))
    expect(messages).toHaveLength(0)
  })

  it('anonymises finished complaints after the retention period, and leaves recent ones', async () => {
    const { db } = handle()
    const manager = await aStaffMember(db, 'manager')
    const old = await aComplaint(db, { answers: someAnswers({ name: 'Old Case' }) })
    await runCommands(db, {
      reference: old.reference,
      commands: [
        {
          type: 'withdraw',
          on: londonDate(new Date()),
          by: { kind: 'staff', id: manager.id, role: 'manager' },
          channel: 'phone',
          residentWords: 'Stop',
        },
      ],
      actor: { type: 'staff', id: manager.id },
      now: new Date(),
    })
    const recent = await aComplaint(db, { answers: someAnswers({ name: 'Recent Case' }) })
    const sevenYearsOn = new Date(Date.now() + 7 * 366 * 86_400_000)
    expect(await runRetention(db, sevenYearsOn, 6)).toBeGreaterThanOrEqual(1)
    const [gone] = await db
      .select({ name: residents.name })
      .from(residents)
      .innerJoin(complaints, eq(complaints.residentId, residents.id))
      .where(eq(complaints.reference, old.reference))
    const [kept] = await db
      .select({ name: residents.name })
      .from(residents)
      .innerJoin(complaints, eq(complaints.residentId, residents.id))
      .where(eq(complaints.reference, recent.reference))
    expect(gone?.name).toBe('[removed]')
    expect(kept?.name).toBe('Recent Case')
  })

  it('reminds handlers of deadlines due soon, once a day', async () => {
    const { db } = handle()
    const handler = await aStaffMember(db, 'complaint_handler')
    const { reference } = await aComplaint(db)
    await runCommands(db, {
      reference,
      commands: [
        {
          type: 'assign',
          stage: 1,
          handlerId: handler.id,
          by: { kind: 'staff', id: handler.id, role: 'complaint_handler' },
        },
      ],
      actor: { type: 'staff', id: handler.id },
      now: new Date(),
    })
    // Four working days from receipt the acknowledgement (5 WD) is due within two working days.
    const [row] = await db.select().from(complaints).where(eq(complaints.reference, reference))
    const due = new Date(`${row?.nextDue ?? ''}T09:00:00Z`)
    const first = await queueReminders(db, due)
    const second = await queueReminders(db, due)
    const mine = await db.select().from(outboxMessages).where(eq(outboxMessages.recipient, handler.email))
    expect(first).toBeGreaterThanOrEqual(1)
    expect(second).toBe(0)
    expect(mine.filter((m) => m.purpose.startsWith('reminder:'))).toHaveLength(1)
  })
})
