import { describe, expect, it } from 'vitest'
import {
  adverseFindings,
  askKindsFor,
  externalCaseKinds,
  findingField,
  findingKinds,
  findingsFrom,
  hasDetermination,
  isActionLoggedLate,
  isAdverseDetermination,
  isAnsweredOnTime,
  isOverdue,
  mostSeriousFinding,
  percent,
  requestState,
  summariseExternalCases,
  validateAction,
  validateAnswer,
  validateAsk,
  validateClose,
  validateDetermination,
  validateNewCase,
  type SummaryCase,
  type SummaryRequest,
} from '~/domain/external-cases'
import { englandAndWalesBankHolidays } from '~/domain/working-days'

const holidays = new Set(englandAndWalesBankHolidays(2025, 2027))
const today = '2026-06-10'
const investigation = {
  kind: 'ombudsman_investigation',
  openedOn: '2026-03-02',
  determinedOn: null,
  closedOn: null,
}
const determined = { ...investigation, determinedOn: '2026-05-21' }
const errorKeys = (result: { ok: boolean; errors?: Record<string, { key: string }> }) =>
  Object.fromEntries(Object.entries(result.errors ?? {}).map(([field, error]) => [field, error.key]))

describe('the kinds of case and what each can hold', () => {
  it('covers Ombudsman enquiries and investigations, MP and councillor enquiries and mediation', () => {
    expect(externalCaseKinds).toEqual([
      'ombudsman_enquiry',
      'ombudsman_investigation',
      'mp_enquiry',
      'councillor_enquiry',
      'mediation',
    ])
  })
  it('lets the Ombudsman ask for evidence, information or a response; others ask for a reply', () => {
    expect(askKindsFor('ombudsman_enquiry')).toEqual(['evidence', 'information', 'instruction_to_respond'])
    expect(askKindsFor('ombudsman_investigation')).toEqual(['evidence', 'information', 'instruction_to_respond'])
    expect(askKindsFor('mp_enquiry')).toEqual(['information'])
    expect(askKindsFor('councillor_enquiry')).toEqual(['information'])
    expect(askKindsFor('mediation')).toEqual(['information'])
  })
  it('records a determination only on an Ombudsman investigation', () => {
    expect(externalCaseKinds.filter(hasDetermination)).toEqual(['ombudsman_investigation'])
  })
})

describe('a request’s timeliness, against the date stated in the letter', () => {
  const request = { kind: 'evidence', receivedOn: '2026-05-01', dueOn: '2026-05-15', answeredOn: null }
  it('is on time when answered on the due date itself', () => {
    expect(isAnsweredOnTime({ ...request, answeredOn: '2026-05-15' })).toBe(true)
    expect(requestState({ ...request, answeredOn: '2026-05-15' }, today)).toBe('on_time')
  })
  it('is late when answered the day after', () => {
    expect(isAnsweredOnTime({ ...request, answeredOn: '2026-05-16' })).toBe(false)
    expect(requestState({ ...request, answeredOn: '2026-05-16' }, today)).toBe('late')
  })
  it('has no timeliness while open, and is overdue only after its due date', () => {
    expect(isAnsweredOnTime(request)).toBeNull()
    expect(isOverdue(request, '2026-05-15')).toBe(false)
    expect(requestState(request, '2026-05-15')).toBe('open')
    expect(isOverdue(request, '2026-05-16')).toBe(true)
    expect(requestState(request, '2026-05-16')).toBe('overdue')
  })
  it('is never overdue once answered, however late', () => {
    expect(isOverdue({ ...request, answeredOn: '2026-06-01' }, today)).toBe(false)
  })
})

describe('findings', () => {
  it('are adverse with any severe maladministration, maladministration or service failure', () => {
    expect(adverseFindings).toEqual(['severe_maladministration', 'maladministration', 'service_failure'])
    for (const finding of adverseFindings) {
      expect(
        isAdverseDetermination([
          { issue: 'a', finding: 'no_maladministration' },
          { issue: 'b', finding },
        ]),
      ).toBe(true)
    }
  })
  it('are not adverse with only no maladministration, reasonable redress or outside jurisdiction', () => {
    expect(
      isAdverseDetermination([
        { issue: 'a', finding: 'no_maladministration' },
        { issue: 'b', finding: 'reasonable_redress' },
        { issue: 'c', finding: 'outside_jurisdiction' },
      ]),
    ).toBe(false)
    expect(isAdverseDetermination([])).toBe(false)
  })
  it('report their most serious finding', () => {
    expect(
      mostSeriousFinding([
        { issue: 'a', finding: 'service_failure' },
        { issue: 'b', finding: 'maladministration' },
      ]),
    ).toBe('maladministration')
    expect(mostSeriousFinding([{ issue: 'a', finding: 'outside_jurisdiction' }])).toBe('outside_jurisdiction')
    expect(mostSeriousFinding([])).toBeNull()
  })
  it('are read back from storage keeping only well-formed ones', () => {
    expect(
      findingsFrom({
        issues: [
          { issue: 'Repairs', finding: 'maladministration' },
          { issue: 'Bad', finding: 'guilty' },
          { finding: 'service_failure' },
          'nonsense',
          null,
        ],
      }),
    ).toEqual([{ issue: 'Repairs', finding: 'maladministration' }])
    expect(findingsFrom(null)).toEqual([])
    expect(findingsFrom({ issues: 'x' })).toEqual([])
    expect(findingsFrom([])).toEqual([])
  })
})

describe('determination actions logged within 2 working days (seed 003)', () => {
  it('counts the determination day as day 0: Thursday → Monday is in time, Tuesday is late', () => {
    expect(isActionLoggedLate('2026-05-14', '2026-05-14', holidays)).toBe(false)
    expect(isActionLoggedLate('2026-05-14', '2026-05-18', holidays)).toBe(false)
    expect(isActionLoggedLate('2026-05-14', '2026-05-19', holidays)).toBe(true)
  })
  it('skips bank holidays: Thursday 21 May 2026 → Tuesday 26 (after the spring bank holiday) is in time', () => {
    expect(isActionLoggedLate('2026-05-21', '2026-05-26', holidays)).toBe(false)
    expect(isActionLoggedLate('2026-05-21', '2026-05-27', holidays)).toBe(true)
  })
  it('skips the landlord’s own closure days', () => {
    expect(isActionLoggedLate('2026-05-14', '2026-05-19', new Set([...holidays, '2026-05-15']))).toBe(false)
  })
  it('takes a different limit when asked', () => {
    expect(isActionLoggedLate('2026-05-14', '2026-05-15', holidays, 0)).toBe(true)
  })
})

describe('a new case', () => {
  const input = {
    kind: 'ombudsman_enquiry',
    theirReference: ' 202512345 ',
    openedOn: '2026-06-10',
    complaintReference: '',
    notes: '',
  }
  it('is accepted with a kind and the day it reached us, blanks becoming nothing', () => {
    expect(validateNewCase(input, today)).toEqual({
      ok: true,
      value: {
        kind: 'ombudsman_enquiry',
        theirReference: '202512345',
        openedOn: '2026-06-10',
        complaintReference: null,
        notes: null,
      },
    })
  })
  it('needs a known kind and a real date that is not in the future', () => {
    expect(errorKeys(validateNewCase({ ...input, kind: 'tribunal', openedOn: '2026-02-30' }, today))).toEqual({
      kind: 'staff-errors:external.kindRequired',
      openedOn: 'staff-errors:external.dateInvalid',
    })
    expect(errorKeys(validateNewCase({ ...input, openedOn: '2026-06-11' }, today))).toEqual({
      openedOn: 'staff-errors:external.dateInFuture',
    })
  })
})

describe('a request from the outside body', () => {
  const ask = {
    kind: 'evidence',
    description: 'Send the repair records',
    receivedOn: '2026-06-01',
    dueOn: '2026-06-15',
  }
  it('keeps the due date exactly as typed from the letter (never worked out)', () => {
    const result = validateAsk({ ...ask, dueOn: '2026-06-06' }, investigation, today)
    // A Saturday due date stays a Saturday: it is what the letter says.
    expect(result).toEqual({ ok: true, value: { ...ask, dueOn: '2026-06-06' } })
  })
  it('needs its due date from the letter, on or after the day it arrived', () => {
    expect(errorKeys(validateAsk({ ...ask, dueOn: '' }, investigation, today))).toEqual({
      dueOn: 'staff-errors:external.dueOnRequired',
    })
    expect(errorKeys(validateAsk({ ...ask, dueOn: '2026-05-31' }, investigation, today))).toEqual({
      dueOn: 'staff-errors:external.dueBeforeReceived',
    })
    expect(validateAsk({ ...ask, dueOn: '2026-06-01' }, investigation, today).ok).toBe(true)
  })
  it('needs a description and a received date between the case opening and today', () => {
    expect(
      errorKeys(validateAsk({ ...ask, description: '  ', receivedOn: '2026-06-11' }, investigation, today)),
    ).toEqual({
      description: 'staff-errors:external.descriptionRequired',
      receivedOn: 'staff-errors:external.dateInFuture',
    })
    expect(errorKeys(validateAsk({ ...ask, receivedOn: '2026-03-01' }, investigation, today))).toEqual({
      receivedOn: 'staff-errors:external.beforeOpened',
    })
    expect(errorKeys(validateAsk({ ...ask, receivedOn: 'soon' }, investigation, today))).toEqual({
      receivedOn: 'staff-errors:external.dateInvalid',
    })
  })
  it('must be a kind that case can receive', () => {
    expect(errorKeys(validateAsk({ ...ask, kind: 'order' }, investigation, today))).toEqual({
      kind: 'staff-errors:external.requestKindRequired',
    })
    const mp = { ...investigation, kind: 'mp_enquiry' }
    expect(errorKeys(validateAsk(ask, mp, today))).toEqual({ kind: 'staff-errors:external.requestKindRequired' })
    expect(validateAsk({ ...ask, kind: 'information' }, mp, today).ok).toBe(true)
  })
  it('is refused on a closed case', () => {
    expect(errorKeys(validateAsk(ask, { ...investigation, closedOn: '2026-06-01' }, today))).toEqual({
      kind: 'staff-errors:external.caseClosed',
    })
  })
})

describe('answering a request or recording compliance', () => {
  const request = { kind: 'evidence', receivedOn: '2026-06-01', dueOn: '2026-06-15', answeredOn: null }
  const order = { ...request, kind: 'order' }
  it('records the day answered, with what was sent if given', () => {
    expect(validateAnswer({ answeredOn: '2026-06-05', evidence: '' }, request, today)).toEqual({
      ok: true,
      value: { answeredOn: '2026-06-05', evidence: null },
    })
  })
  it('needs proof before an order or recommendation counts as complied with', () => {
    expect(errorKeys(validateAnswer({ answeredOn: '2026-06-05', evidence: ' ' }, order, today))).toEqual({
      evidence: 'staff-errors:external.evidenceRequired',
    })
    expect(
      errorKeys(
        validateAnswer({ answeredOn: '2026-06-05', evidence: '' }, { ...order, kind: 'recommendation' }, today),
      ),
    ).toEqual({ evidence: 'staff-errors:external.evidenceRequired' })
    expect(validateAnswer({ answeredOn: '2026-06-05', evidence: 'Payment ref 123' }, order, today)).toEqual({
      ok: true,
      value: { answeredOn: '2026-06-05', evidence: 'Payment ref 123' },
    })
  })
  it('needs a real date, not in the future, not before the request arrived', () => {
    expect(errorKeys(validateAnswer({ answeredOn: '', evidence: '' }, request, today))).toEqual({
      answeredOn: 'staff-errors:external.dateInvalid',
    })
    expect(errorKeys(validateAnswer({ answeredOn: '2026-06-11', evidence: '' }, request, today))).toEqual({
      answeredOn: 'staff-errors:external.dateInFuture',
    })
    expect(errorKeys(validateAnswer({ answeredOn: '2026-05-31', evidence: '' }, request, today))).toEqual({
      answeredOn: 'staff-errors:external.answeredBeforeReceived',
    })
    expect(validateAnswer({ answeredOn: '2026-06-01', evidence: '' }, request, today).ok).toBe(true)
  })
  it('is refused a second time', () => {
    expect(
      errorKeys(
        validateAnswer({ answeredOn: '2026-06-05', evidence: 'x' }, { ...order, answeredOn: '2026-06-02' }, today),
      ),
    ).toEqual({ answeredOn: 'staff-errors:external.alreadyAnswered' })
  })
})

describe('a determination', () => {
  const rows = [
    { issue: 'Handling of the repair', finding: 'maladministration' },
    { issue: '', finding: '' },
    { issue: 'Complaint handling', finding: 'service_failure' },
  ]
  it('records its date and one finding per issue, blank rows ignored', () => {
    expect(validateDetermination({ determinedOn: '2026-05-21', rows }, investigation, today)).toEqual({
      ok: true,
      value: {
        determinedOn: '2026-05-21',
        findings: [
          { issue: 'Handling of the repair', finding: 'maladministration' },
          { issue: 'Complaint handling', finding: 'service_failure' },
        ],
      },
    })
  })
  it('accepts every kind of finding', () => {
    for (const finding of findingKinds) {
      expect(
        validateDetermination({ determinedOn: '2026-05-21', rows: [{ issue: 'x', finding }] }, investigation, today).ok,
      ).toBe(true)
    }
  })
  it('needs at least one issue with its finding', () => {
    expect(
      errorKeys(
        validateDetermination({ determinedOn: '2026-05-21', rows: [{ issue: '', finding: '' }] }, investigation, today),
      ),
    ).toEqual({ issue1: 'staff-errors:external.findingsRequired' })
  })
  it('names the row missing its issue or its finding', () => {
    expect(
      errorKeys(
        validateDetermination(
          {
            determinedOn: '2026-05-21',
            rows: [
              { issue: 'Repairs', finding: '' },
              { issue: '', finding: 'service_failure' },
              { issue: 'Noise', finding: 'guilty' },
            ],
          },
          investigation,
          today,
        ),
      ),
    ).toEqual({
      finding1: 'staff-errors:external.findingRequired',
      issue2: 'staff-errors:external.issueRequired',
      [findingField(2)]: 'staff-errors:external.findingRequired',
    })
  })
  it('needs a real date between the case opening and today', () => {
    expect(errorKeys(validateDetermination({ determinedOn: '2026-06-11', rows }, investigation, today))).toEqual({
      determinedOn: 'staff-errors:external.dateInFuture',
    })
    expect(errorKeys(validateDetermination({ determinedOn: '2026-03-01', rows }, investigation, today))).toEqual({
      determinedOn: 'staff-errors:external.beforeOpened',
    })
    expect(errorKeys(validateDetermination({ determinedOn: '', rows }, investigation, today))).toEqual({
      determinedOn: 'staff-errors:external.dateInvalid',
    })
  })
  it('is refused on other kinds of case, twice, or once the case is closed', () => {
    const input = { determinedOn: '2026-05-21', rows }
    for (const kind of ['ombudsman_enquiry', 'mp_enquiry', 'councillor_enquiry', 'mediation']) {
      expect(errorKeys(validateDetermination(input, { ...investigation, kind }, today))).toEqual({
        determinedOn: 'staff-errors:external.noDeterminationForKind',
      })
    }
    expect(errorKeys(validateDetermination(input, determined, today))).toEqual({
      determinedOn: 'staff-errors:external.alreadyDetermined',
    })
    expect(errorKeys(validateDetermination(input, { ...investigation, closedOn: '2026-06-01' }, today))).toEqual({
      determinedOn: 'staff-errors:external.caseClosed',
    })
  })
})

describe('an order or recommendation', () => {
  const action = { kind: 'order', description: 'Pay £300', dueOn: '2026-06-18' }
  it('comes after the determination, which is the day it was received', () => {
    expect(validateAction(action, determined)).toEqual({
      ok: true,
      value: { ...action, receivedOn: '2026-05-21' },
    })
    expect(errorKeys(validateAction(action, investigation))).toEqual({
      kind: 'staff-errors:external.determinationFirst',
    })
  })
  it('needs a kind, a description and the due date the Ombudsman set, not before the determination', () => {
    expect(errorKeys(validateAction({ kind: 'evidence', description: '', dueOn: '' }, determined))).toEqual({
      kind: 'staff-errors:external.actionKindRequired',
      description: 'staff-errors:external.descriptionRequired',
      dueOn: 'staff-errors:external.dueOnRequired',
    })
    expect(errorKeys(validateAction({ ...action, dueOn: '2026-05-20' }, determined))).toEqual({
      dueOn: 'staff-errors:external.dueBeforeDetermination',
    })
    expect(validateAction({ ...action, kind: 'recommendation', dueOn: '2026-05-21' }, determined).ok).toBe(true)
  })
  it('is refused once the case is closed', () => {
    expect(errorKeys(validateAction(action, { ...determined, closedOn: '2026-06-01' }))).toEqual({
      kind: 'staff-errors:external.caseClosed',
    })
  })
})

describe('closing a case', () => {
  const answered = { kind: 'evidence', receivedOn: '2026-04-01', dueOn: '2026-04-15', answeredOn: '2026-04-14' }
  it('waits for every request to be answered and every order complied with', () => {
    expect(
      errorKeys(
        validateClose({ closedOn: today, outcome: '' }, determined, [{ ...answered, answeredOn: null }], today),
      ),
    ).toEqual({ closedOn: 'staff-errors:external.openRequests' })
    expect(
      errorKeys(
        validateClose(
          { closedOn: today, outcome: '' },
          determined,
          [answered, { ...answered, kind: 'order', answeredOn: null }],
          today,
        ),
      ),
    ).toEqual({ closedOn: 'staff-errors:external.openRequests' })
  })
  it('may leave a recommendation open (the landlord may decline one, with reasons)', () => {
    expect(
      validateClose(
        { closedOn: today, outcome: '' },
        determined,
        [answered, { ...answered, kind: 'recommendation', answeredOn: null }],
        today,
      ),
    ).toEqual({ ok: true, value: { closedOn: today, outcome: null } })
  })
  it('needs a date between the opening and today', () => {
    expect(errorKeys(validateClose({ closedOn: '2026-06-11', outcome: '' }, determined, [], today))).toEqual({
      closedOn: 'staff-errors:external.dateInFuture',
    })
    expect(errorKeys(validateClose({ closedOn: '2026-03-01', outcome: '' }, determined, [], today))).toEqual({
      closedOn: 'staff-errors:external.beforeOpened',
    })
    expect(errorKeys(validateClose({ closedOn: 'x', outcome: '' }, determined, [], today))).toEqual({
      closedOn: 'staff-errors:external.dateInvalid',
    })
  })
  it('records a mediation’s outcome, which it needs', () => {
    const mediation = { ...investigation, kind: 'mediation' }
    expect(errorKeys(validateClose({ closedOn: today, outcome: '' }, mediation, [], today))).toEqual({
      outcome: 'staff-errors:external.outcomeRequired',
    })
    for (const outcome of ['resolved', 'partly_resolved', 'not_resolved', 'declined_by_resident']) {
      expect(validateClose({ closedOn: today, outcome }, mediation, [], today)).toEqual({
        ok: true,
        value: { closedOn: today, outcome },
      })
    }
  })
  it('ignores an outcome on other kinds, and refuses to close twice', () => {
    expect(validateClose({ closedOn: today, outcome: 'resolved' }, determined, [], today)).toEqual({
      ok: true,
      value: { closedOn: today, outcome: null },
    })
    expect(
      errorKeys(validateClose({ closedOn: today, outcome: '' }, { ...determined, closedOn: today }, [], today)),
    ).toEqual({ closedOn: 'staff-errors:external.caseClosed' })
  })
})

describe('percentages (C2)', () => {
  it('have one decimal, halves up, and none over 0', () => {
    expect(percent(1, 16)).toBe(6.3)
    expect(percent(9, 9)).toBe(100)
    expect(percent(2, 5)).toBe(40)
    expect(percent(0, 0)).toBeNull()
  })
})

describe('counts and timeliness for a period', () => {
  const period = { from: '2026-04-01', to: '2026-06-30' }
  const kase = (id: string, kind: string, extra: Partial<SummaryCase> = {}): SummaryCase => ({
    id,
    kind,
    openedOn: '2026-04-10',
    determinedOn: null,
    closedOn: null,
    findings: [],
    outcome: null,
    ...extra,
  })
  const req = (caseId: string, kind: string, extra: Partial<SummaryRequest>): SummaryRequest => ({
    caseId,
    kind,
    receivedOn: '2026-04-10',
    dueOn: '2026-04-24',
    answeredOn: null,
    recordedOn: '2026-04-10',
    ...extra,
  })
  const cases = [
    kase('e1', 'ombudsman_enquiry'),
    kase('e2', 'ombudsman_enquiry', { openedOn: '2026-03-31' }), // before the period
    kase('i1', 'ombudsman_investigation', {
      determinedOn: '2026-05-21',
      findings: [{ issue: 'a', finding: 'service_failure' }],
    }),
    kase('i2', 'ombudsman_investigation', {
      determinedOn: '2026-06-30',
      findings: [{ issue: 'a', finding: 'no_maladministration' }],
    }),
    kase('i3', 'ombudsman_investigation', {
      determinedOn: '2026-07-01', // after the period
      findings: [{ issue: 'a', finding: 'maladministration' }],
    }),
    kase('m1', 'mp_enquiry'),
    kase('c1', 'councillor_enquiry', { openedOn: '2026-06-30' }),
    kase('d1', 'mediation', { closedOn: '2026-05-01', outcome: 'resolved' }),
    kase('d2', 'mediation', { closedOn: '2026-05-02', outcome: 'declined_by_resident' }),
    kase('d3', 'mediation', { openedOn: '2026-07-01', closedOn: '2026-07-02', outcome: 'resolved' }),
  ]
  const requests = [
    // Ombudsman asks answered in the period: on the due date, late, and one answered before the period.
    req('e1', 'evidence', { dueOn: '2026-04-24', answeredOn: '2026-04-24' }),
    req('i1', 'information', { dueOn: '2026-04-24', answeredOn: '2026-04-27' }),
    req('e2', 'instruction_to_respond', { dueOn: '2026-03-31', answeredOn: '2026-03-31' }),
    req('i1', 'evidence', { dueOn: '2026-05-01', answeredOn: null }), // open: in no timeliness
    // MP and councillor replies.
    req('m1', 'information', { dueOn: '2026-04-20', answeredOn: '2026-04-17' }),
    req('c1', 'information', { dueOn: '2026-07-10', answeredOn: '2026-06-30' }),
    // Orders from i1 (determined Thu 21 May; 26 May is day 2 after the bank holiday).
    req('i1', 'order', { dueOn: '2026-06-05', answeredOn: '2026-06-04', recordedOn: '2026-05-26' }),
    req('i1', 'recommendation', { dueOn: '2026-06-08', answeredOn: '2026-06-09', recordedOn: '2026-05-27' }),
    req('i1', 'order', { dueOn: '2026-06-09', answeredOn: null, recordedOn: '2026-05-21' }), // overdue on 10 June
    req('i1', 'order', { dueOn: '2026-06-20', answeredOn: null, recordedOn: '2026-05-21' }), // not yet due
    req('i3', 'order', { dueOn: '2026-06-20', answeredOn: '2026-06-19', recordedOn: '2026-07-01' }),
  ]
  const summary = summariseExternalCases(cases, requests, period, today, holidays)

  it('counts the cases opened in the period by kind', () => {
    expect(summary.opened).toEqual({
      ombudsman_enquiry: 1,
      ombudsman_investigation: 3,
      mp_enquiry: 1,
      councillor_enquiry: 1,
      mediation: 2,
    })
    expect(summary.openedTotal).toBe(8)
  })
  it('times Ombudsman asks answered in the period against their stated dates (ombudsmanOnTimePct)', () => {
    expect([summary.ombudsmanAnswered, summary.ombudsmanAnsweredOnTime, summary.ombudsmanOnTimePct]).toEqual([2, 1, 50])
  })
  it('times MP and councillor replies apart from the Ombudsman', () => {
    expect([summary.enquiriesAnswered, summary.enquiriesAnsweredOnTime, summary.enquiriesOnTimePct]).toEqual([
      2, 2, 100,
    ])
  })
  it('counts determinations in the period and the adverse ones (ombudsmanAdverseFindingPct)', () => {
    expect([summary.determinations, summary.adverseDeterminations, summary.adverseFindingPct]).toEqual([2, 1, 50])
  })
  it('times orders and recommendations due in the period, leaving out open ones not yet due', () => {
    // Due in period: 5 June (on time), 8 June (late), 9 June (open, overdue), 20 June ×2 (one open and
    // not yet due: left out; one complied on time).
    expect([summary.actionsDue, summary.actionsCompliedOnTime, summary.actionsOnTimePct]).toEqual([4, 2, 50])
  })
  it('flags actions logged more than 2 working days after a determination in the period', () => {
    expect([summary.actionsLogged, summary.actionsLoggedLate]).toEqual([4, 1])
  })
  it('counts mediation outcomes by the day the case closed', () => {
    expect(summary.mediationOutcomes).toEqual({
      resolved: 1,
      partly_resolved: 0,
      not_resolved: 0,
      declined_by_resident: 1,
    })
  })
  it('gives null percentages, not 0, for an empty period', () => {
    const empty = summariseExternalCases([], [], period, today, holidays)
    expect(empty.openedTotal).toBe(0)
    expect(empty.ombudsmanOnTimePct).toBeNull()
    expect(empty.adverseFindingPct).toBeNull()
    expect(empty.actionsOnTimePct).toBeNull()
    expect(empty.enquiriesOnTimePct).toBeNull()
  })
})
