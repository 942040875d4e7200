// What server.js hands every loader and action for one request.
export interface PageState {
  /** Set by rejectForm(): the root loader then prefixes the page title with "Error: ". */
  formRejected: boolean
}

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
  interface AppLoadContext {
    cspNonce: string
    requestId: string
    page: PageState
  }
}

export {}
