import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { chromiumPath } from '../../playwright.config'

export default function globalSetup() {
  // With CI=true a missing browser is a failure, never a skip; locally it says how to get one.
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: run "apt-get install -y chromium" (or set CHROMIUM_PATH).`)
  }
  if (!existsSync('build/index.js'))
    throw new Error('No server build: run "npm run build" first (npm run test:e2e does).')
  mkdirSync('test-results', { recursive: true })
  rmSync('test-results/axe-scans.jsonl', { force: true })
}
