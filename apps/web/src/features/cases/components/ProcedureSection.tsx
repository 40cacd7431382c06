import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { formatCalendarDate, todayInClinic } from '../../../ui/format';
import { useRecordPerformedProcedure, useScheduleProcedure } from '../api/useProcedure';
import type { CaseDetail } from '../api/types';
import { errorText } from '../../../ui/server-errors';

type Procedure = NonNullable<CaseDetail['procedure']>;

function ScheduleForm({ caseId, procedure }: { caseId: string; procedure: Procedure }) {
  const schedule = useScheduleProcedure(caseId);
  const [day, setDay] = useState(procedure.scheduledOn ?? '');
  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label="Scheduled for"
          type="date"
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          size="xs"
          data-testid="procedure-schedule-date"
        />
        <Button
          size="xs"
          variant="default"
          disabled={!day || day === procedure.scheduledOn}
          loading={schedule.isPending}
          onClick={() => schedule.mutate(day)}
        >
          {procedure.scheduledOn ? 'Reschedule' : 'Schedule'}
        </Button>
      </Group>
      {schedule.error && (
        <Text size="xs" c="red" role="alert">
          {errorText(schedule.error)}
        </Text>
      )}
    </Stack>
  );
}

function PerformedForm({ caseId, procedure }: { caseId: string; procedure: Procedure }) {
  const record = useRecordPerformedProcedure(caseId);
  const [day, setDay] = useState(todayInClinic());
  const [units, setUnits] = useState<number | string>(procedure.unitsRemaining);
  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    record.mutate({ performedOn: day, units: Number(units) });
  };
  return (
    <form onSubmit={handleSubmit} aria-label="Record a performed procedure">
      <Stack gap={4}>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label="Performed on"
            type="date"
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            size="xs"
            required
          />
          <NumberInput
            label="Units used"
            value={units}
            onChange={setUnits}
            min={1}
            max={procedure.unitsRemaining}
            allowDecimal={false}
            size="xs"
            w={110}
            data-testid="procedure-units"
          />
          <Button type="submit" size="xs" loading={record.isPending} disabled={!day || !units}>
            Record
          </Button>
        </Group>
        {record.error && (
          <Alert color="red" p="xs" role="alert">
            {errorText(record.error)}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

/** The approved procedure: when it is booked, each time it was performed, and the units used of those approved. */
export function ProcedureSection({ detail }: { detail: CaseDetail }) {
  const procedure = detail.procedure;
  if (!procedure) return null;
  const { approvedUnits, unitsUsed } = procedure;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="procedure-title">
      <Title order={3} size="h4" id="procedure-title" mb="xs">
        Procedure
      </Title>
      <Stack gap="sm">
        <div>
          <Text size="sm" data-testid="procedure-units-used">
            {unitsUsed} of {approvedUnits} approved unit{approvedUnits === 1 ? '' : 's'} used
          </Text>
          <Progress
            value={approvedUnits > 0 ? (100 * unitsUsed) / approvedUnits : 0}
            color={detail.status === 'completed' ? 'green' : 'teal'}
            size="sm"
            mt={4}
            aria-label="Approved units used"
          />
        </div>
        <Text size="sm" data-testid="procedure-scheduled">
          Scheduled:{' '}
          <Text span fw={600}>
            {procedure.scheduledOn ? formatCalendarDate(procedure.scheduledOn) : 'not yet'}
          </Text>
          {detail.validTo && (
            <Text span size="xs" c="dimmed">
              {' '}
              · authorization valid through {formatCalendarDate(detail.validTo)}
            </Text>
          )}
        </Text>
        {procedure.performed.length > 0 && (
          <Table withTableBorder fz="sm" data-testid="procedure-performed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Performed on</Table.Th>
                <Table.Th ta="right">Units</Table.Th>
                <Table.Th>Recorded by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {procedure.performed.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{formatCalendarDate(entry.performedOn)}</Table.Td>
                  <Table.Td ta="right">{entry.units}</Table.Td>
                  <Table.Td>{entry.recordedBy ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {procedure.canRecord && (
          <>
            <ScheduleForm key={procedure.scheduledOn ?? ''} caseId={detail.id} procedure={procedure} />
            <PerformedForm key={unitsUsed} caseId={detail.id} procedure={procedure} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
