import { describe, expect, it } from 'vitest'
import ar from '../../shared/i18n/catalogs/ar.json'
import de from '../../shared/i18n/catalogs/de.json'
import { supportedLocales, type Locale } from '../../shared/i18n/locales'
import { createMainI18n } from '../i18n'
import {
  diagnosticsText,
  RECOVERY_ACTION_ORIGIN,
  recoveryActionOf,
  recoveryPageHtml,
  recoveryPageUrl,
} from './recovery-page'

const crashes = [
  { at: Date.UTC(2026, 11, 3, 8, 0, 0), reason: 'crashed', exitCode: 11 },
  { at: Date.UTC(2026, 11, 3, 8, 0, 5), reason: 'oom<script>alert(1)</script>', exitCode: null },
]
/** Main's own i18n (src/main/i18n), as the shell hands it over: the page takes its words from there. */
const wordsIn = (locale: Locale) => {
  const i18n = createMainI18n({ systemLocales: [], preference: locale })
  return { locale: i18n.locale(), t: i18n.t }
}
const html = (locale: Locale = 'en', notice?: Parameters<typeof recoveryPageHtml>[0]['notice']) =>
  recoveryPageHtml({ ...wordsIn(locale), crashes, notice })

describe('the recovery page', () => {
  it('runs no script, loads nothing, and its forms go only to the action host', () => {
    const page = html()
    expect(page).toContain(
      `default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action ${RECOVERY_ACTION_ORIGIN}`,
    )
    expect(page).not.toMatch(/<script|javascript:|\son[a-z]+=/i)
    const actions = [...page.matchAll(/<form method="get" action="([^"]+)"/g)].map((m) => m[1])
    expect(actions).toEqual([
      `${RECOVERY_ACTION_ORIGIN}/reload`,
      `${RECOVERY_ACTION_ORIGIN}/clear-cache`,
      `${RECOVERY_ACTION_ORIGIN}/copy-diagnostics`,
    ])
    expect(recoveryPageUrl({ ...wordsIn('en'), crashes })).toBe(
      `data:text/html;charset=utf-8,${encodeURIComponent(page)}`,
    )
  })

  it('offers Reload, Clear cached data and Copy diagnostics, and lists the crashes (reasons cut to a word)', () => {
    const page = html()
    for (const label of ['Inbox Desk’s window crashed', 'Reload', 'Clear cached data', 'Copy diagnostics']) {
      expect(page).toContain(`${label}<`)
    }
    expect(page).toContain('· crashed</li>')
    expect(page).toContain('· oomscriptalert1script</li>')
  })

  it('is in the agent’s language, right to left in Arabic', () => {
    expect(html('de')).toContain(`>${de.recovery.clearCache}<`)
    const arabic = html('ar')
    expect(arabic).toContain('<html lang="ar" dir="rtl">')
    expect(arabic).toContain(`>${ar.recovery.reload}<`)
    // Every text found in the catalog (a missing one would show its key).
    for (const locale of supportedLocales) expect(html(locale)).not.toMatch(/>recovery\.\w/)
  })

  it('follows a language change made after start (the shell hands over main’s live i18n)', () => {
    const i18n = createMainI18n({ systemLocales: ['en-US'], preference: 'system' })
    i18n.setPreference('de')
    expect(recoveryPageHtml({ locale: i18n.locale(), t: i18n.t, crashes })).toContain(`>${de.recovery.reload}<`)
  })

  it('says what the last action did, escaped', () => {
    expect(html('en', { kind: 'copied' })).toContain('role="status">Diagnostics copied.')
    expect(html('en', { kind: 'clearFailed', error: 'disk <full>' })).toContain('(disk &lt;full&gt;)')
  })
})

describe('recoveryActionOf', () => {
  it.each([
    [`${RECOVERY_ACTION_ORIGIN}/reload?`, 'reload'],
    [`${RECOVERY_ACTION_ORIGIN}/clear-cache?`, 'clear-cache'],
    [`${RECOVERY_ACTION_ORIGIN}/copy-diagnostics`, 'copy-diagnostics'],
    [`${RECOVERY_ACTION_ORIGIN}/format-disk`, null],
    ['https://recovery.inbox-desk.invalid.evil.example/reload', null],
    ['http://recovery.inbox-desk.invalid/reload', null],
    ['app://inbox-desk/index.html', null],
    ['nonsense', null],
  ])('%s → %s', (url, action) => {
    expect(recoveryActionOf(url)).toBe(action)
  })
})

describe('diagnosticsText', () => {
  it('gives the app, the system and the crashes, nothing else', () => {
    const text = diagnosticsText({
      appVersion: '0.1.0',
      platform: 'linux',
      arch: 'x64',
      osRelease: '6.1.0',
      versions: { electron: '45.5.0', chrome: '142.0', node: '22.1.0' },
      locale: 'pt-BR',
      crashes,
    })
    expect(text).toBe(
      [
        'Inbox Desk 0.1.0',
        'Platform: linux x64, OS 6.1.0',
        'Electron 45.5.0, Chromium 142.0, Node 22.1.0',
        'UI language: pt-BR',
        'Renderer crashes (oldest first, at most the last 10):',
        '  2026-12-03T08:00:00.000Z  crashed (exit code 11)',
        '  2026-12-03T08:00:05.000Z  oomscriptalert1script',
      ].join('\n'),
    )
  })
})
