import { Alert, Anchor, Badge, Table, Text } from '@mantine/core';
import { CLOCK_LABELS } from '@preauth/domain';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/format';
import { CaseStatusBadge } from '../../cases/components/CaseStatusBadge';
import type { DeadlineRulePreview } from '../api/types';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function previewSummary(preview: DeadlineRulePreview): string {
  if (preview.changed === 0) {
    return `No open case gets a new due date (${plural(preview.openCases, 'open case', 'open cases')} of this plan type).`;
  }
  return `${plural(preview.changed, 'open case gets', 'open cases get')} a new due date; ${plural(
    preview.becomeOverdue,
    'becomes',
    'become',
  )} overdue.`;
}

/** What saving would do, case by case (case numbers and dates only: admins see no patient data). */
export function DeadlineRulePreviewPanel({ preview, linkCases }: { preview: DeadlineRulePreview; linkCases: boolean }) {
  return (
    <div data-testid="deadline-rule-preview">
      <Alert
        color={preview.becomeOverdue > 0 ? 'orange' : 'blue'}
        title="Effect of this change"
        role="status"
        aria-live="polite"
      >
        <Text size="sm" data-testid="deadline-rule-preview-summary">
          {previewSummary(preview)}
        </Text>
        {preview.cases.length < preview.changed && <Text size="sm">The first {preview.cases.length} are listed.</Text>}
      </Alert>
      {preview.cases.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped mt="sm">
            <Table.Caption>Open cases whose due date moves</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Case</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Due now</Table.Th>
                <Table.Th scope="col">Due after the change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.cases.map((c) => (
                <Table.Tr key={c.caseId} data-testid="deadline-rule-preview-row">
                  <Table.Td>
                    {linkCases ? (
                      <Anchor component={Link} to={`/cases/${c.caseId}`}>
                        {c.caseNumber}
                      </Anchor>
                    ) : (
                      c.caseNumber
                    )}
                  </Table.Td>
                  <Table.Td>
                    <CaseStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td>
                    {formatDateTime(c.dueBefore)}
                    {c.kindBefore && (
                      <Text size="xs" c="dimmed">
                        {CLOCK_LABELS[c.kindBefore]}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {formatDateTime(c.dueAfter)}{' '}
                    {c.becomesOverdue && (
                      <Badge color="red" variant="light">
                        Overdue
                      </Badge>
                    )}
                    {c.kindAfter && (
                      <Text size="xs" c="dimmed">
                        {CLOCK_LABELS[c.kindAfter]}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </div>
  );
}
