// Every staff page × every role: exactly the answer the permission table promises — 200 for the
// roles listed here (written out by hand, not read from app/domain/permissions.ts), 403 for the
// rest, and a redirect to sign in without a session.
import { eq } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { commitments, externalRequests, letters, complaints, qaReviews, compensationAwards } from '../../db/schema'
import { defaultReviewOn } from '~/domain/conduct'
import { staffRoles, type StaffRole } from '~/domain/permissions'
import { londonDate } from '~/domain/working-days'
import * as account from '~/routes/staff.account/route'
import * as frontDoor from '~/routes/staff.contacts.new/route'
import * as residentHistory from '~/routes/staff.residents.$id/route'
import * as residentExport from '~/routes/staff.residents.$id_.export/route'
import * as residentAnonymise from '~/routes/staff.residents.$id_.anonymise/route'
import * as newRestriction from '~/routes/staff.residents.$id_.restrictions.new/route'
import * as reviewRestriction from '~/routes/staff.residents.$id_.restrictions.$restrictionId/route'
import * as caseAudit from '~/routes/staff.complaints.$reference_.audit/route'
import * as auditCsv from '~/routes/staff.admin.audit[.]csv/route'
import * as caseImport from '~/routes/staff.admin.import._index/route'
import * as calendar from '~/routes/staff.admin.calendar/route'
import * as dashboard from '~/routes/staff.dashboard/route'
import * as panelFigures from '~/routes/staff.panel.figures/route'
import * as dashboardCsv from '~/routes/staff.dashboard[.]csv/route'
import * as reportPack from '~/routes/staff.dashboard_.pack/route'
import * as equalityMonitoring from '~/routes/staff.equality/route'
import * as reports from '~/routes/staff.reports._index/route'
import * as reportsBenchmark from '~/routes/staff.reports.benchmark/route'
import * as caseAttribution from '~/routes/staff.complaints.$reference_.contractor/route'
import * as staffAccount from '~/routes/staff.admin.staff.$id/route'
import * as staffAccounts from '~/routes/staff.admin.staff._index/route'
import * as caseAction from '~/routes/staff.complaints.$reference_.$action/route'
import * as letter from '~/routes/staff.complaints.$reference_.letters.$letterId/route'
import * as casePage from '~/routes/staff.complaints.$reference/route'
import * as queues from '~/routes/staff.complaints._index/route'
import * as commitmentsRegister from '~/routes/staff.commitments._index/route'
import * as commitmentPage from '~/routes/staff.commitments.$id/route'
import * as learningEntry from '~/routes/staff.complaints.$reference_.learning/route'
import * as learningLog from '~/routes/staff.learning._index/route'
import * as improvementPage from '~/routes/staff.learning.improvements.$id/route'
import { addImprovement } from '~/server/learning.server'
import * as externalCases from '~/routes/staff.external._index/route'
import * as newExternalCase from '~/routes/staff.external.new/route'
import * as externalCase from '~/routes/staff.external.$id/route'
import * as answerExternalRequest from '~/routes/staff.external.$id_.requests.$requestId/route'
import * as compliments from '~/routes/staff.compliments._index/route'
import * as newCompliment from '~/routes/staff.compliments.new/route'
import * as draftPanelSummary from '~/routes/staff.complaints.$reference_.publish/route'
import * as panelHome from '~/routes/staff.panel._index/route'
import * as panelCases from '~/routes/staff.panel.cases/route'
import * as panelYouSaidWeDid from '~/routes/staff.panel.you-said-we-did/route'
import * as panelAnnualReport from '~/routes/staff.panel.annual-report/route'
import * as panelSelfAssessment from '~/routes/staff.panel.self-assessment/route'
import * as panelSummaries from '~/routes/staff.panel.summaries._index/route'
import * as panelSummary from '~/routes/staff.panel.summaries.$id/route'
import { addExternalRequest, createExternalCase } from '~/server/external-cases.server'
import { draftSummary } from '~/server/panel.server'
import * as quality from '~/routes/staff.quality._index/route'
import * as qualityReview from '~/routes/staff.quality.$id/route'
import * as qualityMine from '~/routes/staff.quality.mine/route'
import * as compensation from '~/routes/staff.compensation._index/route'
import * as compensationAward from '~/routes/staff.compensation.$id/route'
import * as compensationCsv from '~/routes/staff.compensation[.]csv/route'
import * as compensationPolicy from '~/routes/staff.compensation.policy/route'
import * as caseCompensation from '~/routes/staff.complaints.$reference_.compensation/route'
import { runCommands } from '~/server/cases.server'
import { recordRestriction } from '~/server/conduct.server'
import { describeEachEngine } from '../support/databases'
import { aRespondedComplaint, aComplaint, aStaffMember } from '../support/factories'
import { answer, getRequest, loadContext, statusOf } from '../support/requests'
import { staffCookie } from '../support/staff-session'

const everyone: StaffRole[] = [...staffRoles]
const caseWorkers = everyone.filter((role) => role !== 'tenant_panel')
const handlers: StaffRole[] = ['complaint_handler', 'stage2_reviewer', 'manager']
const frontLine: StaffRole[] = ['advisor', ...handlers]

type Loader = (args: {
  request: Request
  params: Record<string, string>
  context: ReturnType<typeof loadContext>
}) => Promise<unknown>

describeEachEngine('the role × route matrix', (handle) => {
  const cookies = new Map<StaffRole, string>()
  const refs: Record<'received' | 'acknowledged' | 'responded' | 'closed', string> = {
    received: '',
    acknowledged: '',
    responded: '',
    closed: '',
  }
  let letterId = ''
  let staffId = ''
  let residentId = ''
  let restrictionId = ''
  let promised = { reference: '', commitmentId: '', improvementId: '' }
  let qaReviewId = ''
  let awardId = ''

  beforeAll(async () => {
    const { db } = handle()
    for (const role of staffRoles) {
      const member = await aStaffMember(db, role)
      cookies.set(role, await staffCookie(member))
      if (role === 'complaint_handler') staffId = member.id
    }
    const handlerActor = { kind: 'staff' as const, id: staffId, role: 'complaint_handler' }
    const today = londonDate(new Date())
    const make = async (steps: 'received' | 'acknowledged' | 'responded' | 'closed') => {
      const { reference } = await aComplaint(db)
      const commands = []
      if (steps !== 'received')
        commands.push({
          type: 'acknowledge' as const,
          on: today,
          by: handlerActor,
          elements: ['x'],
          outcomesSought: 'y',
        })
      if (steps === 'responded' || steps === 'closed') {
        commands.push(
          {
            type: 'record_decision' as const,
            by: handlerActor,
            elementId: 1,
            decision: 'not_upheld' as const,
            reasons: 'r',
          },
          { type: 'no_outstanding_actions' as const, by: handlerActor },
          { type: 'respond' as const, on: today, by: handlerActor },
        )
      }
      if (steps === 'closed') commands.push({ type: 'close' as const, on: today, by: handlerActor })
      if (commands.length > 0)
        await runCommands(db, { reference, commands, actor: { type: 'staff', id: staffId }, now: new Date() })
      return reference
    }
    refs.received = await make('received')
    refs.acknowledged = await make('acknowledged')
    refs.responded = await make('responded')
    refs.closed = await make('closed')
    const [row] = await db
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.reference, refs.acknowledged))
    const [firstLetter] = await db
      .select({ id: letters.id })
      .from(letters)
      .where(eq(letters.complaintId, row?.id ?? ''))
    letterId = firstLetter?.id ?? ''
    const [received] = await db
      .select({ residentId: complaints.residentId })
      .from(complaints)
      .where(eq(complaints.reference, refs.received))
    residentId = received?.residentId ?? ''
    restrictionId =
      (await recordRestriction(db, {
        residentId,
        restriction: {
          kind: 'written_only',
          behaviour: 'Repeated calls',
          restriction: 'Please write to us',
          equalityConsideration: 'None known',
          startsOn: today,
          reviewOn: defaultReviewOn(today),
        },
        staffId,
      })) ?? ''
    // A response with a promised action (a commitment) and an improvement action from its learning.
    const withPromise = await aRespondedComplaint(db)
    const [commitment] = await db
      .select({ id: commitments.id })
      .from(commitments)
      .innerJoin(complaints, eq(complaints.id, commitments.complaintId))
      .where(eq(complaints.reference, withPromise.reference))
    const improvement = await addImprovement(db, {
      reference: withPromise.reference,
      improvement: { kind: 'process', description: 'd', owner: 'o', measure: 'm', dueOn: today },
      staffId,
      submissionKey: crypto.randomUUID(),
    })
    promised = {
      reference: withPromise.reference,
      commitmentId: commitment?.id ?? '',
      improvementId: improvement.ok ? (improvement.id ?? '') : '',
    }
    const [responded] = await db
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.reference, refs.responded))
    const [sampled] = await db
      .insert(qaReviews)
      .values({ complaintId: responded?.id ?? '', stage: 1, handlerId: staffId, sampleMonth: today.slice(0, 7) })
      .returning({ id: qaReviews.id })
    qaReviewId = sampled?.id ?? ''
    const [award] = await db
      .insert(compensationAwards)
      .values({ complaintId: responded?.id ?? '', stage: 1, category: 'delay', amountPence: 5_000, reason: 'Late' })
      .returning({ id: compensationAwards.id })
    awardId = award?.id ?? ''
  })

  const routes: Array<{
    name: string
    loader: Loader
    path: () => string
    params: () => Record<string, string>
    allowed: StaffRole[]
  }> = [
    {
      name: 'work queues',
      loader: queues.loader as Loader,
      path: () => '/staff/complaints',
      params: () => ({}),
      allowed: caseWorkers,
    },
    {
      name: 'a complaint',
      loader: casePage.loader as Loader,
      path: () => `/staff/complaints/${refs.received}`,
      params: () => ({ reference: refs.received }),
      allowed: caseWorkers,
    },
    {
      name: 'a letter',
      loader: letter.loader as Loader,
      path: () => `/staff/complaints/${refs.acknowledged}/letters/${letterId}`,
      params: () => ({ reference: refs.acknowledged, letterId }),
      allowed: caseWorkers,
    },
    {
      name: 'performance dashboard',
      loader: dashboard.loader as Loader,
      path: () => '/staff/dashboard',
      params: () => ({}),
      allowed: [
        'complaint_handler',
        'stage2_reviewer',
        'manager',
        'quality_reviewer',
        'compensation_approver',
        'administrator',
      ],
    },
    {
      name: 'monthly report pack',
      loader: reportPack.loader as Loader,
      path: () => '/staff/dashboard/pack',
      params: () => ({}),
      allowed: [
        'complaint_handler',
        'stage2_reviewer',
        'manager',
        'quality_reviewer',
        'compensation_approver',
        'administrator',
      ],
    },
    {
      name: 'equality monitoring',
      loader: equalityMonitoring.loader as Loader,
      path: () => '/staff/equality',
      params: () => ({}),
      allowed: ['manager'],
    },
    {
      name: 'attribution and comparison reports',
      loader: reports.loader as Loader,
      path: () => '/staff/reports',
      params: () => ({}),
      allowed: [
        'complaint_handler',
        'stage2_reviewer',
        'manager',
        'quality_reviewer',
        'compensation_approver',
        'administrator',
      ],
    },
    {
      name: 'peer benchmark',
      loader: reportsBenchmark.loader as Loader,
      path: () => '/staff/reports/benchmark',
      params: () => ({}),
      allowed: [
        'complaint_handler',
        'stage2_reviewer',
        'manager',
        'quality_reviewer',
        'compensation_approver',
        'administrator',
      ],
    },
    {
      name: 'a complaint’s contractor and handling time',
      loader: caseAttribution.loader as Loader,
      path: () => `/staff/complaints/${refs.received}/contractor`,
      params: () => ({ reference: refs.received }),
      allowed: ['complaint_handler', 'stage2_reviewer', 'manager'],
    },
    {
      name: 'tenant panel figures',
      loader: panelFigures.loader as Loader,
      path: () => '/staff/panel/figures',
      params: () => ({}),
      allowed: ['tenant_panel', 'manager'],
    },
    {
      name: 'performance figures as CSV',
      loader: dashboardCsv.loader as Loader,
      path: () => '/staff/dashboard.csv',
      params: () => ({}),
      allowed: ['manager', 'administrator'],
    },
    {
      name: 'calendar',
      loader: calendar.loader as Loader,
      path: () => '/staff/admin/calendar',
      params: () => ({}),
      allowed: ['manager', 'administrator'],
    },
    {
      name: 'staff accounts',
      loader: staffAccounts.loader as Loader,
      path: () => '/staff/admin/staff',
      params: () => ({}),
      allowed: ['administrator'],
    },
    {
      name: 'a staff account',
      loader: staffAccount.loader as Loader,
      path: () => `/staff/admin/staff/${staffId}`,
      params: () => ({ id: staffId }),
      allowed: ['administrator'],
    },
    {
      name: 'your account',
      loader: account.loader as Loader,
      path: () => '/staff/account',
      params: () => ({}),
      allowed: everyone,
    },
    {
      name: 'log a contact',
      loader: frontDoor.loader as Loader,
      path: () => '/staff/contacts/new',
      params: () => ({}),
      allowed: frontLine,
    },
    {
      name: 'resident history',
      loader: residentHistory.loader as Loader,
      path: () => `/staff/residents/${residentId}`,
      params: () => ({ id: residentId }),
      allowed: caseWorkers,
    },
    {
      name: 'subject access export',
      loader: residentExport.loader as Loader,
      path: () => `/staff/residents/${residentId}/export`,
      params: () => ({ id: residentId }),
      allowed: ['manager', 'administrator'],
    },
    {
      name: 'anonymise a resident',
      loader: residentAnonymise.loader as Loader,
      path: () => `/staff/residents/${residentId}/anonymise`,
      params: () => ({ id: residentId }),
      allowed: ['manager', 'administrator'],
    },
    {
      name: 'record a contact restriction',
      loader: newRestriction.loader as Loader,
      path: () => `/staff/residents/${residentId}/restrictions/new`,
      params: () => ({ id: residentId }),
      allowed: ['manager'],
    },
    {
      name: 'review a contact restriction',
      loader: reviewRestriction.loader as Loader,
      path: () => `/staff/residents/${residentId}/restrictions/${restrictionId}`,
      params: () => ({ id: residentId, restrictionId }),
      allowed: ['manager'],
    },
    {
      name: 'a complaint’s audit trail',
      loader: caseAudit.loader as Loader,
      path: () => `/staff/complaints/${refs.received}/audit`,
      params: () => ({ reference: refs.received }),
      allowed: ['manager', 'quality_reviewer', 'administrator'],
    },
    {
      name: 'audit log export',
      loader: auditCsv.loader as Loader,
      path: () => '/staff/admin/audit.csv',
      params: () => ({}),
      allowed: ['administrator'],
    },
    {
      name: 'import cases',
      loader: caseImport.loader as Loader,
      path: () => '/staff/admin/import',
      params: () => ({}),
      allowed: ['administrator'],
    },
    {
      name: 'commitments register',
      loader: commitmentsRegister.loader as Loader,
      path: () => '/staff/commitments',
      params: () => ({}),
      allowed: caseWorkers,
    },
    {
      name: 'a commitment',
      loader: commitmentPage.loader as Loader,
      path: () => `/staff/commitments/${promised.commitmentId}`,
      params: () => ({ id: promised.commitmentId }),
      allowed: caseWorkers,
    },
    {
      name: 'a complaint’s learning',
      loader: learningEntry.loader as Loader,
      path: () => `/staff/complaints/${promised.reference}/learning`,
      params: () => ({ reference: promised.reference }),
      allowed: ['complaint_handler', 'stage2_reviewer', 'manager'],
    },
    {
      name: 'learning log',
      loader: learningLog.loader as Loader,
      path: () => '/staff/learning',
      params: () => ({}),
      allowed: ['complaint_handler', 'stage2_reviewer', 'manager'],
    },
    {
      name: 'an improvement action',
      loader: improvementPage.loader as Loader,
      path: () => `/staff/learning/improvements/${promised.improvementId}`,
      params: () => ({ id: promised.improvementId }),
      allowed: ['complaint_handler', 'stage2_reviewer', 'manager'],
    },
  ]

  routes.push(
    {
      name: 'quality checks',
      loader: quality.loader as Loader,
      path: () => '/staff/quality',
      params: () => ({}),
      allowed: ['manager', 'quality_reviewer'],
    },
    {
      name: 'review a sampled response',
      loader: qualityReview.loader as Loader,
      path: () => `/staff/quality/${qaReviewId}`,
      params: () => ({ id: qaReviewId }),
      allowed: ['manager', 'quality_reviewer'],
    },
    {
      name: 'quality feedback on your responses',
      loader: qualityMine.loader as Loader,
      path: () => '/staff/quality/mine',
      params: () => ({}),
      allowed: caseWorkers,
    },
    {
      name: 'compensation',
      loader: compensation.loader as Loader,
      path: () => '/staff/compensation',
      params: () => ({}),
      allowed: [...handlers, 'compensation_approver', 'quality_reviewer'],
    },
    {
      name: 'a compensation award',
      loader: compensationAward.loader as Loader,
      path: () => `/staff/compensation/${awardId}`,
      params: () => ({ id: awardId }),
      allowed: [...handlers, 'compensation_approver', 'quality_reviewer'],
    },
    {
      name: 'compensation awards as CSV',
      loader: compensationCsv.loader as Loader,
      path: () => '/staff/compensation.csv',
      params: () => ({}),
      allowed: [...handlers, 'compensation_approver', 'quality_reviewer'],
    },
    {
      name: 'compensation policy, limits and budget',
      loader: compensationPolicy.loader as Loader,
      path: () => '/staff/compensation/policy',
      params: () => ({}),
      allowed: ['manager'],
    },
    {
      name: 'compensation on a complaint',
      loader: caseCompensation.loader as Loader,
      path: () => `/staff/complaints/${refs.responded}/compensation`,
      params: () => ({ reference: refs.responded }),
      allowed: [...handlers, 'compensation_approver', 'quality_reviewer'],
    },
  )

  // External cases, compliments and the tenant panel (issue 7 §5, §6, §8).
  const external = { caseId: '', requestId: '', summaryId: '' }
  beforeAll(async () => {
    const { db } = handle()
    const today = londonDate(new Date())
    const change = { staffId, now: new Date(), requestId: null }
    const opened = await createExternalCase(db, {
      ...change,
      submissionKey: crypto.randomUUID(),
      value: {
        kind: 'ombudsman_enquiry',
        theirReference: null,
        openedOn: today,
        complaintReference: null,
        notes: null,
      },
    })
    external.caseId = opened.ok ? opened.id : ''
    await addExternalRequest(db, {
      ...change,
      caseId: external.caseId,
      submissionKey: crypto.randomUUID(),
      ask: { kind: 'evidence', description: 'Repair records', receivedOn: today, dueOn: today },
    })
    const [request] = await db.select().from(externalRequests).where(eq(externalRequests.caseId, external.caseId))
    external.requestId = request?.id ?? ''
    const drafted = await draftSummary(db, {
      reference: refs.closed,
      summary: {
        serviceArea: 'repairs',
        outcome: 'not_upheld',
        summary: 'A repair was late.',
        learning: 'Call ahead.',
      },
      staffId,
      submissionKey: crypto.randomUUID(),
    })
    external.summaryId = drafted.ok ? drafted.id : ''
  })
  const panel: StaffRole[] = ['tenant_panel', 'manager']
  const page = (name: string, loader: unknown, path: () => string, allowed: StaffRole[], params = () => ({})) =>
    routes.push({ name, loader: loader as Loader, path, params, allowed })
  page('external cases', externalCases.loader, () => '/staff/external', caseWorkers)
  page('record an external case', newExternalCase.loader, () => '/staff/external/new', handlers)
  page(
    'an external case',
    externalCase.loader,
    () => `/staff/external/${external.caseId}`,
    caseWorkers,
    () => ({
      id: external.caseId,
    }),
  )
  page(
    'answer an external request',
    answerExternalRequest.loader,
    () => `/staff/external/${external.caseId}/requests/${external.requestId}`,
    handlers,
    () => ({ id: external.caseId, requestId: external.requestId }),
  )
  page('compliments', compliments.loader, () => '/staff/compliments', caseWorkers)
  page('record a compliment', newCompliment.loader, () => '/staff/compliments/new', frontLine)
  page(
    'draft a summary for the tenant panel',
    draftPanelSummary.loader,
    () => `/staff/complaints/${refs.closed}/publish`,
    caseWorkers,
    () => ({ reference: refs.closed }),
  )
  page('tenant panel', panelHome.loader, () => '/staff/panel', panel)
  page('panel case summaries', panelCases.loader, () => '/staff/panel/cases', panel)
  page('panel you said, we did', panelYouSaidWeDid.loader, () => '/staff/panel/you-said-we-did', panel)
  page('panel annual report', panelAnnualReport.loader, () => '/staff/panel/annual-report', panel)
  page('edit the self-assessment', panelSelfAssessment.loader, () => '/staff/panel/self-assessment', ['manager'])
  page('summaries awaiting approval', panelSummaries.loader, () => '/staff/panel/summaries', ['manager'])
  page(
    'approve a panel summary',
    panelSummary.loader,
    () => `/staff/panel/summaries/${external.summaryId}`,
    ['manager'],
    () => ({ id: external.summaryId }),
  )

  const actions: Array<[string, keyof typeof refs, StaffRole[]]> = [
    ['acknowledge', 'received', handlers],
    ['assign', 'received', handlers],
    ['decline', 'received', handlers],
    ['withdraw', 'received', frontLine],
    ['note', 'received', frontLine],
    ['update', 'received', frontLine],
    ['extend', 'acknowledged', handlers],
    ['decide', 'acknowledged', handlers],
    ['remedy', 'acknowledged', handlers],
    ['no-remedy', 'acknowledged', handlers],
    ['promise', 'acknowledged', handlers],
    ['no-actions', 'acknowledged', handlers],
    ['respond', 'acknowledged', handlers],
    ['escalate', 'responded', frontLine],
    ['close', 'responded', handlers],
    ['reopen', 'closed', ['manager']],
  ]
  for (const [action, state, allowed] of actions) {
    routes.push({
      name: `case action ${action}`,
      loader: caseAction.loader as Loader,
      path: () => `/staff/complaints/${refs[state]}/${action}`,
      params: () => ({ reference: refs[state], action }),
      allowed,
    })
  }

  it('answers every page for every role as the table says', async () => {
    const answers: string[] = []
    const expected: string[] = []
    for (const route of routes) {
      for (const role of staffRoles) {
        const result = await answer(() =>
          route.loader({
            request: getRequest(route.path(), { cookie: cookies.get(role) }),
            params: route.params(),
            context: loadContext(),
          }),
        )
        answers.push(`${route.name} × ${role} → ${statusOf(result)}`)
        expected.push(`${route.name} × ${role} → ${route.allowed.includes(role) ? 200 : 403}`)
      }
    }
    expect(answers).toEqual(expected)
  })

  it('sends anyone without a session to sign in, from every page', async () => {
    for (const route of routes) {
      const result = await answer(() =>
        route.loader({ request: getRequest(route.path()), params: route.params(), context: loadContext() }),
      )
      expect(statusOf(result), route.name).toBe(302)
      expect((result as Response).headers.get('Location'), route.name).toMatch(/^\/staff\/sign-in\?redirectTo=/)
    }
  })
})
