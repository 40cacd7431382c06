import {
  addDaysToDate,
  checkTransitionRequest,
  getEndOfLocalDay,
  isIsoDate,
  normalizeCarcCode,
  parseAmountToCents,
  toLocalDate,
  type AnsweredEvent,
  type CaseStatus,
} from '@preauth/domain';
import { z } from '../../../ui/zod';
import { CLINIC_TIME_ZONE } from '../../../app/clinic';
import { todayInClinic } from '../../../ui/format';
import type { CaseAction, TransitionBody } from '../api/types';

// Which fields the form for each target state shows; the guards in libs/domain decide what they need.
export type TransitionKind =
  | 'approval'
  | 'partial'
  | 'denial'
  | 'appeal'
  | 'info_request'
  | 'withdraw'
  | 'self_pay'
  | 'plain';

export function transitionKind(to: CaseStatus): TransitionKind {
  switch (to) {
    case 'approved':
      return 'approval';
    case 'partially_approved':
      return 'partial';
    case 'denied':
      return 'denial';
    case 'appealed':
      return 'appeal';
    case 'more_info_requested':
      return 'info_request';
    case 'withdrawn':
      return 'withdraw';
    case 'self_pay':
      return 'self_pay';
    case 'documented':
    case 'submitted':
    case 'peer_to_peer':
    case 'external_review':
    case 'expired':
    case 'completed':
      return 'plain';
  }
}

// Events the payer dates (a decision letter) or the clinic sends may be recorded days later.
export function asksWhenItHappened(kind: TransitionKind): boolean {
  return kind !== 'withdraw' && kind !== 'self_pay';
}

// The form's own names for request fields it shows in another shape.
export const FORM_FIELD_OF: Record<string, string> = { occurredAt: 'occurredOn', estimateCents: 'estimateAmount' };

const transitionFormShape = z.object({
  kind: z.enum(['approval', 'partial', 'denial', 'appeal', 'info_request', 'withdraw', 'self_pay', 'plain']),
  note: z.string().max(5000, 'Keep the note under 5000 characters.'),
  denialCode: z.string(),
  denialText: z.string().max(5000, 'Keep it under 5000 characters.'),
  authorizationNumber: z.string().max(60, 'Keep it under 60 characters.'),
  validFrom: z.string(),
  validTo: z.string(),
  approvedUnits: z.union([z.number(), z.literal('')]),
  appealLevel: z.enum(['1', '2', '']),
  letterAttached: z.boolean(),
  newDocumentation: z.boolean(),
  reason: z.string().max(2000, 'Keep the reason under 2000 characters.'),
  occurredOn: z.string(),
  documentId: z.string(),
  // Dollars and cents as typed ("450" or "1,250.00"); sent as cents.
  estimateAmount: z.string(),
  estimateDescription: z.string().max(500, 'Keep the description under 500 characters.'),
  appealsDeclined: z.boolean(),
});

// The form asks for a day in the clinic, the guard judges an instant: the day's first instant is
// in the future exactly when the day is.
function startOfClinicDay(date: string): string {
  return new Date(getEndOfLocalDay(addDaysToDate(date, -1), CLINIC_TIME_ZONE).getTime() + 1).toISOString();
}

// The rules are the domain's guards, in their words, beside the field each judges; the server
// applies the same guards again, plus those that need the whole case.
// `answers` is the event the new one answers (findAnsweredEvent of the case): its date bounds the form's.
export function createTransitionFormSchema(
  action: Pick<CaseAction, 'to' | 'action'>,
  currentAppealLevel: number,
  answers: AnsweredEvent | null = null,
) {
  return transitionFormShape.superRefine((v, ctx) => {
    if (v.occurredOn && !isIsoDate(v.occurredOn)) {
      ctx.addIssue({ code: 'custom', path: ['occurredOn'], message: 'Enter the date it happened.' });
    }
    const request = {
      ...toTransitionBody(action.to, v, answers),
      occurredAt: isIsoDate(v.occurredOn)
        ? notBeforeAnswered(startOfClinicDay(v.occurredOn), v.occurredOn, answers)
        : undefined,
    };
    const found = checkTransitionRequest(action.to, action.action, request, {
      now: new Date(),
      appealLevel: currentAppealLevel,
      answers,
      timeZone: CLINIC_TIME_ZONE,
    });
    for (const { field, reason } of found) {
      ctx.addIssue({ code: 'custom', path: [FORM_FIELD_OF[field] ?? field], message: reason });
    }
  });
}

export type TransitionFormValues = z.infer<typeof transitionFormShape>;
export const TRANSITION_FORM_FIELDS = [
  'note',
  'denialCode',
  'denialText',
  'authorizationNumber',
  'validFrom',
  'validTo',
  'approvedUnits',
  'appealLevel',
  'letterAttached',
  'newDocumentation',
  'reason',
  'occurredOn',
  'documentId',
  'estimateAmount',
  'estimateDescription',
  'appealsDeclined',
] as const;

export function emptyTransitionForm(action: Pick<CaseAction, 'to'>, currentAppealLevel: number): TransitionFormValues {
  const next = currentAppealLevel + 1;
  return {
    kind: transitionKind(action.to),
    note: '',
    denialCode: '',
    denialText: '',
    authorizationNumber: '',
    validFrom: '',
    validTo: '',
    approvedUnits: '',
    appealLevel: next === 1 || next === 2 ? (String(next) as '1' | '2') : '',
    letterAttached: false,
    newDocumentation: false,
    reason: '',
    occurredOn: '',
    documentId: '',
    estimateAmount: '',
    estimateDescription: '',
    appealsDeclined: false,
  };
}

// The form asks for a day: on the day of the answered event itself, the event is after it, even
// when the answered one came late in the day.
function notBeforeAnswered(instant: string, date: string, answers: AnsweredEvent | null): string {
  if (!answers || toLocalDate(answers.at, CLINIC_TIME_ZONE) !== date) return instant;
  return Date.parse(instant) < Date.parse(answers.at) ? new Date(answers.at).toISOString() : instant;
}

// The earliest day the form offers: the day of the event the new one answers.
export function earliestOccurredOn(answers: AnsweredEvent | null): string | undefined {
  return answers ? toLocalDate(answers.at, CLINIC_TIME_ZONE) : undefined;
}

// A past date becomes mid-day in the clinic's zone (the clocks count calendar days); today is
// left out so the server stamps the exact time.
function occurredAtFor(date: string, answers: AnsweredEvent | null): string | undefined {
  if (!date || date >= todayInClinic()) return undefined;
  const midday = new Date(getEndOfLocalDay(date, CLINIC_TIME_ZONE).getTime() - 12 * 3_600_000 + 1).toISOString();
  return notBeforeAnswered(midday, date, answers);
}

const blank = (value: string) => (value.trim() === '' ? undefined : value.trim());

export function toTransitionBody(
  to: CaseStatus,
  v: TransitionFormValues,
  answers: AnsweredEvent | null = null,
): TransitionBody {
  const body: TransitionBody = { to };
  const note = blank(v.note);
  if (note) body.note = note;
  const occurredAt = occurredAtFor(v.occurredOn, answers);
  if (occurredAt) body.occurredAt = occurredAt;
  if (v.documentId) body.documentId = v.documentId;
  switch (v.kind) {
    case 'approval':
    case 'partial':
      body.authorizationNumber = v.authorizationNumber.trim();
      body.validFrom = v.validFrom;
      body.validTo = v.validTo;
      if (v.kind === 'partial' && v.approvedUnits !== '') body.approvedUnits = v.approvedUnits;
      break;
    case 'denial':
      body.denialCode = normalizeCarcCode(v.denialCode);
      if (blank(v.denialText)) body.denialText = blank(v.denialText);
      break;
    case 'appeal':
      if (v.appealLevel) body.appealLevel = Number(v.appealLevel) as 1 | 2;
      body.letterAttached = v.letterAttached;
      body.newDocumentation = v.newDocumentation;
      break;
    case 'withdraw':
      body.reason = v.reason.trim();
      break;
    case 'self_pay': {
      body.reason = v.reason.trim();
      const cents = parseAmountToCents(v.estimateAmount);
      if (cents !== null) body.estimateCents = cents;
      body.estimateCurrency = 'USD';
      body.estimateDescription = v.estimateDescription.trim();
      if (v.appealsDeclined) body.appealsDeclined = true;
      break;
    }
    case 'info_request':
    case 'plain':
      break;
  }
  return body;
}
