import { Anchor, Badge, Button, Card, Center, Stack, Table, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { AuditEvent } from '../../features/settings/api/types';
import { useAuditEvents } from '../../features/settings/api/useAudit';
import { AuditChainCheck } from '../../features/settings/components/AuditChainCheck';
import { AuditFilters } from '../../features/settings/components/AuditFilters';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_FILTER_KEYS,
  readAuditFilters,
  toAuditQuery,
  type AuditFilterValues,
} from '../../features/settings/model/audit-filters';
import { formatAuditDetail } from '../../features/settings/model/audit-detail';
import { formatDateTime } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';

const OUTCOME_COLORS = { success: 'teal', denied: 'orange', failure: 'red' } as const;

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

function EventRow({
  event,
  onFilter,
}: {
  event: AuditEvent;
  onFilter: (key: 'patientId' | 'userId', id: string) => void;
}) {
  const detail = formatAuditDetail(event.detail);
  return (
    <Table.Tr data-testid="audit-row">
      <Table.Td>
        <Text size="sm">{formatDateTime(event.occurredAt)}</Text>
        <Text size="xs" c="dimmed">
          #{event.id}
        </Text>
      </Table.Td>
      <Table.Td>
        {event.userId ? (
          <Anchor component="button" type="button" size="sm" onClick={() => onFilter('userId', event.userId!)}>
            {event.userDisplayName ?? event.userEmail}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            System
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{AUDIT_ACTION_LABELS[event.action]}</Text>
        {event.outcome !== 'success' && (
          <Badge size="xs" variant="light" color={OUTCOME_COLORS[event.outcome]}>
            {event.outcome}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{event.objectType.replace(/_/g, ' ')}</Text>
        {event.objectId && (
          <Text size="xs" c="dimmed" title={event.objectId}>
            {shortId(event.objectId)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {event.patientId ? (
          <Anchor
            component="button"
            type="button"
            size="xs"
            title={event.patientId}
            aria-label={`Show the events of patient ${event.patientId}`}
            onClick={() => onFilter('patientId', event.patientId!)}
          >
            {shortId(event.patientId)}
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {event.ip ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td maw={320}>
        {detail.map((line, i) => (
          <Text key={i} size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {line.length > 160 ? `${line.slice(0, 160)}…` : line}
          </Text>
        ))}
      </Table.Td>
    </Table.Tr>
  );
}

export function AuditLogPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readAuditFilters(searchParams);
  const query = useAuditEvents(toAuditQuery(filters));
  const events = query.data?.pages.flatMap((page) => page.items) ?? [];

  const applyFilters = (next: AuditFilterValues) => {
    const params = new URLSearchParams();
    for (const key of AUDIT_FILTER_KEYS) if (next[key]) params.set(key, next[key]);
    setSearchParams(params, { replace: true });
  };

  return (
    <Stack maw={1280} data-testid="audit-page">
      <div>
        <Title order={2}>Audit log</Title>
        <Text size="sm" c="dimmed">
          Every sign-in, every read or change of patient data and every change of settings, newest first. Reading this
          log is recorded too.
        </Text>
      </div>
      <Card withBorder>
        <AuditChainCheck />
      </Card>
      {/* Remounted when the URL changes, so the fields show the filters in force. */}
      <AuditFilters key={searchParams.toString()} value={filters} onApply={applyFilters} />
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        what="the audit log"
      >
        {events.length === 0 ? (
          <Text c="dimmed" py="md">
            No events match these filters.
          </Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table striped verticalSpacing="xs">
                <Table.Caption>Audit events, newest first</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">When</Table.Th>
                    <Table.Th scope="col">Who</Table.Th>
                    <Table.Th scope="col">Action</Table.Th>
                    <Table.Th scope="col">What</Table.Th>
                    <Table.Th scope="col">Patient</Table.Th>
                    <Table.Th scope="col">IP</Table.Th>
                    <Table.Th scope="col">Detail</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {events.map((event) => (
                    <EventRow
                      key={event.id}
                      event={event}
                      onFilter={(key, id) => applyFilters({ ...filters, [key]: id })}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Center>
              {query.hasNextPage ? (
                <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
                  Load older events
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  The start of the trail.
                </Text>
              )}
            </Center>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
