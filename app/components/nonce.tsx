import { createContext, useContext } from 'react'

// The CSP nonce is only known on the server; in the browser the attribute is hidden anyway.
const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

export function useNonce(): string {
  return useContext(NonceContext)
}
