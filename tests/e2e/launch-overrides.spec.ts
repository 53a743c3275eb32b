/**
 * The harness's variables (INBOX_DESK_E2E, _E2E_HOOKS, _USER_DATA_DIR, _KEYCHAIN_SERVICE) move the
 * profile and switch on the test hooks of an unpackaged test build, and change nothing in a packaged
 * app (src/main/shell/launch-overrides.ts). Shim only: it can answer `app.isPackaged` either way.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { launchApp } from './harness'

const hooksInstalled = () => typeof (globalThis as { __inboxDeskE2E?: unknown }).__inboxDeskE2E !== 'undefined'

for (const packaged of [false, true]) {
  test(`${packaged ? 'a packaged app ignores' : 'an unpackaged test build honours'} the harness's variables`, async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'inbox-desk-elsewhere-'))
    const app = await launchApp({
      packaged,
      env: { INBOX_DESK_USER_DATA_DIR: elsewhere, INBOX_DESK_E2E_HOOKS: '1' },
    })
    try {
      const page = await app.firstWindow()
      await expect(page.getByRole('button', { name: 'Connect an account' })).toBeVisible()
      const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))
      expect(userData).toBe(packaged ? app.userDataDir : elsewhere)
      expect(await app.evaluate(hooksInstalled)).toBe(!packaged)
    } finally {
      await app.close()
      rmSync(elsewhere, { recursive: true, force: true })
    }
  })
}
