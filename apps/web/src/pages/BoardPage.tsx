import { Anchor, Badge, Box, Card, Group, ScrollArea, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { OPEN_STATUSES, STATUS_LABELS } from '@preauth/domain';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { CaseSummary } from '../features/cases/api/types';
import { useCases } from '../features/cases/api/useCases';
import { CaseFilters } from '../features/cases/components/CaseFilters';
import { useListParams } from '../features/cases/hooks/useListParams';
import { sharedFilters } from '../features/cases/model/list-params';
import { STATUS_COLORS } from '../features/cases/model/status';
import { ClockText } from '../features/cases/components/ClockText';
import { QueryState } from '../ui/QueryState';

function BoardCard({ item }: { item: CaseSummary }) {
  return (
    <Card withBorder padding="sm" radius="md" data-testid="board-card">
      <Anchor component={Link} to={`/cases/${item.id}`} fw={600} size="sm">
        {item.patient.name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {item.caseNumber} · {item.cptCodes.join(', ') || 'no procedure yet'}
      </Text>
      <Text size="xs">{item.payer.name}</Text>
      {/* Wraps: in a narrow column a badge beside a long clock would be cut to "EXPEDI…". */}
      <Group gap={4} mt={4} justify="space-between" wrap="wrap">
        <ClockText clock={item.currentClock} size="xs" />
        {item.urgency === 'expedited' && (
          <Badge size="xs" color="red" variant="outline" style={{ flexShrink: 0 }}>
            Expedited
          </Badge>
        )}
      </Group>
    </Card>
  );
}

export function BoardPage() {
  const [params, setParams] = useListParams();
  const filters = useMemo(() => sharedFilters(params), [params]);
  // Sorting by deadline leaves out cases without a running clock (documented ones): ask for those apart.
  const clocked = useCases({ ...filters, status: [...OPEN_STATUSES], sort: 'due_asc', limit: 100 });
  const unclocked = useCases({ ...filters, status: ['documented'], sort: 'updated_desc', limit: 100 });
  const isPending = clocked.isPending || unclocked.isPending;
  const error = clocked.error ?? unclocked.error;
  const refetch = () => Promise.all([clocked.refetch(), unclocked.refetch()]);
  const data =
    clocked.data && unclocked.data ? { nextCursor: clocked.data.nextCursor ?? unclocked.data.nextCursor } : undefined;
  const columns = useMemo(() => {
    const items = [...(clocked.data?.items ?? []), ...(unclocked.data?.items ?? [])];
    return OPEN_STATUSES.map((status) => ({ status, items: items.filter((item) => item.status === status) }));
  }, [clocked.data, unclocked.data]);

  return (
    <Stack>
      <Title order={2}>Board</Title>
      <CaseFilters value={params} onChange={setParams} />
      <QueryState isPending={isPending} error={error} onRetry={() => void refetch()} what="the board">
        <ScrollArea type="auto" offsetScrollbars>
          <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
            {columns.map((column) => (
              <Box
                key={column.status}
                component="section"
                aria-labelledby={`column-${column.status}`}
                w={240}
                miw={240}
                p="xs"
                bg="gray.0"
                style={{ borderRadius: 8 }}
                data-testid={`board-column-${column.status}`}
              >
                <Group justify="space-between" mb="xs" wrap="nowrap">
                  <Title order={3} size="h6" id={`column-${column.status}`}>
                    {STATUS_LABELS[column.status]}
                  </Title>
                  <Badge color={STATUS_COLORS[column.status]} variant="light">
                    {column.items.length}
                    <VisuallyHidden> {column.items.length === 1 ? 'case' : 'cases'}</VisuallyHidden>
                  </Badge>
                </Group>
                <Stack gap="xs">
                  {column.items.map((item) => (
                    <BoardCard key={item.id} item={item} />
                  ))}
                </Stack>
              </Box>
            ))}
          </Group>
        </ScrollArea>
        {data?.nextCursor && (
          <Text size="sm" c="dimmed">
            The board shows the 100 cases with the nearest deadlines; narrow it with the filters or use the case list.
          </Text>
        )}
      </QueryState>
    </Stack>
  );
}
