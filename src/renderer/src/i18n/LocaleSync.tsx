/**
 * Applies the UI language live: i18next's language, `lang` and `dir` on the root element, Mantine's direction
 * (its components mirror in RTL), and the formatting context (`useFormat`). `system` follows the OS's
 * preferred languages, which main reads from the shell.
 */
import { createContext, type ReactNode, useEffect, useLayoutEffect, useMemo } from 'react'
import { useDirection } from '@mantine/core'
import { isRtl, resolveLocale, type Locale } from '../../../shared/i18n/locales'
import type { RendererSettings } from '../../../shared/ipc/contract'
import { i18n } from './i18n'

export interface FormatSettings {
  locale: Locale
  clock: RendererSettings['clock']
}

export const FormatContext = createContext<FormatSettings>({ locale: 'en', clock: 'system' })

export function LocaleSync({
  preference,
  clock,
  systemLocales,
  children,
}: {
  preference: RendererSettings['locale']
  clock: RendererSettings['clock']
  systemLocales: readonly string[]
  children: ReactNode
}) {
  const locale = resolveLocale(preference, systemLocales)
  const { setDirection } = useDirection()
  // Before paint, so a switch never shows one frame in the old direction.
  useLayoutEffect(() => {
    const dir = isRtl(locale) ? 'rtl' : 'ltr'
    void i18n.changeLanguage(locale)
    document.documentElement.lang = locale
    document.documentElement.dir = dir
    setDirection(dir)
  }, [locale, setDirection])
  useEffect(() => () => setDirection('ltr'), [setDirection])
  const value = useMemo(() => ({ locale, clock }), [locale, clock])
  return <FormatContext.Provider value={value}>{children}</FormatContext.Provider>
}
