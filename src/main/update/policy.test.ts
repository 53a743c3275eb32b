import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger, createMemorySink } from '../log'
import { checkPolicyValues, mergePolicyLayers, NO_POLICY, parsePolicyJson } from './policy'
import { loadUpdatePolicy, POLICY_FILE_NAME, POLICY_REGISTRY_KEYS } from './policy-sources'
import { createSystemProbe } from './system-probe'
import { createFakeProbe } from './testing/fakes'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A folder standing for the executable's, with update-policy.json written as given (real file on disk). */
function execDirWith(policyText?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'inbox-desk-policy-'))
  dirs.push(dir)
  if (policyText !== undefined) writeFileSync(join(dir, POLICY_FILE_NAME), policyText)
  return dir
}

function memoryLog() {
  const sink = createMemorySink()
  return { log: createLogger(sink), lines: sink.lines }
}

describe('the JSON policy file next to the executable (real files)', () => {
  it('no file: no policy, nothing logged as an error', async () => {
    const { log, lines } = memoryLog()
    const policy = await loadUpdatePolicy(createSystemProbe(), { platform: 'linux', execDir: execDirWith() }, log)
    expect(policy).toEqual(NO_POLICY)
    expect(lines.filter((line) => line.level === 'error')).toEqual([])
  })

  it('disableUpdates: true turns updates off, from the file', async () => {
    const { log } = memoryLog()
    const execDir = execDirWith('{ "disableUpdates": true }')
    const policy = await loadUpdatePolicy(createSystemProbe(), { platform: 'linux', execDir }, log)
    expect(policy).toEqual({ disabled: true, invalid: false, source: 'file' })
  })

  it('overrides the feed and the channel (a byte-order mark from Notepad is fine)', async () => {
    const { log } = memoryLog()
    const execDir = execDirWith('\uFEFF{ "updateUrl": "https://mirror.corp.example/desk/", "channel": "beta" }')
    const policy = await loadUpdatePolicy(createSystemProbe(), { platform: 'linux', execDir }, log)
    expect(policy).toEqual({
      disabled: false,
      invalid: false,
      feedUrl: 'https://mirror.corp.example/desk/',
      channel: 'beta',
      source: 'file',
    })
  })

  it('malformed JSON: a clear error line naming the file, and updates stay off (the safe default)', async () => {
    const { log, lines } = memoryLog()
    const execDir = execDirWith('{ "disableUpdates": tru }')
    const policy = await loadUpdatePolicy(createSystemProbe(), { platform: 'linux', execDir }, log)
    expect(policy).toEqual({ disabled: true, invalid: true, source: 'file' })
    const errors = lines.filter((line) => line.level === 'error').map((line) => line.line)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(join(execDir, POLICY_FILE_NAME))
    expect(errors[0]).toContain('is not valid JSON')
    expect(errors[0]).toContain('Updates stay off until an administrator fixes or removes it')
  })

  it.each([
    ['[]', 'expected an object'],
    ['"off"', 'expected an object'],
    ['{ "disableUpdates": "yes" }', 'disableUpdates must be true/false'],
    ['{ "updateUrl": "http://updates.example/" }', 'must be an https:// address'],
    ['{ "updateUrl": "not a url" }', 'must be an https:// address'],
    ['{ "channel": "../../etc" }', 'must be a channel name'],
    ['{ "disableUpdate": true }', '"disableUpdate" is not a setting Inbox Desk knows'],
  ])('%s is refused, saying why', (text, why) => {
    const layer = parsePolicyJson(text, 'update-policy.json')
    expect(layer).toMatchObject({ source: 'file', problem: expect.stringContaining(why) })
    expect(mergePolicyLayers([layer])).toEqual({ disabled: true, invalid: true, source: 'file' })
  })

  it('accepts 1/0 and "true"/"false" for the switch, and http:// only to this machine', () => {
    expect(checkPolicyValues('file', 'f', { disableUpdates: 0 })).toEqual({
      source: 'file',
      where: 'f',
      values: { disableUpdates: false },
    })
    expect(checkPolicyValues('file', 'f', { disableUpdates: 'true', updateUrl: 'http://localhost:8080/feed' })).toEqual(
      {
        source: 'file',
        where: 'f',
        values: { disableUpdates: true, updateUrl: 'http://localhost:8080/feed' },
      },
    )
  })
})

describe('the Windows registry policy (fake probe)', () => {
  const [HKLM, HKCU] = POLICY_REGISTRY_KEYS

  it('reads HKLM, then HKCU, then the file; a DWORD 1 under either turns updates off', async () => {
    const probe = createFakeProbe({ registry: { [HKCU]: { DisableUpdates: 1 } } })
    const policy = await loadUpdatePolicy(probe, { platform: 'win32', execDir: 'C:\\App' }, memoryLog().log)
    expect(policy).toEqual({ disabled: true, invalid: false, source: 'registry' })
    expect(probe.asked).toEqual([HKLM, HKCU, join('C:\\App', POLICY_FILE_NAME)])
  })

  it('the machine policy wins over the user one, field by field', async () => {
    const probe = createFakeProbe({
      registry: {
        [HKLM]: { UpdateUrl: 'https://machine.example/feed' },
        [HKCU]: { UpdateUrl: 'https://user.example/feed', UpdateChannel: 'beta', DisableUpdates: 0 },
      },
    })
    const policy = await loadUpdatePolicy(probe, { platform: 'win32', execDir: 'C:\\App' }, memoryLog().log)
    expect(policy).toMatchObject({ disabled: false, feedUrl: 'https://machine.example/feed', channel: 'beta' })
  })

  it('a key that cannot be read is an invalid policy (off), logged', async () => {
    const probe = createFakeProbe({ registry: { [HKLM]: new Error('reg query exited with 5: Access is denied.') } })
    const { log, lines } = memoryLog()
    const policy = await loadUpdatePolicy(probe, { platform: 'win32', execDir: 'C:\\App' }, log)
    expect(policy).toEqual({ disabled: true, invalid: true, source: 'registry' })
    expect(lines.find((line) => line.level === 'error')?.line).toContain('Access is denied')
  })

  it('a policy file on Windows still counts, after the registry', async () => {
    const file = join('C:\\App', POLICY_FILE_NAME)
    const probe = createFakeProbe({
      registry: { [HKLM]: { UpdateChannel: 'stable' } },
      files: { [file]: '{"channel":"beta"}' },
    })
    const policy = await loadUpdatePolicy(probe, { platform: 'win32', execDir: 'C:\\App' }, memoryLog().log)
    expect(policy).toMatchObject({ channel: 'stable', source: 'registry' })
  })
})

describe('the macOS managed preferences (fake probe)', () => {
  const machine = '/Library/Managed Preferences/com.inboxdesk.app.plist'
  const user = '/Library/Managed Preferences/agent/com.inboxdesk.app.plist'

  it('reads the machine plist and the user plist; DisableUpdates turns updates off', async () => {
    const probe = createFakeProbe({ plists: { [user]: { DisableUpdates: true } } })
    const context = {
      platform: 'darwin' as const,
      execDir: '/Applications/Inbox Desk.app/Contents/MacOS',
      userName: 'agent',
    }
    const policy = await loadUpdatePolicy(probe, context, memoryLog().log)
    expect(policy).toEqual({ disabled: true, invalid: false, source: 'plist' })
    expect(probe.asked.slice(0, 2)).toEqual([machine, user])
  })

  it('UpdateUrl and UpdateChannel override the feed and channel', async () => {
    const probe = createFakeProbe({
      plists: { [machine]: { UpdateUrl: 'https://mdm.example/desk', UpdateChannel: 'beta' } },
    })
    const policy = await loadUpdatePolicy(probe, { platform: 'darwin', execDir: '/x' }, memoryLog().log)
    expect(policy).toMatchObject({
      disabled: false,
      feedUrl: 'https://mdm.example/desk',
      channel: 'beta',
      source: 'plist',
    })
  })

  it('the registry is never asked on macOS, nor plists on Linux', async () => {
    const probe = createFakeProbe()
    await loadUpdatePolicy(probe, { platform: 'linux', execDir: '/opt/Inbox Desk' }, memoryLog().log)
    expect(probe.asked).toEqual([join('/opt/Inbox Desk', POLICY_FILE_NAME)])
  })
})
