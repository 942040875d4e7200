// §5 of the reference: a Stage 1 or Stage 2 response cannot be issued until every item is there.
// Missing items are named to the handler (locale keys staff:checklist.R1 … R8).
import { stageRecord, type ComplaintCase, type Stage } from './case'
import { hasOmbudsmanDetails, type CodeSettings } from './settings'

export const checklistItems = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8'] as const
export type ChecklistItem = (typeof checklistItems)[number]

export interface ChecklistResult {
  item: ChecklistItem
  met: boolean
}

export function responseChecklist(complaint: ComplaintCase, stage: Stage, settings: CodeSettings): ChecklistResult[] {
  const record = stageRecord(complaint, stage)
  const decisionsAt = complaint.elements.map((element) => (stage === 1 ? element.stage1 : element.stage2))
  const anyUpheld = decisionsAt.some((d) => d?.decision === 'upheld' || d?.decision === 'partly_upheld')
  const remediesAt = complaint.remedies.filter((remedy) => remedy.stage === stage)
  const actionsAt = complaint.actions.filter((action) => action.stage === stage)
  const met: Record<ChecklistItem, boolean> = {
    // R1: the letter states its stage; a stage record must exist to respond at it.
    R1: record !== undefined,
    // R2: the complaint definition — its elements and the outcomes sought.
    R2: complaint.elements.length > 0 && Boolean(complaint.definition?.outcomesSought.trim()),
    // R3: a decision on every element.
    R3: complaint.elements.length > 0 && decisionsAt.every((d) => d !== undefined),
    // R4: reasons for every decision.
    R4: complaint.elements.length > 0 && decisionsAt.every((d) => d !== undefined && d.reasons.trim().length > 0),
    // R5: each remedy with its status, or why there is none (required when anything is upheld).
    R5: !anyUpheld || remediesAt.length > 0 || Boolean(record?.noRemedyReason?.trim()),
    // R6: each outstanding action with owner and date, or confirmation that there are none.
    R6:
      (actionsAt.length > 0 && actionsAt.every((a) => a.description.trim() && a.owner.trim() && a.dueOn)) ||
      (actionsAt.length === 0 && record?.noOutstandingActions === true),
    // R7: Stage 1 letters say how to escalate; Stage 2 letters give the Ombudsman's details.
    R7: stage === 1 ? settings.escalationWindowWorkingDays > 0 : hasOmbudsmanDetails(settings),
    // R8: the letter is generated in the resident's language and format, and its text kept.
    R8: true,
  }
  return checklistItems.map((item) => ({ item, met: met[item] }))
}

export function missingFromResponse(complaint: ComplaintCase, stage: Stage, settings: CodeSettings): ChecklistItem[] {
  return responseChecklist(complaint, stage, settings)
    .filter((result) => !result.met)
    .map((result) => result.item)
}
