/**
 * `npm run sandbox` (src/sandbox/cli.ts): one JSON line on stdout, serves the
 * API, stops with exit code 0 on SIGTERM; a bad flag is exit code 2 with usage.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { listConversationsResponseSchema } from '../../src/shared/api/schemas'
import { expectResponseMatchesContract } from './openapi'

const children: ChildProcess[] = []

/**
 * tsx directly rather than through npx: npm re-raises a signal it receives, so
 * `npx` itself would die by SIGTERM and hide the sandbox's own exit code.
 */
function startCli(args: string[]): ChildProcess {
  const child = spawn('node_modules/.bin/tsx', ['src/sandbox/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  return child
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

describe('the sandbox CLI', () => {
  it('prints exactly one JSON line, serves the API, and exits 0 on SIGTERM', async () => {
    const child = startCli(['--port', '0', '--delivery-ms', '100'])
    const stdoutLines: string[] = []
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => stdoutLines.push(line))
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    await expect.poll(() => stdoutLines.length, { timeout: 30_000 }).toBeGreaterThan(0)

    const started = JSON.parse(stdoutLines[0]!) as { url: string; accounts: Array<{ name: string; apiKey: string }> }
    expect(Object.keys(started)).toEqual(['url', 'accounts'])
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(started.accounts).toEqual([
      { name: 'Acme Support', apiKey: 'sandbox-acme-key' },
      { name: 'Globex Care', apiKey: 'sandbox-globex-key' },
    ])

    const response = await fetch(`${started.url}/conversations`, { headers: { 'x-api-key': 'sandbox-acme-key' } })
    expect(response.status).toBe(200)
    const body = await expectResponseMatchesContract('listConversations', response)
    expect(listConversationsResponseSchema.parse(body).data.length).toBeGreaterThan(0)

    child.kill('SIGTERM')
    expect(await exitOf(child)).toBe(0)
    expect(stdoutLines).toHaveLength(1)
    // Logs went to stderr.
    expect(stderr).toContain('GET /conversations')
  }, 60_000)

  it.each([[['--port', 'abc']], [['--bogus']], [['--seed', 'huge']], [['--delivery-ms', '0']], [['stray']]])(
    '%j exits 2 with the usage on stderr and nothing on stdout',
    async (args) => {
      const child = startCli(args)
      let stdout = ''
      let stderr = ''
      child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      expect(await exitOf(child)).toBe(2)
      expect(stderr).toContain('Usage: npm run sandbox')
      expect(stdout).toBe('')
    },
    60_000,
  )
})
