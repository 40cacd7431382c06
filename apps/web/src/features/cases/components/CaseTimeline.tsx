import { Text, Timeline, Title } from '@mantine/core';
import { STATUS_LABELS } from '@preauth/domain';
import { formatDateTime } from '../../../ui/format';
import type { CaseEvent } from '../api/types';

function describeEvent(event: CaseEvent): string {
  if (event.type === 'created') return 'Case created';
  if (event.toStatus && event.fromStatus && event.toStatus !== event.fromStatus) {
    return `${STATUS_LABELS[event.fromStatus]} → ${STATUS_LABELS[event.toStatus]}`;
  }
  if (event.type === 'updated') return 'Case details changed';
  return event.type.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

const DATA_LABELS: Record<string, string> = {
  denialCode: 'Denial code',
  authorizationNumber: 'Authorization',
  validFrom: 'Valid from',
  validTo: 'Valid to',
  approvedUnits: 'Approved units',
  appealLevel: 'Appeal level',
  reason: 'Reason',
  fields: 'Fields',
  representative: 'Representative',
  referenceNumber: 'Call reference',
  outcome: 'Outcome',
  nextFollowUp: 'Next follow-up',
};

function describeData(data: Record<string, unknown>): string[] {
  return Object.entries(data)
    .filter(([key, value]) => DATA_LABELS[key] && value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${DATA_LABELS[key]}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
}

export function CaseTimeline({ events }: { events: readonly CaseEvent[] }) {
  const ordered = [...events].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <section aria-labelledby="timeline-title">
      <Title order={3} size="h4" id="timeline-title" mb="sm">
        Timeline
      </Title>
      {ordered.length === 0 ? (
        <Text size="sm" c="dimmed">
          No events yet.
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} data-testid="case-timeline">
          {ordered.map((event) => (
            <Timeline.Item key={event.id} title={describeEvent(event)}>
              <Text size="xs" c="dimmed">
                {formatDateTime(event.occurredAt)}
                {event.actorName ? ` · ${event.actorName}` : ''}
              </Text>
              {describeData(event.data).map((line) => (
                <Text size="sm" key={line}>
                  {line}
                </Text>
              ))}
              {event.note && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {event.note}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </section>
  );
}
