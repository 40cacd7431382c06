import { Alert, Button, Card, Checkbox, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ROLE_LABELS, ROLES, type Role } from '@preauth/domain';
import { useState } from 'react';
import { useAuthPolicy } from '../../features/account/api/useAuthPolicy';
import { useSetAuthPolicy } from '../../features/account/api/useSetAuthPolicy';
import { SigningPolicyCard } from '../../features/account/components/SigningPolicyCard';
import { QueryState } from '../../ui/QueryState';

export function SecurityPage() {
  const policy = useAuthPolicy();
  const save = useSetAuthPolicy();
  // Null until the admin ticks something: until then the form shows what is saved.
  const [draft, setDraft] = useState<Role[] | null>(null);
  const saved = policy.data?.totpRequiredRoles ?? [];
  const required = draft ?? saved;
  const changed = required.length !== saved.length || required.some((role) => !saved.includes(role));

  const handleSave = () => {
    save.mutate(
      { totpRequiredRoles: required },
      {
        onSuccess: () => {
          setDraft(null);
          notifications.show({ color: 'teal', message: 'Two-factor policy saved.' });
        },
      },
    );
  };

  return (
    <Stack maw={820}>
      <div>
        <Title order={2}>Security</Title>
        <Text c="dimmed" size="sm">
          Sign-in and signing rules for the whole clinic.
        </Text>
      </div>
      <QueryState
        isPending={policy.isPending}
        error={policy.error}
        onRetry={() => void policy.refetch()}
        what="the security policy"
      >
        {policy.data && (
          <>
            <Card withBorder>
              <Stack>
                <Title order={3} size="h4">
                  Require two-factor sign-in
                </Title>
                <Text size="sm">
                  A user with a checked role who has not set up an authenticator app is sent to set it up right after
                  signing in, and can do nothing else until it is done. It applies from their next sign-in.
                </Text>
                <Checkbox.Group
                  label="Roles that must use an authenticator app"
                  value={required}
                  onChange={(value) => setDraft(value)}
                >
                  <Stack gap={6} mt={6}>
                    {ROLES.map((role) => (
                      <Checkbox key={role} value={role} label={ROLE_LABELS[role]} />
                    ))}
                  </Stack>
                </Checkbox.Group>
                {save.isError && (
                  <Alert color="red" role="alert" title="Not saved">
                    {save.error.message}
                  </Alert>
                )}
                <Group>
                  <Button onClick={handleSave} loading={save.isPending} disabled={!changed}>
                    Save policy
                  </Button>
                  {!changed && (
                    <Text size="sm" c="dimmed">
                      No unsaved changes.
                    </Text>
                  )}
                </Group>
              </Stack>
            </Card>
            <SigningPolicyCard saved={policy.data.onlyOrderingPhysicianSigns} />
            <Card withBorder>
              <Stack>
                <Title order={3} size="h4">
                  Session limits
                </Title>
                <Text size="sm">
                  Set in the server’s environment when Preauth starts (see the configuration table in the README);
                  change the variable and restart to change them.
                </Text>
                <Table>
                  <Table.Caption>Session limits and where they come from</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Limit</Table.Th>
                      <Table.Th scope="col">Value</Table.Th>
                      <Table.Th scope="col">Environment variable</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    <Table.Tr>
                      <Table.Td>Signed out after no activity for</Table.Td>
                      <Table.Td data-testid="idle-limit">
                        {policy.data.sessionLimits.idleMinutes.value} minutes
                      </Table.Td>
                      <Table.Td>
                        <Code>{policy.data.sessionLimits.idleMinutes.variable}</Code>
                      </Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Td>Signed out after sign-in, however active, at</Table.Td>
                      <Table.Td>{policy.data.sessionLimits.absoluteHours.value} hours</Table.Td>
                      <Table.Td>
                        <Code>{policy.data.sessionLimits.absoluteHours.variable}</Code>
                      </Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </Stack>
            </Card>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
