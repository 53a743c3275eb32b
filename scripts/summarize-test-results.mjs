// Adds up the JSON reports of vitest and Playwright into one closing line,
// "Total: N passed, N failed, N skipped", so CI reads one verdict.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.argv[2]
let passed = 0
let failed = 0
let skipped = 0
const missing = []

const vitestFile = join(dir, 'vitest.json')
if (existsSync(vitestFile)) {
  const report = JSON.parse(readFileSync(vitestFile, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  skipped += report.numPendingTests + report.numTodoTests
} else missing.push('vitest')

const playwrightFile = join(dir, 'playwright.json')
if (existsSync(playwrightFile)) {
  const { stats } = JSON.parse(readFileSync(playwrightFile, 'utf8'))
  passed += stats.expected + stats.flaky
  failed += stats.unexpected
  skipped += stats.skipped
} else missing.push('playwright')

if (missing.length) console.log(`Test reports missing (a step failed before running): ${missing.join(', ')}`)
console.log(`Total: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0)
