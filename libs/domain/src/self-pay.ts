import type { CaseStatus } from './case-status';
import {
  computeAppealFilingDeadline,
  computeExternalReviewDeadline,
  hasAppealLevelsLeft,
  type DeadlineRule,
} from './deadlines';
import { normalizeCarcCode } from './denial-codes';
import type { Role } from './roles';
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

export interface WaiverFacts {
  // The clinic profile's practice name; null until an admin saves the profile.
  practiceName: string | null;
  patientName: string;
  payerName: string;
  reason: SelfPayReason;
  amountCents: number;
  currency: SelfPayCurrency;
  description: string;
}

export interface WaiverText {
  title: string;
  paragraphs: string[];
}

const WHY_NOT_PAID: Record<SelfPayReason, string> = {
  criteria_not_met:
    "the clinic reviewed my insurer's published criteria for it, found that my case does not meet them, and did not ask my insurer to approve it",
  appeals_exhausted:
    'my insurer denied it as not medically necessary (reason code CO-50), and the appeals available to me have been used',
  appeal_declined:
    'my insurer denied it as not medically necessary (reason code CO-50), and I have chosen not to appeal that decision',
};

/**
 * The clinic's financial-responsibility waiver in plain words, the same on the tablet and in the
 * signed PDF. It is deliberately not the ABN: Original Medicare patients get form CMS-R-131.
 */
export function buildWaiverText(f: WaiverFacts): WaiverText {
  const clinic = f.practiceName?.trim() || 'the clinic';
  const amount = formatCents(f.amountCents, f.currency);
  return {
    title: `${f.practiceName?.trim() || 'Clinic'}: financial responsibility waiver`,
    paragraphs: [
      `I, ${f.patientName}, understand that my insurer, ${f.payerName}, is not expected to pay for the service below: ${WHY_NOT_PAID[f.reason]}.`,
      `Service: ${f.description.trim()}.`,
      `Estimated cost to me: ${amount} (${f.currency}). This is an estimate; if the treatment planned changes, ${clinic} will tell me the new amount before the service.`,
      `I choose to receive this service and agree to pay ${clinic} for it myself. I may change my mind before the service is performed.`,
      'This form is not an Advance Beneficiary Notice of Noncoverage (ABN). A patient with Original Medicare is given the ABN, form CMS-R-131, instead of this form.',
    ],
  };
}

// Who may hand the clinic's tablet to the patient and file what they sign.
export const WAIVER_COLLECTORS: readonly Role[] = ['front_desk', 'physician', 'manager'];
