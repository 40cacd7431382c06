import type { CaseStatus, Urgency } from './case-status';
import { isTerminalStatus } from './case-status';
import type { Role } from './roles';

// Who handles a case, what is asked of whom on it, and when people are told.

/** Roles that work cases and can own them (admins run the system, not cases). */
export const OWNER_ROLES: readonly Role[] = ['front_desk', 'physician', 'manager'];

export interface OwnerChange {
  actorId: string;
  actorRoles: readonly Role[];
  currentOwnerId: string | null;
  /** null releases the case. */
  newOwnerId: string | null;
  caseStatus: CaseStatus;
}

/**
 * Why the actor may not make this owner change, or null when they may: the owner and managers
 * reassign (or release) a case; anyone who works cases may take an unowned one for themselves.
 */
export function refuseOwnerChange(change: OwnerChange): string | null {
  const { actorId, actorRoles, currentOwnerId, newOwnerId } = change;
  if (isTerminalStatus(change.caseStatus)) return 'A closed case keeps the owner it had.';
  if (actorRoles.includes('manager') || currentOwnerId === actorId) return null;
  if (currentOwnerId === null && newOwnerId === actorId) return null;
  return currentOwnerId === null
    ? 'An unowned case can be taken by yourself; a manager assigns it to someone else.'
    : 'Only the case’s owner or a manager can reassign it.';
}

export const TASK_KINDS = ['document_findings', 'sign_letter', 'call_payer', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  document_findings: 'Document findings and photos',
  sign_letter: 'Sign the letter',
  call_payer: 'Call the payer',
  other: 'Other',
};

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Something recorded on a case that may do what a task asked. */
export type CaseWorkEvent = { type: 'letter_signed' } | { type: 'transition'; to: CaseStatus };

const PAYER_ANSWERS: readonly CaseStatus[] = ['approved', 'partially_approved', 'denied', 'more_info_requested'];

/**
 * The kinds of open task an event closes as done: a signed letter closes "sign the letter";
 * sending the request (or the information asked for) closes "document findings"; a payer answer
 * recorded closes "call the payer". A case that closes cancels the rest (tasksCancelledBy).
 */
export function tasksSatisfiedBy(event: CaseWorkEvent): TaskKind[] {
  if (event.type === 'letter_signed') return ['sign_letter'];
  if (event.to === 'submitted') return ['document_findings'];
  if (PAYER_ANSWERS.includes(event.to)) return ['call_payer'];
  return [];
}

/** Whether the event ends the case, so every open task of it is cancelled. */
export function tasksCancelledBy(event: CaseWorkEvent): boolean {
  return event.type === 'transition' && isTerminalStatus(event.to);
}

/** A transition to one of these is the payer's answer: the owner is told. */
export function isPayerAnswer(to: CaseStatus): boolean {
  return PAYER_ANSWERS.includes(to);
}

export const NOTIFICATION_KINDS = [
  'case_assigned',
  'task_assigned',
  'task_done',
  'payer_answer',
  'clock_warning',
  // An approval ends soon with nothing scheduled (APPROVAL_REMINDER_DAYS).
  'approval_expiring',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_LABELS: Record<NotificationKind, string> = {
  case_assigned: 'A case was assigned to you',
  task_assigned: 'A task for you',
  task_done: 'A task you asked for is done',
  payer_answer: 'The payer answered on your case',
  clock_warning: 'A deadline on your case is near',
  approval_expiring: 'An approval on your case ends soon, unused',
};

/**
 * How long before a clock's due time its owner is warned, latest first: expedited cases run on
 * hour clocks (72 h decisions), standard ones on day clocks.
 */
export const CLOCK_WARNING_LEAD_MINUTES: Record<Urgency, readonly number[]> = {
  standard: [3 * 24 * 60, 24 * 60],
  expedited: [24 * 60, 4 * 60],
};

/**
 * The warning due now for a clock, as the lead (minutes) whose period it is in, or null: before
 * the first lead or after the due time there is none. The nearest lead wins, so a case created
 * inside the last day gets one warning, not two at once.
 */
export function dueClockWarning(dueAt: Date, urgency: Urgency, now: Date): number | null {
  const left = (dueAt.getTime() - now.getTime()) / 60_000;
  if (left <= 0) return null;
  const crossed = CLOCK_WARNING_LEAD_MINUTES[urgency].filter((lead) => left <= lead);
  return crossed.length ? Math.min(...crossed) : null;
}

export const PAYER_CALL_OUTCOMES = [
  'status_given',
  'approved',
  'denied',
  'more_info_requested',
  'call_back',
  'other',
] as const;
export type PayerCallOutcome = (typeof PAYER_CALL_OUTCOMES)[number];

export const PAYER_CALL_OUTCOME_LABELS: Record<PayerCallOutcome, string> = {
  status_given: 'Status given, still pending',
  approved: 'Said it is approved',
  denied: 'Said it is denied',
  more_info_requested: 'Asked for more information',
  call_back: 'Call back later',
  other: 'Other',
};
