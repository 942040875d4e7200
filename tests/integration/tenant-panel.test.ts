// The tenant panel on both engines: summaries drafted from closed complaints are refused while they
// identify anyone, published only by a manager, and shown without reference or id; "you said, we
// did" and the self-assessment are read-only for the panel; and a panel member is refused every
// other staff page and form — found by listing app/routes, so a page added later is covered too.
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, complaints, improvementActions, publishedSummaries } from '../../db/schema'
import { londonDate } from '~/domain/working-days'
import * as staffHome from '~/routes/staff._index/route'
import * as draftRoute from '~/routes/staff.complaints.$reference_.publish/route'
import * as panelHome from '~/routes/staff.panel._index/route'
import * as annualReport from '~/routes/staff.panel.annual-report/route'
import * as panelCases from '~/routes/staff.panel.cases/route'
import * as selfAssessment from '~/routes/staff.panel.self-assessment/route'
import * as approveRoute from '~/routes/staff.panel.summaries.$id/route'
import * as youSaidWeDid from '~/routes/staff.panel.you-said-we-did/route'
import { runCommands } from '~/server/cases.server'
import { describeEachEngine } from '../support/databases'
import { aComplaint, aStaffMember, someAnswers } from '../support/factories'
import { answer, bodyOf, formRequest, getRequest, loadContext, statusOf } from '../support/requests'
import { staffCookie } from '../support/staff-session'

type Rejected = { errors: Record<string, { key: string }> }
const keyOf = (result: unknown, field: string) => bodyOf<Rejected>(result).errors[field]?.key

type Args = { request: Request; params: Record<string, string>; context: ReturnType<typeof loadContext> }
type RouteModule = {
  loader?: (args: Args) => Promise<unknown>
  action?: (args: Args) => Promise<unknown>
}

/** Every staff route folder (or file) under app/routes, with its URL and its params' names. */
function staffRoutes() {
  const dir = path.resolve('app/routes')
  return readdirSync(dir)
    .filter((name) => name === 'staff' || name.startsWith('staff.') || name.startsWith('staff_'))
    .map((name) => {
      const file = statSync(path.join(dir, name)).isDirectory()
        ? path.join(dir, name, readdirSync(path.join(dir, name)).find((f) => /^route\.tsx?$/.test(f)) ?? 'route.tsx')
        : path.join(dir, name)
      // Flat-route names: dots separate segments except inside [] (escaped), a trailing _ un-nests.
      const segments = name
        .replace(/\.tsx?$/, '')
        .split(/\.(?![^[]*\])/)
        .map((segment) => segment.replace(/\[|\]/g, '').replace(/_$/, ''))
        .filter((segment) => segment !== '_index')
      return { name, file, segments }
    })
}

// Pages a panel member may open: the panel's own, their account, signing in and out, and /staff
// itself (which sends them to the panel). Everything else must answer 403.
const panelMayOpen = new Set([
  'staff',
  'staff._index',
  'staff.account',
  'staff.sign-in',
  'staff.sign-in_.code',
  'staff.sign-in_.enrol',
  'staff.sign-in_.sso',
  'staff.sign-in_.sso_.callback',
  'staff.sign-out',
  'staff.panel._index',
  'staff.panel.cases',
  'staff.panel.you-said-we-did',
  'staff.panel.annual-report',
  'staff.panel.figures',
])

describeEachEngine('the tenant panel', (handle) => {
  const db = () => handle().db
  const today = londonDate(new Date())
  const cookies = { handler: '', manager: '', panel: '', advisor: '' }
  let handlerId = ''
  const resident = {
    name: 'Olufunmilayo Brathwaite',
    email: 'o.brathwaite@example.org',
    postcode: 'SW1A 2AA',
  }
  const published = { reference: '', complaintId: '', residentId: '' }
  const unpublished = { reference: '' }
  let open = ''

  async function closedComplaint(answers = someAnswers()) {
    const { reference } = await aComplaint(db(), { answers })
    const by = { kind: 'staff' as const, id: handlerId, role: 'complaint_handler' }
    const result = await runCommands(db(), {
      reference,
      commands: [
        { type: 'acknowledge', on: today, by, elements: ['The repair'], outcomesSought: 'Fix it' },
        { type: 'record_decision', by, elementId: 1, decision: 'not_upheld', reasons: 'On time' },
        { type: 'no_outstanding_actions', by },
        { type: 'respond', on: today, by },
        { type: 'close', on: today, by },
      ],
      actor: { type: 'staff', id: handlerId },
      now: new Date(),
    })
    if (!result.ok) throw new Error(`not closed: ${JSON.stringify(result)}`)
    const [row] = await db().select().from(complaints).where(eq(complaints.reference, reference))
    return { reference, complaintId: row?.id ?? '', residentId: row?.residentId ?? '' }
  }

  beforeAll(async () => {
    const handler = await aStaffMember(db(), 'complaint_handler')
    handlerId = handler.id
    cookies.handler = await staffCookie(handler)
    cookies.manager = await staffCookie(await aStaffMember(db(), 'manager'))
    cookies.panel = await staffCookie(await aStaffMember(db(), 'tenant_panel'))
    cookies.advisor = await staffCookie(await aStaffMember(db(), 'advisor'))
    Object.assign(published, await closedComplaint(someAnswers(resident)))
    unpublished.reference = (await closedComplaint()).reference
    open = (await aComplaint(db())).reference
  })

  const draft = (reference: string, values: Record<string, string>, cookie = cookies.handler) =>
    answer(() =>
      draftRoute.action({
        request: formRequest(
          `/staff/complaints/${reference}/publish`,
          { submissionKey: crypto.randomUUID(), ...values },
          { cookie },
        ),
        params: { reference },
        context: loadContext(),
      }),
    )
  const clean = {
    serviceArea: 'repairs',
    outcome: 'upheld',
    summary: 'A boiler repair took six weeks and three missed appointments before it was fixed.',
    learning: 'Appointments are now confirmed by text message the day before.',
  }

  describe('drafting a summary', () => {
    it('is refused while any of its words identify the resident or the case', async () => {
      const cases: Array<[Partial<typeof clean>, string, string]> = [
        [{ summary: `Ms Brathwaite waited six weeks.` }, 'summary', 'name'],
        [{ learning: `Write to ${resident.email} first.` }, 'learning', 'email'],
        [{ summary: `A flat in ${resident.postcode.toLowerCase()} had no heating.` }, 'summary', 'postcode'],
        [{ summary: `See ${published.reference}.` }, 'summary', 'reference'],
        [{ learning: `Like ${unpublished.reference}, it was late.` }, 'learning', 'reference'],
      ]
      for (const [change, field, kind] of cases) {
        const result = await draft(published.reference, { ...clean, ...change })
        expect(statusOf(result), kind).toBe(400)
        expect(keyOf(result, field)).toBe(`staff-errors:panel.identifying.${kind}`)
      }
      expect(await db().select().from(publishedSummaries)).toHaveLength(0)
    })

    it('starts from an empty form and waits for the complaint to be closed', async () => {
      const page = await draftRoute.loader({
        request: getRequest(`/staff/complaints/${open}/publish`, { cookie: cookies.advisor }),
        params: { reference: open },
        context: loadContext(),
      })
      expect(page.state).toBe('notClosed')
      const result = await draft(open, clean)
      expect(statusOf(result)).toBe(409)
      expect(keyOf(result, 'summary')).toBe('staff-errors:panel.notClosed')
      const form = await draftRoute.loader({
        request: getRequest(`/staff/complaints/${published.reference}/publish`, { cookie: cookies.advisor }),
        params: { reference: published.reference },
        context: loadContext(),
      })
      expect(form.state).toBe('open')
      expect(JSON.stringify(form)).not.toContain(resident.name)
    })

    it('is saved once when clean, and waits for a manager', async () => {
      expect(statusOf(await draft(published.reference, clean))).toBe(302)
      const again = await draft(published.reference, clean)
      expect(statusOf(again)).toBe(409)
      expect(keyOf(again, 'summary')).toBe('staff-errors:panel.alreadyDrafted')
      expect(statusOf(await draft(unpublished.reference, { ...clean, summary: 'Never published.' }))).toBe(302)
      const rows = await db().select().from(publishedSummaries)
      expect(rows.map((r) => r.publishedAt)).toEqual([null, null])
    })

    it('is published by a manager only, and audited', async () => {
      const [row] = await db()
        .select()
        .from(publishedSummaries)
        .where(eq(publishedSummaries.complaintId, published.complaintId))
      const id = row?.id ?? ''
      const decide = (cookie: string) =>
        answer(() =>
          approveRoute.action({
            request: formRequest(`/staff/panel/summaries/${id}`, { decision: 'publish' }, { cookie }),
            params: { id },
            context: loadContext(),
          }),
        )
      expect(statusOf(await decide(cookies.handler))).toBe(403)
      expect(statusOf(await decide(cookies.panel))).toBe(403)
      expect(statusOf(await decide(cookies.manager))).toBe(302)
      expect(statusOf(await decide(cookies.manager))).toBe(302)
      const [after] = await db().select().from(publishedSummaries).where(eq(publishedSummaries.id, id))
      expect(after?.publishedAt).not.toBeNull()
      const events = await db()
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'published_summary'), eq(auditEvents.entityId, id)))
      const actions = events.map((e) => e.action)
      expect(actions.filter((a) => a === 'panel.summary_drafted')).toHaveLength(1)
      expect(actions.filter((a) => a === 'panel.summary_published')).toHaveLength(1)
    })
  })

  describe('what a panel member sees', () => {
    beforeAll(async () => {
      await db()
        .insert(improvementActions)
        .values([
          {
            complaintId: published.complaintId,
            serviceArea: 'repairs',
            description: `Call ${resident.name} back`,
            owner: 'Repairs manager',
            measure: 'Calls logged',
            dueOn: today,
            youSaid: 'Engineers did not turn up when booked.',
            weDid: 'We now text the day before every appointment.',
            publishedAt: new Date(),
          },
          {
            complaintId: published.complaintId,
            description: 'Not yet approved',
            owner: 'x',
            measure: 'y',
            dueOn: today,
            youSaid: 'Unpublished you said',
            weDid: 'Unpublished we did',
          },
        ])
    })

    const load = async (module: RouteModule, url: string) => {
      const result = await answer(
        () =>
          module.loader?.({
            request: getRequest(url, { cookie: cookies.panel }),
            params: {},
            context: loadContext(),
          }) ?? Promise.resolve(null),
      )
      expect(statusOf(result), url).toBe(200)
      return bodyOf<Record<string, unknown>>(result)
    }
    const forbidden = () => [
      resident.name,
      'Brathwaite',
      resident.email,
      resident.postcode,
      published.reference,
      unpublished.reference,
      published.complaintId,
      published.residentId,
    ]

    it('is sent to the panel as their home after signing in', async () => {
      const home = (await answer(() =>
        staffHome.loader({
          request: getRequest('/staff', { cookie: cookies.panel }),
          params: {},
          context: loadContext(),
        }),
      )) as Response
      expect(home.headers.get('Location')).toBe('/staff/panel')
      const managerHome = (await answer(() =>
        staffHome.loader({
          request: getRequest('/staff', { cookie: cookies.manager }),
          params: {},
          context: loadContext(),
        }),
      )) as Response
      expect(managerHome.headers.get('Location')).toBe('/staff/complaints')
      const panel = await load(panelHome, '/staff/panel')
      expect(panel.canPublish).toBe(false)
    })

    it('reads published summaries only, without a reference, an id or anything identifying', async () => {
      const data = await load(panelCases, '/staff/panel/cases')
      const text = JSON.stringify(data)
      expect(text).toContain(clean.summary)
      expect(text).not.toContain('Never published.')
      for (const value of forbidden()) expect(text, value).not.toContain(value)
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)
    })

    it('reads “you said, we did” as published, nothing more', async () => {
      const data = await load(youSaidWeDid, '/staff/panel/you-said-we-did')
      const text = JSON.stringify(data)
      expect(text).toContain('We now text the day before every appointment.')
      expect(text).not.toContain('Unpublished')
      for (const value of forbidden()) expect(text, value).not.toContain(value)
    })

    it('reads the annual report and self-assessment a manager keeps, and cannot change it', async () => {
      const save = (cookie: string, values: Record<string, string>) =>
        answer(() =>
          selfAssessment.action({
            request: formRequest('/staff/panel/self-assessment', values, { cookie }),
            params: {},
            context: loadContext(),
          }),
        )
      const values = {
        rowCount: '3',
        reportingYear: '2025/26',
        report: 'We received more complaints and answered more of them on time.',
        governingBodyResponse: 'The board accepts the report.',
        approvedOn: today,
        provision1: '1.2 Definition of a complaint',
        complies1: 'yes',
        evidence1: 'Policy section 2',
        provision2: '5.6 Acknowledge within 5 working days',
        complies2: 'no',
        evidence2: 'Dashboard: 92% on time',
        action2: '',
        actionDueOn2: '',
      }
      expect(statusOf(await save(cookies.panel, values))).toBe(403)
      const missing = await save(cookies.manager, values)
      expect(statusOf(missing)).toBe(400)
      expect(keyOf(missing, 'action2')).toBe('staff-errors:panel.actionRequired')
      const saved = await save(cookies.manager, { ...values, action2: 'Daily check of the queue', actionDueOn2: today })
      expect(statusOf(saved)).toBe(302)
      const data = await load(annualReport, '/staff/panel/annual-report')
      expect(data).toMatchObject({ reportingYear: '2025/26', canEdit: false, complies: '1', total: '2' })
      expect(JSON.stringify(data)).toContain('Daily check of the queue')
    })

    it('is refused every other staff page and form (403), found by listing app/routes', async () => {
      const params: Record<string, string> = {
        reference: published.reference,
        id: published.residentId,
        action: 'note',
      }
      const answers: string[] = []
      const expected: string[] = []
      const opened: string[] = []
      for (const route of staffRoutes()) {
        if (panelMayOpen.has(route.name)) {
          opened.push(route.name)
          continue
        }
        const module = (await import(/* @vite-ignore */ route.file)) as RouteModule
        const url = `/${route.segments
          .map((segment) =>
            segment.startsWith('$') ? encodeURIComponent(params[segment.slice(1)] ?? published.residentId) : segment,
          )
          .join('/')}`
        const routeParams = Object.fromEntries(
          route.segments
            .filter((segment) => segment.startsWith('$'))
            .map((segment) => [segment.slice(1), params[segment.slice(1)] ?? published.residentId]),
        )
        const { loader, action } = module
        if (loader) {
          const result = await answer(() =>
            loader({
              request: getRequest(url, { cookie: cookies.panel }),
              params: routeParams,
              context: loadContext(),
            }),
          )
          answers.push(`GET ${route.name} → ${statusOf(result)}`)
          expected.push(`GET ${route.name} → 403`)
        }
        if (action) {
          const result = await answer(() =>
            action({
              request: formRequest(url, { intent: 'x' }, { cookie: cookies.panel }),
              params: routeParams,
              context: loadContext(),
            }),
          )
          answers.push(`POST ${route.name} → ${statusOf(result)}`)
          expected.push(`POST ${route.name} → 403`)
        }
      }
      expect(answers).toEqual(expected)
      // The identifying pages named in issue 7 are among those refused.
      for (const name of [
        'staff.complaints._index',
        'staff.complaints.$reference',
        'staff.complaints.$reference_.audit',
        'staff.complaints.$reference_.letters.$letterId',
        'staff.complaints.$reference_.publish',
        'staff.residents.$id',
        'staff.residents.$id_.export',
        'staff.admin.audit[.]csv',
        'staff.contacts.new',
        'staff.external._index',
        'staff.compliments._index',
      ]) {
        expect(expected, name).toContain(`GET ${name} → 403`)
      }
      expect(opened).toContain('staff.panel.cases')
    })

    it('finds nothing identifying on any page it may open', async () => {
      const texts: string[] = []
      for (const route of staffRoutes().filter((r) => r.name.startsWith('staff.panel') && panelMayOpen.has(r.name))) {
        const module = (await import(/* @vite-ignore */ route.file)) as RouteModule
        const url = `/${route.segments.join('/')}`
        const result = await answer(
          () =>
            module.loader?.({
              request: getRequest(url, { cookie: cookies.panel }),
              params: {},
              context: loadContext(),
            }) ?? Promise.resolve(null),
        )
        expect(statusOf(result), route.name).toBe(200)
        texts.push(JSON.stringify(bodyOf(result)))
      }
      const all = texts.join('\n')
      for (const value of forbidden()) expect(all, value).not.toContain(value)
    })
  })
})
