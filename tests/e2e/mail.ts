// The e2e server has no SMTP relay: its outbox writes each email to a file in its data directory,
// as a developer's machine would. Tests read them back the way a mail client would (mailparser).
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { simpleParser, type ParsedMail } from 'mailparser'
import { e2eDataDir } from '../../playwright.config'

const mailDir = path.join(e2eDataDir, 'mail')

async function allMail(): Promise<ParsedMail[]> {
  const files = await readdir(mailDir).catch(() => [] as string[])
  return Promise.all(
    files.filter((f) => f.endsWith('.eml')).map(async (f) => simpleParser(await readFile(path.join(mailDir, f)))),
  )
}

function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []
  return to.flatMap((group) => group.value.map((address) => address.address?.toLowerCase() ?? ''))
}

/** Waits for the outbox to deliver mail to `to` matching `match` (the newest first). */
export async function waitForMail(
  to: string,
  match: (mail: ParsedMail) => boolean,
  timeoutMs = 20_000,
): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = (await allMail())
      .filter((mail) => recipients(mail).includes(to.toLowerCase()) && match(mail))
      .sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0))
    if (found[0]) return found[0]
    if (Date.now() > deadline) throw new Error(`no email to ${to} within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** The one-time code and the link in the newest access-code email to `to` sent after `since`. */
export async function accessCodeFor(to: string, since: Date): Promise<{ code: string; link: string }> {
  const mail = await waitForMail(
    to,
    (m) => /\/track\/link\//.test(m.text ?? '') && (m.date?.getTime() ?? 0) >= since.getTime() - 1000,
  )
  const code = /\b(\d{6})\b/.exec(mail.text ?? '')?.[1]
  const link = /(https?:\/\/\S+\/track\/link\/[\w-]+)/.exec(mail.text ?? '')?.[1]
  if (!code || !link) throw new Error('access code email without a code or link')
  return { code, link }
}
