import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../../ui/format';
import { useVerifyAuditChain } from '../api/useAudit';

/** Runs the check of `npm run audit:verify` on the server and shows its verdict. */
export function AuditChainCheck() {
  const verify = useVerifyAuditChain();
  const report = verify.data;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button variant="light" onClick={() => verify.mutate()} loading={verify.isPending}>
          Verify the chain
        </Button>
        <Text size="sm" c="dimmed">
          Recomputes every event&apos;s hash and checks each links to the one before it.
        </Text>
      </Group>
      <div aria-live="polite">
        {verify.error && (
          <Alert color="red" role="alert" title="The check could not run">
            {verify.error.message}
          </Alert>
        )}
        {report && (
          <Alert
            color={report.ok ? 'teal' : 'red'}
            title={report.ok ? 'The audit trail is intact' : 'The audit trail was tampered with'}
            data-testid="audit-chain-result"
          >
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {report.message}
            </Text>
            {report.lastHash && (
              <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
                Last hash:{' '}
                <Code data-testid="audit-last-hash" style={{ wordBreak: 'break-all' }}>
                  {report.lastHash}
                </Code>
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              Checked {formatDateTime(report.checkedAt)}
            </Text>
          </Alert>
        )}
      </div>
    </Stack>
  );
}
