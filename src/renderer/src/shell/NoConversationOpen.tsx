/** The thread pane before a conversation is opened. */
import { Center, Stack, Text } from '@mantine/core'
import { IconMessages } from '@tabler/icons-react'

export function NoConversationOpen() {
  return (
    <Center h="100%" p="lg">
      <Stack align="center" gap={4}>
        <IconMessages size={44} aria-hidden color="var(--mantine-color-dimmed)" />
        <Text c="dimmed" ta="center">
          Pick a conversation to read and reply.
        </Text>
        <Text c="dimmed" size="sm" ta="center">
          J and K move, Enter opens, ? lists every shortcut.
        </Text>
      </Stack>
    </Center>
  )
}
