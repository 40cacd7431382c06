import { getEndOfLocalDay, isIsoDate, isValidCarcCode, normalizeCarcCode, type CaseStatus } from '@preauth/domain';
import { z } from 'zod';
import { CLINIC_TIME_ZONE } from '../../../app/clinic';
import { todayInClinic } from '../../../ui/format';
import type { CaseAction, TransitionBody } from '../api/types';

// What the form for each target state asks; the guards in libs/domain/src/transitions.ts decide.
export type TransitionKind = 'approval' | 'partial' | 'denial' | 'appeal' | 'info_request' | 'withdraw' | 'plain';

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
    case 'documented':
    case 'submitted':
    case 'peer_to_peer':
    case 'external_review':
    case 'expired':
      return 'plain';
  }
}

// Events the payer dates (a decision letter) or the clinic sends may be recorded days later.
export function asksWhenItHappened(kind: TransitionKind): boolean {
  return kind !== 'withdraw';
}

export const transitionFormSchema = z
  .object({
    kind: z.enum(['approval', 'partial', 'denial', 'appeal', 'info_request', 'withdraw', 'plain']),
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
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.occurredOn) {
      if (!isIsoDate(v.occurredOn)) issue('occurredOn', 'Enter the date it happened.');
      else if (v.occurredOn > todayInClinic()) issue('occurredOn', 'The date cannot be in the future.');
    }
    if (v.kind === 'approval' || v.kind === 'partial') {
      if (!v.authorizationNumber.trim()) issue('authorizationNumber', "Enter the payer's authorization number.");
      if (!isIsoDate(v.validFrom)) issue('validFrom', 'Enter the first day the authorization is valid.');
      if (!isIsoDate(v.validTo)) issue('validTo', 'Enter the last day the authorization is valid.');
      else if (isIsoDate(v.validFrom) && v.validTo < v.validFrom)
        issue('validTo', 'The validity ends before it starts.');
    }
    if (v.kind === 'partial' && (v.approvedUnits === '' || !Number.isInteger(v.approvedUnits) || v.approvedUnits < 1)) {
      issue('approvedUnits', 'Enter the number of approved units (at least 1).');
    }
    if (v.kind === 'denial') {
      if (!v.denialCode.trim()) issue('denialCode', 'Choose the CARC reason code from the denial, such as CO-50.');
      else if (!isValidCarcCode(normalizeCarcCode(v.denialCode)))
        issue('denialCode', 'A CARC code is a group and a reason, such as CO-50.');
    }
    if (v.kind === 'appeal') {
      if (!v.appealLevel) issue('appealLevel', 'Choose the appeal level.');
      if (!v.letterAttached && !v.newDocumentation) {
        issue('letterAttached', 'An appeal needs a letter of medical necessity or new documentation.');
      }
    }
    if (v.kind === 'info_request' && !v.note.trim()) issue('note', 'Write down what the payer asked for.');
    if (v.kind === 'withdraw' && !v.reason.trim())
      issue('reason', 'Say why the request is withdrawn (e.g. the patient chose self-pay).');
  });

export type TransitionFormValues = z.infer<typeof transitionFormSchema>;
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
  };
}

// A past date becomes mid-day in the clinic's zone (the clocks count calendar days); today is
// left out so the server stamps the exact time.
function occurredAtFor(date: string): string | undefined {
  if (!date || date >= todayInClinic()) return undefined;
  return new Date(getEndOfLocalDay(date, CLINIC_TIME_ZONE).getTime() - 12 * 3_600_000 + 1).toISOString();
}

const blank = (value: string) => (value.trim() === '' ? undefined : value.trim());

export function toTransitionBody(to: CaseStatus, v: TransitionFormValues): TransitionBody {
  const body: TransitionBody = { to };
  const note = blank(v.note);
  if (note) body.note = note;
  const occurredAt = occurredAtFor(v.occurredOn);
  if (occurredAt) body.occurredAt = occurredAt;
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
    case 'info_request':
    case 'plain':
      break;
  }
  return body;
}
