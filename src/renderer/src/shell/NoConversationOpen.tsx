/** The thread pane before a conversation is opened. */
import { useTranslation } from 'react-i18next'
import { Center, Stack, Text } from '@mantine/core'
import { IconMessages } from '@tabler/icons-react'

export function NoConversationOpen() {
  const { t } = useTranslation()
  return (
    <Center h="100%" p="lg">
      <Stack align="center" gap={4}>
        <IconMessages size={44} aria-hidden color="var(--mantine-color-dimmed)" />
        <Text c="dimmed" ta="center">
          {t('idle.pick')}
        </Text>
        <Text c="dimmed" size="sm" ta="center">
          {t('idle.hint')}
        </Text>
      </Stack>
    </Center>
  )
}
