import { Kbd, Modal, Table } from '@mantine/core'

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform)

export const shortcuts: { keys: string[]; action: string }[] = [
  { keys: ['J', '↓'], action: 'Next conversation' },
  { keys: ['K', '↑'], action: 'Previous conversation' },
  { keys: ['Enter'], action: 'Open the selected conversation' },
  { keys: ['R'], action: 'Focus the reply box' },
  { keys: ['E'], action: 'Archive or unarchive' },
  { keys: ['A'], action: 'Assign' },
  { keys: ['U'], action: 'Mark as read' },
  { keys: ['/'], action: 'Search conversations' },
  { keys: [isMac ? '⌘ K' : 'Ctrl K'], action: 'Command palette' },
  { keys: ['?'], action: 'This list of shortcuts' },
  { keys: ['Esc'], action: 'Leave the reply box or close a dialog' },
]

export function CheatSheet({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Keyboard shortcuts"
      centered
      closeButtonProps={{ 'aria-label': 'Close keyboard shortcuts' }}
    >
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Keys</Table.Th>
            <Table.Th>Action</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shortcuts.map((shortcut) => (
            <Table.Tr key={shortcut.action}>
              <Table.Td>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ' or '}
                    <Kbd>{key}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{shortcut.action}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  )
}
