/**
 * Test-only hooks, compiled into the test build only (`npm run build:e2e`)
 * and loaded there only when INBOX_DESK_E2E=1 and INBOX_DESK_E2E_HOOKS=1 in an
 * unpackaged app (./launch-overrides.ts; Mattermost's src/main/e2e idea). On real Electron the harness (tests/e2e/harness.ts)
 * reaches them through `electronApp.evaluate` as `globalThis.__inboxDeskE2E`,
 * to see what the OS shows (notifications, tray, badge, external URLs) and to
 * act as the user would (click a notification or tray item, focus, hide).
 * The method names and records match the electron shim's, so the same specs
 * run on both. The recorders are in ./e2e-recorders.ts, the controls in ./e2e-controls.ts;
 * only this file imports them, so the shipping build (which drops this file) has neither.
 */
import { createControls } from './e2e-controls'
import { recordBadgeAndLinks, recordNotifications, recordProxyConfigs, recordTray } from './e2e-recorders'

/** Installs the recorders. Call before the shell creates its tray or shows anything. */
export function installE2eHooks(): void {
  const controls = createControls({
    notifications: recordNotifications(),
    badgeAndLinks: recordBadgeAndLinks(),
    tray: recordTray(),
    proxyConfigs: recordProxyConfigs(),
  })
  ;(globalThis as { __inboxDeskE2E?: unknown }).__inboxDeskE2E = {
    control(method: string, params: Record<string, unknown>) {
      const control = controls[method]
      if (!control) throw new Error(`No e2e control ${method}`)
      return control(params)
    },
  }
}
