// What server.js hands every loader and action for one request.
export interface PageState {
  /** Set by rejectForm(): the root loader then prefixes the page title with "Error: ". */
  formRejected: boolean
  /** Set by the enrolment action: the page then shows the recovery codes, not a redirect. */
  enrolmentCompleted?: boolean
}

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
  interface AppLoadContext {
    cspNonce: string
    requestId: string
    /** The client's address as Express sees it (behind a proxy only with TRUST_PROXY). */
    clientIp: string | null
    page: PageState
  }
}

export {}
