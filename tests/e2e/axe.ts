import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** axe's serious and critical violations on the page, one line each (empty: none). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Legacy mode: axe must not open a helper page (the app blocks new windows).
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`)
}
