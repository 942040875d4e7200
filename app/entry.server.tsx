import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { NonceProvider } from './components/nonce'
import { getI18n, getLocale, rememberLanguageCookie } from './i18n/i18n.server'

export { prepareServer, checkHealth, closeServer } from './server/lifecycle.server'

export const streamTimeout = 5_000

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const language = await getLocale(request)
  const i18n = getI18n(language)
  const remember = rememberLanguageCookie(request)
  if (remember) responseHeaders.append('Set-Cookie', remember)
  const nonce = loadContext.cspNonce
  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error instanceof Error ? error : new Error(String(error)))
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    // unref: otherwise this timer keeps a stopping server alive for seconds after the last request.
    setTimeout(abort, streamTimeout + 1000).unref()
  })
}

export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  const remember = rememberLanguageCookie(request)
  if (remember) response.headers.append('Set-Cookie', remember)
  return response
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // A closed tab and a mistyped address are not server errors.
  if (request.signal.aborted) return
  if (typeof error === 'object' && error !== null && 'status' in error && error.status === 404) return
  console.error(error)
}
