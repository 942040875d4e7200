// GOV-2: the learning log. Each complaint found (partly) upheld gets a root cause and what we
// learnt — or a "no learning" reason a manager approved — before it can be closed; learning turns
// into SMART improvement actions tracked like commitments, and some become "you said, we did"
// once a manager approves them for publication.
import type { ComplaintCase } from './complaints/case'
import { repeatComplaints, type DatedComplaint } from './complaints/repeats'
import type { FieldErrors } from './forms'
import { isIsoDate, type IsoDate } from './working-days'

/** Root cause categories drawn from the seeds' themes. */
export const rootCauses = [
  'communication',
  'repairs_contractor',
  'policy',
  'process',
  'staff_conduct',
  'record_keeping',
  'other',
] as const
export type RootCause = (typeof rootCauses)[number]

export const improvementKinds = ['policy', 'procedure', 'process', 'training', 'other'] as const
export type ImprovementKind = (typeof improvementKinds)[number]

export interface LearningEntry {
  rootCause: string | null
  analysis: string | null
  learning: string | null
  noLearningReason: string | null
  approvedBy: string | null
}

export type LearningState = 'not_recorded' | 'awaiting_approval' | 'complete'

const filled = (text: string | null | undefined) => Boolean(text?.trim())

/** Complete: a root cause and the learning, or "no learning" with a reason a manager approved. */
export function isLearningComplete(entry: LearningEntry | null | undefined): boolean {
  if (!entry) return false
  const learnt = (rootCauses as readonly string[]).includes(entry.rootCause ?? '') && filled(entry.learning)
  const approvedNone = filled(entry.noLearningReason) && Boolean(entry.approvedBy)
  return learnt || approvedNone
}

export function learningState(entry: LearningEntry | null | undefined): LearningState {
  if (isLearningComplete(entry)) return 'complete'
  if (entry && filled(entry.noLearningReason)) return 'awaiting_approval'
  return 'not_recorded'
}

/**
 * Learning is required once any element of the complaint was upheld or partly upheld, at either
 * stage: a Stage 1 finding of fault is still a failing to learn from if Stage 2 saw it otherwise.
 */
export function needsLearning(complaint: Pick<ComplaintCase, 'elements'>): boolean {
  return complaint.elements.some((element) =>
    [element.stage1?.decision, element.stage2?.decision].some((d) => d === 'upheld' || d === 'partly_upheld'),
  )
}

/** Repeat complaint (kpis.md): the same resident complained about the same service area within 12 months before. */
export function isRepeatComplaint(reference: string, residentsComplaints: readonly DatedComplaint[]): boolean {
  return repeatComplaints(residentsComplaints).has(reference)
}

export interface LearningInput {
  /** 'learning': root cause and what we learnt; 'no_learning': a reason for a manager to approve. */
  mode: string
  rootCause: string
  analysis: string
  learning: string
  noLearningReason: string
}

export interface LearningContext {
  actor: { id: string; canApprove: boolean }
  previous: LearningEntry | null
  /** The complaint is already closed, and needed learning to close. */
  closedNeedingLearning: boolean
}

const MAX_TEXT = 4000
const E = 'staff-errors:learning'

export type LearningResult = { ok: true; value: LearningEntry } | { ok: false; status: 400 | 409; errors: FieldErrors }

/**
 * The entry to store. "No learning" recorded by a manager is approved by them; by anyone else it
 * waits for a manager, and an approval stays only while the approved reason is unchanged.
 */
export function validateLearning(input: LearningInput, context: LearningContext): LearningResult {
  const errors: FieldErrors = {}
  const analysis = input.analysis.trim()
  const rootCause = input.rootCause.trim()
  if (analysis.length > MAX_TEXT) errors.analysis = { key: `${E}.tooLong`, values: { max: MAX_TEXT } }
  let value: LearningEntry
  if (input.mode === 'learning') {
    const learning = input.learning.trim()
    if (!(rootCauses as readonly string[]).includes(rootCause)) errors.rootCause = { key: `${E}.rootCauseRequired` }
    if (!learning) errors.learning = { key: `${E}.learningRequired` }
    else if (learning.length > MAX_TEXT) errors.learning = { key: `${E}.tooLong`, values: { max: MAX_TEXT } }
    value = { rootCause, analysis: analysis || null, learning, noLearningReason: null, approvedBy: null }
  } else if (input.mode === 'no_learning') {
    const reason = input.noLearningReason.trim()
    if (rootCause && !(rootCauses as readonly string[]).includes(rootCause))
      errors.rootCause = { key: `${E}.rootCauseRequired` }
    if (!reason) errors.noLearningReason = { key: `${E}.noLearningReasonRequired` }
    else if (reason.length > MAX_TEXT) errors.noLearningReason = { key: `${E}.tooLong`, values: { max: MAX_TEXT } }
    const keptApproval =
      context.previous?.approvedBy && context.previous.noLearningReason?.trim() === reason
        ? context.previous.approvedBy
        : null
    value = {
      rootCause: rootCause || null,
      analysis: analysis || null,
      learning: null,
      noLearningReason: reason,
      approvedBy: context.actor.canApprove ? context.actor.id : keptApproval,
    }
  } else {
    return { ok: false, status: 400, errors: { mode: { key: `${E}.modeRequired` } } }
  }
  if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors }
  // A closed complaint that needed learning cannot be left without it by a later edit.
  if (context.closedNeedingLearning && !isLearningComplete(value))
    return { ok: false, status: 409, errors: { noLearningReason: { key: `${E}.closedNeedsApproval` } } }
  return { ok: true, value }
}

/** A manager approves a "no learning" reason someone else recorded. */
export function approveNoLearning(
  entry: LearningEntry | null,
  actor: { id: string; canApprove: boolean },
): { ok: true; approvedBy: string } | { ok: false; key: string } {
  if (!actor.canApprove) return { ok: false, key: `${E}.managerOnly` }
  if (!entry || !filled(entry.noLearningReason) || entry.approvedBy) return { ok: false, key: `${E}.nothingToApprove` }
  return { ok: true, approvedBy: actor.id }
}

// ── SMART improvement actions ────────────────────────────────────────────────────────────────

export interface ImprovementInput {
  kind: string
  description: string
  owner: string
  measure: string
  dueOn: string
}

export interface Improvement {
  kind: ImprovementKind
  description: string
  owner: string
  measure: string
  dueOn: IsoDate
}

/** SMART: specific (what), measurable (how we will know), assigned (owner), time-bound (due date, not past). */
export function validateImprovement(
  input: ImprovementInput,
  today: IsoDate,
): { ok: true; value: Improvement } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const text = (field: keyof ImprovementInput, required: string) => {
    const value = input[field].trim()
    if (!value) errors[field] = { key: `${E}.${required}` }
    else if (value.length > MAX_TEXT) errors[field] = { key: `${E}.tooLong`, values: { max: MAX_TEXT } }
    return value
  }
  if (!(improvementKinds as readonly string[]).includes(input.kind)) errors.kind = { key: `${E}.kindRequired` }
  const description = text('description', 'descriptionRequired')
  const owner = text('owner', 'ownerRequired')
  const measure = text('measure', 'measureRequired')
  if (!isIsoDate(input.dueOn)) errors.dueOn = { key: `${E}.dueOnInvalid` }
  else if (input.dueOn < today) errors.dueOn = { key: `${E}.dueOnPast` }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value: { kind: input.kind as ImprovementKind, description, owner, measure, dueOn: input.dueOn } }
}

// ── "You said, we did" ────────────────────────────────────────────────────────────────────────

export interface Publication {
  status: string
  youSaid: string | null
  weDid: string | null
  publishedBy: string | null
}

export type PublicationState = 'not_drafted' | 'awaiting_approval' | 'published'

export function publicationState(action: Publication): PublicationState {
  if (action.publishedBy) return 'published'
  if (filled(action.youSaid) && filled(action.weDid)) return 'awaiting_approval'
  return 'not_drafted'
}

/** The wording for publication; changing it takes it off the published list until approved again. */
export function validateYouSaidWeDid(input: {
  youSaid: string
  weDid: string
}): { ok: true; value: { youSaid: string; weDid: string } } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const youSaid = input.youSaid.trim()
  const weDid = input.weDid.trim()
  if (!youSaid) errors.youSaid = { key: `${E}.youSaidRequired` }
  else if (youSaid.length > MAX_TEXT) errors.youSaid = { key: `${E}.tooLong`, values: { max: MAX_TEXT } }
  if (!weDid) errors.weDid = { key: `${E}.weDidRequired` }
  else if (weDid.length > MAX_TEXT) errors.weDid = { key: `${E}.tooLong`, values: { max: MAX_TEXT } }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value: { youSaid, weDid } }
}

/** Only a manager publishes, only what was done ("we did"), and only wording that exists. */
export function publicationRefusal(action: Publication, actor: { canPublish: boolean }): string | null {
  if (!actor.canPublish) return `${E}.managerOnly`
  if (action.status !== 'done') return `${E}.publishNotDone`
  if (publicationState(action) !== 'awaiting_approval') return `${E}.nothingToPublish`
  return null
}
