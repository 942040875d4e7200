import { randomUUID } from 'node:crypto'
import { count, eq, sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { executeRows } from '../../db/client'
import { auditEvents, complaints, formSubmissions, reasonableAdjustments, residents } from '../../db/schema'
import { submitComplaint } from '~/server/complaints.server'
import { describeEachEngine } from '../support/databases'
import { someAnswers } from '../support/factories'

describeEachEngine('submitting a complaint', (handle) => {
  const counts = async () => {
    const { db } = handle()
    const [r] = await db.select({ n: count() }).from(residents)
    const [c] = await db.select({ n: count() }).from(complaints)
    const [a] = await db.select({ n: count() }).from(reasonableAdjustments)
    const [e] = await db.select({ n: count() }).from(auditEvents)
    const [s] = await db.select({ n: count() }).from(formSubmissions)
    return { residents: r?.n, complaints: c?.n, adjustments: a?.n, audit: e?.n, submissions: s?.n }
  }

  it('writes the resident, complaint, adjustments, audit event and submission key together', async () => {
    const { db } = handle()
    const before = await counts()
    const key = randomUUID()
    // 23:30 UTC on Monday 1 June 2026 is 00:30 on Tuesday 2 June in London (E10).
    const result = await submitComplaint(db, {
      submissionKey: key,
      answers: someAnswers(),
      channel: 'web',
      receivedAt: new Date('2026-06-01T23:30:00Z'),
      actor: { type: 'resident', id: null },
      requestId: 'req-1',
    })
    expect(result.replayed).toBe(false)
    expect(result.reference).toMatch(/^PR-2026-\d{6}$/)
    expect(result.acknowledgementDue).toBe('2026-06-09')
    expect(await counts()).toEqual({
      residents: (before.residents ?? 0) + 1,
      complaints: (before.complaints ?? 0) + 1,
      adjustments: (before.adjustments ?? 0) + 2,
      audit: (before.audit ?? 0) + 1,
      submissions: (before.submissions ?? 0) + 1,
    })
    const [saved] = await db.select().from(complaints).where(eq(complaints.reference, result.reference))
    expect(saved?.receivedOn).toBe('2026-06-02')
    expect(saved?.status).toBe('received')
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, saved?.id ?? ''))
    expect(event?.action).toBe('complaint.received')
    expect(event?.requestId).toBe('req-1')
  })

  it('returns the first reference for a replayed submission key and writes nothing new', async () => {
    const { db } = handle()
    const key = randomUUID()
    const input = {
      submissionKey: key,
      answers: someAnswers(),
      channel: 'web' as const,
      receivedAt: new Date(),
      actor: { type: 'resident' as const, id: null },
    }
    const first = await submitComplaint(db, input)
    const before = await counts()
    const again = await submitComplaint(db, { ...input, answers: someAnswers() })
    expect(again).toEqual({ ...first, replayed: true })
    expect(await counts()).toEqual(before)
  })

  it('creates one complaint when the same form is submitted twice at once', async () => {
    const { db } = handle()
    const key = randomUUID()
    const before = await counts()
    const input = {
      submissionKey: key,
      answers: someAnswers(),
      channel: 'web' as const,
      receivedAt: new Date(),
      actor: { type: 'resident' as const, id: null },
    }
    const results = await Promise.all([
      submitComplaint(db, input),
      submitComplaint(db, input),
      submitComplaint(db, input),
    ])
    expect(new Set(results.map((r) => r.reference)).size).toBe(1)
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect((await counts()).complaints).toBe((before.complaints ?? 0) + 1)
  })

  it('rolls everything back when one write fails', async () => {
    const { db } = handle()
    const before = await counts()
    const key = randomUUID()
    await expect(
      submitComplaint(db, {
        submissionKey: key,
        answers: someAnswers(),
        // Refused by the complaints_channel_check constraint, after the resident row was written.
        channel: 'carrier_pigeon' as 'web',
        receivedAt: new Date(),
        actor: { type: 'resident', id: null },
      }),
    ).rejects.toThrow()
    expect(await counts()).toEqual(before)
    const [claimed] = await db.select({ n: count() }).from(formSubmissions).where(eq(formSubmissions.key, key))
    expect(claimed?.n).toBe(0)
  })

  it('gives every complaint a different reference', async () => {
    const { db } = handle()
    const input = () => ({
      submissionKey: randomUUID(),
      answers: someAnswers(),
      channel: 'phone' as const,
      receivedAt: new Date('2026-03-02T10:00:00Z'),
      actor: { type: 'system' as const, id: null },
    })
    const results = await Promise.all(Array.from({ length: 5 }, () => submitComplaint(db, input())))
    expect(new Set(results.map((r) => r.reference)).size).toBe(5)
  })
})

describeEachEngine('the audit trail', (handle) => {
  it('refuses UPDATE, DELETE and TRUNCATE (REC-2)', async () => {
    const { db } = handle()
    await db
      .insert(auditEvents)
      .values({ actorType: 'system', action: 'test.event', entityType: 'test', entityId: 'x' })
    await expect(db.execute(sql`update audit_events set action = 'changed'`)).rejects.toThrow()
    await expect(db.execute(sql`delete from audit_events`)).rejects.toThrow()
    await expect(db.execute(sql`truncate audit_events`)).rejects.toThrow()
    const rows = await executeRows<{ action: string }>(
      db,
      sql`select action from audit_events where entity_type = 'test'`,
    )
    expect(rows.map((r) => r.action)).toEqual(['test.event'])
  })
})
