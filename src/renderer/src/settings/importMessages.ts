/** Why an import of canned replies was refused, in the UI language. */
import { useTranslation } from 'react-i18next'
import { CANNED_REPLIES_MAX } from '../../../shared/ipc/contract'
import { templateProblemMessage } from '../composer/templateMessages'
import type { ImportProblem } from './cannedFile'
import { cannedIssueMessage } from './cannedErrors'

export function useImportProblemMessage() {
  const { t } = useTranslation()
  return (problem: ImportProblem): string => {
    switch (problem.kind) {
      case 'tooLarge':
        return t('cannedFile.tooLarge')
      case 'notJson':
        return t('cannedFile.notJson', { detail: problem.detail })
      case 'notRepliesFile':
        return t('cannedFile.notRepliesFile')
      case 'empty':
        return t('cannedFile.empty')
      case 'badReply':
        return t('cannedFile.badReply', {
          position: problem.position,
          problem:
            problem.field === 'reply' ? t('cannedFile.notAReply') : cannedIssueMessage(t, problem.field, problem.issue),
        })
      case 'template':
        return t('cannedFile.badTemplate', {
          position: problem.position,
          shortcut: problem.shortcut,
          problem: templateProblemMessage(t, problem.problem),
        })
      case 'duplicate':
        return t('cannedFile.duplicate', { shortcut: problem.shortcut })
      case 'tooMany':
        return t('cannedFile.tooMany', { total: problem.count, max: CANNED_REPLIES_MAX })
    }
  }
}
