import { Badge } from '@mantine/core';
import { STATUS_LABELS, type CaseStatus } from '@preauth/domain';
import { STATUS_COLORS } from '../model/status';

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      maw="none"
      styles={{ label: { overflow: 'visible' } }}
      data-testid="case-status-badge"
    >
      {STATUS_LABELS[status]}
    </Badge>
  );
}
