/** A saved reply as it will read: filled values as text, fields still empty marked by their name. */
import { Box, Mark, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PreviewPiece } from '../../../shared/domain/reply-template'

export function TemplatePreview({ pieces, label }: { pieces: readonly PreviewPiece[]; label?: string }) {
  const { t } = useTranslation()
  const title = label ?? t('template.preview')
  return (
    <Box role="region" aria-label={title}>
      <Text size="xs" c="dimmed">
        {title}
      </Text>
      <Text size="sm" dir="auto" data-preview-text="" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {pieces.map((piece, index) =>
          piece.missing ? (
            <Mark key={index} color="yellow" px={2} data-missing-field="">
              [{piece.text}]
            </Mark>
          ) : (
            <span key={index}>{piece.text}</span>
          ),
        )}
      </Text>
    </Box>
  )
}
