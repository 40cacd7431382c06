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
  'payer_unreachable',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_LABELS: Record<NotificationKind, string> = {
  case_assigned: 'A case was assigned to you',
  task_assigned: 'A task for you',
  task_done: 'A task you asked for is done',
  payer_answer: 'The payer answered on your case',
  clock_warning: 'A deadline on your case is near',
  payer_unreachable: "The payer's system cannot be reached about your case",
};

/**
 * Whether each kind also goes by email, unless the user chose otherwise: all of them, since a
 * notification that only waits in the app is what lets deadlines pass unseen.
 */
export const DEFAULT_EMAIL_PREFERENCES: Readonly<Record<NotificationKind, boolean>> = {
  case_assigned: true,
  task_assigned: true,
  task_done: true,
  payer_answer: true,
  clock_warning: true,
  payer_unreachable: true,
};

/** A user's choices over the defaults (kinds they never set keep the default). */
export function resolveEmailPreferences(
  saved: Partial<Record<NotificationKind, boolean>>,
): Record<NotificationKind, boolean> {
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, saved[kind] ?? DEFAULT_EMAIL_PREFERENCES[kind]]),
  ) as Record<NotificationKind, boolean>;
}

/**
 * Clock kinds by their unit: expedited cases run on hour clocks (72 h decisions), standard ones
 * on day clocks.
 */
export const CLOCK_UNITS = ['day', 'hour'] as const;
export type ClockUnit = (typeof CLOCK_UNITS)[number];

export function clockUnitOf(urgency: Urgency): ClockUnit {
  return urgency === 'expedited' ? 'hour' : 'day';
}

/** How long before a clock's due time its owner is warned, in the clock's own unit. */
export interface ClockWarningLeads {
  dayClockLeadDays: readonly number[];
  hourClockLeadHours: readonly number[];
}

export const DEFAULT_CLOCK_WARNING_LEADS: ClockWarningLeads = {
  dayClockLeadDays: [3, 1],
  hourClockLeadHours: [24, 4],
};

/** A clinic's warnings per kind are few: more would drown the one that matters. */
export const MAX_LEADS_PER_CLOCK = 3;

/** The leads of a clock of this urgency, in minutes. */
export function warningLeadMinutes(leads: ClockWarningLeads, urgency: Urgency): number[] {
  return clockUnitOf(urgency) === 'hour'
    ? leads.hourClockLeadHours.map((h) => h * 60)
    : leads.dayClockLeadDays.map((d) => d * 24 * 60);
}

/** The longest lead of all, in minutes: how far ahead the warning job has to look. */
export function longestLeadMinutes(leads: ClockWarningLeads): number {
  return Math.max(0, ...warningLeadMinutes(leads, 'standard'), ...warningLeadMinutes(leads, 'expedited'));
}

/**
 * What is wrong with proposed leads, as field errors: each a whole number of the clock's unit,
 * positive, shorter than the shortest clock of that kind (a longer one would warn the moment the
 * clock starts), no repeats, at most MAX_LEADS_PER_CLOCK. `clockLength` is that shortest clock in
 * the same unit (days for day clocks, hours for hour clocks).
 */
export function findClockWarningLeadProblems(
  leads: ClockWarningLeads,
  clockLength: Record<ClockUnit, number>,
): { field: string; reason: string }[] {
  const check = (field: string, values: readonly number[], length: number, unit: string) => {
    const problems: { field: string; reason: string }[] = [];
    if (values.length > MAX_LEADS_PER_CLOCK)
      problems.push({ field, reason: `has at most ${MAX_LEADS_PER_CLOCK} lead times` });
    values.forEach((value, i) => {
      if (!Number.isInteger(value) || value < 1)
        problems.push({ field: `${field}.${i}`, reason: `must be a whole number of ${unit}, at least 1` });
      else if (value >= length)
        problems.push({
          field: `${field}.${i}`,
          reason: `must be shorter than the shortest clock of this kind (${length} ${unit})`,
        });
    });
    if (new Set(values).size !== values.length) problems.push({ field, reason: 'repeats a lead time' });
    return problems;
  };
  return [
    ...check('dayClockLeadDays', leads.dayClockLeadDays, clockLength.day, 'days'),
    ...check('hourClockLeadHours', leads.hourClockLeadHours, clockLength.hour, 'hours'),
  ];
}

/**
 * The warning due now for a clock, as the lead (minutes) whose period it is in, or null: before
 * the first lead or after the due time there is none. The nearest lead wins, so a case created
 * inside the last day gets one warning, not two at once.
 */
export function dueClockWarning(dueAt: Date, leadMinutes: readonly number[], now: Date): number | null {
  const left = (dueAt.getTime() - now.getTime()) / 60_000;
  if (left <= 0) return null;
  const crossed = leadMinutes.filter((lead) => left <= lead);
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
