/**
 * What is wrong with a canned reply being added, in the UI language. The schema (shared with main, which checks
 * again) says it in English for logs; here each kind of problem has its own sentence.
 */
import type { TFunction } from 'i18next'
import type { z } from 'zod'
import { REPLY_MAX_CHARACTERS } from '../../../shared/domain/reply-length'

export function cannedIssueMessage(t: TFunction, field: 'shortcut' | 'text', issue: z.core.$ZodIssue): string {
  if (field === 'shortcut') {
    if (issue.code === 'too_small') return t('canned.shortcutMissing')
    if (issue.code === 'too_big') return t('canned.shortcutTooLong', { count: 32 }) // cannedReplySchema's .max(32)
    if (issue.code === 'invalid_format') return t('canned.shortcutChars')
    return t('canned.shortcutError', { error: issue.message })
  }
  if (issue.code === 'too_small') return t('canned.textMissing')
  if (issue.code === 'too_big' || issue.code === 'custom') {
    return t('canned.textTooLong', { count: REPLY_MAX_CHARACTERS })
  }
  return t('canned.textError', { error: issue.message })
}
