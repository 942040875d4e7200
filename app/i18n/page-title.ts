import type { UIMatch } from '@remix-run/react'

interface RootData {
  serviceName: string
  errorTitlePrefix: string
}

function isRootData(data: unknown): data is RootData {
  return typeof data === 'object' && data !== null && 'serviceName' in data && 'errorTitlePrefix' in data
}

/** "Error: What happened? – PutRight": the prefix only after a rejected form (set via load context). */
export function pageTitle(title: string | undefined, matches: ReadonlyArray<Pick<UIMatch, 'id' | 'data'>>): string {
  const root = matches.find((match) => match.id === 'root')?.data
  if (!isRootData(root)) return title ?? ''
  return `${root.errorTitlePrefix}${title ? `${title} – ` : ''}${root.serviceName}`
}
