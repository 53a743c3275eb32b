import { describe, expect, it } from 'vitest'
import { readLaunchOverrides } from './launch-overrides'

const harnessEnv = {
  INBOX_DESK_E2E: '1',
  INBOX_DESK_E2E_HOOKS: '1',
  INBOX_DESK_USER_DATA_DIR: '/tmp/profile-1',
  INBOX_DESK_KEYCHAIN_SERVICE: 'Inbox Desk e2e profile-1',
  INBOX_DESK_E2E_UPDATES: '1',
}

describe('readLaunchOverrides', () => {
  it('gives the harness its profile, keychain entry and hooks in an unpackaged test build', () => {
    expect(readLaunchOverrides(harnessEnv, { isPackaged: false, e2eBuild: true })).toEqual({
      userDataDir: '/tmp/profile-1',
      keychainService: 'Inbox Desk e2e profile-1',
      e2eHooks: true,
      updatesAsInstalled: true,
    })
  })

  it('honours none of the variables in a packaged app, whatever the build', () => {
    for (const e2eBuild of [true, false]) {
      expect(readLaunchOverrides(harnessEnv, { isPackaged: true, e2eBuild })).toEqual({
        e2eHooks: false,
        updatesAsInstalled: false,
      })
    }
  })

  it('never installs the hooks, nor treats the run as an updatable install, from a shipping build', () => {
    const overrides = readLaunchOverrides(harnessEnv, { isPackaged: false, e2eBuild: false })
    expect(overrides.e2eHooks).toBe(false)
    expect(overrides.updatesAsInstalled).toBe(false)
  })

  it('ignores the profile and keychain variables without INBOX_DESK_E2E=1', () => {
    const { INBOX_DESK_E2E: _flag, ...rest } = harnessEnv
    expect(readLaunchOverrides(rest, { isPackaged: false, e2eBuild: true })).toEqual({
      e2eHooks: false,
      updatesAsInstalled: false,
    })
  })
})
