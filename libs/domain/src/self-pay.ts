import type { CaseStatus } from './case-status';
import {
  computeAppealFilingDeadline,
  computeExternalReviewDeadline,
  hasAppealLevelsLeft,
  type DeadlineRule,
} from './deadlines';
import { normalizeCarcCode } from './denial-codes';
import type { CaseSnapshot } from './snapshot';

// Why a case became self-pay, as the reports group conversions.
export const SELF_PAY_REASONS = ['criteria_not_met', 'appeals_exhausted', 'appeal_declined'] as const;
export type SelfPayReason = (typeof SELF_PAY_REASONS)[number];

export const SELF_PAY_REASON_LABELS: Record<SelfPayReason, string> = {
  criteria_not_met: 'Criteria not met: not requested',
  appeals_exhausted: 'CO-50 denial final: appeals exhausted',
  appeal_declined: 'CO-50 denial final: patient declined to appeal',
};

export const SELF_PAY_CURRENCIES = ['USD'] as const;
export type SelfPayCurrency = (typeof SELF_PAY_CURRENCIES)[number];

// A single office procedure estimate above $100,000 is a typing mistake, not a price.
export const MAX_ESTIMATE_CENTS = 10_000_000;

export function isSelfPayReason(value: unknown): value is SelfPayReason {
  return typeof value === 'string' && (SELF_PAY_REASONS as readonly string[]).includes(value);
}

// CARC 50 under any group (CO, PR, OA): the payer found the service not medically necessary.
export function isNotMedicallyNecessaryDenial(code: string | null | undefined): boolean {
  return typeof code === 'string' && /^[A-Z]{2}-50$/.test(normalizeCarcCode(code));
}

export function formatCents(cents: number, currency: SelfPayCurrency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

// "1,234.5" → 123450; null for anything that is not an amount with at most two decimals.
export function parseAmountToCents(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export interface AppealsStillOpenContext {
  at: Date;
  timeZone: string;
  rules: DeadlineRule;
}

/**
 * Why the payer could still be asked again after this denial (an internal level left inside its
 * window, or an external review not yet requested inside its window), or null when appeals are
 * exhausted.
 */
export function describeOpenAppeal(snapshot: CaseSnapshot, ctx: AppealsStillOpenContext): string | null {
  const clockCtx = { now: ctx.at, timeZone: ctx.timeZone };
  if (hasAppealLevelsLeft(snapshot, ctx.rules)) {
    const clock = computeAppealFilingDeadline(snapshot, ctx.rules, clockCtx);
    return clock && !clock.overdue
      ? `An internal appeal (level ${snapshot.appealLevel + 1}) can still be filed until ${clock.dueDate}.`
      : null;
  }
  if (snapshot.externalReviewAt) return null;
  const clock = computeExternalReviewDeadline(snapshot, ctx.rules, clockCtx);
  return clock && !clock.overdue ? `An external review can still be requested until ${clock.dueDate}.` : null;
}

// openAppeal: describeOpenAppeal of the case when it converted.
export function selfPayReasonOf(from: CaseStatus, openAppeal: string | null): SelfPayReason {
  if (from === 'documented') return 'criteria_not_met';
  return openAppeal ? 'appeal_declined' : 'appeals_exhausted';
}
