// What each staff action form accepts, turned into lifecycle commands. Shape only: the Code's own
// rules (caps, timing, the checklist) are applied by the lifecycle, which may still refuse.
import { z } from 'zod'
import { validate, type FieldErrors, type FormResult } from '../forms'
import { cleanLine, cleanText } from '../text'
import { isIsoDate, type IsoDate } from '../working-days'
import { currentStage, declineGrounds, decisions, remedyStatuses, remedyTypes, type ComplaintCase } from './case'
import type { StaffAction } from '../permissions'
import { allowedCommands, type Actor, type Command, type CommandType } from './lifecycle'
import { channels, type ComplaintStatus } from './status'

export const caseActions = [
  'acknowledge',
  'assign',
  'extend',
  'decide',
  'remedy',
  'no-remedy',
  'promise',
  'no-actions',
  'respond',
  'escalate',
  'decline',
  'withdraw',
  'close',
  'reopen',
  'note',
  'update',
] as const
export type CaseAction = (typeof caseActions)[number]

export function isCaseAction(value: string): value is CaseAction {
  return (caseActions as readonly string[]).includes(value)
}

const LONG = 10_000
const text = (required: string, max = LONG) =>
  z.preprocess(cleanText, z.string().min(1, { error: required }).max(max, { error: 'staff-errors:case.tooLong' }))
const optionalText = (max = LONG) =>
  z.preprocess(cleanText, z.string().max(max, { error: 'staff-errors:case.tooLong' })).transform((v) => v || null)
const line = (required: string) =>
  z.preprocess(cleanLine, z.string().min(1, { error: required }).max(300, { error: 'staff-errors:case.tooLong' }))
const isoDate = (required: string) =>
  z.preprocess(
    cleanLine,
    z.string().refine((v) => isIsoDate(v), { error: required }),
  ) as unknown as z.ZodType<IsoDate>
const optionalDate = (invalid: string) =>
  z
    .preprocess(
      cleanLine,
      z.string().refine((v) => v === '' || isIsoDate(v), { error: invalid }),
    )
    .transform((v) => (v === '' ? null : v))

export interface FormContext {
  actor: Actor
  actorIsManager: boolean
  today: IsoDate
  complaint: ComplaintCase
}

function notInFuture<T extends { on: IsoDate }>(result: FormResult<T>, today: IsoDate, field = 'on'): FormResult<T> {
  if (result.ok && result.data.on > today)
    return { ok: false, errors: { [field]: { key: 'staff-errors:case.dateInFuture' } } }
  return result
}

function commands<T>(result: FormResult<T>, build: (data: T) => Command[]): FormResult<Command[]> {
  return result.ok ? { ok: true, data: build(result.data) } : result
}

/** Parses the posted form of `action` into the commands to run; errors are per field, as locale keys. */
export function parseCaseAction(
  action: CaseAction,
  form: Record<string, unknown>,
  context: FormContext,
): FormResult<Command[]> {
  const by = context.actor
  const stage = currentStage(context.complaint)
  switch (action) {
    case 'acknowledge': {
      const schema = z.object({
        on: isoDate('staff-errors:case.dateRequired'),
        elements: stage.stage === 1 ? text('staff-errors:acknowledge.elementsRequired') : optionalText(),
        outcomesSought: text('staff-errors:acknowledge.outcomesRequired'),
        notInScope: optionalText(),
      })
      return commands(notInFuture(validate(schema, form), context.today), (d) => [
        {
          type: 'acknowledge',
          on: d.on,
          by,
          elements: (d.elements ?? '')
            .split('\n')
            .map((e) => e.trim())
            .filter(Boolean),
          outcomesSought: d.outcomesSought,
          notInScope: d.notInScope,
        },
      ])
    }
    case 'assign': {
      const schema = z.object({ handlerId: z.string().uuid({ error: 'staff-errors:assign.handlerRequired' }) })
      return commands(validate(schema, form), (d) => [
        { type: 'assign', stage: stage.stage, handlerId: d.handlerId, by },
      ])
    }
    case 'extend': {
      const schema = z.object({
        workingDays: z.preprocess(
          (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN),
          z
            .number({ error: 'staff-errors:extend.workingDaysInvalid' })
            .int()
            .min(1, { error: 'staff-errors:extend.workingDaysInvalid' })
            .max(60, {
              error: 'staff-errors:extend.workingDaysInvalid',
            }),
        ),
        reason: text('staff-errors:extend.reasonRequired', 2000),
        residentAgreed: z.preprocess((v) => v === 'yes', z.boolean()),
      })
      return commands(validate(schema, form), (d) => [
        {
          type: 'extend',
          on: context.today,
          by,
          workingDays: d.workingDays,
          reason: d.reason,
          residentAgreed: d.residentAgreed,
        },
      ])
    }
    case 'decide': {
      const errors: FieldErrors = {}
      const list: Command[] = []
      for (const element of context.complaint.elements) {
        const decision = form[`decision-${element.id}`]
        const reasons = cleanText(form[`reasons-${element.id}`])
        if (typeof decision !== 'string' || !(decisions as readonly string[]).includes(decision)) {
          errors[`decision-${element.id}`] = { key: 'staff-errors:decision.required', values: { element: element.id } }
          continue
        }
        if (!reasons) {
          errors[`reasons-${element.id}`] = {
            key: 'staff-errors:decision.reasonsRequired',
            values: { element: element.id },
          }
          continue
        }
        list.push({
          type: 'record_decision',
          by,
          elementId: element.id,
          decision: decision as (typeof decisions)[number],
          reasons,
        })
      }
      return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, data: list }
    }
    case 'remedy': {
      const schema = z
        .object({
          remedyType: z.enum(remedyTypes, { error: 'staff-errors:remedy.typeRequired' }),
          description: text('staff-errors:remedy.descriptionRequired', 2000),
          amount: z.preprocess(cleanLine, z.string()),
          status: z.enum(remedyStatuses, { error: 'staff-errors:remedy.statusRequired' }),
        })
        .superRefine((value, ctx) => {
          if (value.remedyType === 'financial' && !/^\d{1,6}(\.\d{1,2})?$/.test(value.amount.replace(/^£/, ''))) {
            ctx.addIssue({ code: 'custom', path: ['amount'], message: 'staff-errors:remedy.amountRequired' })
          }
        })
      return commands(validate(schema, form), (d) => [
        {
          type: 'add_remedy',
          by,
          remedyType: d.remedyType,
          description: d.description,
          amountPence: d.remedyType === 'financial' ? Math.round(Number(d.amount.replace(/^£/, '')) * 100) : null,
          status: d.status,
        },
      ])
    }
    case 'no-remedy': {
      const schema = z.object({ reason: text('staff-errors:remedy.noRemedyReasonRequired', 2000) })
      return commands(validate(schema, form), (d) => [{ type: 'no_remedy', by, reason: d.reason }])
    }
    case 'promise': {
      const schema = z.object({
        description: text('staff-errors:action.descriptionRequired', 2000),
        owner: line('staff-errors:action.ownerRequired'),
        dueOn: isoDate('staff-errors:action.dueDateRequired'),
      })
      const result = validate(schema, form)
      if (result.ok && result.data.dueOn < context.today)
        return { ok: false, errors: { dueOn: { key: 'staff-errors:action.dueDateInPast' } } }
      return commands(result, (d) => [
        { type: 'promise_action', by, description: d.description, owner: d.owner, dueOn: d.dueOn },
      ])
    }
    case 'no-actions':
      return { ok: true, data: [{ type: 'no_outstanding_actions', by }] }
    case 'respond':
      return { ok: true, data: [{ type: 'respond', on: context.today, by }] }
    case 'escalate': {
      const schema = z.object({
        on: isoDate('staff-errors:case.dateRequired'),
        channel: z.enum(channels, { error: 'staff-errors:escalate.channelRequired' }),
        residentComment: optionalText(5000),
      })
      return commands(notInFuture(validate(schema, form), context.today), (d) => [
        { type: 'escalate', on: d.on, by, channel: d.channel, residentComment: d.residentComment },
      ])
    }
    case 'decline': {
      const schema = z.object({
        ground: z.enum(declineGrounds, { error: 'staff-errors:decline.groundRequired' }),
        explanation: text('staff-errors:decline.explanationRequired', 5000),
        issueDate: optionalDate('staff-errors:case.dateInvalid'),
        awareDate: optionalDate('staff-errors:case.dateInvalid'),
        discretionConsidered: optionalText(2000),
        courtFilingDate: optionalDate('staff-errors:case.dateInvalid'),
        linkedReference: z.preprocess(cleanLine, z.string().max(50)).transform((v) => v || null),
      })
      return commands(validate(schema, form), (d) => [
        {
          type: 'decline',
          on: context.today,
          by,
          request: {
            ...d,
            approvedBy:
              d.ground === 'other' && by.kind === 'staff' ? { id: by.id, isManager: context.actorIsManager } : null,
          },
        },
      ])
    }
    case 'withdraw': {
      const schema = z.object({
        on: isoDate('staff-errors:case.dateRequired'),
        channel: z.enum(channels, { error: 'staff-errors:withdraw.channelRequired' }),
        residentWords: text('staff-errors:withdraw.wordsRequired', 5000),
      })
      return commands(notInFuture(validate(schema, form), context.today), (d) => [
        { type: 'withdraw', on: d.on, by, channel: d.channel, residentWords: d.residentWords },
      ])
    }
    case 'close':
      return { ok: true, data: [{ type: 'close', on: context.today, by }] }
    case 'reopen': {
      const schema = z.object({ reason: text('staff-errors:reopen.reasonRequired', 5000) })
      return commands(validate(schema, form), (d) => [{ type: 'reopen', on: context.today, by, reason: d.reason }])
    }
    case 'note':
    case 'update':
      return { ok: true, data: [] }
  }
}

export const updateMethods = ['email', 'phone', 'text', 'letter', 'in_person'] as const

/** A note (internal) or an update sent to the resident: records, not lifecycle commands. */
export function parseRecord(action: 'note' | 'update', form: Record<string, unknown>, today: IsoDate) {
  if (action === 'note') return validate(z.object({ body: text('staff-errors:note.bodyRequired', 10_000) }), form)
  const result = validate(
    z.object({
      on: isoDate('staff-errors:case.dateRequired'),
      method: z.enum(updateMethods, { error: 'staff-errors:update.methodRequired' }),
      summary: text('staff-errors:update.summaryRequired', 5000),
    }),
    form,
  )
  return notInFuture(result, today)
}

/** The lifecycle command behind each action page (notes and updates are records, not commands). */
export const actionCommand: Record<CaseAction, CommandType | null> = {
  acknowledge: 'acknowledge',
  assign: 'assign',
  extend: 'extend',
  decide: 'record_decision',
  remedy: 'add_remedy',
  'no-remedy': 'no_remedy',
  promise: 'promise_action',
  'no-actions': 'no_outstanding_actions',
  respond: 'respond',
  escalate: 'escalate',
  decline: 'decline',
  withdraw: 'withdraw',
  close: 'close',
  reopen: 'reopen',
  note: null,
  update: null,
}

export const actionPermission: Record<CaseAction, StaffAction> = {
  acknowledge: 'complaint:acknowledge',
  assign: 'complaint:assign',
  extend: 'complaint:extend',
  decide: 'complaint:decide',
  remedy: 'complaint:decide',
  'no-remedy': 'complaint:decide',
  promise: 'complaint:decide',
  'no-actions': 'complaint:decide',
  respond: 'complaint:respond',
  escalate: 'complaint:escalate',
  decline: 'complaint:decline',
  withdraw: 'complaint:withdraw',
  close: 'complaint:close',
  reopen: 'complaint:reopen',
  note: 'complaint:note',
  update: 'complaint:update_resident',
}

/** The actions a staff member can take on a complaint now: the transition table and their role agree. */
export function availableActions(status: ComplaintStatus, allowed: (permission: StaffAction) => boolean): CaseAction[] {
  return caseActions.filter((action) => {
    const command = actionCommand[action]
    const statusAllows =
      command === null
        ? action === 'note' || allowedCommands[status].length > 0
        : allowedCommands[status].includes(command)
    return statusAllows && allowed(actionPermission[action])
  })
}
