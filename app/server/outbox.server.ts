// The outbox: messages are written with the change that caused them and delivered later, with
// retries, by the job runner (jobs.server.ts). Delivery claims a message, sends it with a stable
// Message-ID (so a receiver can recognise a resend), and records what happened.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm'
import nodemailer, { type Transporter } from 'nodemailer'
import { directionOf } from '~/i18n/config'
import { outboxMessages } from '../../db/schema'
import { notifySms } from './notify.server'
import type { Database } from './db.server'
import { log } from './log.server'

export type OutboxChannel = 'email' | 'sms'

export interface NewMessage {
  channel: OutboxChannel
  purpose: string
  recipient: string
  subject: string
  bodyText: string
  /** The letter's own HTML (an <article>); wrapped into an accessible email document here. */
  bodyHtml?: string | null
  language: string
  complaintId?: string | null
  letterId?: string | null
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** An email's HTML part: a whole document with its language, direction and title, readable in any client. */
export function emailDocument(subject: string, bodyHtml: string, language: string): string {
  return `<!doctype html><html lang="${language}" dir="${directionOf(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head><body style="font-family: system-ui, Arial, sans-serif; font-size: 19px; line-height: 1.5; color: #0b0c0c; max-width: 40em; margin: 0 auto; padding: 16px;">${bodyHtml}</body></html>`
}

/** Write in the caller's transaction: the message exists if and only if the change does. */
export async function enqueueMessage(tx: Database, message: NewMessage): Promise<string> {
  const [row] = await tx
    .insert(outboxMessages)
    .values({
      channel: message.channel,
      purpose: message.purpose,
      recipient: message.recipient,
      subject: message.subject,
      bodyText: message.bodyText,
      bodyHtml: message.bodyHtml ? emailDocument(message.subject, message.bodyHtml, message.language) : null,
      language: message.language,
      complaintId: message.complaintId ?? null,
      letterId: message.letterId ?? null,
    })
    .returning({ id: outboxMessages.id })
  if (!row) throw new Error('Message not queued')
  return row.id
}

export interface Transport {
  name: string
  sendEmail(message: {
    id: string
    to: string
    subject: string
    text: string
    html: string | null
    language: string
  }): Promise<string>
  sendSms?(message: { id: string; to: string; text: string }): Promise<string>
}

const FROM = process.env.MAIL_FROM ?? 'PutRight <complaints@putright.example>'
const MESSAGE_DOMAIN = process.env.MAIL_MESSAGE_ID_DOMAIN ?? 'putright.example'

/** SMTP via nodemailer when SMTP_URL is set; otherwise each email is written to a file in the data directory. */
export function transportFromEnv(env: Record<string, string | undefined> = process.env): Transport {
  const sendSms = notifySms(env)
  if (env.SMTP_URL)
    return { ...smtpTransport(nodemailer.createTransport(env.SMTP_URL), 'smtp'), ...(sendSms ? { sendSms } : {}) }
  const dir = path.resolve(env.PUTRIGHT_DATA_DIR ?? '.data', 'mail')
  return {
    name: 'file',
    ...(sendSms ? { sendSms } : {}),
    async sendEmail(message) {
      const raw = await new Promise<Buffer>((resolve, reject) => {
        nodemailer
          .createTransport({ streamTransport: true, buffer: true })
          .sendMail(mailOptions(message), (error, info) => {
            if (error) reject(error)
            else resolve(info.message as Buffer)
          })
      })
      await mkdir(dir, { recursive: true })
      await writeFile(path.join(dir, `${message.id}.eml`), raw)
      return `file:${message.id}.eml`
    },
  }
}

function mailOptions(message: {
  id: string
  to: string
  subject: string
  text: string
  html: string | null
  language: string
}) {
  return {
    from: FROM,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html ?? undefined,
    // The outbox id: a resend after a crash carries the same Message-ID, so it can be recognised.
    messageId: `<${message.id}@${MESSAGE_DOMAIN}>`,
    headers: { 'Content-Language': message.language },
  }
}

export function smtpTransport(transporter: Transporter, name = 'smtp'): Transport {
  return {
    name,
    async sendEmail(message) {
      const info = await transporter.sendMail(mailOptions(message))
      return String(info.messageId ?? message.id)
    },
  }
}

export const MAX_ATTEMPTS = 10
/**
 * How long a sender holds a message before another may send it (its sender died mid-delivery).
 * Longer than the slowest relay answer, or a slow message could go twice. OUTBOX_LEASE_SECONDS.
 */
const SENDING_LEASE_MS = (Number(process.env.OUTBOX_LEASE_SECONDS) || 60) * 1000

/** Waiting for a first or further attempt, or abandoned mid-send by a sender that died. */
function dueCondition(now: Date) {
  return and(inArray(outboxMessages.status, ['queued', 'retrying', 'sending']), lte(outboxMessages.nextAttemptAt, now))
}

/** Exponential back-off: 2, 4, 8 … seconds, at most an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 2 ** Math.max(1, attempts))
}

export type Delivery = 'sent' | 'retry' | 'failed' | 'skipped' | 'not-due'

/**
 * Delivers one message. A message still marked `sending` (its sender died mid-delivery) is sent
 * again; one already `sent` is never sent twice.
 */
export async function deliverMessage(
  db: Database,
  id: string,
  transport: Transport,
  now = new Date(),
): Promise<Delivery> {
  // A lease: while one sender holds it no other claims the message; if the sender dies, it expires.
  const [claimed] = await db
    .update(outboxMessages)
    .set({
      status: 'sending',
      attempts: sql`${outboxMessages.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + SENDING_LEASE_MS),
    })
    .where(and(eq(outboxMessages.id, id), dueCondition(now)))
    .returning()
  if (!claimed) return 'not-due'
  try {
    let providerId: string
    if (claimed.channel === 'sms') {
      if (!transport.sendSms) {
        await db
          .update(outboxMessages)
          .set({ status: 'skipped', lastError: 'No SMS provider configured' })
          .where(eq(outboxMessages.id, id))
        return 'skipped'
      }
      providerId = await transport.sendSms({ id, to: claimed.recipient, text: claimed.bodyText })
    } else {
      providerId = await transport.sendEmail({
        id,
        to: claimed.recipient,
        subject: claimed.subject,
        text: claimed.bodyText,
        html: claimed.bodyHtml,
        language: claimed.language,
      })
    }
    await db
      .update(outboxMessages)
      .set({ status: 'sent', sentAt: now, providerId, lastError: null })
      .where(eq(outboxMessages.id, id))
    return 'sent'
  } catch (error) {
    const failed = claimed.attempts >= MAX_ATTEMPTS
    await db
      .update(outboxMessages)
      .set({
        status: failed ? 'failed' : 'retrying',
        lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
        nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(claimed.attempts) * 1000),
      })
      .where(eq(outboxMessages.id, id))
    log.warn('message delivery failed', { messageId: id, attempts: claimed.attempts, final: failed })
    if (!failed) throw error
    return 'failed'
  }
}

/** The messages due now, oldest first: what the embedded runner works through. */
export async function dueMessages(db: Database, now: Date, limit = 20): Promise<string[]> {
  const rows = await db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(dueCondition(now))
    .orderBy(asc(outboxMessages.nextAttemptAt))
    .limit(limit)
  return rows.map((row) => row.id)
}
