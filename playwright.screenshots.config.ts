import { defineConfig } from '@playwright/test'

// `npm run screenshots`: PNGs of the main screens, light and dark, into docs/screenshots/ (the README shows them).
// Same harness as the end-to-end specs (the built app on the electron shim, against the sandbox), in its own
// folder so `playwright test` (tests/e2e) never runs it. One worker: the figures do not depend on it, but the
// 2-core machine does.
export default defineConfig({
  testDir: 'tests/screenshots',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results/screenshots',
  use: { actionTimeout: 10_000, trace: 'retain-on-failure' },
})
