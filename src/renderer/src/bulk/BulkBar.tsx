/**
 * The selection bar above the list while conversations are selected: how many, "Select all in this view", and
 * the bulk actions (archive or, in the Archive view, move to the inbox; mark read; assign with the assign picker;
 * unassign; snooze with the snooze choices, ../snooze). Icon buttons with their names as labels and tooltips: the list column is narrow.
 */
import { ActionIcon, Button, CloseButton, Group, Popover, Stack, Text, Tooltip } from '@mantine/core'
import {
  IconAlarmSnooze,
  IconArchive,
  IconArchiveOff,
  IconMailOpened,
  IconUserMinus,
  IconUserPlus,
} from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { User } from '../../../shared/api/schemas'
import type { BulkAction } from '../../../shared/ipc/bulk'
import { AssignList } from '../assign/AssignPicker'
import { useFormat } from '../i18n/format'
import { useNow } from '../shell/useNow'
import { SnoozeChoices } from '../snooze'
import type { BulkSelection } from './useBulkSelection'

export interface BulkBarProps {
  selection: BulkSelection
  archiveView: boolean
  meUserId: string | null
  assignOpened: boolean
  onAssignOpened: (opened: boolean) => void
  snoozeOpened: boolean
  onSnoozeOpened: (opened: boolean) => void
  onAction: (action: BulkAction) => void
}

export function BulkBar({ selection, ...actions }: BulkBarProps) {
  const { t } = useTranslation()
  const format = useFormat()
  if (selection.count === 0) return null
  return (
    <Stack
      role="toolbar"
      aria-label={t('bulk.barLabel')}
      gap={0}
      px="xs"
      py={4}
      style={{
        background: 'var(--mantine-primary-color-light)',
        borderBlock: '1px solid var(--mantine-color-default-border)',
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap={4}>
        <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
          <CloseButton size="sm" aria-label={t('bulk.clear')} title={t('bulk.clear')} onClick={selection.clear} />
          <Text size="sm" fw={600} role="status" truncate="end">
            {t('bulk.selected', { count: selection.count, shown: format.number(selection.count) })}
          </Text>
        </Group>
        <BarActions {...actions} />
      </Group>
      {selection.count < selection.viewCount && (
        <Button
          variant="subtle"
          size="compact-xs"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => void selection.selectAllInView()}
        >
          {t('bulk.selectAll', { total: format.number(selection.viewCount) })}
        </Button>
      )}
    </Stack>
  )
}

function BarActions({
  archiveView,
  meUserId,
  assignOpened,
  onAssignOpened,
  snoozeOpened,
  onSnoozeOpened,
  onAction,
}: Omit<BulkBarProps, 'selection'>) {
  const { t } = useTranslation()
  return (
    <Group gap={2} wrap="nowrap">
      {archiveView ? (
        <BarAction label={t('bulk.unarchive')} onClick={() => onAction({ type: 'unarchive' })}>
          <IconArchiveOff size={18} aria-hidden />
        </BarAction>
      ) : (
        <BarAction label={t('bulk.archive')} onClick={() => onAction({ type: 'archive' })}>
          <IconArchive size={18} aria-hidden />
        </BarAction>
      )}
      <BarAction label={t('bulk.markRead')} onClick={() => onAction({ type: 'markRead' })}>
        <IconMailOpened size={18} aria-hidden />
      </BarAction>
      <BulkAssignPicker
        meUserId={meUserId}
        opened={assignOpened}
        onOpenedChange={onAssignOpened}
        onAssign={(user) => onAction({ type: 'assign', userId: user.id })}
        onUnassign={() => onAction({ type: 'unassign' })}
      />
      <BarAction label={t('bulk.unassign')} onClick={() => onAction({ type: 'unassign' })}>
        <IconUserMinus size={18} aria-hidden />
      </BarAction>
      <BulkSnoozePicker
        opened={snoozeOpened}
        onOpenedChange={onSnoozeOpened}
        onSnooze={(untilMs) => onAction({ type: 'snooze', untilMs })}
      />
    </Group>
  )
}

function BarAction({ label, onClick, children }: { label: string; onClick: () => void; children: ReactNode }) {
  return (
    <Tooltip label={label} withArrow openDelay={300}>
      <ActionIcon variant="subtle" size="md" aria-label={label} onClick={onClick}>
        {children}
      </ActionIcon>
    </Tooltip>
  )
}

/** The assign picker's list (../assign) for the selection: pick a teammate, or yourself, or unassign them all. */
function BulkAssignPicker({
  meUserId,
  opened,
  onOpenedChange,
  onAssign,
  onUnassign,
}: {
  meUserId: string | null
  opened: boolean
  onOpenedChange: (opened: boolean) => void
  onAssign: (user: Pick<User, 'id' | 'displayName'>) => void
  onUnassign: () => void
}) {
  const { t } = useTranslation()
  return (
    <Popover opened={opened} onChange={onOpenedChange} position="bottom-end" width={330} shadow="md" trapFocus>
      <Popover.Target>
        <Tooltip label={t('bulk.assign')} withArrow openDelay={300}>
          <ActionIcon variant="subtle" size="md" aria-label={t('bulk.assign')} onClick={() => onOpenedChange(!opened)}>
            <IconUserPlus size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        {opened && (
          <AssignList
            assigneeId={undefined}
            canUnassign
            meUserId={meUserId}
            onAssign={(user) => {
              onOpenedChange(false)
              onAssign(user)
            }}
            onUnassign={() => {
              onOpenedChange(false)
              onUnassign()
            }}
          />
        )}
      </Popover.Dropdown>
    </Popover>
  )
}

/** The snooze choices (../snooze) for the selection: each conversation is snoozed until the instant picked. */
function BulkSnoozePicker({
  opened,
  onOpenedChange,
  onSnooze,
}: {
  opened: boolean
  onOpenedChange: (opened: boolean) => void
  onSnooze: (untilMs: number) => void
}) {
  const { t } = useTranslation()
  return (
    <Popover opened={opened} onChange={onOpenedChange} position="bottom-end" width={280} shadow="md" trapFocus>
      <Popover.Target>
        <Tooltip label={t('bulk.snooze')} withArrow openDelay={300}>
          <ActionIcon
            variant="subtle"
            size="md"
            aria-label={t('bulk.snooze')}
            aria-haspopup="dialog"
            aria-expanded={opened}
            onClick={() => onOpenedChange(!opened)}
          >
            <IconAlarmSnooze size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        {opened && (
          <OpenSnoozeChoices
            onSnooze={(untilMs) => {
              onOpenedChange(false)
              onSnooze(untilMs)
            }}
          />
        )}
      </Popover.Dropdown>
    </Popover>
  )
}

/** Mounted while open, so the presets follow the clock. */
function OpenSnoozeChoices({ onSnooze }: { onSnooze: (untilMs: number) => void }) {
  const now = useNow(15_000)
  return <SnoozeChoices now={now} onSnooze={onSnooze} />
}
