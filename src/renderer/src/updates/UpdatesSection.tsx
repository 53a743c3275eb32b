/**
 * Settings → Updates: this version, the channel, the last check (in the UI language's date and time), what
 * is happening now or why updates are off, and "Check now".
 */
import { Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { UpdateDisabledReason, UpdateStatus } from '../../../shared/update/status'
import { useFormat } from '../i18n/format'
import { useUpdateActions, useUpdateStatus } from './useUpdates'

/** Catalog keys of the reasons (camelCase there). */
const REASON_KEYS: Record<UpdateDisabledReason, string> = {
  development: 'updates.reason.development',
  portable: 'updates.reason.portable',
  'package-manager': 'updates.reason.packageManager',
  msi: 'updates.reason.msi',
  policy: 'updates.reason.policy',
  'policy-invalid': 'updates.reason.policyInvalid',
}

function useStatusLine(status: UpdateStatus): { text: string; color?: string } | null {
  const { t } = useTranslation()
  const percent = new Intl.NumberFormat(useTranslation().i18n.language, { style: 'percent' })
  switch (status.phase) {
    case 'disabled':
      return status.disabledReason ? { text: t(REASON_KEYS[status.disabledReason]) } : null
    case 'checking':
      return { text: t('updates.checking') }
    case 'downloading':
      return {
        text: t('updates.downloading', {
          version: status.availableVersion,
          percent: percent.format((status.percent ?? 0) / 100),
        }),
      }
    case 'downloaded':
      return { text: t('updates.downloaded', { version: status.availableVersion }), color: 'blue' }
    case 'error':
      return { text: t(`updates.error.${status.error ?? 'unknown'}`), color: 'red' }
    case 'idle':
      return status.lastCheckedAt ? { text: t('updates.upToDate') } : null
  }
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed" miw={120}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Group>
  )
}

export function UpdatesSection({ status }: { status: UpdateStatus }) {
  const { t } = useTranslation()
  const format = useFormat()
  const { check } = useUpdateActions()
  const line = useStatusLine(status)
  const busy = status.phase === 'checking' || status.phase === 'downloading'
  return (
    <Stack gap={6}>
      <Fact label={t('updates.version')} value={status.currentVersion} />
      <Fact label={t('updates.channel')} value={status.channel} />
      <Fact
        label={t('updates.lastCheck')}
        value={status.lastCheckedAt ? format.dateTime(status.lastCheckedAt) : t('updates.never')}
      />
      {status.phase === 'disabled' && (
        <Text size="sm" fw={600}>
          {t('updates.off')}
        </Text>
      )}
      {line && (
        <Text size="sm" c={line.color} role={status.phase === 'error' ? 'alert' : undefined}>
          {line.text}
        </Text>
      )}
      {status.phase !== 'disabled' && (
        <Group>
          <Button size="xs" variant="default" onClick={() => check.mutate()} loading={check.isPending || busy}>
            {t('updates.checkNow')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}

/** The section's body once the status has arrived. */
export function UpdatesSettings() {
  const { data: status } = useUpdateStatus()
  return status ? <UpdatesSection status={status} /> : null
}
