import { readFileSync } from 'node:fs'
import { baseURL } from '../../playwright.config'
import { JourneyClient } from '../support/journey-client'
import { expect, expectAccessible, test } from './support'

test('a form sent twice at once gives one complaint and the same reference', async () => {
  const resident = new JourneyClient(baseURL)
  const key = await resident.answerEverything()
  const [first, second] = await Promise.all([resident.submit(key), resident.submit(key)])
  expect([first.status, second.status]).toEqual([302, 302])
  expect(first.headers.get('Location')).toBe('/complain/confirmation')
  expect(second.headers.get('Location')).toBe('/complain/confirmation')
  const reference = await resident.confirmedReference()
  expect(reference).toMatch(/^PR-/)
  // Replaying the same form later still shows the first complaint.
  await resident.submit(key)
  expect(await resident.confirmedReference()).toBe(reference)
})

test('double-clicking "Send complaint" with JavaScript sends one complaint', async ({ page, context }) => {
  const resident = new JourneyClient(baseURL)
  await resident.answerEverything()
  const [name, value] = resident.cookieHeader().split('=')
  await context.addCookies([{ name: name ?? '', value: value ?? '', url: baseURL }])
  await page.goto('/complain/check')
  await expect(page.locator('html')).toHaveAttribute('data-enhanced', 'true')
  let posts = 0
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/complain/check')) posts += 1
  })
  await page.locator('main button[type="submit"]').dblclick()
  await expect(page).toHaveURL(/\/complain\/confirmation$/)
  expect(posts).toBe(1)
})

test('a post from another site is refused with a translated page and changes nothing', async ({ browser }) => {
  // A real cross-site form: a page on another origin posting to ours, in a Welsh-speaking browser.
  const context = await browser.newContext({ locale: 'cy-GB' })
  const page = await context.newPage()
  await page.route('https://evil.example/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<form method="post" action="${baseURL}/complain/complaint-or-request"><input name="choice" value="complaint"><button>Go</button></form>`,
    }),
  )
  await page.goto('https://evil.example/')
  const [response] = await Promise.all([
    page.waitForResponse(`${baseURL}/complain/complaint-or-request`),
    page.click('button'),
  ])
  expect(response.status()).toBe(403)
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  const welsh = JSON.parse(readFileSync('locales/cy/common.json', 'utf8')) as { errorPage: { 403: { title: string } } }
  await expect(page.locator('h1')).toHaveText(welsh.errorPage[403].title)
  await expectAccessible(page, 'cross-site refusal (cy)')
  // Nothing was saved: the journey still starts at the first question.
  await page.goto(`${baseURL}/complain/who`)
  await expect(page).toHaveURL(/\/complain\/complaint-or-request$/)
  await context.close()
})

test('security headers, compression, caching and health', async ({ request }) => {
  const page = await request.get('/', { headers: { 'Accept-Encoding': 'br, gzip' } })
  const headers = page.headers()
  const nonce = /'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')?.[1]
  expect(nonce).toBeTruthy()
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['content-security-policy']).not.toContain('unsafe-inline')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  expect(headers['permissions-policy']).toContain('camera=()')
  expect(headers['strict-transport-security']).toContain('max-age=')
  expect(headers['content-encoding']).toBe('br')
  expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  const html = await page.text()
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
  expect(scripts.length).toBeGreaterThan(0)
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)

  const asset = /href="(\/build\/[^"]+\.css)"/.exec(html)?.[1]
  const cached = await request.get(asset ?? '')
  expect(cached.headers()['cache-control']).toContain('immutable')

  const health = await request.get('/healthz')
  expect(health.status()).toBe(200)
  expect(await health.json()).toEqual({ status: 'ok', database: 'ok' })
})

test('an unknown language code is ignored and the page stays accessible', async ({ page }) => {
  await page.goto('/?lng=zz')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expectAccessible(page, 'start (?lng=zz)')
})
