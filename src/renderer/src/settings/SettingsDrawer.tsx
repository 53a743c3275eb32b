/**
 * Settings: account, appearance, who am I, notifications, tray, canned replies.
 * Every change is saved at once through `updateSettings`.
 */
import { useState } from 'react'
import {
  Alert,
  Button,
  Divider,
  Drawer,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import type { AppState, NotificationSettings } from '../../../shared/ipc/contract'
import { call, errorMessage } from '../bridge/client'
import { queryKeys, useUsers } from '../bridge/queries'
import { CannedRepliesEditor } from './CannedRepliesEditor'
import { useUpdateSettings } from './useSettings'

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
        <Section title="Account">
          {account ? (
            <AccountSection appState={appState} onChangeAccount={onChangeAccount} onAccountRemoved={onAccountRemoved} />
          ) : (
            <Text size="sm">No account connected.</Text>
          )}
        </Section>

        <Section title="Appearance">
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
        </Section>

        <Section title="Who am I">
          <Text size="sm" c="dimmed">
            Pick yourself, so that the Mine view shows the conversations assigned to you.
          </Text>
          <WhoAmI meUserId={settings.meUserId} onPick={(meUserId) => update.mutate({ meUserId })} />
        </Section>

        <Section title="Notifications">
          <Switch
            label="New messages in my conversations"
            checked={settings.notifications.inboundMine}
            onChange={(event) => setNotifications({ inboundMine: event.currentTarget.checked })}
          />
          <Switch
            label="New messages in unassigned conversations"
            checked={settings.notifications.inboundUnassigned}
            onChange={(event) => setNotifications({ inboundUnassigned: event.currentTarget.checked })}
          />
          <Switch
            label="New messages in all conversations"
            checked={settings.notifications.inboundAll}
            onChange={(event) => setNotifications({ inboundAll: event.currentTarget.checked })}
          />
          <Switch
            label="A conversation is assigned to me"
            checked={settings.notifications.assignedToMe}
            onChange={(event) => setNotifications({ assignedToMe: event.currentTarget.checked })}
          />
          <Switch
            label="Play a sound"
            checked={settings.notifications.sound}
            onChange={(event) => setNotifications({ sound: event.currentTarget.checked })}
          />
          <Switch
            label="Do not disturb"
            checked={settings.notifications.doNotDisturb}
            onChange={(event) => setNotifications({ doNotDisturb: event.currentTarget.checked })}
          />
          <DndSchedule
            schedule={settings.notifications.dndSchedule}
            onChange={(dndSchedule) => setNotifications({ dndSchedule })}
          />
        </Section>

        <Section title="Window">
          <Switch
            label="Keep running in the tray when the window is closed"
            checked={settings.closeToTray}
            onChange={(event) => update.mutate({ closeToTray: event.currentTarget.checked })}
          />
        </Section>

        <Section title="Canned replies">
          <CannedRepliesEditor
            replies={settings.cannedReplies}
            onChange={(cannedReplies) => update.mutate({ cannedReplies })}
          />
        </Section>
      </Stack>
    </Drawer>
  )
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
      <Divider />
    </Stack>
  )
}

function AccountSection({
  appState,
  onChangeAccount,
  onAccountRemoved,
}: {
  appState: AppState
  onChangeAccount: (prefillUrl: string) => void
  onAccountRemoved: () => void
}) {
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState(false)
  const [removing, setRemoving] = useState(false)
  const [removeError, setRemoveError] = useState<string | null>(null)
  const account = appState.account!

  const remove = async () => {
    setRemoving(true)
    setRemoveError(null)
    try {
      await call('removeAccount')
      setConfirming(false)
      await queryClient.invalidateQueries({ queryKey: queryKeys.appState })
      onAccountRemoved()
    } catch (error) {
      setRemoveError(errorMessage(error))
    } finally {
      setRemoving(false)
    }
  }

  return (
    <>
      <Stack gap={4}>
        <Text size="sm">
          <b>Kind:</b> {account.kind === 'demo' ? 'Demo workspace' : 'Inbox API account'}
        </Text>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          <b>API address:</b> {account.baseUrl}
        </Text>
        <Text size="sm">
          <b>Key kept in:</b>{' '}
          {account.keyStorage === 'keychain' ? 'the system keychain' : 'memory, for this session only'}
        </Text>
      </Stack>
      <Group>
        <Button variant="default" onClick={() => onChangeAccount(account.kind === 'remote' ? account.baseUrl : '')}>
          Change account
        </Button>
        <Button color="red" variant="light" onClick={() => setConfirming(true)}>
          Remove account
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Remove this account?"
        centered
        closeButtonProps={{ 'aria-label': 'Close, keeping the account' }}
      >
        <Stack>
          <Text size="sm">
            Inbox Desk forgets the API address and deletes the key from{' '}
            {account.keyStorage === 'keychain' ? 'the system keychain' : 'memory'}. Conversations stay on the server.
          </Text>
          {removeError && (
            <Alert role="alert" color="red" title="The account was not removed">
              {removeError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep account
            </Button>
            <Button color="red" loading={removing} onClick={() => void remove()}>
              Remove
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}

function WhoAmI({ meUserId, onPick }: { meUserId: string | null; onPick: (id: string | null) => void }) {
  const users = useUsers()
  if (users.isError) {
    return (
      <Alert role="alert" color="red" title="The teammates list did not load">
        <Stack gap="xs">
          <Text size="sm">{errorMessage(users.error)}</Text>
          <Button
            variant="default"
            size="xs"
            w="fit-content"
            onClick={() => void users.refetch()}
            loading={users.isFetching}
          >
            Retry
          </Button>
        </Stack>
      </Alert>
    )
  }
  return (
    <Select
      label="I am"
      placeholder={users.isPending ? 'Loading teammates…' : 'Pick yourself'}
      disabled={users.isPending}
      searchable
      clearable
      value={meUserId}
      onChange={onPick}
      data={(users.data ?? []).map((user) => ({ value: user.id, label: user.displayName }))}
      nothingFoundMessage="Nobody by that name"
    />
  )
}

function DndSchedule({
  schedule,
  onChange,
}: {
  schedule: NotificationSettings['dndSchedule']
  onChange: (schedule: NotificationSettings['dndSchedule']) => void
}) {
  const [from, setFrom] = useState(schedule.from)
  const [to, setTo] = useState(schedule.to)
  const valid = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
  const commit = (next: { from: string; to: string }) => {
    if (valid(next.from) && valid(next.to)) onChange({ ...schedule, ...next })
  }
  return (
    <Stack gap="xs">
      <Switch
        label="Quiet hours every day"
        checked={schedule.enabled}
        onChange={(event) => onChange({ ...schedule, enabled: event.currentTarget.checked })}
      />
      <Group grow>
        <TextInput
          type="time"
          label="Quiet from"
          value={from}
          disabled={!schedule.enabled}
          error={valid(from) ? undefined : 'A time as HH:MM'}
          onChange={(event) => setFrom(event.currentTarget.value)}
          onBlur={() => commit({ from, to })}
        />
        <TextInput
          type="time"
          label="Quiet until"
          value={to}
          disabled={!schedule.enabled}
          error={valid(to) ? undefined : 'A time as HH:MM'}
          onChange={(event) => setTo(event.currentTarget.value)}
          onBlur={() => commit({ from, to })}
        />
      </Group>
    </Stack>
  )
}
