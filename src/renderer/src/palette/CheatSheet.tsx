import { Kbd, Modal, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform)

/** Each shortcut's keys (as printed on the keys) and its action's catalog key (`shortcuts.<action>`). */
export const shortcuts = [
  { keys: ['J', '↓'], action: 'next' },
  { keys: ['K', '↑'], action: 'previous' },
  { keys: ['Enter'], action: 'open' },
  { keys: ['R'], action: 'reply' },
  { keys: ['E'], action: 'archive' },
  { keys: ['A'], action: 'assign' },
  { keys: ['U'], action: 'markRead' },
  { keys: ['N'], action: 'newMessages' },
  { keys: ['Z'], action: 'snooze' },
  { keys: ['X'], action: 'toggleSelect' },
  { keys: ['Shift J', 'Shift K'], action: 'extendSelection' },
  { keys: ['Shift'], action: 'rangeClick' },
  { keys: [isMac ? '⌘' : 'Ctrl'], action: 'toggleClick' },
  { keys: ['Esc'], action: 'clearSelection' },
  { keys: ['/', isMac ? '⌘ F' : 'Ctrl F'], action: 'search' },
  { keys: [isMac ? '⌘ K' : 'Ctrl K'], action: 'palette' },
  { keys: ['?'], action: 'cheatSheet' },
  { keys: ['Esc'], action: 'leave' },
] as const

export function CheatSheet({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('shortcuts.title')}
      centered
      closeButtonProps={{ 'aria-label': t('shortcuts.close') }}
    >
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shortcuts.keys')}</Table.Th>
            <Table.Th>{t('shortcuts.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shortcuts.map((shortcut) => (
            <Table.Tr key={shortcut.action}>
              <Table.Td>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ` ${t('shortcuts.or')} `}
                    <Kbd>{key}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{t(`shortcuts.${shortcut.action}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  )
}
