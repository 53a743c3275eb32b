import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// Unit and integration tests that run in Node: the sandbox over real HTTP, the
// API client, the main-process services. End-to-end specs (tests/e2e) run
// under Playwright instead.
export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/contract/**/*.test.ts'],
    exclude: ['node_modules', 'out', 'tests/e2e/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // expect.poll waits on real servers and timers; a 2-core CI machine under
    // load needs more than the 1 s default. Generous, since a pass returns at once.
    expect: { poll: { timeout: 10_000 } },
  },
})
