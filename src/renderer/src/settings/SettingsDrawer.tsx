/**
 * Settings: account, appearance, who am I, notifications, tray, canned replies.
 * Every change is saved at once through `updateSettings`.
 */
import { Drawer, SegmentedControl, Stack, Switch, Text } from '@mantine/core'
import type { AppState, NotificationSettings } from '../../../shared/ipc/contract'
import { AccountSection } from './AccountSection'
import { CannedRepliesEditor } from './CannedRepliesEditor'
import { NotificationsSection } from './NotificationsSection'
import { SettingsSection } from './SettingsSection'
import { useUpdateSettings } from './useSettings'
import { WhoAmI } from './WhoAmI'

interface SettingsDrawerProps {
  opened: boolean
  onClose: () => void
  appState: AppState
  onChangeAccount: (prefillUrl: string) => void
  onAccountRemoved: () => void
}

export function SettingsDrawer({ opened, onClose, appState, onChangeAccount, onAccountRemoved }: SettingsDrawerProps) {
  const update = useUpdateSettings()
  const { settings, account } = appState
  const setNotifications = (patch: Partial<NotificationSettings>) => update.mutate({ notifications: patch })

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title="Settings"
      position="right"
      size="md"
      closeButtonProps={{ 'aria-label': 'Close settings' }}
    >
      <Stack gap="lg">
        <SettingsSection title="Account">
          {account ? (
            <AccountSection appState={appState} onChangeAccount={onChangeAccount} onAccountRemoved={onAccountRemoved} />
          ) : (
            <Text size="sm">No account connected.</Text>
          )}
        </SettingsSection>

        <SettingsSection title="Appearance">
          <Text size="sm" id="theme-label">
            Theme
          </Text>
          <SegmentedControl
            aria-labelledby="theme-label"
            value={settings.theme}
            onChange={(value) => update.mutate({ theme: value as typeof settings.theme })}
            data={[
              { value: 'light', label: 'Light' },
              { value: 'dark', label: 'Dark' },
              { value: 'system', label: 'System' },
            ]}
          />
        </SettingsSection>

        <SettingsSection title="Who am I">
          <Text size="sm" c="dimmed">
            Pick yourself, so that the Mine view shows the conversations assigned to you.
          </Text>
          <WhoAmI meUserId={settings.meUserId} onPick={(meUserId) => update.mutate({ meUserId })} />
        </SettingsSection>

        <SettingsSection title="Notifications">
          <NotificationsSection notifications={settings.notifications} onChange={setNotifications} />
        </SettingsSection>

        <SettingsSection title="Window">
          <Switch
            label="Keep running in the tray when the window is closed"
            checked={settings.closeToTray}
            onChange={(event) => update.mutate({ closeToTray: event.currentTarget.checked })}
          />
        </SettingsSection>

        <SettingsSection title="Canned replies">
          <CannedRepliesEditor
            replies={settings.cannedReplies}
            onChange={(cannedReplies) => update.mutate({ cannedReplies })}
          />
        </SettingsSection>
      </Stack>
    </Drawer>
  )
}
