// When Preauth asks a payer again (Da Vinci PAS Claim/$inquire) about a pended request. The guide
// asks clients not to stress payers with repeated inquiries: the waits grow, then settle on a
// slow rhythm, and polling ends at the payer's deadline (the case's clock) or after a cap.

/** Minutes after the pended answer of each inquiry, then the last one repeats. */
export const PAS_INQUIRY_BACKOFF_MINUTES: readonly number[] = [1, 5, 15, 60, 240];
/** Without a clock, polling ends this long after the pended answer. */
export const PAS_INQUIRY_MAX_DAYS = 30;
/** Consecutive failures to reach the payer after which the case owner is told. */
export const PAS_INQUIRY_FAILURES_BEFORE_NOTICE = 3;
/** Waits (minutes) between tries while the payer cannot be reached, then the last one repeats. */
export const PAS_INQUIRY_OUTAGE_RETRY_MINUTES: readonly number[] = [1, 5, 15, 60];

const MINUTE = 60_000;
const at = (list: readonly number[], index: number) => list[Math.min(index, list.length - 1)];

/**
 * The moment of inquiry number `attempt` (0 for the first) after a pended answer at `pendedAt`,
 * or null when that falls past the deadline (the clock, else the cap): polling stops.
 */
export function nextInquiryAt(
  pendedAt: Date,
  attempt: number,
  deadline: Date | null,
  schedule: readonly number[] = PAS_INQUIRY_BACKOFF_MINUTES,
): Date | null {
  let minutes = 0;
  for (let i = 0; i <= attempt; i++) minutes += at(schedule, i);
  const next = new Date(pendedAt.getTime() + minutes * MINUTE);
  const end = deadline ?? new Date(pendedAt.getTime() + PAS_INQUIRY_MAX_DAYS * 24 * 60 * MINUTE);
  return next.getTime() > end.getTime() ? null : next;
}

/** When to try again after the `failures`-th consecutive failure to reach the payer (1 for the first). */
export function retryInquiryAt(now: Date, failures: number, schedule = PAS_INQUIRY_OUTAGE_RETRY_MINUTES): Date {
  return new Date(now.getTime() + at(schedule, Math.max(0, failures - 1)) * MINUTE);
}

/** Whether this failure is the one that tells the owner (once per outage). */
export function isOutageNotice(failures: number): boolean {
  return failures === PAS_INQUIRY_FAILURES_BEFORE_NOTICE;
}

/**
 * A payer's approval whose validity ended before the request was even sent cannot be used (a
 * payer's data error, or an answer about another request): it is recorded, since it is what the
 * payer said, but never silently. The warning, or null when the window is usable or unknown.
 */
export function approvalEndedBeforeRequest(validTo: string | null, requestSentOn: string): string | null {
  if (!validTo || !/^\d{4}-\d{2}-\d{2}$/.test(validTo) || validTo >= requestSentOn) return null;
  return `The payer's approval ended on ${validTo}, before the request was sent on ${requestSentOn}: it cannot be used. Ask the payer to correct the dates; until then the case will be marked expired.`;
}
