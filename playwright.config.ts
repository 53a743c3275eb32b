import { defineConfig } from '@playwright/test'

// End-to-end specs run the built app (`npm run build:e2e` first) on the
// electron shim, in Debian's Chromium: see tests/README.md. Each launch starts
// its own Chromium and main process, so two workers fit the 2-core machines.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 2,
  fullyParallel: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  outputDir: 'test-results/e2e',
  use: {
    actionTimeout: 10_000,
    trace: 'retain-on-failure',
    // Only for a spec that opens a plain browser tab (the app's windows come from the harness):
    // Debian's Chromium, never a downloaded one.
    launchOptions: { executablePath: process.env.INBOX_DESK_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
  },
})
