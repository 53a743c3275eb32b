/**
 * The welcome screen's connect form, as the app benchmarks (renderer.bench.ts, search.bench.ts) drive it
 * against their own sandbox. They run without a keychain, so the key is kept for the session only.
 */
import type { Page } from '@playwright/test'
import { SANDBOX_ACCOUNTS, type RunningSandbox } from '../src/sandbox/index'

export async function connectThroughWelcome(
  page: Page,
  sandbox: RunningSandbox,
  apiKey: string = SANDBOX_ACCOUNTS.acme.apiKey,
): Promise<void> {
  await page.getByRole('button', { name: 'Connect an account' }).click()
  await page.getByLabel(/^API address/).fill(sandbox.url)
  await page.getByLabel(/^API key/).fill(apiKey)
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  const sessionOnly = page.getByRole('button', { name: 'Keep the key for this session only' })
  const views = page.getByRole('navigation', { name: 'Views' })
  await sessionOnly.or(views).first().waitFor({ timeout: 60_000 })
  if (await sessionOnly.isVisible()) await sessionOnly.click()
  await views.waitFor({ timeout: 60_000 })
}
