import { Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useIntersection } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useInfiniteCases } from '../features/cases/api/useInfiniteCases';
import { CaseFilters, type CaseFilterValues } from '../features/cases/components/CaseFilters';
import { CaseTable } from '../features/cases/components/CaseTable';
import { QueryState } from '../ui/QueryState';

export function CaseListPage() {
  const [filters, setFilters] = useState<CaseFilterValues>({ sort: 'updated_desc' });
  const [searchText, setSearchText] = useState('');
  const [q] = useDebouncedValue(searchText.trim(), 300);
  const query = useMemo(() => ({ ...filters, ...(q ? { q } : {}), limit: 25 }), [filters, q]);
  const { data, isPending, error, refetch, fetchNextPage, hasNextPage, isFetchingNextPage } = useInfiniteCases(query);
  const items = useMemo(() => data?.pages.flatMap((page) => page.items) ?? [], [data]);
  const { ref: sentinelRef, entry } = useIntersection({ rootMargin: '200px' });

  useEffect(() => {
    if (entry?.isIntersecting && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [entry?.isIntersecting, hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>All cases</Title>
        <Button component={Link} to="/cases/new">
          New case
        </Button>
      </Group>
      <CaseFilters
        value={filters}
        onChange={setFilters}
        withSearch
        withStatus
        withSort
        withOverdue
        searchText={searchText}
        onSearchTextChange={setSearchText}
      />
      <QueryState isPending={isPending} error={error} onRetry={() => void refetch()} what="cases">
        {items.length === 0 ? <Text>No case matches these filters.</Text> : <CaseTable cases={items} caption="Cases" />}
        <div ref={sentinelRef} />
        {hasNextPage ? (
          <Center>
            {/* The button keeps paging usable from the keyboard; scrolling loads on its own. */}
            <Button variant="default" onClick={() => void fetchNextPage()} loading={isFetchingNextPage}>
              Load more
            </Button>
          </Center>
        ) : (
          items.length > 0 && (
            <Text size="sm" c="dimmed" ta="center">
              {items.length} {items.length === 1 ? 'case' : 'cases'}, all shown.
            </Text>
          )
        )}
        {isFetchingNextPage && (
          <Center>
            <Loader size="sm" aria-label="Loading more cases" />
          </Center>
        )}
      </QueryState>
    </Stack>
  );
}
