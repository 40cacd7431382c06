import type { CaseStatus } from './case-status';
import { addDaysToDate, isIsoDate, toLocalDate } from './local-date';
import type { Role } from './roles';
import type { CaseSnapshot } from './snapshot';

// Who books and performs the approved procedure: the desk schedules it, the physician does it.
export const PROCEDURE_ROLES: readonly Role[] = ['front_desk', 'physician'];

// The states whose approval can still be used: a partial approval's approved units can be used
// while the refused ones are appealed, but once appealed the case waits for the payer again.
export const PROCEDURE_STATUSES: readonly CaseStatus[] = ['approved', 'partially_approved'];

// Days before an approval's last valid day at which its owner is reminded that nothing is
// scheduled yet: once at each, the earlier first.
export const APPROVAL_REMINDER_DAYS = [14, 3] as const;

export type ApprovalReminderDays = (typeof APPROVAL_REMINDER_DAYS)[number];

export type ProcedureField = 'scheduledOn' | 'performedOn' | 'units';

export interface ProcedureReason {
  field: ProcedureField;
  reason: string;
}

export type ProcedureUnits = Pick<CaseSnapshot, 'approvedUnits' | 'procedureLines' | 'unitsUsed'>;

/**
 * The units the payer approved: a partial approval names them; a full approval covers every unit
 * requested.
 */
export function approvedUnitsOf(snapshot: ProcedureUnits): number {
  if (typeof snapshot.approvedUnits === 'number') return snapshot.approvedUnits;
  return snapshot.procedureLines.reduce(
    (sum, line) => sum + (Number.isInteger(line.units) && line.units > 0 ? line.units : 0),
    0,
  );
}

export function remainingUnitsOf(snapshot: ProcedureUnits): number {
  return Math.max(0, approvedUnitsOf(snapshot) - (snapshot.unitsUsed ?? 0));
}

export function areAllUnitsUsed(snapshot: ProcedureUnits): boolean {
  const approved = approvedUnitsOf(snapshot);
  return approved > 0 && (snapshot.unitsUsed ?? 0) >= approved;
}

export interface ProcedureContext {
  now: Date;
  timeZone: string;
  // Clocks of the desk's computer and the server's may disagree a little.
  skewMs: number;
}

type ApprovalWindow = Pick<CaseSnapshot, 'status' | 'validFrom' | 'validTo' | 'decidedAt'>;

// The first day the approval covers: its validity start, or failing that the day it was recorded.
function approvalStartOf(snapshot: ApprovalWindow, timeZone: string): string | null {
  if (isIsoDate(snapshot.validFrom)) return snapshot.validFrom;
  return snapshot.decidedAt ? toLocalDate(snapshot.decidedAt, timeZone) : null;
}

function checkApprovalOpen(snapshot: ApprovalWindow): string | null {
  return PROCEDURE_STATUSES.includes(snapshot.status)
    ? null
    : 'Procedures are recorded only on an approved (or partially approved) case.';
}

function checkWithinApproval(
  field: ProcedureField,
  day: string | null | undefined,
  snapshot: ApprovalWindow,
  timeZone: string,
): ProcedureReason | null {
  if (!isIsoDate(day)) return { field, reason: 'Give the date as YYYY-MM-DD.' };
  const start = approvalStartOf(snapshot, timeZone);
  if (start && day < start) {
    return { field, reason: `The date cannot be before the approval, which starts on ${start}.` };
  }
  if (isIsoDate(snapshot.validTo) && day > snapshot.validTo) {
    return { field, reason: `The authorization is valid through ${snapshot.validTo}; the date is after it.` };
  }
  return null;
}

/** Why the procedure cannot be scheduled on that day (empty when it can). */
export function checkScheduleProcedure(
  snapshot: ApprovalWindow,
  scheduledOn: string | null | undefined,
  ctx: ProcedureContext,
): ProcedureReason[] {
  const closed = checkApprovalOpen(snapshot);
  if (closed) return [{ field: 'scheduledOn', reason: closed }];
  const window = checkWithinApproval('scheduledOn', scheduledOn, snapshot, ctx.timeZone);
  return window ? [window] : [];
}

/** Why this performed procedure cannot be recorded (empty when it can). */
export function checkPerformedProcedure(
  snapshot: ApprovalWindow & ProcedureUnits,
  performed: { performedOn: string | null | undefined; units: number | null | undefined },
  ctx: ProcedureContext,
): ProcedureReason[] {
  const closed = checkApprovalOpen(snapshot);
  if (closed) return [{ field: 'performedOn', reason: closed }];
  const found: ProcedureReason[] = [];
  const window = checkWithinApproval('performedOn', performed.performedOn, snapshot, ctx.timeZone);
  const today = toLocalDate(new Date(ctx.now.getTime() + ctx.skewMs), ctx.timeZone);
  if (window) found.push(window);
  else if (performed.performedOn && performed.performedOn > today) {
    found.push({ field: 'performedOn', reason: 'A procedure cannot be recorded as performed on a future day.' });
  }
  const units = performed.units;
  const remaining = remainingUnitsOf(snapshot);
  if (typeof units !== 'number' || !Number.isInteger(units) || units < 1) {
    found.push({ field: 'units', reason: 'The units used must be a whole number, at least 1.' });
  } else if (units > remaining) {
    found.push({
      field: 'units',
      reason: `Only ${remaining} of the ${approvedUnitsOf(snapshot)} approved units remain; ${units} cannot be recorded.`,
    });
  }
  return found;
}

/**
 * The reminder due today for an approval ending on validTo: the smallest threshold already
 * reached (3 days before the end wins over 14), or null when none is reached or the end passed.
 */
export function dueApprovalReminder(validTo: string | null | undefined, today: string): ApprovalReminderDays | null {
  if (!isIsoDate(validTo) || validTo < today) return null;
  const reached = APPROVAL_REMINDER_DAYS.filter((days) => addDaysToDate(today, days) >= validTo);
  return reached.length > 0 ? (Math.min(...reached) as ApprovalReminderDays) : null;
}
