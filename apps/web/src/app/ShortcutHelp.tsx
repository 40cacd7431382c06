import { Kbd, Modal, Table } from '@mantine/core';

const SHORTCUTS: readonly [keys: string[], what: string][] = [
  [['/'], 'Search the list'],
  [['j'], 'Next case in the list'],
  [['k'], 'Previous case in the list'],
  [['Enter'], 'Open the chosen case'],
  [['?'], 'Show these shortcuts'],
  [['Esc'], 'Close this help'],
];

export function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="sm">
      <Table data-testid="shortcut-help">
        <Table.Tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <Table.Tr key={what}>
              <Table.Td>
                {keys.map((key) => (
                  <Kbd key={key}>{key}</Kbd>
                ))}
              </Table.Td>
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
