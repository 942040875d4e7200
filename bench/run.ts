// npm run bench — one bounded run on loopback against the production build (fixed durations, no
// network beyond 127.0.0.1):
//   1. PostgreSQL with the scale data set (1,000,000 cases; made with seed:scale when missing):
//      a bare node:http baseline, every resident and staff page the targets name at 10 connections,
//      complete submissions, the dashboard for a year and `report kpis`, with the instance's RSS and
//      event-loop delay; then EXPLAIN ANALYZE of every query each of those pages ran.
//   2. PGlite (the embedded default): the start page, the first journey page and page weights.
// Figures go to stdout, bench/results/<date>.json (plans to <date>-plans.md) and bench/README.md.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { gzipSync } from 'node:zlib'
import autocannon from 'autocannon'
import postgres from 'postgres'
import { openDatabase } from '../db/client'
import { londonDate } from '~/domain/working-days'
import { refreshKeptDashboard } from '~/server/kpis.server'
import { aStaffMember } from '../tests/support/factories'
import { JourneyClient, journeyAnswers } from '../tests/support/journey-client'
import { codeFromMail, healthy, startApp, staffCookie, stopApp, type BenchApp } from './support'

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000)
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 1_000)
const TIMELINE_NOTES = 250
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const SCALE_DB = process.env.BENCH_SCALE_DATABASE ?? 'putright_scale'
const YEAR = { from: '2025-04-01', to: '2026-03-31' }
const DATA_DIR = 'bench/.data'
const PROBE = `${DATA_DIR}/probe.json`
const QUERY_LOG = `${DATA_DIR}/queries.jsonl`

const TARGETS = { residentP95Ms: 100, staffP95Ms: 150, submissionsPerSecond: 100, dashboardYearMs: 1000 }

type Group = 'baseline' | 'resident' | 'staff' | 'command'

interface Instance {
  rssMb: number
  peakRssMb: number
  eventLoopDelayMs: { mean: number; p50: number; p99: number; max: number }
}

interface Row {
  target: string
  group: Group
  engine: string
  requests: number
  requestsPerSecond: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
  /** Answers other than the one expected, and connection errors. */
  unexpected: number
  ratioToBaseline?: number
  instance?: Instance
  note?: string
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return Math.round((sorted[index] ?? 0) * 10) / 10
}

function row(target: string, group: Group, engine: string, latencies: number[], seconds: number, unexpected: number) {
  const sorted = [...latencies].sort((a, b) => a - b)
  return {
    target,
    group,
    engine,
    requests: sorted.length,
    requestsPerSecond: Math.round((sorted.length / seconds) * 10) / 10,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: percentile(sorted, 100),
    unexpected,
  } satisfies Row
}

/** What the instance's probe saw since it was last asked: it answers SIGUSR2 by writing PROBE. */
async function probe(app: BenchApp | null): Promise<Instance | undefined> {
  if (!app?.process.pid) return undefined
  const before = existsSync(PROBE) ? (JSON.parse(readFileSync(PROBE, 'utf8')) as { sequence: number }).sequence : 0
  app.process.kill('SIGUSR2')
  for (let i = 0; i < 100; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    if (!existsSync(PROBE)) continue
    const seen = JSON.parse(readFileSync(PROBE, 'utf8')) as Instance & { sequence: number }
    if (seen.sequence > before)
      return { rssMb: seen.rssMb, peakRssMb: seen.peakRssMb, eventLoopDelayMs: seen.eventLoopDelayMs }
  }
  return undefined
}

interface Load {
  target: string
  group: Group
  path: string
  method?: 'GET' | 'POST'
  body?: string
  headers?: Record<string, string>
  expect?: number
}

/** Which instances take the load: autocannon shares the connections out between them. */
interface Instances {
  bases: string[]
  label: string
}

/** CONNECTIONS keep-alive connections for DURATION_S, every latency kept (autocannon has no p95). */
async function measure(load: Load, to: Instances, app: BenchApp | null): Promise<Row> {
  await probe(app)
  const latencies: number[] = []
  let unexpected = 0
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: to.bases.map((base) => `${base}${load.path}`),
        method: load.method ?? 'GET',
        body: load.body,
        headers: load.headers,
        connections: CONNECTIONS,
        duration: DURATION_S,
      },
      (error, outcome) => (error ? reject(error) : resolve(outcome)),
    )
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms)
      if (status !== (load.expect ?? 200)) unexpected += 1
    })
  })
  const measured = row(load.target, load.group, to.label, latencies, DURATION_S, unexpected + result.errors)
  return { ...measured, instance: await probe(app) }
}

/** The scale data set: reused when it holds CASES cases, made with seed:scale when it does not. */
async function scaleDatabase(): Promise<{ url: string; seeded?: { seconds: number; databaseBytes: number } }> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} })
  const url = new URL(ADMIN_URL)
  url.pathname = `/${SCALE_DB}`
  const [exists] = await admin`select 1 as found from pg_database where datname = ${SCALE_DB}`
  let cases = 0
  if (exists) {
    const scale = postgres(url.toString(), { max: 1, onnotice: () => {} })
    const [found] = await scale<Array<{ cases: number }>>`
      select count(*)::int as cases from complaints where reference like 'SC-%'`.catch(() => [{ cases: 0 }])
    cases = found?.cases ?? 0
    await scale.end()
  }
  if (cases === CASES) {
    await admin.end()
    // What earlier runs added is vacuumed, as autovacuum would (it is off on some servers, this one included).
    const scale = postgres(url.toString(), { max: 1, onnotice: () => {} })
    await scale.unsafe('vacuum analyze')
    await scale.end()
    process.stderr.write(`Using ${SCALE_DB}: ${cases.toLocaleString('en-GB')} generated cases.\n`)
    return { url: url.toString() }
  }
  await admin.unsafe(`drop database if exists ${SCALE_DB} with (force)`)
  await admin.unsafe(`create database ${SCALE_DB}`)
  await admin.end()
  process.stderr.write(`Making ${SCALE_DB} with ${CASES.toLocaleString('en-GB')} cases (npm run seed:scale)…\n`)
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('node_modules/.bin/tsx', ['scripts/seed-scale.ts', '--cases', String(CASES)], {
      env: { ...process.env, DATABASE_URL: url.toString() },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`seed:scale exited ${code}`))))
  })
  const seeded = JSON.parse(output) as { seconds: number; databaseBytes: number }
  return { url: url.toString(), seeded: { seconds: seeded.seconds, databaseBytes: seeded.databaseBytes } }
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString()
}

/** A resident's browser with its complaint sent and signed in to track it. */
async function residentSignedIn(base: string) {
  const client = new JourneyClient(base)
  const email = `bench-${Date.now()}@example.org`
  const key = await client.answerEverything({
    contact: { name: 'Bench Resident', email, phone: '', address: '', postcode: 'E1 6AB' },
  })
  await (await client.submit(key)).arrayBuffer()
  const reference = await client.confirmedReference()
  if (!reference) throw new Error('the bench complaint was not confirmed')
  await (await client.post('/track', { reference, address: email })).arrayBuffer()
  await (await client.post('/track/code', { code: await codeFromMail(DATA_DIR, email) })).arrayBuffer()
  const page = await client.get(`/track/${reference}`)
  if (page.status !== 200) throw new Error(`resident case page answered ${page.status}`)
  return { client, reference }
}

/** `count` residents answer every question, then all press Send, CONNECTIONS at a time. */
/** Waits until the outbox has nothing left to send; answers how many messages it sent meanwhile. */
async function waitForOutbox(databaseUrl: string): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  const pending = async () =>
    (
      await sql<Array<{ n: number }>>`
      select count(*)::int as n from outbox_messages where status in ('queued', 'retrying', 'sending')`
    )[0]?.n ?? 0
  const before = await pending()
  const deadline = Date.now() + 300_000
  while ((await pending()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250))
  const left = await pending()
  await sql.end()
  if (left > 0) throw new Error(`${left} messages still unsent after five minutes`)
  return before
}

async function submissions(bases: string[], count: number, app: BenchApp, label: string): Promise<Row[]> {
  const ready: Array<{ client: JourneyClient; key: string }> = []
  const stepLatencies: number[] = []
  let next = 0
  const prepStarted = performance.now()
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < count) {
        const i = next++
        const client = new JourneyClient(bases[i % bases.length] ?? '')
        for (const [step, fields] of journeyAnswers) {
          const started = performance.now()
          const response = await client.post(
            `/complain/${step}`,
            step === 'contact' ? { ...fields, email: `bench-send-${Date.now()}-${i}@example.org` } : fields,
          )
          await response.arrayBuffer()
          stepLatencies.push(performance.now() - started)
          if (response.status !== 302) throw new Error(`${step} answered ${response.status}`)
        }
        const html = await (await client.get('/complain/check')).text()
        const key = /name="submissionKey" value="([^"]+)"/.exec(html)?.[1]
        if (!key) throw new Error('no submission key on the check page')
        ready[i] = { client, key }
      }
    }),
  )
  const prepSeconds = (performance.now() - prepStarted) / 1000
  await probe(app)
  const latencies: number[] = []
  let unexpected = 0
  next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < ready.length) {
        const resident = ready[next++]
        if (!resident) continue
        const sent = performance.now()
        const response = await resident.client.submit(resident.key)
        await response.arrayBuffer()
        latencies.push(performance.now() - sent)
        if (response.status !== 302 || !response.headers.get('location')?.includes('/complain/confirmation'))
          unexpected += 1
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const sent = {
    ...row('complete submission (transaction + outbox)', 'resident', label, latencies, seconds, unexpected),
    instance: await probe(app),
  }
  const steps = row(
    'journey step POST, valid answer (while preparing)',
    'resident',
    label,
    stepLatencies,
    prepSeconds,
    0,
  )
  return [steps, { ...sent, note: `${count} residents, each sent once` }]
}

async function timeCommand(args: string[], env: Record<string, string>, runs = 3): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now()
    await new Promise<void>((resolve, reject) => {
      const child = spawn('node_modules/.bin/tsx', args, {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'inherit'],
      })
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))))
    })
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)
}

interface PagePlans {
  page: string
  queries: number
  /** Sequential scans of complaints with nothing above them to stop early: they read the whole table. */
  seqScansOnComplaints: number
  /** Sequential scans of complaints under a LIMIT: they stop after that many rows, however big the table. */
  boundedSeqScansOnComplaints: number
  plans: Array<{ query: string; ms: number; plan: string; complaintSeqScans: { bounded: number; whole: number } }>
}

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  Plans?: PlanNode[]
}

/** Sequential scans of complaints in a plan, told apart by whether a Limit above them stops them early. */
function complaintSeqScans(node: PlanNode, underLimit = false): { bounded: number; whole: number } {
  const limited = underLimit || node['Node Type'] === 'Limit'
  const here = node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'complaints'
  const counts = { bounded: here && limited ? 1 : 0, whole: here && !limited ? 1 : 0 }
  for (const child of node.Plans ?? []) {
    const below = complaintSeqScans(child, limited)
    counts.bounded += below.bounded
    counts.whole += below.whole
  }
  return counts
}

/** EXPLAIN of one statement with its parameters, in a transaction that is always rolled back. */
async function explain(sql: postgres.Sql, options: string, query: string, parameters: unknown[]) {
  let rows: postgres.Row[] = []
  await sql
    .begin(async (tx) => {
      rows = await tx.unsafe(`explain (${options}) ${query}`, parameters as never[])
      throw new Error('rollback')
    })
    .catch((error: unknown) => {
      if (!(error instanceof Error && error.message === 'rollback')) throw error
    })
  return rows
}

/** Every query one request ran (the app logs them to QUERY_LOG), each EXPLAIN ANALYZEd and rolled back. */
async function plansOf(page: string, databaseUrl: string, request: () => Promise<unknown>): Promise<PagePlans> {
  writeFileSync(QUERY_LOG, '')
  await request()
  await new Promise((resolve) => setTimeout(resolve, 200))
  const seen = new Map<string, unknown[]>()
  for (const line of readFileSync(QUERY_LOG, 'utf8').split('\n')) {
    if (!line) continue
    const { query, parameters } = JSON.parse(line) as { query: string; parameters: unknown[] }
    if (/^\s*(begin|commit|rollback|savepoint|release|select 1$|set |show )/i.test(query)) continue
    if (!seen.has(query)) seen.set(query, parameters)
  }
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  const plans: PagePlans['plans'] = []
  for (const [query, parameters] of seen) {
    // EXPLAIN ANALYZE runs the statement: inside a transaction that is always rolled back.
    // A write that already happened (its key is taken now) cannot run again: its plan, not run.
    const text = await explain(sql, 'analyze, costs off, buffers off', query, parameters).catch(() =>
      explain(sql, 'costs off', query, parameters),
    )
    const [json] = await explain(sql, 'format json', query, parameters)
    const plan = text.map((r) => String(r['QUERY PLAN'])).join('\n')
    const tree = (json?.['QUERY PLAN'] as Array<{ Plan: PlanNode }> | undefined)?.[0]?.Plan
    plans.push({
      query: query.replace(/\s+/g, ' ').trim(),
      ms: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0),
      plan,
      complaintSeqScans: tree ? complaintSeqScans(tree) : { bounded: 0, whole: 0 },
    })
  }
  await sql.end()
  return {
    page,
    queries: plans.length,
    seqScansOnComplaints: plans.reduce((sum, p) => sum + p.complaintSeqScans.whole, 0),
    boundedSeqScansOnComplaints: plans.reduce((sum, p) => sum + p.complaintSeqScans.bounded, 0),
    plans: plans.sort((a, b) => b.ms - a.ms),
  }
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
    for (const path of paths) total += gzipSync(Buffer.from(await (await fetch(`${base}${path}`)).arrayBuffer())).length
    return total
  }
  return { jsFiles: scripts.size, jsGzipBytes: await size(scripts), cssGzipBytes: await size(styles) }
}

async function residentPageWeights(base: string) {
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
  const email = String(journeyAnswers.find(([step]) => step === 'contact')?.[1].email ?? '')
  await (await client.post('/track', { reference, address: email })).arrayBuffer()
  await (await client.post('/track/code', { code: await codeFromMail(DATA_DIR, email) })).arrayBuffer()
  for (const path of ['', '/add', '/withdraw']) await add(`/track/${reference}${path}`)
  const weights = []
  for (const { page, html } of pages) weights.push({ page, ...(await shippedBytes(base, html)) })
  // A staff page, for comparison: it hydrates with React and i18next.
  const staff = await client.get('/staff/sign-in')
  weights.push({ page: '/staff/sign-in (staff, hydrated)', ...(await shippedBytes(base, await staff.text())) })
  return weights
}

function verdict(r: Row): string {
  if (r.group === 'resident' && r.target.startsWith('complete submission'))
    return r.requestsPerSecond >= TARGETS.submissionsPerSecond ? 'met' : 'MISSED'
  if (r.target.startsWith('journey step POST, valid')) return ''
  if (r.group === 'resident' && r.engine.startsWith('postgres'))
    return r.p95Ms <= TARGETS.residentP95Ms ? 'met' : 'MISSED'
  if (r.group === 'staff') return r.p95Ms <= TARGETS.staffP95Ms ? 'met' : 'MISSED'
  return ''
}

function markdown(results: Row[], plans: PagePlans[], header: string): string {
  const lines = [
    header,
    '',
    '| What | Engine | req/s | p50 ms | p95 ms | p99 ms | × baseline | RSS MB (peak) | loop delay p99 / max ms | unexpected | target |',
    '| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --- |',
  ]
  for (const r of results) {
    const i = r.instance
    lines.push(
      `| ${r.target} | ${r.engine} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p95Ms} | ${r.p99Ms} | ${r.ratioToBaseline ?? ''} | ${i ? `${i.rssMb} (${i.peakRssMb})` : ''} | ${i ? `${i.eventLoopDelayMs.p99} / ${i.eventLoopDelayMs.max}` : ''} | ${r.unexpected} | ${verdict(r)} |`,
    )
  }
  lines.push(
    '',
    '| Page | Queries | Seq scans of the whole complaints table | Seq scans of complaints stopped by a LIMIT | Slowest query (ms) |',
    '| --- | --: | --: | --: | --: |',
  )
  for (const p of plans)
    lines.push(
      `| ${p.page} | ${p.queries} | ${p.seqScansOnComplaints} | ${p.boundedSeqScansOnComplaints} | ${p.plans[0]?.ms ?? 0} |`,
    )
  return lines.join('\n')
}

async function main() {
  if (!existsSync('build/index.js')) throw new Error('Run "npm run build" first.')
  const started = new Date()
  const date = started.toISOString().slice(0, 10)
  const results: Row[] = []
  rmSync(DATA_DIR, { recursive: true, force: true })
  mkdirSync(DATA_DIR, { recursive: true })

  // ——— PostgreSQL with the scale data set ———
  const scale = await scaleDatabase()
  const handle = await openDatabase({ engine: 'postgres', url: scale.url, maxConnections: 2 })
  const manager = await aStaffMember(handle.db, 'manager')
  const appEnv = { DATABASE_URL: scale.url, PUTRIGHT_DATA_DIR: DATA_DIR, PUTRIGHT_WORKER: '0' }
  // As the README advises at this size: instances serving pages run no jobs; another instance runs
  // them (mail, reminders, dashboard refreshes). It runs here only while the bench needs mail
  // delivered, as if it were on a machine of its own, so its work is not charged to the pages.
  const app = startApp(3302, appEnv, PROBE)
  const second = startApp(3305, appEnv)
  let jobs = startApp(3304, { ...appEnv, PUTRIGHT_WORKER: '1' })
  await Promise.all([healthy(app), healthy(second), healthy(jobs)])
  const base = app.base
  const startHtml = Buffer.from(await (await fetch(`${base}/`)).arrayBuffer())

  // The bare baseline: node:http answering the same bytes, in this process.
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': startHtml.length })
    res.end(startHtml)
  })
  await new Promise<void>((resolve) => bare.listen(3300, '127.0.0.1', resolve))
  results.push(
    await measure(
      { target: 'bare node:http (same bytes as the start page)', group: 'baseline', path: '/' },
      { bases: ['http://127.0.0.1:3300'], label: '-' },
      null,
    ),
  )
  await new Promise<void>((resolve) => bare.close(() => resolve()))

  // Who the pages are for: a resident signed in to track the complaint they sent, and a manager.
  const resident = await residentSignedIn(base)
  await stopApp(jobs)
  const staff = await staffCookie(base, manager)
  const caseUrl = `${base}/staff/complaints/${resident.reference}`
  // A long timeline: notes as a handler adds them (each is also an audit event).
  for (let i = 0; i < TIMELINE_NOTES; i += 1) {
    const response = await fetch(`${caseUrl}/note`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, Cookie: staff },
      body: form({ body: `Called the resident and the contractor about the entry system (${i + 1}).` }),
    })
    await response.arrayBuffer()
    if (response.status !== 302) throw new Error(`adding a note answered ${response.status}`)
  }
  // A journey half answered, for the step that is sent back with an error.
  const halfway = new JourneyClient(base)
  for (const [step, fields] of journeyAnswers.slice(0, 2))
    await (await halfway.post(`/complain/${step}`, fields)).arrayBuffer()
  // Behind a load balancer every instance sees the site's one host name: the same here.
  const host = new URL(base).host
  const post = (cookie: string) => ({
    Cookie: cookie,
    Origin: base,
    Host: host,
    'Content-Type': 'application/x-www-form-urlencoded',
  })

  // The dashboard for a year, worked out as the job instance does it (the refresh a web-only
  // instance hands on); the page is then measured from the figures kept.
  const dashboardPath = `/staff/dashboard?from=${YEAR.from}&to=${YEAR.to}`
  const workedOutStarted = performance.now()
  await refreshKeptDashboard(handle.db, { ...YEAR, runDate: londonDate(new Date()) })
  const workedOutMs = Math.round(performance.now() - workedOutStarted)

  const staffHeaders = { Cookie: staff, Host: host }
  const loads: Load[] = [
    { target: 'resident: start page', group: 'resident', path: '/', headers: { Host: host } },
    {
      target: 'resident: journey step POST with a validation error',
      group: 'resident',
      path: '/complain/what-happened',
      method: 'POST',
      body: form({ whatHappened: '' }),
      headers: post(halfway.cookieHeader()),
      expect: 400,
    },
    {
      target: 'resident: case page, signed in',
      group: 'resident',
      path: `/track/${resident.reference}`,
      headers: { Cookie: resident.client.cookieHeader(), Host: host },
    },
    {
      target: 'staff: queue, all (where staff land)',
      group: 'staff',
      path: '/staff/complaints',
      headers: staffHeaders,
    },
    { target: 'staff: queue, overdue', group: 'staff', path: '/staff/complaints?view=overdue', headers: staffHeaders },
    {
      target: 'staff: queue, due soon',
      group: 'staff',
      path: '/staff/complaints?view=due-soon',
      headers: staffHeaders,
    },
    {
      target: `staff: case page, ${TIMELINE_NOTES * 2}+ timeline entries`,
      group: 'staff',
      path: `/staff/complaints/${resident.reference}`,
      headers: staffHeaders,
    },
    {
      target: `staff: dashboard ${YEAR.from} to ${YEAR.to}`,
      group: 'staff',
      path: dashboardPath,
      headers: staffHeaders,
    },
  ]
  const one = { bases: [base], label: 'postgres, 1 instance' }
  const two = { bases: [base, second.base], label: 'postgres, 2 instances' }
  for (const load of loads) {
    results.push(await measure(load, one, app))
    results.push(await measure(load, two, app))
  }
  results.push(...(await submissions([base], SUBMISSIONS, app, one.label)))
  results.push(...(await submissions([base, second.base], SUBMISSIONS, app, two.label)))
  await stopApp(second)

  // The job instance back: every receipt those submissions queued, delivered.
  jobs = startApp(3304, { ...appEnv, PUTRIGHT_WORKER: '1' })
  await healthy(jobs)
  const drainStarted = performance.now()
  const queued = await waitForOutbox(scale.url)
  const drainSeconds = Math.round((performance.now() - drainStarted) / 100) / 10
  await stopApp(jobs)

  await handle.close()
  const reportTimes = await timeCommand(['scripts/report.ts', 'kpis', '--from', YEAR.from, '--to', YEAR.to], {
    DATABASE_URL: scale.url,
  })
  results.push({
    target: `report kpis --from ${YEAR.from} --to ${YEAR.to} (whole command)`,
    group: 'command',
    engine: 'postgres',
    requests: reportTimes.length,
    requestsPerSecond: 0,
    p50Ms: Math.round(reportTimes[1] ?? 0),
    p95Ms: Math.round(reportTimes[2] ?? 0),
    p99Ms: Math.round(reportTimes[2] ?? 0),
    maxMs: Math.round(reportTimes[2] ?? 0),
    unexpected: 0,
    note: `3 runs: ${reportTimes.map((t) => Math.round(t)).join(', ')} ms`,
  })
  await stopApp(app)

  // ——— The plans: every query those pages ran, on an instance that logs its queries ———
  const explained = startApp(3303, { ...appEnv, PUTRIGHT_QUERY_LOG: QUERY_LOG, PUTRIGHT_WORKER: '0' })
  await healthy(explained)
  const at = explained.base
  const postHere = (cookie: string) => ({
    Cookie: cookie,
    Origin: at,
    'Content-Type': 'application/x-www-form-urlencoded',
  })
  const get =
    (path: string, cookie = '') =>
    async () =>
      (await fetch(`${at}${path}`, { headers: { Cookie: cookie } })).text()
  const sender = new JourneyClient(at)
  const senderKey = await sender.answerEverything()
  const plans = [
    await plansOf('resident: start page', scale.url, get('/')),
    await plansOf('resident: journey step POST with a validation error', scale.url, async () =>
      (
        await fetch(`${at}/complain/what-happened`, {
          method: 'POST',
          headers: postHere(halfway.cookieHeader()),
          body: form({ whatHappened: '' }),
        })
      ).text(),
    ),
    await plansOf('resident: complete submission', scale.url, async () => (await sender.submit(senderKey)).text()),
    await plansOf(
      'resident: case page, signed in',
      scale.url,
      get(`/track/${resident.reference}`, resident.client.cookieHeader()),
    ),
    await plansOf('staff: queue, all', scale.url, get('/staff/complaints', staff)),
    await plansOf('staff: queue, overdue', scale.url, get('/staff/complaints?view=overdue', staff)),
    await plansOf('staff: queue, due soon', scale.url, get('/staff/complaints?view=due-soon', staff)),
    await plansOf('staff: case page', scale.url, get(`/staff/complaints/${resident.reference}`, staff)),
    // "Work the figures out again now": what the first view after a change, and the five-minute job, run.
    await plansOf('staff: dashboard for a year, worked out', scale.url, async () =>
      (
        await fetch(`${at}/staff/dashboard?from=${YEAR.from}&to=${YEAR.to}`, {
          method: 'POST',
          redirect: 'manual',
          headers: postHere(staff),
          body: '',
        })
      ).text(),
    ),
    await plansOf(
      'staff: dashboard for a year (kept figures)',
      scale.url,
      get(`/staff/dashboard?from=${YEAR.from}&to=${YEAR.to}`, staff),
    ),
  ]
  await stopApp(explained)

  // ——— PGlite, the embedded default: an empty demo database ———
  rmSync(DATA_DIR, { recursive: true, force: true })
  const pglite = startApp(3301, { PUTRIGHT_DATA_DIR: DATA_DIR })
  await healthy(pglite)
  const embedded = { bases: [pglite.base], label: 'pglite, 1 instance' }
  results.push(await measure({ target: 'resident: start page', group: 'resident', path: '/' }, embedded, null))
  results.push(
    await measure(
      { target: 'resident: first journey page', group: 'resident', path: '/complain/complaint-or-request' },
      embedded,
      null,
    ),
  )
  const weights = await residentPageWeights(pglite.base)
  await stopApp(pglite)
  rmSync(DATA_DIR, { recursive: true, force: true })

  const baseline = results[0]?.requestsPerSecond ?? 1
  for (const r of results)
    if (r.requestsPerSecond > 0) r.ratioToBaseline = Math.round((r.requestsPerSecond / baseline) * 1000) / 1000

  const header = `${date}: ${CONNECTIONS} connections, ${DURATION_S} s each, loopback, Node ${process.version}, ${CASES.toLocaleString('en-GB')} cases on PostgreSQL. Working the dashboard's year out took ${workedOutMs.toLocaleString('en-GB')} ms (as the job instance does; a web instance does it only for a first view with nothing kept, or "Work the figures out again now"); the dashboard rows are the page from the figures kept. The job instance, started again afterwards, delivered the ${queued.toLocaleString('en-GB')} messages the submissions queued in ${drainSeconds} s.`
  const table = markdown(results, plans, header)
  process.stdout.write(`\n${table}\n`)
  console.table(
    weights.map((w) => ({
      page: w.page,
      'JS files': w.jsFiles,
      'JS gz KB': (w.jsGzipBytes / 1024).toFixed(1),
      'CSS gz KB': (w.cssGzipBytes / 1024).toFixed(1),
    })),
  )

  mkdirSync('bench/results', { recursive: true })
  writeFileSync(
    `bench/results/${date}.json`,
    `${JSON.stringify(
      {
        startedAt: started.toISOString(),
        connections: CONNECTIONS,
        durationSeconds: DURATION_S,
        node: process.version,
        cases: CASES,
        seeded: scale.seeded ?? 'reused',
        targets: TARGETS,
        dashboardYearWorkedOutMs: workedOutMs,
        outbox: { messages: queued, deliveredInSeconds: drainSeconds },
        results,
        queryPlans: plans.map((p) => ({
          page: p.page,
          queries: p.queries,
          seqScansOnComplaints: p.seqScansOnComplaints,
          slowest: p.plans.slice(0, 3).map((q) => ({ ms: q.ms, query: q.query.slice(0, 400) })),
        })),
        pageWeights: weights,
      },
      null,
      2,
    )}\n`,
  )
  const planText = plans
    .map((p) =>
      [
        `## ${p.page}`,
        '',
        ...p.plans.map((q) => `### ${q.ms} ms\n\n\`\`\`sql\n${q.query}\n\`\`\`\n\n\`\`\`\n${q.plan}\n\`\`\`\n`),
      ].join('\n'),
    )
    .join('\n')
  writeFileSync(
    `bench/results/${date}-plans.md`,
    `# Query plans, ${date}\n\nEvery query each page ran, EXPLAIN ANALYZE on ${CASES.toLocaleString('en-GB')} cases, slowest first.\n\n${planText}`,
  )
  // The table in bench/README.md is this run's, between its markers.
  const readme = readFileSync('bench/README.md', 'utf8')
  writeFileSync(
    'bench/README.md',
    readme.replace(
      /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
      `<!-- bench:start -->\n${table}\n<!-- bench:end -->`,
    ),
  )
  process.stdout.write(`\nWritten to bench/results/${date}.json, bench/results/${date}-plans.md and bench/README.md\n`)
}

await main()
