// A refusal from the lifecycle is shown against the field it is about, so the error summary links there.
import type { CaseAction } from '~/domain/complaints/case-forms'

const byKey: Array<[RegExp, string]> = [
  [/^errors:extend\.reason/, 'reason'],
  [/^errors:extend\./, 'workingDays'],
  [/^errors:acknowledge\.elements/, 'elements'],
  [/^errors:acknowledge\.outcomes/, 'outcomesSought'],
  [/^errors:acknowledge\.beforeReceipt/, 'on'],
  [/^errors:assign\./, 'handlerId'],
  [/^errors:decline\.(issueDate|within12Months)/, 'issueDate'],
  [/^errors:decline\.awareDate/, 'awareDate'],
  [/^errors:decline\.discretion/, 'discretionConsidered'],
  [/^errors:decline\.filingDate/, 'courtFilingDate'],
  [/^errors:decline\.link/, 'linkedReference'],
  [/^errors:decline\.(approval|approver)/, 'ground'],
  [/^errors:decline\.explanation/, 'explanation'],
  [/^errors:escalate\./, 'on'],
  [/^errors:withdraw\.words/, 'residentWords'],
  [/^errors:reopen\./, 'reason'],
  [/^errors:remedy\.amount/, 'amount'],
  [/^errors:remedy\.noRemedy/, 'reason'],
  [/^errors:remedy\./, 'description'],
  [/^errors:action\.alreadyPromised/, 'confirm'],
  [/^errors:action\./, 'description'],
  [/^errors:respond\./, 'checklist'],
]

const fallback: Record<CaseAction, string> = {
  acknowledge: 'on',
  assign: 'handlerId',
  extend: 'workingDays',
  decide: 'decisions',
  remedy: 'remedyType',
  'no-remedy': 'reason',
  promise: 'description',
  'no-actions': 'confirm',
  respond: 'checklist',
  escalate: 'on',
  decline: 'ground',
  withdraw: 'on',
  close: 'confirm',
  reopen: 'reason',
  note: 'body',
  update: 'on',
}

export function fieldForRefusal(action: CaseAction, key: string): string {
  return byKey.find(([pattern]) => pattern.test(key))?.[1] ?? fallback[action]
}
