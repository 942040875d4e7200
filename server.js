// The production server: Express around the Remix build, with the things Remix leaves to us —
// compression, caching, security headers with a CSP nonce, request ids, health and shutdown.
import { randomBytes, randomUUID } from 'node:crypto'
import http from 'node:http'
import { createRequestHandler } from '@remix-run/express'
import { broadcastDevReady } from '@remix-run/node'
import compression from 'compression'
import express from 'express'

process.env.NODE_ENV ??= 'production'
const production = process.env.NODE_ENV === 'production'
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '127.0.0.1'

// A variable path keeps TypeScript from type-checking the generated bundle.
const buildPath = process.env.PUTRIGHT_BUILD ?? './build/index.js'
/** @type {import('@remix-run/node').ServerBuild} */
let build = await import(buildPath)
const lifecycle =
  /** @type {{ prepareServer(): Promise<void>, checkHealth(): Promise<{status: string, database: string}>, closeServer(): Promise<void> }} */ (
    /** @type {unknown} */ (build.entry.module)
  )

await lifecycle.prepareServer()

/** @param {Record<string, unknown>} fields */
function logLine(fields) {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', ...fields })}\n`)
}

const app = express()
app.disable('x-powered-by')
if (process.env.TRUST_PROXY) app.set('trust proxy', Number(process.env.TRUST_PROXY) || process.env.TRUST_PROXY)

let shuttingDown = false

app.use((req, res, next) => {
  const incoming = req.get('X-Request-Id')
  const requestId = incoming && /^[\w.:-]{1,100}$/.test(incoming) ? incoming : randomUUID()
  res.locals.requestId = requestId
  res.locals.cspNonce = randomBytes(16).toString('base64')
  res.setHeader('X-Request-Id', requestId)
  if (shuttingDown) res.setHeader('Connection', 'close')
  const started = process.hrtime.bigint()
  res.on('finish', () => {
    if (req.path.startsWith('/build/') || req.path.startsWith('/locales/')) return
    logLine({
      message: 'request',
      requestId,
      method: req.method,
      path: req.path,
      status: res.statusCode,
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
    })
  })
  next()
})

app.use((req, res, next) => {
  const nonce = res.locals.cspNonce
  const devSocket = production ? '' : ' ws://localhost:* ws://127.0.0.1:*'
  res.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self'${devSocket}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join('; '),
  )
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  res.setHeader(
    'Permissions-Policy',
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  )
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  if (production) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
  next()
})

// A response sent before its request's body was read (a redirect ahead of the form, a form too
// large) closes the connection: reused, the next request on it would wait behind the unread bytes
// until the request timeout.
app.use((req, res, next) => {
  const writeHead = res.writeHead
  res.writeHead = /** @type {typeof res.writeHead} */ (
    function (/** @type {any[]} */ ...args) {
      if (!req.complete) res.setHeader('Connection', 'close')
      return writeHead.apply(res, /** @type {any} */ (args))
    }
  )
  next()
})

app.use(compression())

/** Same site when the Origin (or, failing that, the Referer) names this host. */
/** @param {import('express').Request} req */
function isSameOrigin(req) {
  const host = (app.get('trust proxy') && req.get('X-Forwarded-Host')?.split(',')[0]?.trim()) || req.get('Host')
  const source = req.get('Origin') ?? req.get('Referer')
  if (!source || !host) return false
  try {
    return new URL(source).host === host
  } catch {
    return false
  }
}

// Every POST is checked here first; app/server/forms.server.ts checks again inside each action.
app.use((req, _res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || isSameOrigin(req)) return next()
  req.method = 'GET'
  req.url = '/cross-site'
  req.originalUrl = '/cross-site'
  next()
})

app.get('/healthz', async (_req, res) => {
  const health = await lifecycle.checkHealth()
  res
    .status(health.database === 'ok' ? 200 : 503)
    .set('Cache-Control', 'no-store')
    .json(health)
})

// Fingerprinted by the Remix compiler: safe to keep for a year.
app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y', index: false }))
// Translations for the browser; the URL carries a version, so a year is safe too.
app.use('/locales', (req, res, next) => {
  if (/^\/[a-z]{2}(-[a-z]+)?\/[a-z]+(-[a-z]+)?\.json$/.test(req.path)) next()
  else res.status(404).end()
})
app.use('/locales', express.static('locales', { index: false, immutable: true, maxAge: '1y' }))
// Versioned by the page that links them (?v=<hash>), so a year is safe.
app.use('/assets', express.static('public/assets', { immutable: true, maxAge: '1y', index: false }))
app.use(express.static('public', { maxAge: '1h', index: false }))

/** @type {import('@remix-run/express').GetLoadContextFunction} */
const getLoadContext = (req, res) => ({
  cspNonce: res.locals.cspNonce,
  requestId: res.locals.requestId,
  clientIp: req.ip ?? null,
  page: { formRejected: false },
})

if (production) {
  app.all('*', createRequestHandler({ build, mode: build.mode, getLoadContext }))
} else {
  // `remix dev --manual` rebuilds in place: load each new build as it lands and tell remix dev.
  const { watch } = await import('node:fs')
  const buildFile = new URL(buildPath, import.meta.url)
  /** @type {NodeJS.Timeout | undefined} */
  let pending
  watch(new URL('.', buildFile), () => {
    clearTimeout(pending)
    pending = setTimeout(async () => {
      build = await import(`${buildFile.href}?t=${Date.now()}`)
      broadcastDevReady(build)
    }, 100)
  })
  app.all('*', (req, res, next) => createRequestHandler({ build, mode: build.mode, getLoadContext })(req, res, next))
}

// A client that sends its request a byte at a time (slow-loris) is cut off with 408 after this long,
// instead of Node's 5 minutes; a 50 MB upload on a slow phone line still fits in the default.
const requestTimeout = (Number(process.env.REQUEST_TIMEOUT_SECONDS) || 120) * 1000
const server = http
  .createServer(
    { requestTimeout, headersTimeout: Math.min(requestTimeout, 20_000), connectionsCheckingInterval: 1_000 },
    app,
  )
  .listen(port, host, () => {
    logLine({ message: 'listening', url: `http://${host}:${port}`, mode: build.mode })
    if (!production) broadcastDevReady(build)
  })

// Stop accepting, let in-flight requests finish (a confirmed complaint is already committed),
// close the database, exit. A hard stop after 10 s in case a client never lets go.
/** @param {string} signal */
function shutdown(signal) {
  if (shuttingDown) return
  shuttingDown = true
  logLine({ message: 'shutting down', signal })
  setTimeout(() => {
    process.stderr.write('Forced exit: requests still open after 10 s\n')
    process.exit(1)
  }, 10_000).unref()
  server.close(async () => {
    try {
      await lifecycle.closeServer()
    } finally {
      process.exit(0)
    }
  })
  server.closeIdleConnections()
}

// A promise a library left unawaited (graphile-worker's pool, when the database goes away) must not
// take every request down with it: log it and carry on; the database's return is handled where it
// matters (/healthz, the job runner's supervisor). A thrown exception still ends the process.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'warn', message: 'unhandled rejection', error: reason instanceof Error ? reason.stack : String(reason) })}\n`,
  )
})

process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
