import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function ReportsPage() {
  return (
    <Stack maw={720}>
      <Title order={2}>Reports</Title>
      <Alert color="blue" title="Reports are coming" data-testid="reports-placeholder">
        <Text size="sm">
          Approval rates, denial reasons by payer and turnaround times will appear here in a later release. Nothing on this page is
          computed yet, so there are no numbers to show.
        </Text>
      </Alert>
      <Text>
        Until then, the{' '}
        <Anchor component={Link} to="/cases">
          case list
        </Anchor>{' '}
        shows every case with its state and running clock, and the{' '}
        <Anchor component={Link} to="/board">
          board
        </Anchor>{' '}
        groups them by state.
      </Text>
    </Stack>
  );
}
