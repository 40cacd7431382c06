import { Alert, Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateTime } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { useEndSession } from '../api/useEndSession';
import { useSessions } from '../api/useSessions';
import { deviceLabel } from '../device-label';

export function SessionsSection() {
  const sessions = useSessions();
  const end = useEndSession();
  return (
    <QueryState
      isPending={sessions.isPending}
      error={sessions.error}
      onRetry={() => void sessions.refetch()}
      what="your sessions"
    >
      {end.isError && (
        <Alert color="red" role="alert" title="Not signed out" mb="sm">
          {end.error.message}
        </Alert>
      )}
      {sessions.data?.length === 0 ? (
        <Text size="sm">No active sessions.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Caption>Browsers signed in to your account</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Device</Table.Th>
                <Table.Th scope="col">IP address</Table.Th>
                <Table.Th scope="col">Signed in</Table.Th>
                <Table.Th scope="col">Last seen</Table.Th>
                <Table.Th scope="col">Sign out</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data?.map((session) => (
                <Table.Tr key={session.id} data-testid="session-row">
                  <Table.Td>
                    <Text size="sm">{deviceLabel(session.userAgent)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{session.ip ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(session.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(session.lastSeenAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {session.current ? (
                      <Text size="sm" fw={600}>
                        This browser
                      </Text>
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        loading={end.isPending && end.variables === session.id}
                        aria-label={`Sign out ${deviceLabel(session.userAgent)}, last seen ${formatDateTime(session.lastSeenAt)}`}
                        onClick={() =>
                          end.mutate(session.id, {
                            onSuccess: () =>
                              notifications.show({ color: 'teal', message: 'That session is signed out.' }),
                          })
                        }
                      >
                        Sign out
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </QueryState>
  );
}
