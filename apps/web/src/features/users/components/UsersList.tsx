import { Button, Card, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { ROLE_LABELS } from '@preauth/domain';
import { formatDateTime } from '../../../ui/format';
import type { User } from '../api/useUsers';

interface UsersListProps {
  users: readonly User[];
  meId: string | null;
  onManage: (id: string) => void;
}

// What each view shows of a user, in the same words.
const roleText = (user: User) => user.roles.map((role) => ROLE_LABELS[role]).join(', ');
const providerText = (user: User) =>
  user.provider
    ? `${user.provider.displayName} · NPI ${user.provider.npi}`
    : user.roles.includes('physician')
      ? 'Not linked'
      : '—';
const lastSignIn = (user: User) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Never');
const passwordNote = (user: User) => (user.mustChangePassword ? 'Has a one-time password' : null);

function ManageButton({ user, onManage }: { user: User; onManage: (id: string) => void }) {
  return (
    <Button size="xs" variant="light" onClick={() => onManage(user.id)} aria-label={`Manage ${user.displayName}`}>
      Manage
    </Button>
  );
}

/** The clinic's users: a table on a wide screen, one card each on a phone (no sideways scrolling). */
export function UsersList({ users, meId, onManage }: UsersListProps) {
  // Read on the first render (not in an effect), so a phone never draws the table first.
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  if (phone) {
    return (
      <Stack gap="sm" component="ul" aria-label="Users of this clinic" p={0} m={0} style={{ listStyle: 'none' }}>
        {users.map((user) => (
          <Card withBorder component="li" key={user.id} data-testid="user-card" padding="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {user.displayName}
                  {user.id === meId ? ' (you)' : ''}
                </Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {user.email}
                </Text>
              </div>
              <ManageButton user={user} onManage={onManage} />
            </Group>
            <Text size="sm" mt={6}>
              {roleText(user)} · {user.disabled ? <strong>Disabled</strong> : 'Active'} · Two-factor{' '}
              {user.totpEnabled ? 'on' : 'off'}
            </Text>
            {(user.provider || user.roles.includes('physician')) && (
              <Text size="sm">Physician record: {providerText(user)}</Text>
            )}
            <Text size="xs" c="dimmed">
              Last sign-in: {lastSignIn(user)}
              {passwordNote(user) ? ` · ${passwordNote(user)}` : ''}
            </Text>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover>
        <Table.Caption>Users of this clinic</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Roles</Table.Th>
            <Table.Th scope="col">Physician record</Table.Th>
            <Table.Th scope="col">Last sign-in</Table.Th>
            <Table.Th scope="col">Two-factor</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-testid="user-row">
              <Table.Td>
                <Text size="sm" fw={600}>
                  {user.displayName}
                  {user.id === meId ? ' (you)' : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{roleText(user)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{providerText(user)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{lastSignIn(user)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.totpEnabled ? 'On' : 'Off'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={user.disabled ? 700 : undefined}>
                  {user.disabled ? 'Disabled' : 'Active'}
                </Text>
                {passwordNote(user) && (
                  <Text size="xs" c="dimmed">
                    {passwordNote(user)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ManageButton user={user} onManage={onManage} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
