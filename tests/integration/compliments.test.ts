// Compliments recorded by staff (issue 7 §6) beside those from the resident form, on both engines:
// who may record them, checked, applied once when posted twice, audited, and counted by service
// area and by team or person.
import { and, count, eq } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { auditEvents, compliments } from '../../db/schema'
import { addCalendarDays, londonDate } from '~/domain/working-days'
import * as residentForm from '~/routes/_resident.compliment/route'
import * as listRoute from '~/routes/staff.compliments._index/route'
import * as newRoute from '~/routes/staff.compliments.new/route'
import { describeEachEngine } from '../support/databases'
import { aStaffMember } from '../support/factories'
import { answer, bodyOf, formRequest, getRequest, loadContext, statusOf } from '../support/requests'
import { staffCookie } from '../support/staff-session'

type Rejected = { errors: Record<string, { key: string }> }

describeEachEngine('compliments', (handle) => {
  const db = () => handle().db
  const today = londonDate(new Date())
  let advisor = ''
  let advisorId = ''
  let quality = ''

  beforeAll(async () => {
    const member = await aStaffMember(db(), 'advisor')
    advisorId = member.id
    advisor = await staffCookie(member)
    quality = await staffCookie(await aStaffMember(db(), 'quality_reviewer'))
  })

  const record = (cookie: string, values: Record<string, string>) =>
    answer(() =>
      newRoute.action({
        request: formRequest('/staff/compliments/new', values, { cookie }),
        params: {},
        context: loadContext(),
      }),
    )
  const fields = {
    source: 'phone',
    serviceArea: 'repairs',
    aboutWhom: 'Repairs team',
    message: 'The plumber fixed the leak the same day.',
    fromName: '',
    receivedOn: addCalendarDays(today, -3),
  }

  it('is recorded by the front line only, checked, once however often it is posted, and audited', async () => {
    expect(statusOf(await record(quality, { ...fields, submissionKey: crypto.randomUUID() }))).toBe(403)
    const bad = await record(advisor, { ...fields, message: '', receivedOn: addCalendarDays(today, 1) })
    expect(statusOf(bad)).toBe(400)
    expect(bodyOf<Rejected>(bad).errors).toEqual({
      message: { key: 'staff-errors:compliments.messageRequired' },
      receivedOn: { key: 'staff-errors:compliments.receivedOnFuture' },
    })
    const key = crypto.randomUUID()
    const [a, b] = await Promise.all([
      record(advisor, { ...fields, submissionKey: key }),
      record(advisor, { ...fields, submissionKey: key }),
    ])
    expect((a as Response).headers.get('Location')).toBe('/staff/compliments?done=recorded')
    expect(statusOf(b)).toBe(302)
    const rows = await db().select().from(compliments).where(eq(compliments.recordedBy, advisorId))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ source: 'phone', serviceArea: 'repairs', receivedOn: addCalendarDays(today, -3) })
    const [audited] = await db()
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, rows[0]?.id ?? ''), eq(auditEvents.action, 'compliment.received')))
    expect(audited?.n).toBe(1)
  })

  it('is counted with the resident form’s by service area and by team or person', async () => {
    await record(advisor, {
      ...fields,
      aboutWhom: 'repairs  TEAM',
      source: 'letter',
      submissionKey: crypto.randomUUID(),
    })
    await record(advisor, {
      ...fields,
      serviceArea: 'tenancy',
      aboutWhom: 'Amira Said',
      submissionKey: crypto.randomUUID(),
    })
    await answer(() =>
      residentForm.action({
        request: formRequest('/compliment', {
          message: 'Thank you for the quick answer.',
          serviceArea: 'repairs',
          aboutWhom: '',
          fromName: '',
          submissionKey: crypto.randomUUID(),
        }),
        params: {},
        context: loadContext(),
      }),
    )
    const list = await listRoute.loader({
      request: getRequest(`/staff/compliments?from=${addCalendarDays(today, -30)}&to=${today}`, { cookie: quality }),
      params: {},
      context: loadContext(),
    })
    expect(list.canRecord).toBe(false)
    expect(list.total).toBe('4')
    expect(list.byServiceArea).toEqual([
      { label: 'repairs', count: '3' },
      { label: 'tenancy', count: '1' },
    ])
    expect(list.byTeamOrPerson).toEqual([
      { label: 'Repairs team', count: '2' },
      { label: 'Amira Said', count: '1' },
      { label: null, count: '1' },
    ])
    expect(list.latest.map((c) => c.source).sort()).toEqual(['letter', 'phone', 'phone', 'resident'])
  })
})
