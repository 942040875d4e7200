// Drives the resident journey over plain HTTP, the way a browser without JavaScript does: used by
// the shutdown test, the double-submit test and the benchmark.
export const journeyAnswers: Array<[string, Record<string, string | string[]>]> = [
  ['complaint-or-request', { choice: 'complaint' }],
  ['who', { forSomeoneElse: 'no', representedName: '', relationship: '', consent: '' }],
  ['what-happened', { whatHappened: 'The front door entry system has been broken for two weeks.' }],
  ['put-right', { putRight: 'Repair the entry system.' }],
  ['service', { service: 'repairs' }],
  ['evidence', { intent: 'continue' }],
  ['contact', { name: 'Test Resident', email: 'resident@example.org', phone: '', address: '', postcode: 'E1 6AB' }],
  ['language', { language: 'en', otherLanguage: '' }],
  ['contact-method', { contactMethod: 'email' }],
  ['adjustments', { adjustments: ['large_print'], interpreterLanguage: '', namedContact: '', adjustmentsOther: '' }],
  ['about-you', {}],
]

export class JourneyClient {
  private cookies = new Map<string, string>()

  constructor(private baseUrl: string) {}

  /** The same browser (its cookies) talking to another app instance from now on. */
  moveTo(baseUrl: string) {
    this.baseUrl = baseUrl
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';')
      const index = pair?.indexOf('=') ?? -1
      if (pair && index > 0) this.cookies.set(pair.slice(0, index), pair.slice(index + 1))
    }
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: { Cookie: this.cookieHeader() },
      redirect: 'manual',
    })
    this.remember(response)
    return response
  }

  async post(path: string, fields: Record<string, string | string[]>, origin = this.baseUrl): Promise<Response> {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v)
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      body,
      headers: { Cookie: this.cookieHeader(), Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    })
    this.remember(response)
    return response
  }

  /** Answers every question; returns the submission key the check page carries. */
  async answerEverything(overrides: Record<string, Record<string, string | string[]>> = {}): Promise<string> {
    for (const [step, fields] of journeyAnswers) {
      const response = await this.post(`/complain/${step}`, { ...fields, ...overrides[step] })
      if (response.status !== 302) throw new Error(`${step} answered ${response.status}`)
      await response.arrayBuffer()
    }
    const check = await this.get('/complain/check')
    const html = await check.text()
    const key = /name="submissionKey" value="([^"]+)"/.exec(html)?.[1]
    if (!key) throw new Error(`no submission key on the check page (${check.status})`)
    return key
  }

  submit(submissionKey: string): Promise<Response> {
    return this.post('/complain/check', { submissionKey })
  }

  /** The reference on the confirmation page, or null if this browser has none to see. */
  async confirmedReference(): Promise<string | null> {
    const response = await this.get('/complain/confirmation')
    if (response.status !== 200) return null
    return /<bdi>(PR-\d{4}-\d{6,})<\/bdi>/.exec(await response.text())?.[1] ?? null
  }
}
