import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatCalendarDate } from '../../../ui/format';
import { useFollowUpsDue } from '../api/useCaseWork';

/** "Follow-ups due today / overdue" on the worklist. */
export function FollowUpsDue() {
  const due = useFollowUpsDue({ refetchInterval: 60_000 });
  const items = due.data ?? [];
  if (!items.length) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="follow-ups-title" data-testid="follow-ups-due">
      <Group gap="xs" mb="xs">
        <Title order={3} size="h4" id="follow-ups-title">
          Follow-ups due today or overdue
        </Title>
        <Badge variant="light" color={items.some((i) => i.overdue) ? 'red' : 'blue'}>
          {items.length}
        </Badge>
      </Group>
      <Stack gap={6}>
        {items.map((item) => (
          <Group key={item.caseId} justify="space-between" wrap="nowrap">
            <div>
              <Anchor component={Link} to={`/cases/${item.caseId}`} fw={600} size="sm">
                {item.patientName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {item.caseNumber}
                {item.followUp.reason ? ` · ${item.followUp.reason}` : ''} · {item.owner?.name ?? 'Unassigned'}
              </Text>
            </div>
            <Text size="sm" c={item.overdue ? 'red' : undefined}>
              {item.overdue ? 'Overdue since ' : 'Today, '}
              {formatCalendarDate(item.followUp.date)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
