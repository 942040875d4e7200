// Real Request objects for calling loaders and actions the way Remix does.
import type { AppLoadContext } from '@remix-run/node'

export const ORIGIN = 'http://putright.test'

export function loadContext(): AppLoadContext {
  return {
    cspNonce: 'test-nonce',
    requestId: `test-${Math.random().toString(36).slice(2)}`,
    clientIp: '127.0.0.1',
    page: { formRejected: false },
  }
}

export function getRequest(path: string, options: { cookie?: string; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers(options.headers)
  if (options.cookie) headers.set('Cookie', options.cookie)
  return new Request(`${ORIGIN}${path}`, { headers })
}

export function formRequest(
  path: string,
  fields: Record<string, string | string[]> | string,
  options: { cookie?: string; origin?: string | null; headers?: Record<string, string> } = {},
): Request {
  const body = new URLSearchParams()
  if (typeof fields === 'string') {
    return new Request(`${ORIGIN}${path}`, { method: 'POST', body: fields, headers: headersFor(options) })
  }
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
  }
  return new Request(`${ORIGIN}${path}`, { method: 'POST', body, headers: headersFor(options) })
}

function headersFor(options: { cookie?: string; origin?: string | null; headers?: Record<string, string> }) {
  const headers = new Headers(options.headers)
  headers.set('Content-Type', 'application/x-www-form-urlencoded')
  if (options.origin !== null) headers.set('Origin', options.origin ?? ORIGIN)
  if (options.cookie) headers.set('Cookie', options.cookie)
  return headers
}

/** The cookie pair ("name=value") a response set, to send with the next request. */
export function cookieFrom(response: Response, name: string): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';')[0] ?? ''
    if (pair.startsWith(`${name}=`)) return pair
  }
  return undefined
}

/** Runs a loader or action the way Remix would: a thrown Response is the answer. */
export async function answer(run: () => Promise<unknown>): Promise<Response | unknown> {
  try {
    return await run()
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

interface DataWithInit {
  type: 'DataWithResponseInit'
  data: unknown
  init: ResponseInit | null
}

function isDataWithInit(value: unknown): value is DataWithInit {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'DataWithResponseInit'
}

/** The HTTP status Remix would send for what a loader or action returned or threw. */
export function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status
  if (isDataWithInit(result)) return result.init?.status ?? 200
  return 200
}

/** The body of a `data()` result, or the plain object a loader returned. */
export function bodyOf<T>(result: unknown): T {
  if (isDataWithInit(result)) return result.data as T
  return result as T
}
