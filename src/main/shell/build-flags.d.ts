/**
 * Replaced at build time by electron.vite.config.ts: true only in
 * `npm run build:e2e` (`electron-vite build --mode e2e`). Code under
 * `if (__INBOX_DESK_E2E_BUILD__)` is dropped from the shipping bundle.
 */
declare const __INBOX_DESK_E2E_BUILD__: boolean
