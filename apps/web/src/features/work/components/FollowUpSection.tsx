import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { PAYER_CALL_OUTCOME_LABELS, PAYER_CALL_OUTCOMES, type PayerCallOutcome } from '@preauth/domain';
import { useState } from 'react';
import { formatCalendarDate } from '../../../ui/format';
import type { CaseWork } from '../api/types';
import { useLogPayerCall, useSetFollowUp } from '../api/useWorkMutations';
import { errorText } from '../../../ui/server-errors';

function PayerCallForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const log = useLogPayerCall(caseId);
  const [representative, setRepresentative] = useState('');
  const [referenceNumber, setReferenceNumber] = useState('');
  const [summary, setSummary] = useState('');
  const [outcome, setOutcome] = useState<PayerCallOutcome>('status_given');
  const [nextFollowUp, setNextFollowUp] = useState('');
  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    log.mutate(
      {
        representative: representative.trim(),
        summary: summary.trim(),
        outcome,
        ...(referenceNumber.trim() ? { referenceNumber: referenceNumber.trim() } : {}),
        ...(nextFollowUp ? { nextFollowUp } : {}),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={handleSubmit} aria-label="Log a payer call">
      <Stack gap="xs">
        <TextInput
          label="Representative"
          value={representative}
          onChange={(e) => setRepresentative(e.currentTarget.value)}
          maxLength={120}
          required
          size="sm"
        />
        <TextInput
          label="Call reference number"
          value={referenceNumber}
          onChange={(e) => setReferenceNumber(e.currentTarget.value)}
          maxLength={60}
          size="sm"
        />
        <Textarea
          label="What was said"
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          maxLength={2000}
          required
          autosize
          minRows={2}
          size="sm"
        />
        <Select
          label="Outcome"
          data={PAYER_CALL_OUTCOMES.map((o) => ({ value: o, label: PAYER_CALL_OUTCOME_LABELS[o] }))}
          value={outcome}
          onChange={(value) => value && setOutcome(value)}
          allowDeselect={false}
          size="sm"
        />
        <TextInput
          label="Next follow-up"
          type="date"
          value={nextFollowUp}
          onChange={(e) => setNextFollowUp(e.currentTarget.value)}
          size="sm"
        />
        {log.error && (
          <Alert color="red" p="xs" role="alert">
            {errorText(log.error)}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" size="sm" loading={log.isPending} disabled={!representative.trim() || !summary.trim()}>
            Log the call
          </Button>
          <Button variant="default" size="sm" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The case's next follow-up, and the payer-call log that usually sets it. */
export function FollowUpSection({
  caseId,
  work,
  closed,
}: {
  caseId: string;
  work: CaseWork | undefined;
  closed: boolean;
}) {
  const setFollowUp = useSetFollowUp(caseId);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [logging, setLogging] = useState(false);
  const followUp = work?.followUp ?? null;
  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" data-testid="case-follow-up">
          Follow-up:{' '}
          <Text span fw={600}>
            {followUp
              ? `${formatCalendarDate(followUp.date)}${followUp.reason ? ` · ${followUp.reason}` : ''}`
              : 'none'}
          </Text>
        </Text>
        {followUp && !closed && (
          <Button size="compact-xs" variant="subtle" onClick={() => setFollowUp.mutate({ date: null })}>
            Clear
          </Button>
        )}
      </Group>
      {!closed && (
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label="Follow up on"
            type="date"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            size="xs"
          />
          <TextInput
            label="Why"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={200}
            size="xs"
            style={{ flex: 1 }}
          />
          <Button
            size="xs"
            variant="default"
            disabled={!date}
            loading={setFollowUp.isPending}
            onClick={() =>
              setFollowUp.mutate(
                { date, ...(reason.trim() ? { reason: reason.trim() } : {}) },
                { onSuccess: () => setDate('') },
              )
            }
          >
            Set
          </Button>
        </Group>
      )}
      {setFollowUp.error && (
        <Text size="xs" c="red" role="alert">
          {errorText(setFollowUp.error)}
        </Text>
      )}
      {logging ? (
        <PayerCallForm caseId={caseId} onDone={() => setLogging(false)} />
      ) : (
        <Button variant="default" size="sm" onClick={() => setLogging(true)}>
          Log a payer call
        </Button>
      )}
    </Stack>
  );
}
