import { Anchor, Card, Checkbox, Group, Stack, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { CASE_OPTIONAL_COLUMN_LABELS, type CaseOptionalColumn } from '@preauth/domain';
import type { ReactNode } from 'react';
import { formatCalendarDate, formatDateTime, formatMrn, todayInClinic } from '../../../ui/format';
import type { CaseSummary } from '../api/types';
import { NEXT_ACTION } from '../model/status';
import { CaseStatusBadge } from './CaseStatusBadge';
import { ClockText } from './ClockText';
import { TagChips } from './TagChips';

/**
 * The Clock column is the one column that orders the list (by its deadline): the others are the
 * patient's, payer's or state's, which no index of the cases table can page through in order.
 */
function ClockHeader({ sort, onSort }: { sort?: string; onSort?: (sort: 'due_asc' | 'due_desc') => void }) {
  if (!onSort) return <>Clock</>;
  const ascending = sort === 'due_asc';
  const active = ascending || sort === 'due_desc';
  return (
    <UnstyledButton
      onClick={() => onSort(ascending ? 'due_desc' : 'due_asc')}
      fw={700}
      fz="sm"
      data-testid="sort-by-clock"
      aria-label={`Clock: sort by deadline, ${ascending ? 'latest' : 'soonest'} first`}
    >
      Clock {active ? (ascending ? '▲' : '▼') : '↕'}
    </UnstyledButton>
  );
}

const validity = (item: CaseSummary) =>
  item.validFrom || item.validTo ? `${formatCalendarDate(item.validFrom)} – ${formatCalendarDate(item.validTo)}` : '—';

/** What each optional column shows; the denial date is the clinic's day, as the CSV writes it. */
const OPTIONAL_CELLS: Record<CaseOptionalColumn, (item: CaseSummary, onTag?: (tag: string) => void) => ReactNode> = {
  denied_at: (item) => (item.deniedAt ? formatCalendarDate(todayInClinic(new Date(item.deniedAt))) : '—'),
  denial_code: (item) => item.denialCode ?? '—',
  authorization_number: (item) => item.authorizationNumber ?? '—',
  validity,
  owner: (item) => item.owner?.name ?? 'Unassigned',
  last_activity: (item) => formatDateTime(item.updatedAt),
  tags: (item, onTag) => (item.tags.length ? <TagChips tags={item.tags} onPick={onTag} /> : '—'),
};

// Tags wrap under each other; the other optional columns hold one short value.
const columnWidth = (column: CaseOptionalColumn) => (column === 'tags' ? 180 : 130);

function CaseCards({
  cases,
  caption,
  showNextAction,
  busy,
  showTags,
  onTag,
}: {
  cases: readonly CaseSummary[];
  caption: string;
  showNextAction: boolean;
  busy?: boolean;
  showTags: boolean;
  onTag?: (tag: string) => void;
}) {
  return (
    <Stack
      gap="xs"
      component="ul"
      aria-label={caption}
      aria-busy={busy || undefined}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {cases.map((item) => (
        <Card key={item.id} component="li" withBorder padding="sm" radius="md" data-testid="case-row">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap={4}>
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/cases/${item.id}`} fw={600}>
                {item.patient.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {item.caseNumber} · {item.payer.name}
                {item.urgency === 'expedited' ? ' · Expedited' : ''}
              </Text>
            </div>
            <CaseStatusBadge status={item.status} />
          </Group>
          <ClockText clock={item.currentClock} size="sm" />
          {showNextAction && (
            <Text size="sm" data-testid="next-action">
              Next: {NEXT_ACTION[item.status]}
            </Text>
          )}
          {showTags && <TagChips tags={item.tags} onPick={onTag} />}
        </Card>
      ))}
    </Stack>
  );
}

export function CaseTable({
  cases,
  caption,
  showNextAction = true,
  sort,
  onSort,
  busy,
  columns = [],
  selected,
  onSelect,
  onTag,
}: {
  cases: readonly CaseSummary[];
  caption: string;
  showNextAction?: boolean;
  /** Optional columns (the column chooser's), after the clock. */
  columns?: readonly CaseOptionalColumn[];
  /** Rows ticked for a bulk change: a checkbox column when given (not on phones). */
  selected?: ReadonlySet<string>;
  onSelect?: (ids: string[], on: boolean) => void;
  sort?: string;
  onSort?: (sort: 'due_asc' | 'due_desc') => void;
  /** New rows are on their way (the shown ones are the previous filters'). */
  busy?: boolean;
  /** A tag chip was clicked: show the cases with that tag. */
  onTag?: (tag: string) => void;
}) {
  // Below a tablet's width a row becomes a card that keeps what the day's work needs (patient,
  // state, clock, next action) instead of a table to scroll sideways. Read synchronously, so a
  // phone never draws the table first.
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  if (phone)
    return (
      <CaseCards
        cases={cases}
        caption={caption}
        showNextAction={showNextAction}
        busy={busy}
        showTags={columns.includes('tags')}
        onTag={onTag}
      />
    );
  const ariaSort = sort === 'due_asc' ? 'ascending' : sort === 'due_desc' ? 'descending' : undefined;
  // Shares of the width suit the table alone; with optional columns they would grow with the
  // wider table and squeeze Next action to a word a line, so the columns take fixed widths then
  // (about what the shares give at 900 px) and the table scrolls sideways instead.
  const extra = columns.reduce((width, column) => width + columnWidth(column), 0);
  const width = (share: string, px: number) => (columns.length ? px : share);
  return (
    <Table.ScrollContainer
      minWidth={columns.length ? 810 + (selected && onSelect ? 40 : 0) + extra + (showNextAction ? 160 : 0) : 900}
      aria-busy={busy || undefined}
      style={{ opacity: busy ? 0.6 : 1 }}
    >
      <Table striped highlightOnHover verticalSpacing="xs" layout="fixed">
        <caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            {selected && onSelect && (
              <Table.Th scope="col" w={40}>
                <Checkbox
                  aria-label="Select every case on this page"
                  checked={cases.length > 0 && cases.every((item) => selected.has(item.id))}
                  indeterminate={
                    cases.some((item) => selected.has(item.id)) && !cases.every((item) => selected.has(item.id))
                  }
                  onChange={(event) =>
                    onSelect(
                      cases.map((item) => item.id),
                      event.currentTarget.checked,
                    )
                  }
                />
              </Table.Th>
            )}
            <Table.Th scope="col" w={width('21%', 200)}>
              Patient
            </Table.Th>
            <Table.Th scope="col" w={width('10%', 100)}>
              Procedure
            </Table.Th>
            <Table.Th scope="col" w={width('17%', 160)}>
              Payer
            </Table.Th>
            <Table.Th scope="col" w={190}>
              State
            </Table.Th>
            <Table.Th scope="col" w={width('17%', 160)} aria-sort={onSort ? ariaSort : undefined}>
              <ClockHeader sort={sort} onSort={onSort} />
            </Table.Th>
            {columns.map((column) => (
              <Table.Th key={column} scope="col" w={columnWidth(column)} data-testid={`column-${column}`}>
                {CASE_OPTIONAL_COLUMN_LABELS[column]}
              </Table.Th>
            ))}
            {showNextAction && <Table.Th scope="col">Next action</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((item) => (
            <Table.Tr key={item.id} data-testid="case-row">
              {selected && onSelect && (
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${item.patient.name}, ${item.caseNumber}`}
                    checked={selected.has(item.id)}
                    onChange={(event) => onSelect([item.id], event.currentTarget.checked)}
                    data-testid="select-case"
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Anchor component={Link} to={`/cases/${item.id}`} fw={600}>
                  {item.patient.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {item.caseNumber} · {formatMrn(item.patient.mrn)}
                  {item.urgency === 'expedited' ? ' · Expedited' : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.cptCodes.length ? item.cptCodes.join(', ') : '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.payer.name}</Text>
              </Table.Td>
              <Table.Td>
                <CaseStatusBadge status={item.status} />
                <Text size="xs" c="dimmed" mt={2}>
                  {item.owner ? item.owner.name : 'Unassigned'}
                </Text>
              </Table.Td>
              <Table.Td>
                <ClockText clock={item.currentClock} />
              </Table.Td>
              {columns.map((column) => (
                <Table.Td key={column}>
                  <Text size="sm" component="div">
                    {OPTIONAL_CELLS[column](item, onTag)}
                  </Text>
                </Table.Td>
              ))}
              {showNextAction && (
                <Table.Td>
                  <Text size="sm">{NEXT_ACTION[item.status]}</Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
