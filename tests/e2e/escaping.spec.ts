import { baseURL } from '../../playwright.config'
import { JourneyClient } from '../support/journey-client'
import { signedIn } from './staff-helpers'
import { expect, test } from './support'

const payloads = ['<script>alert("x")</script>', '<img src=x onerror=alert(1)>', '"><b>bold</b>', "';alert(2)//"]

test('script and markup typed by a resident appear as text on every staff page that shows them', async ({
  browser,
}) => {
  const resident = new JourneyClient(baseURL)
  const key = await resident.answerEverything({
    'what-happened': { whatHappened: `Happened: ${payloads.join(' ')}` },
    'put-right': { putRight: `Put right: ${payloads[1]}` },
    contact: {
      name: `Eve ${payloads[2]}`,
      email: 'eve@example.org',
      phone: '',
      address: payloads[0] ?? '',
      postcode: '',
    },
  })
  await resident.submit(key)
  const reference = (await resident.confirmedReference()) ?? ''

  const handler = await signedIn(browser, 'handler@putright.example')
  handler.on('dialog', (dialog) => {
    throw new Error(`a script ran: ${dialog.message()}`)
  })
  const pages = [`/staff/complaints/${reference}`, '/staff/complaints?view=all']
  await handler.goto(pages[0] ?? '')
  const history = await handler.locator('a', { hasText: 'See their history' }).getAttribute('href')
  pages.push(history ?? '')
  // The acknowledgement letter carries the resident's name.
  await handler.goto(`/staff/complaints/${reference}/acknowledge`)
  await handler.locator('main button[type="submit"]').last().click()
  await expect(handler).toHaveURL(new RegExp(`/staff/complaints/${reference}$`))
  pages.push((await handler.locator('#letters-heading + ul a').first().getAttribute('href')) ?? '')

  for (const path of pages) {
    await handler.goto(path)
    for (const tag of ['script', 'img', 'b'])
      await expect(handler.locator(`main ${tag}`), `${tag} on ${path}`).toHaveCount(0)
  }
  await handler.goto(`/staff/complaints/${reference}`)
  await expect(handler.locator('main')).toContainText(payloads[0] ?? '')
  await expect(handler.locator('main')).toContainText(payloads[1] ?? '')
  await handler.goto(pages.at(-1) ?? '')
  await expect(handler.locator('.letter-sheet')).toContainText(`Eve ${payloads[2]}`)
})
