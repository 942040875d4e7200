// What each Code letter must say, as ordered blocks of locale keys and the case's own words. The
// server renders them in the resident's language and format; the exact text is then kept (R8).
import { responseDeadline, stageRecord, type ComplaintCase, type Decision, type Stage } from '../complaints/case'
import type { CodeSettings } from '../complaints/settings'
import { addWorkingDays, type IsoDate } from '../working-days'
import type { WorkingCalendar } from '../calendar'

export const letterKinds = [
  'acknowledgement',
  'extension',
  'stage1_response',
  'stage2_acknowledgement',
  'stage2_response',
  'decline',
  'withdrawal',
] as const
export type LetterKind = (typeof letterKinds)[number]

export const letterFormats = ['standard', 'large_print', 'easy_read'] as const
export type LetterFormat = (typeof letterFormats)[number]

export type LetterValue = string | number | { date: IsoDate } | { money: number }
export type LetterValues = Record<string, LetterValue>

export type Block =
  | { type: 'heading'; key: string; values?: LetterValues }
  | { type: 'paragraph'; key: string; values?: LetterValues }
  | { type: 'quote'; text: string }
  | { type: 'list'; items: Array<{ key: string; values?: LetterValues } | { text: string }> }

export interface LetterContent {
  kind: LetterKind
  stage: Stage
  format: LetterFormat
  subject: { key: string; values: LetterValues }
  blocks: Block[]
}

export interface LetterContext {
  reference: string
  residentName: string
  handlerName: string | null
  format: LetterFormat
  settings: CodeSettings
  calendar: WorkingCalendar
  /** Extension letters: which extension (index in the stage's list); defaults to the latest. */
  extensionIndex?: number
}

/** Keys live under letters:<variant>.<kind>.*, the variant being standard text or Easy Read. */
function k(context: LetterContext, key: string): string {
  return `letters:${context.format === 'easy_read' ? 'easyRead' : 'standard'}.${key}`
}

function ombudsmanBlocks(context: LetterContext, withReferralTime: boolean): Block[] {
  const o = context.settings.ombudsman
  return [
    { type: 'heading', key: k(context, 'ombudsman.heading') },
    {
      type: 'paragraph',
      key: k(context, withReferralTime ? 'ombudsman.referral' : 'ombudsman.advice'),
      values: { months: context.settings.ombudsmanReferralMonths },
    },
    {
      type: 'list',
      items: [{ text: o.name }, { text: o.address }, { text: o.phone }, { text: o.email }, { text: o.website }],
    },
  ]
}

function greeting(context: LetterContext): Block[] {
  return [
    { type: 'paragraph', key: k(context, 'common.greeting'), values: { name: context.residentName } },
    { type: 'paragraph', key: k(context, 'common.reference'), values: { reference: context.reference } },
  ]
}

function signOff(context: LetterContext): Block[] {
  return context.handlerName
    ? [{ type: 'paragraph', key: k(context, 'common.signOff'), values: { name: context.handlerName } }]
    : [{ type: 'paragraph', key: k(context, 'common.signOffTeam') }]
}

function definitionBlocks(complaint: ComplaintCase, context: LetterContext): Block[] {
  const blocks: Block[] = [
    { type: 'heading', key: k(context, 'common.definitionHeading') },
    { type: 'list', items: complaint.elements.map((element) => ({ text: element.summary })) },
    { type: 'paragraph', key: k(context, 'common.outcomesSought') },
    { type: 'quote', text: complaint.definition?.outcomesSought ?? '' },
  ]
  if (complaint.definition?.notInScope) {
    blocks.push(
      { type: 'paragraph', key: k(context, 'common.notInScope') },
      { type: 'quote', text: complaint.definition.notInScope },
    )
  }
  return blocks
}

const decisionKey: Record<Decision, string> = {
  upheld: 'decision.upheld',
  partly_upheld: 'decision.partly_upheld',
  not_upheld: 'decision.not_upheld',
}

function responseBlocks(complaint: ComplaintCase, stage: Stage, context: LetterContext): Block[] {
  const record = stageRecord(complaint, stage)
  const blocks: Block[] = [
    { type: 'paragraph', key: k(context, stage === 1 ? 'response.introStage1' : 'response.introStage2') },
    ...definitionBlocks(complaint, context),
    { type: 'heading', key: k(context, 'response.decisionsHeading') },
  ]
  for (const element of complaint.elements) {
    const decided = stage === 1 ? element.stage1 : element.stage2
    if (!decided) continue
    blocks.push(
      { type: 'paragraph', key: k(context, 'response.element'), values: { element: element.summary } },
      { type: 'paragraph', key: k(context, decisionKey[decided.decision]) },
      { type: 'quote', text: decided.reasons },
    )
  }
  const remediesHere = complaint.remedies.filter((remedy) => remedy.stage === stage)
  blocks.push({ type: 'heading', key: k(context, 'response.remediesHeading') })
  if (remediesHere.length > 0) {
    blocks.push({
      type: 'list',
      items: remediesHere.map((remedy) =>
        remedy.amountPence !== null
          ? {
              key: k(context, 'response.remedyMoney'),
              values: { description: remedy.description, amount: { money: remedy.amountPence } },
            }
          : { text: remedy.description },
      ),
    })
  } else if (record?.noRemedyReason) {
    blocks.push(
      { type: 'paragraph', key: k(context, 'response.noRemedy') },
      { type: 'quote', text: record.noRemedyReason },
    )
  } else {
    blocks.push({ type: 'paragraph', key: k(context, 'response.noRemedyNeeded') })
  }
  const actionsHere = complaint.actions.filter((action) => action.stage === stage)
  blocks.push({ type: 'heading', key: k(context, 'response.actionsHeading') })
  blocks.push(
    actionsHere.length > 0
      ? {
          type: 'list',
          items: actionsHere.map((action) => ({
            key: k(context, 'response.action'),
            values: { description: action.description, owner: action.owner, date: { date: action.dueOn } },
          })),
        }
      : { type: 'paragraph', key: k(context, 'response.noActions') },
  )
  if (stage === 1) {
    // R7: how to escalate, that no reason is needed, and the window (S2-2).
    const windowEnds = record?.respondedOn
      ? addWorkingDays(
          record.respondedOn,
          context.settings.escalationWindowWorkingDays,
          context.calendar.nonWorkingDays,
        )
      : null
    blocks.push(
      { type: 'heading', key: k(context, 'response.escalateHeading') },
      { type: 'paragraph', key: k(context, 'response.escalate') },
      ...(windowEnds
        ? [
            {
              type: 'paragraph' as const,
              key: k(context, 'response.escalateBy'),
              values: { date: { date: windowEnds } },
            },
          ]
        : []),
      ...ombudsmanBlocks(context, false),
    )
  } else {
    // R7: the final response and the right to go to the Housing Ombudsman.
    blocks.push({ type: 'paragraph', key: k(context, 'response.final') }, ...ombudsmanBlocks(context, true))
  }
  return blocks
}

export function composeLetter(kind: LetterKind, complaint: ComplaintCase, context: LetterContext): LetterContent {
  const values = { reference: context.reference }
  const base = (stage: Stage, blocks: Block[]): LetterContent => ({
    kind,
    stage,
    format: context.format,
    subject: { key: k(context, `${kind}.subject`), values },
    blocks: [...greeting(context), ...blocks, ...signOff(context)],
  })
  switch (kind) {
    case 'acknowledgement':
    case 'stage2_acknowledgement': {
      const stage: Stage = kind === 'acknowledgement' ? 1 : 2
      const record = stageRecord(complaint, stage)
      return base(stage, [
        {
          type: 'paragraph',
          key: k(context, `${kind}.intro`),
          values: { received: { date: record?.startedOn ?? complaint.receivedOn } },
        },
        ...definitionBlocks(complaint, context),
        {
          type: 'paragraph',
          key: k(context, 'common.replyBy'),
          values: { date: { date: record ? responseDeadline(record).due : complaint.receivedOn } },
        },
        { type: 'paragraph', key: k(context, 'common.contactUs') },
        ...ombudsmanBlocks(context, false),
      ])
    }
    case 'extension': {
      const record = complaint.stages.at(-1)
      const extension = record?.extensions[context.extensionIndex ?? record.extensions.length - 1]
      return base(record?.stage ?? 1, [
        { type: 'paragraph', key: k(context, 'extension.intro') },
        { type: 'quote', text: extension?.reason ?? '' },
        {
          type: 'paragraph',
          key: k(context, 'extension.newDate'),
          values: { date: { date: extension?.deadline.due ?? '' } },
        },
        // EXT-4: the notice always carries the Ombudsman's contact details.
        ...ombudsmanBlocks(context, false),
      ])
    }
    case 'stage1_response':
      return base(1, responseBlocks(complaint, 1, context))
    case 'stage2_response':
      return base(2, responseBlocks(complaint, 2, context))
    case 'decline':
      return base(complaint.decline?.stage ?? 1, [
        { type: 'paragraph', key: k(context, `decline.intro${complaint.decline?.stage === 2 ? 'Stage2' : ''}`) },
        { type: 'paragraph', key: k(context, `decline.ground.${complaint.decline?.ground ?? 'other'}`) },
        { type: 'quote', text: complaint.decline?.explanation ?? '' },
        // EXC-3: the right to take the decision to the Ombudsman.
        { type: 'paragraph', key: k(context, 'decline.ombudsman') },
        ...ombudsmanBlocks(context, false),
      ])
    case 'withdrawal':
      return base(complaint.stages.at(-1)?.stage ?? 1, [
        {
          type: 'paragraph',
          key: k(context, 'withdrawal.intro'),
          values: { date: { date: complaint.withdrawal?.on ?? '' } },
        },
        { type: 'paragraph', key: k(context, 'withdrawal.again') },
      ])
  }
}
