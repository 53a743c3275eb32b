/**
 * Settings → Network: the system proxy by default, set on the session at start; a manual proxy refused with
 * a clear message when it is not an address, accepted when it is, applied at once with setProxy
 * (fixed_servers), and still there after a restart, applied again before the account is restored. The
 * shim records setProxy (its net.fetch does not go through the proxy: tests/e2e/electron-shim/README.md);
 * real Electron records it through the test build's hooks.
 */
import type { Page } from '@playwright/test'
import { expect, exploreDemo, test, waitForInbox } from './fixtures'

async function openNetworkSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const section = page.getByRole('region', { name: 'Network' })
  await section.scrollIntoViewIfNeeded()
  return section
}

test('a manual proxy: a bad address gets a message, a good one is applied and survives a restart', async ({ app }) => {
  const page = await exploreDemo(app)
  // At start: the default, the operating system's settings.
  await expect.poll(async () => (await app.records()).proxyConfigs).toEqual([{ mode: 'system' }])

  const network = await openNetworkSettings(page)
  await expect(network.getByRole('radio', { name: 'Use the system proxy' })).toBeChecked()
  await network.getByRole('radio', { name: 'Manual proxy' }).check()
  const address = network.getByRole('textbox', { name: 'Proxy address' })

  await address.fill('proxy.corp.example:3128')
  await network.getByRole('button', { name: 'Save proxy' }).click()
  await expect(network.getByText('This is not a proxy address.', { exact: false })).toBeVisible()
  await address.fill('http://user:secret@proxy.corp.example:3128')
  await network.getByRole('button', { name: 'Save proxy' }).click()
  await expect(network.getByText('Leave the user name and password out', { exact: false })).toBeVisible()
  // Nothing was applied or saved while the address was wrong.
  expect((await app.records()).proxyConfigs).toEqual([{ mode: 'system' }])

  await address.fill('http://127.0.0.1:3128')
  await network.getByRole('textbox', { name: 'Do not use the proxy for' }).fill('*.corp.example, 10.0.0.0/8')
  await network.getByRole('button', { name: 'Save proxy' }).click()
  await expect(network.getByRole('status')).toHaveText('This proxy is in use.')
  const manual = {
    mode: 'fixed_servers',
    proxyRules: 'http://127.0.0.1:3128',
    proxyBypassRules: '*.corp.example,10.0.0.0/8',
  }
  await expect.poll(async () => (await app.records()).proxyConfigs).toEqual([{ mode: 'system' }, manual])
  // The bridge checks again: a renderer that skips the form's check is refused.
  const forged = await page.evaluate(() =>
    window.inboxDesk.updateSettings({ proxy: { mode: 'manual', url: 'ftp://proxy:21', bypass: '' } }),
  )
  expect(forged.ok ? null : forged.error.kind).toBe('invalid_argument')

  await app.restart()
  const again = await app.firstWindow()
  await waitForInbox(again)
  // Applied at start from the saved setting, before anything reaches the network.
  await expect.poll(async () => (await app.records()).proxyConfigs).toEqual([manual])
  const after = await openNetworkSettings(again)
  await expect(after.getByRole('radio', { name: 'Manual proxy' })).toBeChecked()
  await expect(after.getByRole('textbox', { name: 'Proxy address' })).toHaveValue('http://127.0.0.1:3128')

  // Back to no proxy: applied at once.
  await after.getByRole('radio', { name: 'No proxy' }).check()
  await expect.poll(async () => (await app.records()).proxyConfigs).toEqual([manual, { mode: 'direct' }])
})
