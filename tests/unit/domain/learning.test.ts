import { describe, expect, it } from 'vitest'
import type { ComplaintElement } from '~/domain/complaints/case'
import {
  approveNoLearning,
  isLearningComplete,
  isRepeatComplaint,
  learningState,
  needsLearning,
  publicationRefusal,
  publicationState,
  rootCauses,
  validateImprovement,
  validateLearning,
  validateYouSaidWeDid,
  type LearningEntry,
  type LearningInput,
} from '~/domain/learning'

const handler = { id: 'handler-1', canApprove: false }
const manager = { id: 'manager-1', canApprove: true }
const empty: LearningEntry = {
  rootCause: null,
  analysis: null,
  learning: null,
  noLearningReason: null,
  approvedBy: null,
}
const learnt: LearningInput = {
  mode: 'learning',
  rootCause: 'repairs_contractor',
  analysis: 'Why missed? No parts. Why? Not ordered at triage.',
  learning: 'Order parts at triage.',
  noLearningReason: '',
}
const none: LearningInput = {
  mode: 'no_learning',
  rootCause: '',
  analysis: '',
  learning: '',
  noLearningReason: 'The fault was the resident’s own contractor.',
}
const context = { actor: handler, previous: null, closedNeedingLearning: false }

describe('root causes (from the seeds)', () => {
  it('are the seven categories', () => {
    expect(rootCauses).toEqual([
      'communication',
      'repairs_contractor',
      'policy',
      'process',
      'staff_conduct',
      'record_keeping',
      'other',
    ])
  })
})

describe('a learning entry is complete (GOV-2)', () => {
  it('with a root cause and the learning', () => {
    expect(isLearningComplete({ ...empty, rootCause: 'communication', learning: 'Call back within a day.' })).toBe(true)
    expect(learningState({ ...empty, rootCause: 'communication', learning: 'Call back within a day.' })).toBe(
      'complete',
    )
  })
  it('not with only one of them, nor with an unknown root cause', () => {
    expect(isLearningComplete({ ...empty, rootCause: 'communication' })).toBe(false)
    expect(isLearningComplete({ ...empty, learning: 'Something' })).toBe(false)
    expect(isLearningComplete({ ...empty, rootCause: 'weather', learning: 'Something' })).toBe(false)
    expect(isLearningComplete({ ...empty, rootCause: 'communication', learning: '   ' })).toBe(false)
  })
  it('with "no learning" only once a manager approved the reason', () => {
    const pending = { ...empty, noLearningReason: 'Nothing we could do' }
    expect(isLearningComplete(pending)).toBe(false)
    expect(learningState(pending)).toBe('awaiting_approval')
    expect(isLearningComplete({ ...pending, approvedBy: 'manager-1' })).toBe(true)
  })
  it('is not recorded when there is no entry', () => {
    expect(isLearningComplete(null)).toBe(false)
    expect(learningState(null)).toBe('not_recorded')
    expect(learningState(empty)).toBe('not_recorded')
  })
})

describe('learning is needed when any element was upheld or partly upheld', () => {
  const element = (stage1?: ComplaintElement['stage1'], stage2?: ComplaintElement['stage2']): ComplaintElement => ({
    id: 1,
    summary: 'x',
    addedLater: false,
    ...(stage1 ? { stage1 } : {}),
    ...(stage2 ? { stage2 } : {}),
  })
  const d = (decision: 'upheld' | 'partly_upheld' | 'not_upheld') => ({ decision, reasons: 'r' })
  it.each([
    ['upheld at Stage 1', [element(d('upheld'))], true],
    ['partly upheld at Stage 1', [element(d('not_upheld')), element(d('partly_upheld'))], true],
    ['upheld only at Stage 2', [element(d('not_upheld'), d('upheld'))], true],
    ['upheld at Stage 1, not at Stage 2', [element(d('upheld'), d('not_upheld'))], true],
    ['nothing upheld', [element(d('not_upheld'), d('not_upheld'))], false],
    ['nothing decided', [element()], false],
    ['no elements', [], false],
  ] as const)('%s → %s', (_name, elements, expected) => {
    expect(needsLearning({ elements: [...elements] })).toBe(expected)
  })
})

describe('recording the learning', () => {
  it('keeps the root cause, analysis and learning, and no "no learning" reason', () => {
    const result = validateLearning(learnt, {
      ...context,
      previous: { ...empty, noLearningReason: 'old', approvedBy: 'm' },
    })
    expect(result).toEqual({
      ok: true,
      value: {
        rootCause: 'repairs_contractor',
        analysis: 'Why missed? No parts. Why? Not ordered at triage.',
        learning: 'Order parts at triage.',
        noLearningReason: null,
        approvedBy: null,
      },
    })
  })
  it('needs a known root cause and the learning', () => {
    const result = validateLearning({ ...learnt, rootCause: 'bad luck', learning: ' ' }, context)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.status).toBe(400)
      expect(result.errors.rootCause?.key).toBe('staff-errors:learning.rootCauseRequired')
      expect(result.errors.learning?.key).toBe('staff-errors:learning.learningRequired')
    }
  })
  it('limits the length of what is written', () => {
    const result = validateLearning({ ...learnt, analysis: 'x'.repeat(4001) }, context)
    expect(!result.ok && result.errors.analysis).toEqual({
      key: 'staff-errors:learning.tooLong',
      values: { max: 4000 },
    })
  })
  it('refuses an unknown mode', () => {
    const result = validateLearning({ ...learnt, mode: 'maybe' }, context)
    expect(!result.ok && result.errors.mode?.key).toBe('staff-errors:learning.modeRequired')
  })
})

describe('"no learning" needs a manager', () => {
  it('waits for approval when a handler records it', () => {
    const result = validateLearning(none, context)
    expect(result.ok && result.value).toMatchObject({ noLearningReason: none.noLearningReason, approvedBy: null })
  })
  it('is approved when a manager records it', () => {
    const result = validateLearning(none, { ...context, actor: manager })
    expect(result.ok && result.value.approvedBy).toBe('manager-1')
  })
  it('keeps its approval while the reason is unchanged, and loses it when the reason changes', () => {
    const previous = { ...empty, noLearningReason: none.noLearningReason, approvedBy: 'manager-1' }
    const same = validateLearning({ ...none, analysis: 'More detail' }, { ...context, previous })
    expect(same.ok && same.value.approvedBy).toBe('manager-1')
    const changed = validateLearning({ ...none, noLearningReason: 'Something else' }, { ...context, previous })
    expect(changed.ok && changed.value.approvedBy).toBeNull()
  })
  it('needs a reason; a root cause is optional but must be known if given', () => {
    const missing = validateLearning({ ...none, noLearningReason: '' }, context)
    expect(!missing.ok && missing.errors.noLearningReason?.key).toBe('staff-errors:learning.noLearningReasonRequired')
    const withCause = validateLearning({ ...none, rootCause: 'policy' }, context)
    expect(withCause.ok && withCause.value.rootCause).toBe('policy')
    const unknown = validateLearning({ ...none, rootCause: 'fate' }, context)
    expect(!unknown.ok && unknown.errors.rootCause?.key).toBe('staff-errors:learning.rootCauseRequired')
  })
  it('cannot leave a closed upheld complaint without complete learning (409), unless a manager does it', () => {
    const closed = { ...context, closedNeedingLearning: true }
    const result = validateLearning(none, closed)
    expect(result).toEqual({
      ok: false,
      status: 409,
      errors: { noLearningReason: { key: 'staff-errors:learning.closedNeedsApproval' } },
    })
    expect(validateLearning(none, { ...closed, actor: manager }).ok).toBe(true)
    expect(validateLearning(learnt, closed).ok).toBe(true)
  })
  it('is approved later only by a manager, and only when waiting', () => {
    const pending = { ...empty, noLearningReason: 'Nothing to learn' }
    expect(approveNoLearning(pending, handler)).toEqual({ ok: false, key: 'staff-errors:learning.managerOnly' })
    expect(approveNoLearning(pending, manager)).toEqual({ ok: true, approvedBy: 'manager-1' })
    expect(approveNoLearning({ ...pending, approvedBy: 'm' }, manager)).toEqual({
      ok: false,
      key: 'staff-errors:learning.nothingToApprove',
    })
    expect(approveNoLearning(null, manager).ok).toBe(false)
    expect(approveNoLearning({ ...empty, rootCause: 'policy', learning: 'x' }, manager).ok).toBe(false)
  })
})

describe('SMART improvement actions', () => {
  const smart = {
    kind: 'process',
    description: 'Order parts at triage',
    owner: 'Repairs manager',
    measure: 'Missed appointments for parts halve in 3 months',
    dueOn: '2026-09-30',
  }
  it('have a kind, what, owner, measure and a due date not in the past', () => {
    expect(validateImprovement(smart, '2026-06-01')).toEqual({ ok: true, value: smart })
    expect(validateImprovement({ ...smart, dueOn: '2026-06-01' }, '2026-06-01').ok).toBe(true)
  })
  it('name every missing part', () => {
    const result = validateImprovement(
      { kind: 'wish', description: ' ', owner: '', measure: '', dueOn: '2026-05-31' },
      '2026-06-01',
    )
    expect(!result.ok && Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k, v.key]))).toEqual({
      kind: 'staff-errors:learning.kindRequired',
      description: 'staff-errors:learning.descriptionRequired',
      owner: 'staff-errors:learning.ownerRequired',
      measure: 'staff-errors:learning.measureRequired',
      dueOn: 'staff-errors:learning.dueOnPast',
    })
    const noDate = validateImprovement({ ...smart, dueOn: 'soon' }, '2026-06-01')
    expect(!noDate.ok && noDate.errors.dueOn?.key).toBe('staff-errors:learning.dueOnInvalid')
  })
})

describe('"you said, we did" is published only with a manager’s approval', () => {
  const drafted = {
    status: 'done',
    youSaid: 'Appointments were missed',
    weDid: 'We order parts first',
    publishedBy: null,
  }
  it('moves from not written, to awaiting approval, to published', () => {
    expect(publicationState({ ...drafted, youSaid: null })).toBe('not_drafted')
    expect(publicationState({ ...drafted, weDid: '  ' })).toBe('not_drafted')
    expect(publicationState(drafted)).toBe('awaiting_approval')
    expect(publicationState({ ...drafted, publishedBy: 'manager-1' })).toBe('published')
  })
  it('needs both halves', () => {
    const result = validateYouSaidWeDid({ youSaid: '', weDid: ' ' })
    expect(!result.ok && Object.keys(result.errors)).toEqual(['youSaid', 'weDid'])
    expect(validateYouSaidWeDid({ youSaid: ' a ', weDid: 'b' })).toEqual({
      ok: true,
      value: { youSaid: 'a', weDid: 'b' },
    })
  })
  it('refuses anyone but a manager, anything not done, and anything not written or already published', () => {
    expect(publicationRefusal(drafted, { canPublish: false })).toBe('staff-errors:learning.managerOnly')
    expect(publicationRefusal({ ...drafted, status: 'in_progress' }, { canPublish: true })).toBe(
      'staff-errors:learning.publishNotDone',
    )
    expect(publicationRefusal({ ...drafted, weDid: null }, { canPublish: true })).toBe(
      'staff-errors:learning.nothingToPublish',
    )
    expect(publicationRefusal({ ...drafted, publishedBy: 'm' }, { canPublish: true })).toBe(
      'staff-errors:learning.nothingToPublish',
    )
    expect(publicationRefusal(drafted, { canPublish: true })).toBeNull()
  })
})

describe('repeat complaints (same resident, same service, 12 months)', () => {
  const history = [
    { reference: 'PR-2026-000010', receivedOn: '2025-06-15', category: 'repairs', status: 'closed' },
    { reference: 'PR-2026-000020', receivedOn: '2026-06-15', category: 'repairs', status: 'received' },
    { reference: 'PR-2026-000030', receivedOn: '2026-06-20', category: 'tenancy', status: 'received' },
  ]
  it('flags a complaint with an earlier one about the same service within 12 months (the boundary day included)', () => {
    expect(isRepeatComplaint('PR-2026-000020', history)).toBe(true)
    expect(isRepeatComplaint('PR-2026-000010', history)).toBe(false)
    expect(isRepeatComplaint('PR-2026-000030', history)).toBe(false)
  })
  it('does not flag one a day outside the 12 months', () => {
    const older = [{ ...history[0]!, receivedOn: '2025-06-14' }, history[1]!]
    expect(isRepeatComplaint('PR-2026-000020', older)).toBe(false)
  })
})
