import {
  computeEffectiveHistory,
  getEndOfLocalDay,
  normalizeCarcCode,
  toLocalDate,
  type EffectiveHistory,
  type RecordedEvent,
} from '@preauth/domain';
import { CLINIC_TIME_ZONE } from '../../../app/clinic';
import { todayInClinic } from '../../../ui/format';
import type { CaseEvent, CorrectStepBody } from '../api/types';

export function toRecordedEvents(events: readonly CaseEvent[]): RecordedEvent[] {
  return events.map((e) => ({
    id: e.id,
    type: e.type,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorId: null,
    note: e.note,
    data: e.data,
    occurredAt: e.occurredAt,
    createdAt: e.createdAt,
    correctsEventId: e.correctsEventId,
  }));
}

export function caseHistoryOf(events: readonly CaseEvent[]): EffectiveHistory {
  return computeEffectiveHistory(toRecordedEvents(events));
}

export interface CorrectionBounds {
  // The days a corrected date may take: from the step it answers to the step that answers it.
  min?: string;
  max: string;
  earliest?: string;
  latest?: string;
}

export function correctionBounds(history: EffectiveHistory, eventId: string): CorrectionBounds {
  const index = history.transitions.findIndex((t) => t.eventId === eventId);
  const before = index > 0 ? history.transitions[index - 1] : undefined;
  const after = index >= 0 ? history.transitions[index + 1] : undefined;
  const today = todayInClinic();
  return {
    min: before ? toLocalDate(before.occurredAt, CLINIC_TIME_ZONE) : undefined,
    max: after ? toLocalDate(after.occurredAt, CLINIC_TIME_ZONE) : today,
    earliest: before?.occurredAt,
    latest: after?.occurredAt,
  };
}

export interface CorrectionFormValues {
  occurredOn: string;
  denialCode: string;
  denialText: string;
  note: string;
  reason: string;
}

// A day becomes mid-day in the clinic (clocks count calendar days), kept between the steps on
// either side when they fall on the same day; today is now.
function instantOf(date: string, bounds: CorrectionBounds): string {
  if (date === todayInClinic()) return new Date().toISOString();
  let at = getEndOfLocalDay(date, CLINIC_TIME_ZONE).getTime() - 12 * 3_600_000 + 1;
  if (bounds.earliest && at < Date.parse(bounds.earliest)) at = Date.parse(bounds.earliest);
  if (bounds.latest && at > Date.parse(bounds.latest)) at = Date.parse(bounds.latest);
  return new Date(at).toISOString();
}

/** Only what differs from the step as it stands is sent; the server judges it again. */
export function toCorrectStepBody(
  values: CorrectionFormValues,
  current: { occurredAt: string; denialCode?: string | null; denialText?: string | null; note?: string | null },
  bounds: CorrectionBounds,
): CorrectStepBody {
  const body: CorrectStepBody = { reason: values.reason.trim() };
  if (values.occurredOn && values.occurredOn !== toLocalDate(current.occurredAt, CLINIC_TIME_ZONE)) {
    body.occurredAt = instantOf(values.occurredOn, bounds);
  }
  const code = values.denialCode.trim();
  if (code && normalizeCarcCode(code) !== current.denialCode) body.denialCode = normalizeCarcCode(code);
  if (values.denialText.trim() !== (current.denialText ?? '')) body.denialText = values.denialText.trim() || null;
  if (values.note.trim() !== (current.note ?? '')) body.note = values.note.trim() || null;
  return body;
}
