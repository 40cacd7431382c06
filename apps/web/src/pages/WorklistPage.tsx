import { Badge, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDeferredValue, useMemo } from 'react';
import { useCases } from '../features/cases/api/useCases';
import { CaseFilters } from '../features/cases/components/CaseFilters';
import { CaseTable } from '../features/cases/components/CaseTable';
import { useListParams } from '../features/cases/hooks/useListParams';
import { groupWorklist, WORKLIST_BUCKETS, worklistQueries } from '../features/cases/model/worklist';
import { FollowUpsDue } from '../features/work/components/FollowUpsDue';
import { MyTasks } from '../features/work/components/MyTasks';
import { QueryState } from '../ui/QueryState';

const VIEWS = [
  { value: 'all', label: 'All open' },
  { value: 'me', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
] as const;
type View = (typeof VIEWS)[number]['value'];

export function WorklistPage() {
  const [params, setParams] = useListParams();
  const queries = useMemo(() => worklistQueries(params), [params]);
  // Mine and Unassigned are the URL's `owner`, so reload, Back and a saved view keep them.
  const view: View = params.owner === 'me' || params.owner === 'unassigned' ? params.owner : 'all';
  // Clocks tick and colleagues move cases: a worklist left open refreshes itself.
  const clocked = useCases(queries.clocked, { refetchInterval: 60_000, keepPrevious: true });
  const documented = useCases(queries.documented, { refetchInterval: 60_000, keepPrevious: true });
  const data = useMemo(
    () =>
      clocked.data && documented.data
        ? {
            items: [...clocked.data.items, ...documented.data.items],
            nextCursor: clocked.data.nextCursor ?? documented.data.nextCursor,
          }
        : undefined,
    [clocked.data, documented.data],
  );
  const isPending = clocked.isPending || documented.isPending;
  const error = clocked.error ?? documented.error;
  const refetch = () => Promise.all([clocked.refetch(), documented.refetch()]);
  const dataUpdatedAt = clocked.dataUpdatedAt;
  const groups = useMemo(
    () => (data ? groupWorklist(data.items, new Date(dataUpdatedAt)) : null),
    [data, dataUpdatedAt],
  );
  // Up to a hundred rows drawn at once held a slow phone's main thread for a quarter of a second
  // (a query's answer is an urgent update to React); deferred, the rows are drawn in slices that
  // let a tap or a keystroke through. The spinner stays until they are drawn.
  const shownGroups = useDeferredValue(groups);

  return (
    <Stack>
      <div>
        <Title order={2}>Worklist</Title>
        <Text c="dimmed" size="sm">
          What needs action now, most urgent first.
        </Text>
      </div>
      <MyTasks />
      <FollowUpsDue />
      <SegmentedControl
        data={[...VIEWS]}
        value={view}
        onChange={(value) => setParams({ owner: value === 'all' ? undefined : value })}
        aria-label="Whose cases"
        style={{ alignSelf: 'flex-start' }}
      />
      <CaseFilters value={params} onChange={setParams} />
      <QueryState
        isPending={isPending || (!!groups && !shownGroups)}
        error={error}
        onRetry={() => void refetch()}
        what="the worklist"
      >
        {shownGroups && data && data.items.length === 0 && (
          <Text>No open cases. New requests appear here once documented.</Text>
        )}
        {shownGroups &&
          WORKLIST_BUCKETS.filter((bucket) => shownGroups[bucket.key].length > 0).map((bucket) => (
            <section key={bucket.key} aria-labelledby={`bucket-${bucket.key}`} data-testid={`bucket-${bucket.key}`}>
              <Group gap="xs" mb={4}>
                <Title order={3} size="h4" id={`bucket-${bucket.key}`}>
                  {bucket.title}
                </Title>
                <Badge variant="light" color={bucket.key === 'overdue' ? 'red' : 'gray'}>
                  {shownGroups[bucket.key].length}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed" mb="xs">
                {bucket.description}
              </Text>
              <CaseTable cases={shownGroups[bucket.key]} caption={bucket.title} />
            </section>
          ))}
        {data?.nextCursor && (
          <Text size="sm" c="dimmed">
            Showing the 100 most urgent open cases; the case list has the rest.
          </Text>
        )}
      </QueryState>
    </Stack>
  );
}
