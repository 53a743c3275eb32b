/**
 * The canned replies a new install starts with (examples the agent edits or removes), in the UI language of
 * the first run: the catalogs' `canned.seed.*`. English is also the settings file's default (settings.ts).
 * Shortcuts stay within the contract's letters, digits, - and _ (ASCII), in every catalog.
 */
import en from '../../shared/i18n/catalogs/en.json'
import type { CannedReply } from '../../shared/ipc/contract'

type Translate = (key: string) => string

/** The English seeds, straight from the English catalog (the settings file's default, before any i18n runs). */
export const englishCannedReplies = (): CannedReply[] =>
  seededCannedReplies((key) => en.canned.seed[key.replace('canned.seed.', '') as keyof typeof en.canned.seed])

export function seededCannedReplies(t: Translate): CannedReply[] {
  return [
    { shortcut: t('canned.seed.thanksShortcut'), text: t('canned.seed.thanks') },
    { shortcut: t('canned.seed.refundShortcut'), text: t('canned.seed.refund') },
    { shortcut: t('canned.seed.hoursShortcut'), text: t('canned.seed.hours') },
    { shortcut: t('canned.seed.orderShortcut'), text: t('canned.seed.order') },
  ]
}
