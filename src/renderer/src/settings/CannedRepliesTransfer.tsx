/**
 * Export and import canned replies as a JSON file (cannedFile.ts). A bad file changes nothing and says what is
 * wrong with it; a good one says how many replies it added and replaced.
 */
import { useRef, useState } from 'react'
import { Alert, Button, FileButton, Group, Stack } from '@mantine/core'
import { IconDownload, IconUpload } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { CannedReply } from '../../../shared/ipc/contract'
import { exportCannedReplies, importCannedReplies } from './cannedFile'
import { useImportProblemMessage } from './importMessages'

type Outcome = { ok: true; message: string } | { ok: false; message: string } | null

export function CannedRepliesTransfer({
  replies,
  onImport,
}: {
  replies: readonly CannedReply[]
  onImport: (replies: CannedReply[]) => void
}) {
  const { t } = useTranslation()
  const problemMessage = useImportProblemMessage()
  const [outcome, setOutcome] = useState<Outcome>(null)
  // Cleared after each pick, so picking the same file again (after fixing it) reads it again.
  const resetFile = useRef<() => void>(null)

  const exportFile = () => {
    const blob = new Blob([exportCannedReplies(replies)], { type: 'application/json' })
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = 'canned-replies.json'
    link.click()
    // The download has its own copy once it started; the object URL is only needed for the click.
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  }

  const importFile = async (file: File | null) => {
    if (!file) return
    resetFile.current?.()
    let text: string
    try {
      text = await file.text()
    } catch (error) {
      setOutcome({ ok: false, message: t('cannedFile.unreadable', { name: file.name, error: String(error) }) })
      return
    }
    const result = importCannedReplies(text, replies)
    if (!result.ok) {
      setOutcome({
        ok: false,
        message: t('cannedFile.refused', { name: file.name, problem: problemMessage(result.problem) }),
      })
      return
    }
    onImport(result.replies)
    setOutcome({
      ok: true,
      message: `${t('cannedFile.added', { count: result.added })} ${t('cannedFile.replaced', { count: result.replaced })}`,
    })
  }

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          disabled={replies.length === 0}
          onClick={exportFile}
        >
          {t('cannedFile.export')}
        </Button>
        <FileButton resetRef={resetFile} onChange={(file) => void importFile(file)} accept="application/json,.json">
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden />}>
              {t('cannedFile.import')}
            </Button>
          )}
        </FileButton>
      </Group>
      {outcome && (
        <Alert
          role={outcome.ok ? 'status' : 'alert'}
          color={outcome.ok ? 'green' : 'red'}
          withCloseButton
          closeButtonLabel={t('common.dismiss')}
          onClose={() => setOutcome(null)}
        >
          {outcome.message}
        </Alert>
      )}
    </Stack>
  )
}
