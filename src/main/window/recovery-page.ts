/**
 * The page the window shows once its renderer keeps crashing (./crash-loop.ts): "Inbox Desk's window crashed",
 * with Reload, Clear cached data and Copy diagnostics, in the agent's language.
 *
 * Safe by construction: a self-contained `data:` page (the app's own page is what keeps crashing), no script at all
 * (`default-src 'none'`), no preload bridge use. Its buttons are plain forms that navigate to
 * `https://recovery.inbox-desk.invalid/<action>`: a `.invalid` host never resolves, and the shell's will-navigate
 * handler stops that navigation and does the action in main (shell/recovery.ts) — only while this page is shown.
 */
import { isRtl, type Locale } from '../../shared/i18n/locales'
import type { Translate } from '../i18n'
import type { CrashRecord } from './crash-loop'

export const RECOVERY_ACTION_ORIGIN = 'https://recovery.inbox-desk.invalid'
export const recoveryActions = ['reload', 'clear-cache', 'copy-diagnostics'] as const
export type RecoveryAction = (typeof recoveryActions)[number]

/** What the last action left to say: the diagnostics are on the clipboard, or the cache could not be cleared. */
export type RecoveryNotice = { kind: 'copied' } | { kind: 'clearFailed'; error: string }

export interface RecoveryPage {
  locale: Locale
  /** Main's i18n lookup (../i18n) in that locale: the page's words come from the shared catalogs. */
  t: Translate
  crashes: readonly CrashRecord[]
  notice?: RecoveryNotice
}

/** The action a navigation from the recovery page asks for; null for any other URL. */
export function recoveryActionOf(url: string): RecoveryAction | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.origin !== RECOVERY_ACTION_ORIGIN) return null
  const action = parsed.pathname.slice(1)
  return (recoveryActions as readonly string[]).includes(action) ? (action as RecoveryAction) : null
}

export function recoveryPageUrl(page: RecoveryPage): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(recoveryPageHtml(page))}`
}

const POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  `form-action ${RECOVERY_ACTION_ORIGIN}`,
].join('; ')

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:38em;margin:12vh auto;padding:0 1em;color:#222;background:#fff}
form{margin:1.25em 0 0}button{font:inherit;padding:.45em 1.1em;border-radius:6px;border:1px solid #888;background:#f4f4f5;color:inherit;cursor:pointer}
button.primary{background:#228be6;border-color:#228be6;color:#fff}button:focus-visible{outline:2px solid #228be6;outline-offset:2px}
.hint{margin:.3em 0 0;font-size:13px;color:#555}.notice{padding:.6em .9em;border-radius:6px;background:#e7f5ff;margin:1em 0}
.notice.error{background:#fff5f5}ul{padding-inline-start:1.2em;font-size:13px;color:#555}
@media (prefers-color-scheme:dark){body{background:#1a1b1e;color:#ddd}button{background:#2c2e33;border-color:#555}
.hint,ul{color:#aaa}.notice{background:#1c3a55}.notice.error{background:#4a1f1f}}`

export function recoveryPageHtml({ locale, t, crashes, notice }: RecoveryPage): string {
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' })
  const action = (name: RecoveryAction, label: string, hint: string, primary = false) =>
    `<form method="get" action="${RECOVERY_ACTION_ORIGIN}/${name}"><button type="submit"${primary ? ' class="primary"' : ''}>${escapeHtml(label)}</button>
<p class="hint">${escapeHtml(hint)}</p></form>`
  const noticeHtml =
    notice?.kind === 'copied'
      ? `<p class="notice" role="status">${escapeHtml(t('recovery.copied'))}</p>`
      : notice?.kind === 'clearFailed'
        ? `<p class="notice error" role="alert">${escapeHtml(t('recovery.clearFailed', { error: notice.error.slice(0, 200) }))}</p>`
        : ''
  const crashList = crashes
    .map(
      (crash) => `<li><bdi>${escapeHtml(time.format(crash.at))}</bdi> · ${escapeHtml(safeReason(crash.reason))}</li>`,
    )
    .join('')
  return `<!doctype html><html lang="${locale}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<title>${escapeHtml(t('recovery.title'))}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(t('recovery.title'))}</h1><p>${escapeHtml(t('recovery.body'))}</p>${noticeHtml}
${action('reload', t('recovery.reload'), t('recovery.reloadHint'), true)}
${action('clear-cache', t('recovery.clearCache'), t('recovery.clearCacheHint'))}
${action('copy-diagnostics', t('recovery.copyDiagnostics'), t('recovery.copyHint'))}
<h2 style="font-size:14px;margin-top:2em">${escapeHtml(t('recovery.recentCrashes'))}</h2><ul>${crashList}</ul></main></body></html>`
}

export interface DiagnosticsInfo {
  appVersion: string
  platform: string
  arch: string
  osRelease: string
  versions: { electron?: string; chrome?: string; node?: string }
  locale: Locale
  crashes: readonly CrashRecord[]
}

/**
 * What Copy diagnostics puts on the clipboard, for a bug report: the app, the system and the crashes (time, reason,
 * exit code). Built only from these fields: never the key, the account, a conversation or a path with a user name.
 * English on purpose: it is read by whoever fixes the bug.
 */
export function diagnosticsText(info: DiagnosticsInfo): string {
  const { electron = '?', chrome = '?', node = '?' } = info.versions
  return [
    `Inbox Desk ${info.appVersion}`,
    `Platform: ${info.platform} ${info.arch}, OS ${info.osRelease}`,
    `Electron ${electron}, Chromium ${chrome}, Node ${node}`,
    `UI language: ${info.locale}`,
    `Renderer crashes (oldest first, at most the last 10):`,
    ...info.crashes.map(
      (crash) =>
        `  ${new Date(crash.at).toISOString()}  ${safeReason(crash.reason)}` +
        (crash.exitCode === null ? '' : ` (exit code ${crash.exitCode})`),
    ),
  ].join('\n')
}

/** Electron's reasons are short words (`crashed`, `oom`, `launch-failed`); anything else is cut down to one. */
function safeReason(reason: string): string {
  return reason.replace(/[^\w-]/g, '').slice(0, 40) || 'unknown'
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  )
}
