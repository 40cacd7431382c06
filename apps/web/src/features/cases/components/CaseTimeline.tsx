import { Button, Group, Text, Timeline, Title } from '@mantine/core';
import {
  changesOf,
  CORRECTABLE_FIELD_LABELS,
  STATUS_LABELS,
  type CorrectableField,
  type EffectiveHistory,
  type RecordedEvent,
} from '@preauth/domain';
import { useMemo, useState } from 'react';
import { formatDateTime } from '../../../ui/format';
import type { CaseDetail, CaseEvent } from '../api/types';
import { caseHistoryOf, correctionBounds } from '../model/step-correction';
import { StepCorrectionDialog, type CorrectionMode } from './StepCorrectionDialog';

function describeStep(from: CaseEvent['fromStatus'], to: CaseEvent['toStatus']): string {
  return from && to ? `${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}` : '';
}

function describeEvent(event: CaseEvent, corrected: CaseEvent | undefined): string {
  if (event.type === 'created') return 'Case created';
  if (event.type === 'reversal') {
    const what = corrected ? describeStep(corrected.fromStatus, corrected.toStatus) : 'a step';
    return `${event.data.undo ? 'Undone' : 'Reversed'}: ${what}`;
  }
  if (event.type === 'correction') {
    return `Corrected: ${corrected ? describeStep(corrected.fromStatus, corrected.toStatus) : 'a step'}`;
  }
  if (event.toStatus && event.fromStatus && event.toStatus !== event.fromStatus) {
    return describeStep(event.fromStatus, event.toStatus);
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
  scheduledOn: 'Scheduled for',
  performedOn: 'Performed on',
  units: 'Units',
  unitsUsed: 'Units used so far',
};

function describeData(data: Record<string, unknown>, skip: ReadonlySet<string>): string[] {
  return Object.entries(data)
    .filter(
      ([key, value]) => DATA_LABELS[key] && !skip.has(key) && value !== null && value !== undefined && value !== '',
    )
    .map(([key, value]) => `${DATA_LABELS[key]}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
}

function showValue(field: CorrectableField, value: unknown): string {
  if (typeof value !== 'string' || value === '') return '(none)';
  return field === 'occurredAt' ? formatDateTime(value) : value;
}

// Each corrected field: the recorded value struck through, then the value that counts.
function CorrectedValues({ corrections }: { corrections: readonly RecordedEvent[] }) {
  return (
    <>
      {corrections.flatMap((correction) => {
        const changes = changesOf(correction);
        const previous = (correction.data.previous ?? {}) as Record<string, unknown>;
        return (Object.keys(changes) as CorrectableField[]).map((field) => (
          <Text size="sm" key={`${correction.id}-${field}`} data-testid="corrected-value">
            {CORRECTABLE_FIELD_LABELS[field]}: <s>{showValue(field, previous[field])}</s>{' '}
            {showValue(field, changes[field])}
          </Text>
        ));
      })}
    </>
  );
}

interface Props {
  events: readonly CaseEvent[];
  caseId?: string;
  version?: number;
  onChanged?: (detail: CaseDetail) => void;
}

interface Chosen {
  mode: CorrectionMode;
  eventId: string;
}

export function CaseTimeline({ events, caseId, version, onChanged }: Props) {
  const ordered = [...events].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  const history: EffectiveHistory = useMemo(() => caseHistoryOf(events), [events]);
  const byId = useMemo(() => new Map(events.map((e) => [e.id, e])), [events]);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const step = chosen ? history.transitions.find((t) => t.eventId === chosen.eventId) : undefined;
  const editable = caseId !== undefined && version !== undefined;

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
          {ordered.map((event) => {
            const target = event.correctsEventId ? byId.get(event.correctsEventId) : undefined;
            const reversal = history.reversedBy.get(event.id);
            const corrections = history.correctedBy.get(event.id) ?? [];
            const effectiveAt = history.transitions.find((t) => t.eventId === event.id)?.occurredAt ?? event.occurredAt;
            const correctedFields = new Set(corrections.flatMap((c) => Object.keys(changesOf(c))));
            const title = describeEvent(event, target);
            return (
              <Timeline.Item
                key={event.id}
                data-testid={`timeline-event-${event.id}`}
                data-effective={event.effective ? 'true' : 'false'}
                title={event.effective ? title : <s>{title}</s>}
                lineVariant={event.effective ? 'solid' : 'dashed'}
              >
                <Text size="xs" c="dimmed" td={event.effective ? undefined : 'line-through'}>
                  {formatDateTime(effectiveAt)}
                  {event.actorName ? ` · ${event.actorName}` : ''}
                </Text>
                {describeData(event.data, correctedFields).map((line) => (
                  <Text size="sm" key={line} td={event.effective ? undefined : 'line-through'}>
                    {line}
                  </Text>
                ))}
                <CorrectedValues corrections={corrections} />
                {event.note && !correctedFields.has('note') && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} td={event.effective ? undefined : 'line-through'}>
                    {event.note}
                  </Text>
                )}
                {corrections.map((c) => (
                  <Text size="xs" c="dimmed" key={`by-${c.id}`}>
                    Corrected by {byId.get(c.id)?.actorName ?? 'someone'} on {formatDateTime(c.createdAt)}
                    {c.note ? `: ${c.note}` : ''}
                  </Text>
                ))}
                {reversal && (
                  <Text size="xs" c="red.8" data-testid="reversed-by">
                    {reversal.data.undo ? 'Undone' : 'Reversed'} by {byId.get(reversal.id)?.actorName ?? 'someone'} on{' '}
                    {formatDateTime(reversal.createdAt)}
                    {reversal.note ? `: ${reversal.note}` : ''}
                  </Text>
                )}
                {editable && (event.undoUntil || event.mayReverse || event.mayCorrect) && (
                  <Group gap="xs" mt={4}>
                    {event.undoUntil && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="red"
                        onClick={() => setChosen({ mode: 'undo', eventId: event.id })}
                        title={`Until ${formatDateTime(event.undoUntil)}`}
                      >
                        Undo
                      </Button>
                    )}
                    {event.mayReverse && !event.undoUntil && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setChosen({ mode: 'reversal', eventId: event.id })}
                      >
                        Reverse…
                      </Button>
                    )}
                    {event.mayCorrect && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setChosen({ mode: 'correction', eventId: event.id })}
                      >
                        Correct…
                      </Button>
                    )}
                  </Group>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      {chosen && step && editable && (
        <StepCorrectionDialog
          mode={chosen.mode}
          caseId={caseId}
          version={version}
          step={step}
          bounds={correctionBounds(history, step.eventId)}
          onClose={() => setChosen(null)}
          onDone={(detail) => {
            setChosen(null);
            onChanged?.(detail);
          }}
        />
      )}
    </section>
  );
}
