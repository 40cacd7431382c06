import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { formatMrn } from '../../../ui/format';
import type { CaseSummary } from '../api/types';
import { NEXT_ACTION } from '../model/status';
import { CaseStatusBadge } from './CaseStatusBadge';
import { ClockText } from './ClockText';

export function CaseTable({
  cases,
  caption,
  showNextAction = true,
}: {
  cases: readonly CaseSummary[];
  caption: string;
  showNextAction?: boolean;
}) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs" layout="fixed">
        <caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="21%">
              Patient
            </Table.Th>
            <Table.Th scope="col" w="10%">
              Procedure
            </Table.Th>
            <Table.Th scope="col" w="17%">
              Payer
            </Table.Th>
            <Table.Th scope="col" w={190}>
              State
            </Table.Th>
            <Table.Th scope="col" w="17%">
              Clock
            </Table.Th>
            {showNextAction && <Table.Th scope="col">Next action</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((item) => (
            <Table.Tr key={item.id} data-testid="case-row">
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
