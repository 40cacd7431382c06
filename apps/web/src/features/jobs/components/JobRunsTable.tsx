import { Badge, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../../ui/format';
import type { JobRun } from '../api/useJobs';

const STATE_COLORS: Record<JobRun['state'], string> = {
  created: 'gray',
  active: 'blue',
  completed: 'teal',
  retry: 'orange',
  failed: 'red',
  cancelled: 'gray',
};

const STATE_LABELS: Record<JobRun['state'], string> = {
  created: 'Waiting',
  active: 'Running',
  completed: 'Done',
  retry: 'Failed, will retry',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function JobStateBadge({ state }: { state: JobRun['state'] }) {
  return (
    <Badge color={STATE_COLORS[state]} variant="light">
      {STATE_LABELS[state]}
    </Badge>
  );
}

/** Runs of jobs: state, when, and the error message of a failure (messages only: no patient data). */
export function JobRunsTable({ runs, caption, showName }: { runs: JobRun[]; caption: string; showName?: boolean }) {
  if (!runs.length) return <Text size="sm">No runs yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {showName && <Table.Th scope="col">Job</Table.Th>}
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">Due</Table.Th>
            <Table.Th scope="col">Started</Table.Th>
            <Table.Th scope="col">Finished</Table.Th>
            <Table.Th scope="col">Retries</Table.Th>
            <Table.Th scope="col">Error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr key={run.id}>
              {showName && <Table.Td>{run.name}</Table.Td>}
              {/* Wide enough for "Failed, will retry": a badge in a squeezed cell is cut to "D…". */}
              <Table.Td miw={150}>
                <JobStateBadge state={run.state} />
              </Table.Td>
              <Table.Td>{formatDateTime(run.dueAt)}</Table.Td>
              <Table.Td>{formatDateTime(run.startedAt)}</Table.Td>
              <Table.Td>{formatDateTime(run.completedAt)}</Table.Td>
              <Table.Td>{run.retryCount}</Table.Td>
              <Table.Td>
                {run.error ? (
                  <Text size="sm" c="red" style={{ wordBreak: 'break-word' }}>
                    {run.error}
                  </Text>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
