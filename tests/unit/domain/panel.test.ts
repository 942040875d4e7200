import { describe, expect, it } from 'vitest'
import {
  complianceCount,
  findIdentifying,
  rowField,
  selfAssessmentFrom,
  validateSelfAssessment,
  validateSummary,
  type Identifiers,
} from '~/domain/panel'

const who: Identifiers = {
  name: 'Mrs Adaeze Okafor-Bell',
  email: 'ada.okafor@example.org',
  phone: '07700 900123',
  postcode: 'CF10 1AA',
  address: '12 Acacia Avenue\nCardiff',
  reference: 'PR-2026-000123',
}

describe('text that identifies the resident or the case', () => {
  it.each([
    ['Mrs Adaeze Okafor-Bell reported a leak.', 'name'],
    ['ADAEZE said the boiler failed.', 'name'],
    ['Okafor-Bell was not called back.', 'name'],
    ['We spoke to Ms Okafor again.', 'name'],
    ['Email sent to Ada.Okafor@example.org on Monday.', 'email'],
    ['She called from 07700 900123.', 'phone'],
    ['Call +44 7700 900 123 back.', 'phone'],
    ['Her number is 07700-900-123.', 'phone'],
    ['The flat at CF10 1AA had damp.', 'postcode'],
    ['The flat at cf101aa had damp.', 'postcode'],
    ['The flat at 12 Acacia Avenue had damp.', 'address'],
    ['The flat at 12  acacia   avenue, Cardiff had damp.', 'address'],
    ['Case PR-2026-000123 was escalated.', 'reference'],
    ['Case pr-2026-000123 was escalated.', 'reference'],
    ['Linked to PR-2025-000999, another case.', 'reference'],
    ['Linked to PR 2025 999.', 'reference'],
  ])('finds “%s” (%s)', (text, kind) => {
    expect(findIdentifying(text, who)).toBe(kind)
  })

  it.each([
    'A resident reported a leak that took three visits to fix.',
    'The repairs team did not call back; we apologised and paid £150.',
    'The engineer came on 12 March at 9am.',
    'Damp and mould in a flat in Cardiff.',
    'Call the repairs line on 0300 123 4567.',
    '',
  ])('passes “%s”', (text) => {
    expect(findIdentifying(text, who)).toBeNull()
  })

  it('does not mistake titles or short parts of a name for the name', () => {
    expect(findIdentifying('Mrs and Ms are titles.', { ...who, name: 'Mrs Jo Li' })).toBeNull()
    expect(findIdentifying('Jo Li called.', { ...who, name: 'Mrs Jo Li' })).toBe('name')
  })

  it('finds a name only as a whole word', () => {
    expect(findIdentifying('The bellows were broken.', { ...who, name: 'Sam Bell' })).toBeNull()
    expect(findIdentifying('Mr Bell was told.', { ...who, name: 'Sam Bell' })).toBe('name')
  })

  it('finds names in other scripts', () => {
    expect(findIdentifying('اتصلت فاطمة بنا', { ...who, name: 'فاطمة أحمد' })).toBe('name')
  })

  it('copes with missing details', () => {
    const bare = { name: null, email: null, phone: null, postcode: null, address: null, reference: 'ABC/9' }
    expect(findIdentifying('Anything at all, 07700 900123, CF10 1AA.', bare)).toBeNull()
    expect(findIdentifying('Imported case abc/9.', bare)).toBe('reference')
  })

  it('ignores phone numbers and postcodes too short to mean anything', () => {
    expect(findIdentifying('Room 12345.', { ...who, phone: '12345', postcode: 'M1' })).toBeNull()
  })
})

describe('an anonymised summary', () => {
  const input = {
    serviceArea: 'repairs',
    summary: 'A boiler repair took six weeks and three missed appointments.',
    outcome: 'upheld',
    learning: 'Appointments are now confirmed by text the day before.',
  }
  it('is accepted when complete and clean', () => {
    expect(validateSummary(input, who)).toEqual({ ok: true, value: input })
  })
  it('needs a service area, an outcome, a summary and the learning', () => {
    expect(validateSummary({ serviceArea: 'x', summary: ' ', outcome: 'won', learning: '' }, who)).toEqual({
      ok: false,
      errors: {
        serviceArea: { key: 'staff-errors:panel.serviceAreaRequired' },
        outcome: { key: 'staff-errors:panel.outcomeRequired' },
        summary: { key: 'staff-errors:panel.summaryRequired' },
        learning: { key: 'staff-errors:panel.learningRequired' },
      },
    })
  })
  it('is refused, field by field, when its words identify the resident or the case', () => {
    expect(
      validateSummary({ ...input, summary: 'Mrs Okafor-Bell waited.', learning: 'See PR-2026-000123.' }, who),
    ).toEqual({
      ok: false,
      errors: {
        summary: { key: 'staff-errors:panel.identifying.name' },
        learning: { key: 'staff-errors:panel.identifying.reference' },
      },
    })
    for (const [text, kind] of [
      ['Write to ada.okafor@example.org', 'email'],
      ['Ring 07700900123', 'phone'],
      ['In CF10 1AA', 'postcode'],
      ['At 12 Acacia Avenue', 'address'],
    ]) {
      expect(validateSummary({ ...input, summary: text ?? '' }, who)).toEqual({
        ok: false,
        errors: { summary: { key: `staff-errors:panel.identifying.${kind}` } },
      })
    }
  })
})

describe('the self-assessment (GOV-3)', () => {
  const blank = { provision: '', complies: '', evidence: '', action: '', actionDueOn: '' }
  const base = { reportingYear: '2025/26', report: 'Report', governingBodyResponse: 'Noted', approvedOn: '2026-06-30' }
  it('keeps each provision with whether we comply, the evidence, and an action with its date', () => {
    const result = validateSelfAssessment({
      ...base,
      rows: [
        { provision: '1.2 Definition', complies: 'yes', evidence: 'Policy s.2', action: '', actionDueOn: '' },
        blank,
        { provision: '5.6 Ack', complies: 'no', evidence: 'Audit', action: 'Train staff', actionDueOn: '2026-09-30' },
      ],
    })
    expect(result).toEqual({
      ok: true,
      value: {
        ...base,
        rows: [
          { provision: '1.2 Definition', complies: true, evidence: 'Policy s.2', action: null, actionDueOn: null },
          {
            provision: '5.6 Ack',
            complies: false,
            evidence: 'Audit',
            action: 'Train staff',
            actionDueOn: '2026-09-30',
          },
        ],
      },
    })
  })
  it('needs an action and its date where we do not comply', () => {
    const result = validateSelfAssessment({
      ...base,
      rows: [{ provision: '5.6', complies: 'no', evidence: 'Audit', action: '', actionDueOn: '' }],
    })
    expect(result).toEqual({
      ok: false,
      errors: {
        action1: { key: 'staff-errors:panel.actionRequired' },
        actionDueOn1: { key: 'staff-errors:panel.actionDueRequired' },
      },
    })
  })
  it('needs the provision, the answer and the evidence on any row begun', () => {
    const result = validateSelfAssessment({ ...base, rows: [blank, { ...blank, action: 'Something' }] })
    expect(result.ok ? {} : result.errors).toEqual({
      [rowField('provision', 1)]: { key: 'staff-errors:panel.provisionRequired' },
      [rowField('complies', 1)]: { key: 'staff-errors:panel.compliesRequired' },
      [rowField('evidence', 1)]: { key: 'staff-errors:panel.evidenceRequired' },
    })
  })
  it('gives an action promised where we comply a date too', () => {
    const result = validateSelfAssessment({
      ...base,
      rows: [{ provision: '1', complies: 'yes', evidence: 'e', action: 'Review', actionDueOn: '' }],
    })
    expect(result.ok ? {} : result.errors).toEqual({ actionDueOn1: { key: 'staff-errors:panel.actionDueRequired' } })
  })
  it('needs a reporting year like 2025/26 and real dates', () => {
    const result = validateSelfAssessment({
      ...base,
      reportingYear: '2025',
      approvedOn: '30/06/2026',
      rows: [{ provision: '1', complies: 'no', evidence: 'e', action: 'a', actionDueOn: '2026-02-30' }],
    })
    expect(result.ok ? {} : result.errors).toEqual({
      reportingYear: { key: 'staff-errors:panel.reportingYearInvalid' },
      approvedOn: { key: 'staff-errors:panel.dateInvalid' },
      actionDueOn1: { key: 'staff-errors:panel.dateInvalid' },
    })
  })
  it('may be saved before the governing body approves it', () => {
    const result = validateSelfAssessment({ ...base, approvedOn: '', rows: [] })
    expect(result.ok && result.value.approvedOn).toBeNull()
  })
  it('is read back from storage keeping only well-formed rows, and counts compliance', () => {
    const read = selfAssessmentFrom({
      reportingYear: '2025/26',
      report: 'R',
      governingBodyResponse: 7,
      approvedOn: 'yesterday',
      rows: [
        { provision: 'a', complies: true, evidence: 'e' },
        { provision: 'b', complies: false, evidence: 'e', action: 'x', actionDueOn: '2026-01-01' },
        { provision: 'c', complies: 'yes' },
        { complies: true },
        'junk',
      ],
    })
    expect(read).toEqual({
      reportingYear: '2025/26',
      report: 'R',
      governingBodyResponse: '',
      approvedOn: null,
      rows: [
        { provision: 'a', complies: true, evidence: 'e', action: null, actionDueOn: null },
        { provision: 'b', complies: false, evidence: 'e', action: 'x', actionDueOn: '2026-01-01' },
      ],
    })
    expect(complianceCount(read)).toEqual({ complies: 1, total: 2 })
    expect(selfAssessmentFrom(null).rows).toEqual([])
    expect(selfAssessmentFrom('x').reportingYear).toBe('')
  })
})
