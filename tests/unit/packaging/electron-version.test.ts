/**
 * Electron is one exact release of the 45 line (issue 9 §4 asks for the newest 45.x patch: `npm view electron@45
 * version` lists them; 45.6.0 on 2026-12-03), the lockfile installs that release, and `npm run security` audits
 * the code against the same version (scripts/electronegativity.mjs passes `--electron-version` from package.json).
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../../..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')

describe('the Electron release', () => {
  it('electron is pinned to one exact 45.x release, and electronegativity checks against it', () => {
    const pinned = (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }).devDependencies
      .electron
    // An exact version: a range would let an install pick another patch than the one audited here.
    expect(pinned).toMatch(/^45\.\d+\.\d+$/)
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version?: string }> }
    expect(lock.packages['node_modules/electron']?.version).toBe(pinned)
    expect(read('scripts/electronegativity.mjs')).toMatch(
      /devDependencies\.electron[\s\S]*'--electron-version',\s*electronVersion/,
    )
  })
})
