// Versions for the static files served outside the Remix build, so they can be cached for a year.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'

function versionOf(file: string): string {
  return createHash('sha256')
    .update(readFileSync(path.resolve(file)))
    .digest('hex')
    .slice(0, 12)
}

export const enhanceScriptVersion = versionOf('public/assets/enhance.js')
