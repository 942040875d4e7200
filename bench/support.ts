// What the bench scripts share: the production server as a child process, a staff member signed in
// over HTTP, and the access code a resident is mailed.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { simpleParser } from 'mailparser'
import { totpCode } from '../tests/support/factories'

export interface BenchApp {
  base: string
  process: ChildProcess
}

// Whatever happens to the bench, the servers it started do not outlive it.
const started = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of started) child.kill('SIGKILL')
})

/** `node server.js` from the production build, on loopback; `probe` loads bench/probe.js into it. */
export function startApp(port: number, env: Record<string, string>, probe?: string): BenchApp {
  const args = probe ? ['--import', './bench/probe.js', 'server.js'] : ['server.js']
  const child = spawn('node', args, {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...(probe ? { BENCH_PROBE_FILE: probe } : {}),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  started.add(child)
  child.once('exit', () => started.delete(child))
  return { base: `http://127.0.0.1:${port}`, process: child }
}

export async function healthy(app: BenchApp, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (
      await fetch(`${app.base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${app.base} did not come up`)
}

export function stopApp(app: BenchApp): Promise<void> {
  return new Promise((resolve) => {
    if (app.process.exitCode !== null || app.process.signalCode !== null) return resolve()
    app.process.once('exit', () => resolve())
    app.process.kill('SIGTERM')
  })
}

function cookiePair(response: Response, name: string): string {
  return (
    response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => c.startsWith(`${name}=`)) ?? ''
  )
}

/** Signs a staff member in with password and TOTP, as the sign-in pages do; returns the Cookie header. */
export async function staffCookie(
  base: string,
  member: { email: string; password: string; totpSecret?: string | null },
): Promise<string> {
  const post = (path: string, fields: Record<string, string>, cookie = '') =>
    fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, Cookie: cookie },
      body: new URLSearchParams(fields),
    })
  const first = await post('/staff/sign-in', { email: member.email, password: member.password, redirectTo: '/staff' })
  const second = await post(
    '/staff/sign-in/code',
    { code: totpCode(member.totpSecret ?? '') },
    cookiePair(first, 'pr_challenge'),
  )
  const cookie = cookiePair(second, 'pr_staff')
  if (!cookie) throw new Error(`staff sign-in failed (${first.status}, ${second.status})`)
  return cookie
}

/** The access code the outbox wrote to the mail folder for `to` (no SMTP_URL: mail goes to files). */
export async function codeFromMail(dataDir: string, to: string): Promise<string> {
  for (let i = 0; i < 300; i += 1) {
    for (const file of existsSync(`${dataDir}/mail`) ? readdirSync(`${dataDir}/mail`) : []) {
      const mail = await simpleParser(readFileSync(`${dataDir}/mail/${file}`))
      const text = mail.text ?? ''
      if (mail.to && JSON.stringify(mail.to).includes(to) && text.includes('/track/link/')) {
        const code = /\b(\d{6})\b/.exec(text)?.[1]
        if (code) return code
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`no access code mailed to ${to}`)
}
