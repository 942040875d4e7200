// SMS through GOV.UK Notify (the first SMS provider). Off when NOTIFY_API_KEY is not set: SMS
// messages are then marked skipped, visibly, and never pretend to be sent.
import { createHmac } from 'node:crypto'

/** A Notify API key is "<name>-<service id: uuid>-<secret: uuid>". */
export function parseNotifyKey(apiKey: string): { serviceId: string; secret: string } | null {
  const match = /([0-9a-f-]{36})-([0-9a-f-]{36})$/.exec(apiKey.trim())
  return match ? { serviceId: match[1] ?? '', secret: match[2] ?? '' } : null
}

const base64url = (input: Buffer | string) => Buffer.from(input).toString('base64url')

/** Notify authenticates each request with a JWT (HS256) whose issuer is the service id. */
export function notifyToken(serviceId: string, secret: string, now = new Date()): string {
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))
  const payload = base64url(JSON.stringify({ iss: serviceId, iat: Math.floor(now.getTime() / 1000) }))
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')
  return `${header}.${payload}.${signature}`
}

export function notifySms(env: Record<string, string | undefined> = process.env) {
  const key = env.NOTIFY_API_KEY ? parseNotifyKey(env.NOTIFY_API_KEY) : null
  const templateId = env.NOTIFY_SMS_TEMPLATE_ID
  if (!key || !templateId) return undefined
  const baseUrl = env.NOTIFY_BASE_URL ?? 'https://api.notifications.service.gov.uk'
  // The template has one placeholder, ((body)): PutRight writes the whole message itself.
  return async (message: { id: string; to: string; text: string }): Promise<string> => {
    const response = await fetch(`${baseUrl}/v2/notifications/sms`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${notifyToken(key.serviceId, key.secret)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        phone_number: message.to,
        template_id: templateId,
        personalisation: { body: message.text },
        reference: message.id,
      }),
    })
    if (!response.ok) throw new Error(`Notify answered ${response.status}`)
    const body = (await response.json()) as { id?: string }
    return body.id ?? message.id
  }
}
