/**
 * Settings: account, appearance, who am I, notifications, tray, network (proxy), offline history, canned replies,
 * updates.
 * Every change is saved at once through `updateSettings`.
 */
import { Drawer, SegmentedControl, Stack, Switch, Text } from '@mantine/core'
import type { AppState, NotificationSettings } from '../../../shared/ipc/contract'
import { useTranslation } from 'react-i18next'
import { AccountSection } from './AccountSection'
import { LocalDataSection } from './LocalDataSection'
import { LanguageSettings } from './LanguageSettings'
import { CannedRepliesEditor } from './CannedRepliesEditor'
import { HistorySettings } from './HistorySettings'
import { NetworkSettings } from './NetworkSettings'
import { NotificationsSection } from './NotificationsSection'
import { SettingsSection } from './SettingsSection'
import { UpdatesSettings } from '../updates/UpdatesSection'
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
  const { t } = useTranslation()
  const update = useUpdateSettings()
  const { settings, account } = appState
  const setNotifications = (patch: Partial<NotificationSettings>) => update.mutate({ notifications: patch })

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={t('settings.title')}
      // The far edge: right in left-to-right languages, left in Arabic. Mantine's "right" is already logical
      // (justify-content: flex-end, and its RTL transitions), so flipping it here put the drawer back on the right.
      position="right"
      size="md"
      closeButtonProps={{ 'aria-label': t('settings.close') }}
    >
      <Stack gap="lg">
        <SettingsSection title={t('settings.account')}>
          {account ? (
            <AccountSection appState={appState} onChangeAccount={onChangeAccount} onAccountRemoved={onAccountRemoved} />
          ) : (
            <Text size="sm">{t('settings.noAccount')}</Text>
          )}
        </SettingsSection>

        <SettingsSection title={t('settings.appearance')}>
          <Text size="sm" id="theme-label">
            {t('settings.theme')}
          </Text>
          <SegmentedControl
            aria-labelledby="theme-label"
            value={settings.theme}
            onChange={(value) => update.mutate({ theme: value as typeof settings.theme })}
            data={[
              { value: 'light', label: t('settings.themeLight') },
              { value: 'dark', label: t('settings.themeDark') },
              { value: 'system', label: t('settings.themeSystem') },
            ]}
          />
        </SettingsSection>

        <SettingsSection title={t('settings.language')}>
          <LanguageSettings
            settings={settings}
            systemLocales={appState.systemLocales}
            availableSpellCheckLanguages={appState.availableSpellCheckLanguages}
            onChange={(patch) => update.mutate(patch)}
          />
        </SettingsSection>

        <SettingsSection title={t('settings.whoAmI')}>
          <Text size="sm" c="dimmed">
            {t('settings.whoAmIHint')}
          </Text>
          <WhoAmI meUserId={settings.meUserId} onPick={(meUserId) => update.mutate({ meUserId })} />
        </SettingsSection>

        <SettingsSection title={t('settings.notifications')}>
          <NotificationsSection notifications={settings.notifications} onChange={setNotifications} />
        </SettingsSection>

        <SettingsSection title={t('settings.window')}>
          <Switch
            label={t('settings.closeToTray')}
            checked={settings.closeToTray}
            onChange={(event) => update.mutate({ closeToTray: event.currentTarget.checked })}
          />
        </SettingsSection>

        <SettingsSection title={t('settings.network')}>
          <NetworkSettings proxy={settings.proxy} onSave={(proxy) => update.mutate({ proxy })} />
        </SettingsSection>

        <HistorySettings days={settings.historyDays} onChange={(historyDays) => update.mutate({ historyDays })} />

        <SettingsSection title={t('settings.cannedReplies')}>
          <CannedRepliesEditor
            replies={settings.cannedReplies}
            meUserId={settings.meUserId}
            onChange={(cannedReplies) => update.mutate({ cannedReplies })}
          />
        </SettingsSection>

        {account && <LocalDataSection />}

        <SettingsSection title={t('updates.title')}>
          <UpdatesSettings />
        </SettingsSection>
      </Stack>
    </Drawer>
  )
}
