import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useCaseCount } from '../features/cases/api/useCaseCount';
import { useCases } from '../features/cases/api/useCases';
import { CaseFilters } from '../features/cases/components/CaseFilters';
import { CaseTable } from '../features/cases/components/CaseTable';
import { ColumnChooser } from '../features/cases/components/ColumnChooser';
import { useCaseColumns } from '../features/cases/hooks/useCaseColumns';
import { useListParams } from '../features/cases/hooks/useListParams';
import { CASE_LIST_DEFAULT_SORT, caseExportHref, caseListQuery } from '../features/cases/model/list-params';
import { QueryState } from '../ui/QueryState';

// Shown once a row is ticked: its selects and tag box are not part of the list's first paint.
const BulkActions = lazy(async () => ({
  default: (await import('../features/work/components/BulkActions')).BulkActions,
}));

export function CaseListPage() {
  const [params, setParams] = useListParams();
  const [columns, setColumns] = useCaseColumns();
  // Ticked rows stay ticked across pages and filters until the change is made or cleared.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const handleSelect = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  const query = useMemo(() => caseListQuery(params), [params]);
  const { data, isPending, isFetching, error, refetch } = useCases(query, { keepPrevious: true });
  const count = useCaseCount(query);
  const page = params.page ?? 1;
  // A page of rows drawn at once held a slow phone's main thread for a fifth of a second (a
  // query's answer is an urgent update to React); deferred, the rows are drawn in slices that let a
  // tap or a keystroke through. The spinner stays until they are drawn.
  const shownData = useDeferredValue(data);
  const items = shownData?.items ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>All cases</Title>
        <Group gap="xs">
          <ColumnChooser value={columns} onChange={setColumns} />
          <Button
            component="a"
            variant="default"
            href={caseExportHref({ ...params, sort: query.sort }, columns)}
            download
            data-testid="export-cases"
          >
            Export CSV
          </Button>
          <Button component={Link} to="/cases/new">
            New case
          </Button>
        </Group>
      </Group>
      <CaseFilters
        value={params}
        onChange={setParams}
        withSearch
        withStatus
        withSort
        withOverdue
        withDates
        defaultSort={CASE_LIST_DEFAULT_SORT}
      />
      {selected.size > 0 && (
        <Suspense fallback={null}>
          <BulkActions caseIds={[...selected]} onDone={() => setSelected(new Set())} />
        </Suspense>
      )}
      <QueryState
        isPending={isPending || (!!data && !shownData)}
        error={error}
        onRetry={() => void refetch()}
        what="cases"
      >
        {items.length === 0 ? (
          <Text>No case matches these filters.</Text>
        ) : (
          <CaseTable
            cases={items}
            caption="Cases"
            sort={query.sort}
            onSort={(sort) => setParams({ sort })}
            // Busy until the rows on screen are the answer's: the deferred ones lag a render behind.
            busy={isFetching || shownData !== data}
            columns={columns}
            selected={selected}
            onSelect={handleSelect}
            onTag={(tag) => setParams({ tag })}
          />
        )}
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed" data-testid="page-info">
            {count.data && (
              <span data-testid="case-count">
                {count.data.capped ? 'More than ' : ''}
                {count.data.count.toLocaleString('en-US')} {count.data.count === 1 ? 'case' : 'cases'}
              </span>
            )}
            {count.data ? ' · ' : ''}Page {page}
            {shownData && !shownData.nextCursor ? ' (last)' : ''}
          </Text>
          <Group gap="xs">
            {/* Back returns to the previous page: each page is its own history entry. */}
            {page > 1 && (
              <Button variant="default" onClick={() => setParams({})}>
                First page
              </Button>
            )}
            {shownData?.nextCursor && (
              <Button
                variant="default"
                onClick={() =>
                  setParams({ cursor: shownData.nextCursor ?? undefined, page: page + 1 }, { keepPage: true })
                }
              >
                Next page
              </Button>
            )}
          </Group>
        </Group>
      </QueryState>
    </Stack>
  );
}
