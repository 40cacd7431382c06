import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatCalendarDate } from '../../../ui/format';
import { useMyTasks } from '../api/useMyTasks';
import { assigneeLabel } from '../model/assignee';

/** Open tasks asked of me or my role, soonest due first: the top of the worklist. */
export function MyTasks() {
  const tasks = useMyTasks({ refetchInterval: 60_000 });
  const items = tasks.data ?? [];
  if (!items.length) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-tasks-title" data-testid="my-tasks">
      <Group gap="xs" mb="xs">
        <Title order={3} size="h4" id="my-tasks-title">
          Asked of me
        </Title>
        <Badge variant="light">{items.length}</Badge>
      </Group>
      <Stack gap={6}>
        {items.map((task) => (
          <Group key={task.id} justify="space-between" wrap="nowrap" data-testid="my-task">
            <div>
              <Anchor component={Link} to={`/cases/${task.caseId}`} fw={600} size="sm">
                {task.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {task.caseNumber} · for {assigneeLabel(task)} · asked by {task.createdBy.name}
              </Text>
            </div>
            <Text size="sm" c={task.dueDate < new Date().toISOString().slice(0, 10) ? 'red' : undefined}>
              Due {formatCalendarDate(task.dueDate)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
