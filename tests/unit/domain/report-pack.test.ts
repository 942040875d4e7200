// The monthly report pack's own rules: which month, Stage 2 drivers, recurring issues, commitments
// at the month's end and the Ombudsman spotlight, each with its boundary days.
import { describe, expect, it } from 'vitest'
import type { KpiComplaintFacts, KpiStageFacts } from '~/domain/kpis'
import {
  commitmentsAt,
  isMonth,
  lastCompleteMonth,
  monthRange,
  monthsBefore,
  ombudsmanSpotlight,
  recurringIssues,
  stage2Drivers,
  type SpotlightCase,
  type SpotlightRequest,
} from '~/domain/report-pack'
import type { IsoDate } from '~/domain/working-days'

const stage = (startedOn: IsoDate): KpiStageFacts => ({
  startedOn,
  acknowledgementDue: startedOn,
  acknowledgedOn: startedOn,
  responseDue: startedOn,
  extensionWorkingDays: 0,
  extensionsValid: true,
  respondedOn: null,
  outcome: null,
  decisionChanged: null,
})

let next = 0
function complaint(spec: Partial<KpiComplaintFacts> & { receivedOn: IsoDate; escalatedOn?: IsoDate }) {
  next += 1
  const { escalatedOn, ...rest } = spec
  const facts: KpiComplaintFacts = {
    id: `c${next}`,
    residentId: `r${next}`,
    category: 'repairs',
    team: null,
    handlerId: null,
    receivedAt: `${spec.receivedOn}T09:00:00.000Z`,
    earlyResolution: false,
    decline: null,
    withdrawnOn: null,
    nonResident: false,
    splitFrom: null,
    stage1: stage(spec.receivedOn),
    stage2: escalatedOn ? stage(escalatedOn) : null,
    ...rest,
  }
  return facts
}

describe('the month of the pack', () => {
  it('defaults to the last complete month, across a new year', () => {
    expect(lastCompleteMonth('2026-03-15')).toBe('2026-02')
    expect(lastCompleteMonth('2026-03-01')).toBe('2026-02')
    expect(lastCompleteMonth('2026-01-31')).toBe('2025-12')
  })

  it('reads YYYY-MM only', () => {
    expect(isMonth('2026-03')).toBe(true)
    expect(isMonth('2026-13')).toBe(false)
    expect(isMonth('2026-3')).toBe(false)
    expect(isMonth('2026-03-01')).toBe(false)
    expect(() => monthRange('March')).toThrow(RangeError)
  })

  it('runs from the first to the last day, leap years included', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
  })

  it('counts months back across years', () => {
    expect(monthsBefore('2026-03', 11)).toBe('2025-04')
    expect(monthsBefore('2026-01', 1)).toBe('2025-12')
    expect(monthsBefore('2026-12', 0)).toBe('2026-12')
  })
})

describe('Stage 2 drivers', () => {
  it('counts escalations started in the month by service area, most first, ties by name', () => {
    const facts = {
      complaints: [
        complaint({ receivedOn: '2026-01-05', escalatedOn: '2026-03-01', category: 'repairs' }),
        complaint({ receivedOn: '2026-01-06', escalatedOn: '2026-03-31', category: 'repairs' }),
        complaint({ receivedOn: '2026-01-07', escalatedOn: '2026-03-10', category: 'damp_mould' }),
        complaint({ receivedOn: '2026-01-08', escalatedOn: '2026-03-11', category: 'antisocial_behaviour' }),
        // Outside the month on either side.
        complaint({ receivedOn: '2026-01-09', escalatedOn: '2026-02-28', category: 'tenancy' }),
        complaint({ receivedOn: '2026-01-10', escalatedOn: '2026-04-01', category: 'tenancy' }),
        // Never escalated.
        complaint({ receivedOn: '2026-03-02', category: 'tenancy' }),
        // Escalation refused.
        complaint({
          receivedOn: '2026-01-11',
          escalatedOn: '2026-03-12',
          category: 'tenancy',
          decline: { stage: 2, on: '2026-03-13', ground: 'late' },
        }),
      ],
    }
    expect(stage2Drivers(facts, '2026-03-01', '2026-03-31')).toEqual({
      total: 4,
      top: [
        { category: 'repairs', count: 2 },
        { category: 'antisocial_behaviour', count: 1 },
        { category: 'damp_mould', count: 1 },
      ],
    })
    expect(stage2Drivers(facts, '2026-03-01', '2026-03-31', 1).top).toEqual([{ category: 'repairs', count: 2 }])
    expect(stage2Drivers({ complaints: [] }, '2026-03-01', '2026-03-31')).toEqual({ total: 0, top: [] })
  })
})

describe('recurring issues', () => {
  it('counts repeat complaints received in the month by service area', () => {
    const facts = {
      complaints: [
        complaint({ id: 'a1', residentId: 'ra', receivedOn: '2025-04-01', category: 'repairs' }),
        // Repeats within 12 months, received in the month.
        complaint({ id: 'a2', residentId: 'ra', receivedOn: '2026-03-31', category: 'repairs' }),
        complaint({ id: 'b1', residentId: 'rb', receivedOn: '2026-03-02', category: 'damp_mould' }),
        complaint({ id: 'b2', residentId: 'rb', receivedOn: '2026-03-03', category: 'damp_mould' }),
        // Same resident, another service area: not a repeat.
        complaint({ id: 'b3', residentId: 'rb', receivedOn: '2026-03-04', category: 'tenancy' }),
        // More than 12 months after the earlier one: not a repeat.
        complaint({ id: 'c1', residentId: 'rc', receivedOn: '2025-02-01', category: 'repairs' }),
        complaint({ id: 'c2', residentId: 'rc', receivedOn: '2026-03-05', category: 'repairs' }),
      ],
    }
    expect(recurringIssues(facts, '2026-03-01', '2026-03-31')).toEqual({
      total: 2,
      top: [
        { category: 'damp_mould', count: 1 },
        { category: 'repairs', count: 1 },
      ],
    })
  })
})

describe('commitments at the end of the month', () => {
  it('are open until done by then, overdue when due before that day, cancelled and later ones left out', () => {
    const at = '2026-03-31'
    const rows = [
      { status: 'open', dueOn: '2026-03-30', completedOn: null, createdOn: '2026-03-01' }, // open, overdue
      { status: 'in_progress', dueOn: '2026-03-31', completedOn: null, createdOn: '2026-03-01' }, // due that day
      { status: 'done', dueOn: '2026-03-01', completedOn: '2026-03-31', createdOn: '2026-02-01' }, // done on the day
      { status: 'done', dueOn: '2026-03-01', completedOn: '2026-04-01', createdOn: '2026-02-01' }, // done after: open
      { status: 'cancelled', dueOn: '2026-03-01', completedOn: null, createdOn: '2026-02-01' },
      { status: 'open', dueOn: '2026-03-01', completedOn: null, createdOn: '2026-04-01' }, // made later
    ]
    expect(commitmentsAt(rows, at)).toEqual({ open: 3, overdue: 2 })
    expect(commitmentsAt([], at)).toEqual({ open: 0, overdue: 0 })
  })
})

describe('the Ombudsman spotlight', () => {
  const cases: SpotlightCase[] = [
    {
      id: 'k1',
      kind: 'ombudsman_investigation',
      complaintId: 'x1',
      openedOn: '2026-03-01',
      determinedOn: '2026-03-20',
      findings: {
        issues: [
          { issue: 'Repair delay', finding: 'maladministration' },
          { issue: 'Complaint handling', finding: 'service_failure' },
        ],
      },
    },
    {
      id: 'k2',
      kind: 'ombudsman_enquiry',
      complaintId: 'x2',
      openedOn: '2026-03-31',
      determinedOn: '2026-03-31',
      findings: { issues: [{ issue: 'Noise', finding: 'no_maladministration' }] },
    },
    {
      id: 'k3',
      kind: 'ombudsman_enquiry',
      complaintId: null,
      openedOn: '2026-02-28',
      determinedOn: null,
      findings: null,
    },
    // Not the Ombudsman: left out everywhere.
    {
      id: 'k4',
      kind: 'mp_enquiry',
      complaintId: 'x1',
      openedOn: '2026-03-05',
      determinedOn: '2026-03-06',
      findings: null,
    },
  ]
  const requests: SpotlightRequest[] = [
    { caseId: 'k1', kind: 'order', dueOn: '2026-03-10', answeredOn: '2026-03-10' }, // due, complied on the day
    { caseId: 'k1', kind: 'order', dueOn: '2026-03-31', answeredOn: '2026-04-01' }, // due, late: outstanding
    { caseId: 'k1', kind: 'order', dueOn: '2026-02-10', answeredOn: '2026-03-05' }, // complied in the month, late
    { caseId: 'k1', kind: 'recommendation', dueOn: '2026-04-30', answeredOn: null }, // not yet due
    { caseId: 'k2', kind: 'recommendation', dueOn: '2026-03-15', answeredOn: null }, // due, outstanding
    { caseId: 'k2', kind: 'evidence', dueOn: '2026-03-15', answeredOn: null }, // an ask, not an action
    { caseId: 'k4', kind: 'order', dueOn: '2026-03-15', answeredOn: null }, // not the Ombudsman
  ]
  const improvements = [
    { completedOn: '2026-03-01', status: 'done' },
    { completedOn: '2026-03-31', status: 'done' },
    { completedOn: '2026-04-01', status: 'done' },
    { completedOn: null, status: 'open' },
  ]
  const complaints = [
    { id: 'x1', category: 'repairs' },
    { id: 'x2', category: 'antisocial_behaviour' },
  ]

  it('counts cases, determinations, findings, orders, recommendations and actions taken in the month', () => {
    expect(ombudsmanSpotlight({ cases, requests, improvements, complaints }, '2026-03-01', '2026-03-31')).toEqual({
      opened: 2,
      commonIssues: [
        { category: 'antisocial_behaviour', count: 1 },
        { category: 'repairs', count: 1 },
      ],
      determinations: 2,
      adverseDeterminations: 1,
      findings: [
        { finding: 'maladministration', count: 1 },
        { finding: 'no_maladministration', count: 1 },
        { finding: 'service_failure', count: 1 },
      ],
      orders: { due: 2, dueComplied: 1, compliedInMonth: 2, outstanding: 1 },
      recommendations: { due: 1, dueComplied: 0, compliedInMonth: 0, outstanding: 1 },
      actionsTaken: 2,
    })
  })

  it('is all zeros with nothing to report', () => {
    const empty = ombudsmanSpotlight(
      { cases: [], requests: [], improvements: [], complaints: [] },
      '2026-03-01',
      '2026-03-31',
    )
    expect(empty).toMatchObject({ opened: 0, determinations: 0, adverseDeterminations: 0, actionsTaken: 0 })
    expect(empty.orders).toEqual({ due: 0, dueComplied: 0, compliedInMonth: 0, outstanding: 0 })
  })
})
