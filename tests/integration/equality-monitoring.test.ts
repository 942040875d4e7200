// Equality monitoring on both engines: answers given in the resident journey, aggregated for the
// period beside everyone who answered, every small cell shown as "fewer than 10", only managers
// may look, and each look is audited as an aggregate access.
import { and, eq } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { auditEvents, equalityResponses } from '../../db/schema'
import * as equalityRoute from '~/routes/staff.equality/route'
import * as dashboard from '~/routes/staff.dashboard/route'
import { describeEachEngine } from '../support/databases'
import { aComplaint, aStaffMember, someAnswers } from '../support/factories'
import { answer, bodyOf, getRequest, loadContext, statusOf } from '../support/requests'
import { staffCookie } from '../support/staff-session'

type Page = Awaited<ReturnType<typeof equalityRoute.loader>>

describeEachEngine('equality monitoring', (handle) => {
  const db = () => handle().db
  let manager = ''
  let managerId = ''
  let handler = ''
  const load = (cookie: string, query = '') =>
    answer(() =>
      equalityRoute.loader({
        request: getRequest(`/staff/equality${query}`, { cookie }),
        params: {},
        context: loadContext(),
      }),
    )

  beforeAll(async () => {
    const m = await aStaffMember(db(), 'manager')
    managerId = m.id
    manager = await staffCookie(m)
    handler = await staffCookie(await aStaffMember(db(), 'complaint_handler'))
    // 15 complainants answered: 12 aged 25–34 without a disability, 3 aged 65–74 with one.
    for (let i = 0; i < 15; i += 1) {
      const equality = i < 12 ? { ageBand: '25_34', disability: 'no' } : { ageBand: '65_74', disability: 'yes' }
      await aComplaint(db(), { answers: someAnswers({ equality, equalityAnswered: true }) })
    }
    // 20 more people answered but did not complain (answers no longer tied to a resident).
    await db()
      .insert(equalityResponses)
      .values(Array.from({ length: 20 }, () => ({ residentId: null, answers: { ageBand: '35_44' } })))
  })

  it('is refused to everyone but a manager, and linked from the dashboard only for a manager', async () => {
    expect(statusOf(await load(handler))).toBe(403)
    const request = (cookie: string) =>
      answer(() =>
        dashboard.loader({ request: getRequest('/staff/dashboard', { cookie }), params: {}, context: loadContext() }),
      )
    expect(bodyOf<{ equalityLink: boolean }>(await request(handler)).equalityLink).toBe(false)
    expect(bodyOf<{ equalityLink: boolean }>(await request(manager)).equalityLink).toBe(true)
  })

  it('shows aggregates with every count of 1–9 suppressed, and audits the look', async () => {
    const page = bodyOf<Page>(await load(manager))
    expect(page.totals.map((t) => t.value)).toEqual(['15', '35'])
    const age = page.questions.find((q) => q.key === 'ageBand')
    const row = (answer: string) => age?.rows.find((r) => r.key === answer)
    expect(row('25_34')).toMatchObject({
      label: '25 to 34',
      complainants: '12',
      complainantsPct: '80%',
      population: '12',
      populationPct: '34.3%',
    })
    expect(row('65_74')).toMatchObject({ complainants: 'Fewer than 10', population: 'Fewer than 10' })
    expect(row('35_44')).toMatchObject({ complainants: '0', population: '20' })
    const disability = page.questions.find((q) => q.key === 'disability')
    expect(disability?.rows.find((r) => r.key === 'yes')?.complainants).toBe('Fewer than 10')
    // No resident, reference or name anywhere in what the page gets.
    expect(JSON.stringify(page)).not.toMatch(/Resident |resident-|[0-9a-f]{8}-[0-9a-f]{4}-/)

    const audited = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'equality.aggregate_viewed'), eq(auditEvents.actorId, managerId)))
    expect(audited).toHaveLength(1)
    expect(audited[0]).toMatchObject({ entityType: 'report', actorType: 'staff' })
  })

  it('suppresses every complainant percentage when fewer than 10 complained in the period', async () => {
    const page = bodyOf<Page>(await load(manager, '?from=2000-01-01&to=2000-12-31'))
    expect(page.totals[0]?.value).toBe('0')
    for (const q of page.questions) for (const r of q.rows) expect(r.complainantsPct).toBe('Fewer than 10')
    const bad = bodyOf<Page>(await load(manager, '?from=nonsense'))
    expect(bad.errors.from?.key).toBe('staff-errors:dashboard.date')
  })
})
