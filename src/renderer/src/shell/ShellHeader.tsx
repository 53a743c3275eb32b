/** The header bar: the views burger (narrow windows), the app's name, a demo badge, palette/shortcuts/settings. */
import { ActionIcon, AppShell, Badge, Burger, Group, Title, Tooltip } from '@mantine/core'
import { spotlight } from '@mantine/spotlight'
import { IconCommand, IconKeyboard, IconMessages, IconSettings } from '@tabler/icons-react'

export function ShellHeader({
  navOpened,
  onToggleNav,
  demo,
  onShortcuts,
  onSettings,
}: {
  navOpened: boolean
  onToggleNav: () => void
  demo: boolean
  onShortcuts: () => void
  onSettings: () => void
}) {
  return (
    <AppShell.Header>
      <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="md" size="sm" aria-label="Show views" />
          <IconMessages size={22} aria-hidden color="var(--mantine-primary-color-filled)" />
          <Title order={1} size="h4">
            Inbox Desk
          </Title>
          {demo && (
            <Badge variant="filled" color="grape">
              Demo workspace
            </Badge>
          )}
        </Group>
        <Group gap={6} wrap="nowrap">
          <Tooltip label="Command palette (Ctrl+K)">
            <ActionIcon variant="subtle" size="lg" aria-label="Command palette" onClick={() => spotlight.open()}>
              <IconCommand size={20} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Keyboard shortcuts (?)">
            <ActionIcon variant="subtle" size="lg" aria-label="Keyboard shortcuts" onClick={onShortcuts}>
              <IconKeyboard size={20} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Settings">
            <ActionIcon variant="subtle" size="lg" aria-label="Settings" onClick={onSettings}>
              <IconSettings size={20} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </AppShell.Header>
  )
}
