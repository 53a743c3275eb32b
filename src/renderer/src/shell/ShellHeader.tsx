/** The header bar: the views burger (narrow windows), the app's name, a demo badge, palette/shortcuts/settings. */
import { useTranslation } from 'react-i18next'
import { ActionIcon, AppShell, Badge, Burger, Group, Title, Tooltip } from '@mantine/core'
import { spotlight } from '@mantine/spotlight'
import { IconCommand, IconKeyboard, IconMessages, IconSettings } from '@tabler/icons-react'

/** The product's name is not translated. */
const PRODUCT_NAME = 'Inbox Desk'

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
  const { t } = useTranslation()
  return (
    <AppShell.Header>
      <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Burger
            opened={navOpened}
            onClick={onToggleNav}
            hiddenFrom="md"
            size="sm"
            aria-label={t('header.showViews')}
          />
          <IconMessages size={22} aria-hidden color="var(--mantine-primary-color-filled)" />
          <Title order={1} size="h4">
            {PRODUCT_NAME}
          </Title>
          {demo && (
            <Badge variant="filled" color="grape">
              {t('header.demo')}
            </Badge>
          )}
        </Group>
        <Group gap={6} wrap="nowrap">
          <Tooltip label={t('header.paletteTooltip')}>
            <ActionIcon variant="subtle" size="lg" aria-label={t('header.palette')} onClick={() => spotlight.open()}>
              <IconCommand size={20} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('header.shortcutsTooltip')}>
            <ActionIcon variant="subtle" size="lg" aria-label={t('header.shortcuts')} onClick={onShortcuts}>
              <IconKeyboard size={20} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('header.settings')}>
            <ActionIcon variant="subtle" size="lg" aria-label={t('header.settings')} onClick={onSettings}>
              <IconSettings size={20} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </AppShell.Header>
  )
}
