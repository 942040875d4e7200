// Letters in the resident's language and format, rendered from the composed blocks and kept
// exactly as generated (R8). Formats PutRight cannot produce become tracked tasks.
import type { WorkingCalendar } from '~/domain/calendar'
import type { ComplaintCase } from '~/domain/complaints/case'
import type { CodeSettings } from '~/domain/complaints/settings'
import type { AdjustmentKind } from '~/domain/complaints/status'
import {
  composeLetter,
  type Block,
  type LetterContent,
  type LetterFormat,
  type LetterKind,
  type LetterValues,
} from '~/domain/letters/compose'
import type { IsoDate } from '~/domain/working-days'
import { directionOf, intlLocaleOf, isInterfaceLanguage, type InterfaceLanguage } from '~/i18n/config'
import { formatDate, formatNumber } from '~/i18n/format'
import { getI18n } from '~/i18n/i18n.server'

export interface RenderedLetter {
  kind: LetterKind
  stage: 1 | 2
  language: InterfaceLanguage
  format: LetterFormat
  subject: string
  html: string
  text: string
}

export interface LetterRecipient {
  name: string
  preferredLanguage: string
  adjustments: AdjustmentKind[]
}

/** Adjustments PutRight cannot fulfil by itself: each letter gets a task to produce them in time. */
const externalFormats: readonly AdjustmentKind[] = ['audio', 'braille', 'bsl', 'interpreter']

export function letterLanguage(preferred: string): { language: InterfaceLanguage; needsTranslation: boolean } {
  return isInterfaceLanguage(preferred)
    ? { language: preferred, needsTranslation: false }
    : { language: 'en', needsTranslation: true }
}

export function letterFormat(adjustments: readonly AdjustmentKind[]): LetterFormat {
  if (adjustments.includes('easy_read')) return 'easy_read'
  if (adjustments.includes('large_print')) return 'large_print'
  return 'standard'
}

/** Formats to arrange outside PutRight for this resident, with any detail (e.g. the language). */
export function formatTasksFor(recipient: LetterRecipient): Array<{ format: string; detail: string | null }> {
  const tasks: Array<{ format: string; detail: string | null }> = recipient.adjustments
    .filter((a) => externalFormats.includes(a))
    .map((format) => ({ format, detail: null }))
  if (letterLanguage(recipient.preferredLanguage).needsTranslation) {
    tasks.push({ format: 'translation', detail: recipient.preferredLanguage.replace(/^other:/, '') })
  }
  return tasks
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

function formatValues(values: LetterValues | undefined, language: InterfaceLanguage): Record<string, string> {
  const formatted: Record<string, string> = {}
  for (const [name, value] of Object.entries(values ?? {})) {
    if (typeof value === 'string') formatted[name] = value
    else if (typeof value === 'number') formatted[name] = formatNumber(value, language)
    else if ('date' in value) formatted[name] = value.date ? formatDate(value.date, language) : ''
    else
      formatted[name] = new Intl.NumberFormat(intlLocaleOf(language), { style: 'currency', currency: 'GBP' }).format(
        value.money / 100,
      )
  }
  return formatted
}

export function renderLetter(content: LetterContent, language: InterfaceLanguage, largePrint: boolean): RenderedLetter {
  const t = getI18n(language).getFixedT(language, 'letters')
  const say = (key: string, values?: LetterValues) => t(key, formatValues(values, language))
  const html: string[] = []
  const text: string[] = []
  const subject = say(content.subject.key, content.subject.values)
  html.push(`<h1 class="letter__subject">${escapeHtml(subject)}</h1>`)
  text.push(subject, '='.repeat(Math.min(60, subject.length)), '')
  for (const block of content.blocks) renderBlock(block, say, html, text)
  const classes = ['letter', `letter--${content.format.replace('_', '-')}`, largePrint ? 'letter--large-print' : '']
  return {
    kind: content.kind,
    stage: content.stage,
    language,
    format: content.format,
    subject,
    html: `<article class="${classes.filter(Boolean).join(' ')}" lang="${language}" dir="${directionOf(language)}">${html.join('')}</article>`,
    text: `${text.join('\n').trim()}\n`,
  }
}

function renderBlock(
  block: Block,
  say: (key: string, values?: LetterValues) => string,
  html: string[],
  text: string[],
) {
  switch (block.type) {
    case 'heading': {
      const line = say(block.key, block.values)
      html.push(`<h2>${escapeHtml(line)}</h2>`)
      text.push(line.toUpperCase(), '')
      return
    }
    case 'paragraph': {
      const line = say(block.key, block.values)
      html.push(`<p>${escapeHtml(line)}</p>`)
      text.push(line, '')
      return
    }
    case 'quote':
      html.push(`<blockquote><p>${escapeHtml(block.text).replace(/\n/g, '<br>')}</p></blockquote>`)
      text.push(
        block.text
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n'),
        '',
      )
      return
    case 'list': {
      const items = block.items.map((item) => ('text' in item ? item.text : say(item.key, item.values)))
      // Literal details (a phone number, an address) are isolated, so a right-to-left letter
      // cannot reverse the groups of "0300 111 3000".
      const cells = block.items.map((item, i) =>
        'text' in item ? `<bdi>${escapeHtml(items[i] ?? '')}</bdi>` : escapeHtml(items[i] ?? ''),
      )
      html.push(`<ul>${cells.map((cell) => `<li>${cell}</li>`).join('')}</ul>`)
      text.push(...items.map((item) => `- ${item}`), '')
    }
  }
}

export interface LetterRequest {
  kind: LetterKind
  complaint: ComplaintCase
  reference: string
  recipient: LetterRecipient
  handlerName: string | null
  settings: CodeSettings
  calendar: WorkingCalendar
}

export function writeLetter(request: LetterRequest): RenderedLetter {
  const { language } = letterLanguage(request.recipient.preferredLanguage)
  const format = letterFormat(request.recipient.adjustments)
  const content = composeLetter(request.kind, request.complaint, {
    reference: request.reference,
    residentName: request.recipient.name,
    handlerName: request.handlerName,
    format,
    settings: request.settings,
    calendar: request.calendar,
  })
  return renderLetter(content, language, request.recipient.adjustments.includes('large_print'))
}

/** Formats arranged outside PutRight are due by the letter's own Code deadline, or today if that has passed. */
export function formatTaskDue(deadline: IsoDate | null, today: IsoDate): IsoDate {
  return deadline && deadline > today ? deadline : today
}
