import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatCents, type CaseStatus } from '@preauth/domain';
import { Link } from 'react-router';
import { formatCalendarDate } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { useSelfPay } from '../api/self-pay';

/** The case's self-pay estimate and the patient's signed waiver, with the way to the tablet page. */
export function SelfPaySection({ caseId, status }: { caseId: string; status: CaseStatus }) {
  const { data, isPending, error, refetch } = useSelfPay(caseId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="self-pay-title" data-testid="self-pay-section">
      <Title order={3} size="h4" id="self-pay-title" mb="xs">
        Self-pay
      </Title>
      <QueryState isPending={isPending} error={error} onRetry={() => void refetch()} what="the self-pay estimate">
        {data?.estimate && (
          <Stack gap="xs">
            <Text size="sm">
              <Text span fw={700} data-testid="self-pay-amount">
                {formatCents(data.estimate.amountCents, data.estimate.currency)}
              </Text>{' '}
              · {data.estimate.description}
            </Text>
            <Text size="xs" c="dimmed">
              {data.estimate.reasonLabel}
            </Text>
            {data.waiver ? (
              <Alert color="teal" title="Waiver signed" data-testid="waiver-signed">
                <Text size="sm">
                  Signed by {data.waiver.signedName} on {formatCalendarDate(data.waiver.signedOn)}
                  {data.waiver.collectedBy ? ` (tablet handed over by ${data.waiver.collectedBy})` : ''}.
                </Text>
                <Anchor
                  href={data.waiver.url}
                  download
                  size="sm"
                  c="dark.9"
                  underline="always"
                  data-testid="waiver-download"
                >
                  Download the signed waiver (PDF)
                </Anchor>
              </Alert>
            ) : status === 'self_pay' ? (
              <Group>
                <Button component={Link} to={`/cases/${caseId}/waiver`} data-testid="open-waiver">
                  Sign the waiver on the tablet
                </Button>
                <Text size="xs" c="dimmed">
                  Opens a page for the patient to read and sign; hand them the tablet.
                </Text>
              </Group>
            ) : null}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
