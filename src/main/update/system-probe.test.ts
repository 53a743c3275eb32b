import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createSystemProbe, parseRegQuery } from './system-probe'

describe('reading `reg query` output', () => {
  it('reads DWORDs as numbers and strings as they are, names with spaces too', () => {
    const stdout = [
      '',
      'HKEY_LOCAL_MACHINE\\Software\\Policies\\Inbox Desk',
      '    DisableUpdates    REG_DWORD    0x1',
      '    UpdateUrl    REG_SZ    https://mirror.corp.example/desk path/',
      '    Update Channel    REG_EXPAND_SZ    beta',
      '    Empty    REG_SZ    ',
      '',
      'HKEY_LOCAL_MACHINE\\Software\\Policies\\Inbox Desk\\Sub',
      '',
    ].join('\r\n')
    expect(parseRegQuery(stdout)).toEqual({
      DisableUpdates: 1,
      UpdateUrl: 'https://mirror.corp.example/desk path/',
      'Update Channel': 'beta',
      Empty: '',
    })
  })

  it('a key with no values reads as empty (it exists)', () => {
    expect(parseRegQuery('\r\nHKEY_CLASSES_ROOT\\Installer\\UpgradeCodes\\X\r\n')).toEqual({})
  })
})

describe('files through the system probe (real files)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inbox-desk-probe-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads a file, answers null for a missing one, and says whether a file exists', async () => {
    const probe = createSystemProbe()
    writeFileSync(join(dir, 'update-policy.json'), '{"channel":"beta"}')
    expect(await probe.readTextFile(join(dir, 'update-policy.json'))).toBe('{"channel":"beta"}')
    expect(await probe.readTextFile(join(dir, 'missing.json'))).toBeNull()
    expect(await probe.fileExists(join(dir, 'update-policy.json'))).toBe(true)
    expect(await probe.fileExists(join(dir, 'Uninstall Inbox Desk.exe'))).toBe(false)
    expect(await probe.readPlist(join(dir, 'com.inboxdesk.app.plist'))).toBeNull()
  })

  it('a folder where the file should be is an error, not "no policy"', async () => {
    await expect(createSystemProbe().readTextFile(dir)).rejects.toThrow()
  })
})
