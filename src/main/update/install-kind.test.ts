import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import {
  decideUpdates,
  detectWindowsInstall,
  type InstallFacts,
  MSI_UPGRADE_CODE,
  MSI_UPGRADE_CODE_KEY,
  packedGuid,
} from './install-kind'
import { mergePolicyLayers, NO_POLICY } from './policy'
import { createFakeProbe } from './testing/fakes'

const facts = (over: Partial<InstallFacts> = {}): InstallFacts => ({
  isPackaged: true,
  platform: 'darwin',
  env: {},
  execDir: '/Applications/Inbox Desk.app/Contents/MacOS',
  ...over,
})

describe('whether updates are on, and why not', () => {
  it('a packaged macOS app with no policy updates itself', () => {
    expect(decideUpdates(facts(), null, NO_POLICY)).toEqual({ enabled: true })
  })

  it('development: not packaged (whatever else is true)', () => {
    expect(decideUpdates(facts({ isPackaged: false, platform: 'win32' }), 'nsis', NO_POLICY)).toEqual({
      enabled: false,
      reason: 'development',
    })
  })

  it('Windows: the NSIS install updates; portable, MSI and a hand-unpacked copy do not', () => {
    const win = (env: InstallFacts['env'] = {}) => facts({ platform: 'win32', env, execDir: 'C:\\Apps\\Inbox Desk' })
    expect(decideUpdates(win(), 'nsis', NO_POLICY)).toEqual({ enabled: true })
    expect(decideUpdates(win({ PORTABLE_EXECUTABLE_DIR: 'D:\\' }), 'nsis', NO_POLICY)).toEqual({
      enabled: false,
      reason: 'portable',
    })
    expect(decideUpdates(win(), 'msi', NO_POLICY)).toEqual({ enabled: false, reason: 'msi' })
    expect(decideUpdates(win(), 'none', NO_POLICY)).toEqual({ enabled: false, reason: 'portable' })
  })

  it('Linux: the AppImage updates; a deb/rpm install is the package manager’s', () => {
    expect(
      decideUpdates(facts({ platform: 'linux', env: { APPIMAGE: '/home/a/Inbox.AppImage' } }), null, NO_POLICY),
    ).toEqual({
      enabled: true,
    })
    expect(decideUpdates(facts({ platform: 'linux' }), null, NO_POLICY)).toEqual({
      enabled: false,
      reason: 'package-manager',
    })
  })

  it('an administrator’s policy turns it off; an unreadable one too, with its own reason', () => {
    expect(decideUpdates(facts(), null, { disabled: true, invalid: false, source: 'plist' })).toEqual({
      enabled: false,
      reason: 'policy',
    })
    const broken = mergePolicyLayers([{ source: 'file', where: 'update-policy.json', problem: 'not JSON' }])
    expect(decideUpdates(facts(), null, broken)).toEqual({ enabled: false, reason: 'policy-invalid' })
  })

  it('the install kind comes first: an MSI install with a disabling policy says msi', () => {
    const policy = { disabled: true, invalid: false, source: 'registry' as const }
    expect(decideUpdates(facts({ platform: 'win32' }), 'msi', policy)).toEqual({ enabled: false, reason: 'msi' })
  })

  it('the e2e build’s test install skips the install kind but not the policy', () => {
    expect(decideUpdates(facts({ isPackaged: false, platform: 'linux', testInstall: true }), null, NO_POLICY)).toEqual({
      enabled: true,
    })
    const policy = { disabled: true, invalid: false, source: 'file' as const }
    expect(decideUpdates(facts({ isPackaged: false, testInstall: true }), null, policy)).toEqual({
      enabled: false,
      reason: 'policy',
    })
  })
})

describe('how Windows was installed', () => {
  const execDir = 'C:\\Program Files\\Inbox Desk'

  it('packs a GUID as Windows Installer does', () => {
    expect(packedGuid('{01234567-89AB-CDEF-0123-456789ABCDEF}')).toBe('76543210BA98FEDC1032547698BADCFE')
    expect(() => packedGuid('not-a-guid')).toThrow('Not a GUID')
  })

  it('the upgrade code is electron-builder.yml’s', () => {
    const config = parse(readFileSync(join(__dirname, '../../../electron-builder.yml'), 'utf8')) as {
      msi: { upgradeCode: string }
    }
    expect(config.msi.upgradeCode.toLowerCase()).toBe(MSI_UPGRADE_CODE)
  })

  it('NSIS: its uninstaller is next to the executable (even with an MSI on the machine)', async () => {
    const probe = createFakeProbe({
      files: { [join(execDir, 'Uninstall Inbox Desk.exe')]: '' },
      registry: { [MSI_UPGRADE_CODE_KEY]: {} },
    })
    expect(await detectWindowsInstall(probe, execDir)).toBe('nsis')
  })

  it('MSI: no NSIS uninstaller, and Windows Installer knows our upgrade code', async () => {
    const probe = createFakeProbe({ registry: { [MSI_UPGRADE_CODE_KEY]: { '5C5E0B0EB4C6C1E4D936B2F1F3F6A511': '' } } })
    expect(await detectWindowsInstall(probe, execDir)).toBe('msi')
  })

  it('neither: a copy unpacked by hand', async () => {
    expect(await detectWindowsInstall(createFakeProbe(), execDir)).toBe('none')
  })
})
