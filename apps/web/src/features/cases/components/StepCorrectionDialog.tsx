import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { STATUS_LABELS, toLocalDate, UNDO_WINDOW_MINUTES, type EffectiveTransition } from '@preauth/domain';
import { useState } from 'react';
import { CLINIC_TIME_ZONE } from '../../../app/clinic';
import { RefusalReasons } from '../../../ui/RefusalReasons';
import { isApiError, isStaleVersion } from '../../../ui/server-errors';
import type { CaseDetail } from '../api/types';
import { useCorrectStep } from '../api/useCorrectStep';
import { toCorrectStepBody, type CorrectionBounds, type CorrectionFormValues } from '../model/step-correction';
import { CarcCodePicker } from './CodePickers';

export type CorrectionMode = 'undo' | 'reversal' | 'correction';

interface Props {
  mode: CorrectionMode;
  caseId: string;
  version: number;
  step: EffectiveTransition;
  bounds: CorrectionBounds;
  onClose: () => void;
  onDone: (detail: CaseDetail) => void;
}

const TITLES: Record<CorrectionMode, string> = {
  undo: 'Undo this step',
  reversal: 'Reverse this step',
  correction: 'Correct this step',
};

function errorReasons(error: unknown): string[] {
  if (isStaleVersion(error))
    return ['Someone changed this case since you loaded it; close this, reload and try again.'];
  if (isApiError(error)) {
    const body = error.body as { reasons?: string[]; message?: string };
    return body.reasons?.length ? body.reasons : [body.message ?? error.message];
  }
  return [error instanceof Error ? error.message : 'Something went wrong.'];
}

/** The recorder's undo, a manager's reversal (with a reason) or correction of a recorded step. */
export function StepCorrectionDialog({ mode, caseId, version, step, bounds, onClose, onDone }: Props) {
  const mutation = useCorrectStep();
  const [reasons, setReasons] = useState<string[]>([]);
  const [values, setValues] = useState<CorrectionFormValues>({
    occurredOn: toLocalDate(step.occurredAt, CLINIC_TIME_ZONE),
    denialCode: step.input.denialCode ?? '',
    denialText: step.input.denialText ?? '',
    note: step.note ?? '',
    reason: '',
  });
  const set = (field: keyof CorrectionFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const label = `${STATUS_LABELS[step.from]} → ${STATUS_LABELS[step.to]}`;
  const needsReason = mode !== 'undo';

  const handleSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setReasons([]);
    if (needsReason && values.reason.trim() === '') {
      setReasons([mode === 'reversal' ? 'Say why the step is reversed.' : 'Say why the step is corrected.']);
      return;
    }
    try {
      const detail = await mutation.mutateAsync({
        id: caseId,
        eventId: step.eventId,
        version,
        correction:
          mode === 'correction'
            ? {
                kind: 'correction',
                body: toCorrectStepBody(
                  values,
                  {
                    occurredAt: step.occurredAt,
                    denialCode: step.input.denialCode,
                    denialText: step.input.denialText,
                    note: step.note,
                  },
                  bounds,
                ),
              }
            : mode === 'reversal'
              ? { kind: 'reversal', reason: values.reason.trim() }
              : { kind: 'undo', reason: values.reason.trim() || undefined },
      });
      notifications.show({
        color: 'teal',
        title: TITLES[mode],
        message:
          mode === 'correction'
            ? `${label} corrected.`
            : `${label} taken back; the case is ${STATUS_LABELS[detail.status].toLowerCase()}.`,
      });
      onDone(detail);
    } catch (error) {
      setReasons(errorReasons(error));
    }
  };

  return (
    <Modal opened onClose={onClose} title={`${TITLES[mode]}: ${label}`} size="md">
      <form onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={TITLES[mode]}>
        <Stack>
          {mode === 'undo' && (
            <Text size="sm">
              You recorded this step less than {UNDO_WINDOW_MINUTES} minutes ago. Undoing it puts the case back as it
              was; the step stays in the timeline, struck through.
            </Text>
          )}
          {mode === 'reversal' && (
            <Text size="sm">
              The case goes back to {STATUS_LABELS[step.from].toLowerCase()}. The step stays in the timeline and the
              audit trail, struck through, with your reason.
            </Text>
          )}
          <RefusalReasons reasons={reasons} />
          {mode === 'correction' && (
            <>
              <TextInput
                label="Date it happened"
                type="date"
                min={bounds.min}
                max={bounds.max}
                value={values.occurredOn}
                onChange={(e) => set('occurredOn')(e.currentTarget.value)}
              />
              {step.to === 'denied' && (
                <>
                  <CarcCodePicker
                    label="Denial reason (CARC code)"
                    value={values.denialCode}
                    onChange={set('denialCode')}
                  />
                  <Textarea
                    label="Denial wording"
                    autosize
                    minRows={2}
                    value={values.denialText}
                    onChange={(e) => set('denialText')(e.currentTarget.value)}
                  />
                </>
              )}
              <Textarea
                label="Note"
                autosize
                minRows={2}
                value={values.note}
                onChange={(e) => set('note')(e.currentTarget.value)}
              />
            </>
          )}
          <Textarea
            label={needsReason ? 'Why' : 'Why (optional)'}
            required={needsReason}
            autosize
            minRows={2}
            maxLength={2000}
            value={values.reason}
            onChange={(e) => set('reason')(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={mode === 'correction' ? 'blue' : 'red'} loading={mutation.isPending}>
              {mode === 'undo' ? 'Undo' : mode === 'reversal' ? 'Reverse' : 'Save correction'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
