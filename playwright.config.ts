import { defineConfig } from '@playwright/test'

// Debian's Chromium: Playwright cannot download browsers on these machines.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const port = Number(process.env.E2E_PORT ?? 3210)
export const baseURL = `http://127.0.0.1:${port}`
export const e2eDataDir = 'test-results/e2e-data'

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  globalTeardown: './tests/e2e/global-teardown.ts',
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 3,
  retries: 0,
  // The per-language journeys scan every page with axe; on a busy shared 2-core machine they need room.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts$/ },
    { name: 'resident-setup', testMatch: /resident\.setup\.ts$/, dependencies: ['setup'] },
    { name: 'chromium', dependencies: ['setup'], testIgnore: /resident-pages\.spec\.ts$/ },
    { name: 'resident-pages', testMatch: /resident-pages\.spec\.ts$/, dependencies: ['resident-setup'] },
  ],
  use: {
    baseURL,
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    // The real production build on the embedded database, fresh for every run (it seeds demo data).
    command: `rm -rf ${e2eDataDir} && node server.js`,
    url: `${baseURL}/healthz`,
    env: { PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', PUTRIGHT_DATA_DIR: e2eDataDir },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
