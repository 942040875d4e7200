// npm run bench — one bounded run on loopback: a bare node:http baseline serving the same bytes as
// our start page, then the start page and the first journey page on PGlite and on PostgreSQL, and
// the gzipped JS and CSS every resident page ships. Figures go to stdout and bench/results/.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { gzipSync } from 'node:zlib'
import autocannon from 'autocannon'
import { simpleParser } from 'mailparser'
import postgres from 'postgres'
import { JourneyClient, journeyAnswers } from '../tests/support/journey-client'

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const BENCH_DB = 'putright_bench'

interface Measurement {
  target: string
  engine: string
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  errors: number
  non2xx: number
  ratioToBaseline?: number
}

async function measure(target: string, engine: string, url: string): Promise<Measurement> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S })
  return {
    target,
    engine,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  }
}

function startApp(port: number, env: Record<string, string>): ChildProcess {
  return spawn('node', ['server.js'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

async function waitFor(url: string) {
  for (let i = 0; i < 600; i += 1) {
    if (
      await fetch(url)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} did not come up`)
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** Gzipped bytes of the scripts and stylesheets a page references, as a browser would fetch them. */
async function shippedBytes(base: string, html: string) {
  const scripts = new Set<string>()
  const styles = new Set<string>()
  for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) scripts.add(match[1] ?? '')
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) scripts.add(match[1] ?? '')
  for (const match of html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?"(\/build\/[^"]+\.js)"/g))
    scripts.add(match[1] ?? '')
  for (const match of html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) styles.add(match[1] ?? '')
  scripts.delete('')
  const size = async (paths: Set<string>) => {
    let total = 0
    for (const path of paths) {
      const body = Buffer.from(await (await fetch(`${base}${path}`)).arrayBuffer())
      total += gzipSync(body).length
    }
    return total
  }
  return { jsFiles: scripts.size, jsGzipBytes: await size(scripts), cssGzipBytes: await size(styles) }
}

/** The access code the outbox wrote to the mail folder for `to` (PGlite runs send mail to files). */
async function codeFromMail(dataDir: string, to: string): Promise<string> {
  for (let i = 0; i < 100; i += 1) {
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

async function residentPageWeights(base: string, dataDir: string) {
  const client = new JourneyClient(base)
  const pages: Array<{ page: string; html: string }> = []
  const add = async (path: string) => {
    const response = await client.get(path)
    pages.push({ page: path, html: await response.text() })
  }
  await add('/')
  for (const [step, answers] of journeyAnswers) {
    await add(`/complain/${step}`)
    await (await client.post(`/complain/${step}`, answers)).arrayBuffer()
  }
  await add('/complain/check')
  const key = /name="submissionKey" value="([^"]+)"/.exec(pages.at(-1)?.html ?? '')?.[1] ?? ''
  await client.submit(key)
  await add('/complain/confirmation')
  const reference = /<bdi>(PR-\d{4}-\d+)<\/bdi>/.exec(pages.at(-1)?.html ?? '')?.[1] ?? ''
  for (const path of ['/language', '/complain/service-request', '/compliment', '/track', '/track/code']) await add(path)
  for (const page of ['policy', 'timescales', 'ombudsman', 'accessibility', 'privacy', 'contact'])
    await add(`/help/${page}`)
  // Tracking: the resident signs in with the emailed code, as in the portal.
  const email = String(journeyAnswers.find(([step]) => step === 'contact')?.[1].email ?? '')
  await (await client.post('/track', { reference, address: email })).arrayBuffer()
  await (await client.post('/track/code', { code: await codeFromMail(dataDir, email) })).arrayBuffer()
  for (const path of ['', '/add', '/withdraw']) await add(`/track/${reference}${path}`)
  const weights = []
  for (const { page, html } of pages) weights.push({ page, ...(await shippedBytes(base, html)) })
  // A staff page, for comparison: it hydrates with React and i18next.
  const staff = await client.get('/staff/sign-in')
  weights.push({ page: '/staff/sign-in (staff, hydrated)', ...(await shippedBytes(base, await staff.text())) })
  return weights
}

async function main() {
  if (!existsSync('build/index.js')) throw new Error('Run "npm run build" first.')
  const started = new Date()
  const results: Measurement[] = []
  const dataDir = 'bench/.data'
  rmSync(dataDir, { recursive: true, force: true })

  // 1. Our app on PGlite (its start page also sizes the baseline).
  const pglite = startApp(3301, { PUTRIGHT_DATA_DIR: dataDir })
  await waitFor('http://127.0.0.1:3301/healthz')
  const startHtml = Buffer.from(await (await fetch('http://127.0.0.1:3301/')).arrayBuffer())

  // 2. The bare baseline: node:http answering the same bytes, in this process.
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': startHtml.length })
    res.end(startHtml)
  })
  await new Promise<void>((resolve) => bare.listen(3300, '127.0.0.1', resolve))
  results.push(await measure('bare node:http (same bytes)', '-', 'http://127.0.0.1:3300/'))
  await new Promise<void>((resolve) => bare.close(() => resolve()))

  results.push(await measure('start page', 'pglite', 'http://127.0.0.1:3301/'))
  results.push(await measure('first journey page', 'pglite', 'http://127.0.0.1:3301/complain/complaint-or-request'))
  const weights = await residentPageWeights('http://127.0.0.1:3301', dataDir)
  await stop(pglite)

  // 3. The same on PostgreSQL, in a database made for the run.
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists ${BENCH_DB} with (force)`)
  await admin.unsafe(`create database ${BENCH_DB}`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${BENCH_DB}`
  const pg = startApp(3302, { DATABASE_URL: url.toString(), PUTRIGHT_DEMO: '1' })
  await waitFor('http://127.0.0.1:3302/healthz')
  results.push(await measure('start page', 'postgres', 'http://127.0.0.1:3302/'))
  results.push(await measure('first journey page', 'postgres', 'http://127.0.0.1:3302/complain/complaint-or-request'))
  await stop(pg)
  await admin.unsafe(`drop database if exists ${BENCH_DB} with (force)`)
  await admin.end()
  rmSync(dataDir, { recursive: true, force: true })

  const baseline = results[0]?.requestsPerSecond ?? 1
  for (const result of results) result.ratioToBaseline = Math.round((result.requestsPerSecond / baseline) * 1000) / 1000

  console.log(
    `\nPutRight bench — ${started.toISOString()} — ${CONNECTIONS} connections, ${DURATION_S} s each, loopback\n`,
  )
  console.table(
    results.map((r) => ({
      target: r.target,
      engine: r.engine,
      'req/s': r.requestsPerSecond,
      'p50 ms': r.p50Ms,
      'p99 ms': r.p99Ms,
      'x baseline': r.ratioToBaseline,
      errors: r.errors + r.non2xx,
    })),
  )
  console.log('\nWhat each resident page ships (gzipped):\n')
  console.table(
    weights.map((w) => ({
      page: w.page,
      'JS files': w.jsFiles,
      'JS gz KB': (w.jsGzipBytes / 1024).toFixed(1),
      'CSS gz KB': (w.cssGzipBytes / 1024).toFixed(1),
    })),
  )
  mkdirSync('bench/results', { recursive: true })
  const file = `bench/results/${started.toISOString().slice(0, 10)}.json`
  writeFileSync(
    file,
    `${JSON.stringify({ startedAt: started.toISOString(), connections: CONNECTIONS, durationSeconds: DURATION_S, node: process.version, results, pageWeights: weights }, null, 2)}\n`,
  )
  console.log(`\nWritten to ${file}`)
}

await main()
