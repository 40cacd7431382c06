import { addMonthsDolRule, rollForwardToBusinessDay } from './business-days';
import type { CaseStatus } from './case-status';
import {
  addDaysToDate,
  assertTimeZone,
  getEndOfLocalDay,
  isIsoDate,
  parseInstant,
  toLocalDate,
  type LocalDate,
} from './local-date';
import type { PlanType } from './plan-types';
import { PLAN_TYPES } from './plan-types';
import type { CaseSnapshot } from './snapshot';

// One row per plan type; the API stores these in a table that admins edit, so every figure is
// data. Day counts are calendar days in the clinic's zone, hour counts run from the instant.
export interface DeadlineRule {
  planType: PlanType;
  decisionStandardDays: number;
  decisionExpeditedHours: number;
  infoResponseDays: number;
  // Urgent requests give the clinic hours, not weeks, to answer (29 CFR 2560.503-1: 48 h).
  // Optional so older rows still load; missing means DEFAULT_INFO_RESPONSE_EXPEDITED_HOURS.
  infoResponseExpeditedHours?: number | null;
  appealFilingDays: number;
  appealDecisionStandardDays: number;
  appealDecisionExpeditedHours: number;
  maxInternalAppealLevels: number;
  externalReviewRequestMonths: number;
  externalReviewDecisionDays: number;
  externalReviewExpeditedHours: number;
  peerToPeerDays: number;
  source?: string | null;
}

export const DEFAULT_INFO_RESPONSE_EXPEDITED_HOURS = 48;

const COMMERCIAL_DEFAULTS = {
  decisionStandardDays: 15,
  decisionExpeditedHours: 72,
  infoResponseDays: 45,
  infoResponseExpeditedHours: 48,
  appealFilingDays: 180,
  appealDecisionStandardDays: 30,
  appealDecisionExpeditedHours: 72,
  maxInternalAppealLevels: 2,
  externalReviewRequestMonths: 4,
  externalReviewDecisionDays: 45,
  externalReviewExpeditedHours: 72,
  peerToPeerDays: 14,
} as const;

export const DEFAULT_DEADLINE_RULES: Record<PlanType, DeadlineRule> = {
  medicare_advantage: {
    ...COMMERCIAL_DEFAULTS,
    planType: 'medicare_advantage',
    decisionStandardDays: 7,
    appealFilingDays: 60,
    // A single reconsideration level; after it the case goes to independent review.
    maxInternalAppealLevels: 1,
    source:
      'CMS-0057-F (decision 7 days / 72 hours from 2026-01-01); 42 CFR 422.582 (reconsideration filed within 60 days); ' +
      '42 CFR 422.590 (reconsideration decided in 30 days / 72 hours). Info response, external review and peer-to-peer figures are clinic defaults.',
  },
  medicaid: {
    ...COMMERCIAL_DEFAULTS,
    planType: 'medicaid',
    decisionStandardDays: 7,
    appealFilingDays: 60,
    source:
      'CMS-0057-F (decision 7 days / 72 hours from 2026-01-01); appeal filed within 60 days. ' +
      'Appeal levels, external review and peer-to-peer figures vary by state: check and edit.',
  },
  commercial_erisa: {
    ...COMMERCIAL_DEFAULTS,
    planType: 'commercial_erisa',
    source:
      '29 CFR 2560.503-1 (pre-service decision 15 days / 72 hours, 45 days / 48 hours to supply information, ' +
      '180 days to appeal, appeal decided in 30 days / 72 hours); 45 CFR 147.136 and DOL Technical Release 2010-01 ' +
      '(external review requested within 4 months, decided in 45 days / 72 hours). Peer-to-peer window is payer-specific.',
  },
  aca_marketplace: {
    ...COMMERCIAL_DEFAULTS,
    planType: 'aca_marketplace',
    source:
      'healthcare.gov internal appeals (180 days to appeal); 45 CFR 147.136 (external review within 4 months, ' +
      'decided in 45 days / 72 hours). Peer-to-peer window is payer-specific.',
  },
  other: {
    ...COMMERCIAL_DEFAULTS,
    planType: 'other',
    source: 'Copied from the commercial (ERISA) defaults; edit to match the payer.',
  },
};

const RULE_NUMBER_FIELDS = [
  'decisionStandardDays',
  'decisionExpeditedHours',
  'infoResponseDays',
  'appealFilingDays',
  'appealDecisionStandardDays',
  'appealDecisionExpeditedHours',
  'externalReviewRequestMonths',
  'externalReviewDecisionDays',
  'externalReviewExpeditedHours',
  'peerToPeerDays',
] as const satisfies readonly (keyof DeadlineRule)[];

export interface DeadlineRuleProblem {
  field: keyof DeadlineRule;
  reason: string;
}

// For admin edits, field by field (the edit form shows each reason beside its input): an empty
// list means the rule is usable.
export function findDeadlineRuleProblems(rule: DeadlineRule): DeadlineRuleProblem[] {
  const problems: DeadlineRuleProblem[] = [];
  if (!(PLAN_TYPES as readonly string[]).includes(rule.planType)) {
    problems.push({ field: 'planType', reason: `is unknown ("${String(rule.planType)}")` });
  }
  for (const field of RULE_NUMBER_FIELDS) {
    const value = rule[field];
    if (!Number.isInteger(value) || value < 1) problems.push({ field, reason: 'must be a whole number of at least 1' });
  }
  const infoHours = rule.infoResponseExpeditedHours;
  if (infoHours != null && (!Number.isInteger(infoHours) || infoHours < 1)) {
    problems.push({ field: 'infoResponseExpeditedHours', reason: 'must be a whole number of at least 1' });
  }
  if (![0, 1, 2].includes(rule.maxInternalAppealLevels)) {
    problems.push({ field: 'maxInternalAppealLevels', reason: 'must be 0, 1 or 2' });
  }
  return problems;
}

export function validateDeadlineRule(rule: DeadlineRule): string[] {
  return findDeadlineRuleProblems(rule).map((p) =>
    p.field === 'planType' ? `Unknown plan type "${String(rule.planType)}".` : `${p.field} ${p.reason}.`,
  );
}

export const CLOCK_KINDS = [
  'payer_decision',
  'info_response',
  'appeal_filing',
  'peer_to_peer_request',
  'appeal_decision',
  'external_review_request',
  'external_review_decision',
  'approval_expiry',
] as const;

export type ClockKind = (typeof CLOCK_KINDS)[number];
export type ClockOwner = 'payer' | 'clinic';

export interface Clock {
  kind: ClockKind;
  label: string;
  dueAt: string;
  dueDate: LocalDate;
  owner: ClockOwner;
  overdue: boolean;
  msRemaining: number;
  startedAt: string | null;
  // How the due time was derived, for a tooltip: '7 calendar days', '72 hours', …
  basis: string;
}

export interface CaseClocks {
  clocks: Clock[];
  current: Clock | null;
}

export interface DeadlineContext {
  now: Date;
  timeZone: string;
}

interface ClockCopy {
  label: string;
  owner: ClockOwner;
  pending: (left: string) => string;
  passed: (late: string) => string;
}

// Windows "close", obligations are "due"/"overdue": the clinic reads these on the board.
const CLOCK_COPY: Record<ClockKind, ClockCopy> = {
  payer_decision: {
    label: 'Payer decision',
    owner: 'payer',
    pending: (left) => `Payer decision due in ${left}`,
    passed: (late) => `Payer decision overdue by ${late}`,
  },
  info_response: {
    label: 'Requested information',
    owner: 'clinic',
    pending: (left) => `Requested info due in ${left}`,
    passed: (late) => `Requested info overdue by ${late}`,
  },
  appeal_filing: {
    label: 'Appeal filing window',
    owner: 'clinic',
    pending: (left) => `Appeal window closes in ${left}`,
    passed: (late) => `Appeal window closed ${late} ago`,
  },
  peer_to_peer_request: {
    label: 'Peer-to-peer request window',
    owner: 'clinic',
    pending: (left) => `Peer-to-peer window closes in ${left}`,
    passed: (late) => `Peer-to-peer window closed ${late} ago`,
  },
  appeal_decision: {
    label: 'Appeal decision',
    owner: 'payer',
    pending: (left) => `Appeal decision due in ${left}`,
    passed: (late) => `Appeal decision overdue by ${late}`,
  },
  external_review_request: {
    label: 'External review request window',
    owner: 'clinic',
    pending: (left) => `External review window closes in ${left}`,
    passed: (late) => `External review window closed ${late} ago`,
  },
  external_review_decision: {
    label: 'External review decision',
    owner: 'payer',
    pending: (left) => `External review decision due in ${left}`,
    passed: (late) => `External review decision overdue by ${late}`,
  },
  approval_expiry: {
    label: 'Authorization expiry',
    owner: 'clinic',
    pending: (left) => `Authorization expires in ${left}`,
    passed: (late) => `Authorization expired ${late} ago`,
  },
};

export const CLOCK_LABELS = Object.fromEntries(CLOCK_KINDS.map((kind) => [kind, CLOCK_COPY[kind].label])) as Record<
  ClockKind,
  string
>;

export const CLOCK_OWNERS = Object.fromEntries(CLOCK_KINDS.map((kind) => [kind, CLOCK_COPY[kind].owner])) as Record<
  ClockKind,
  ClockOwner
>;

const MS_PER_HOUR = 3_600_000;

function buildClock(
  kind: ClockKind,
  dueAt: Date,
  dueDate: LocalDate,
  startedAt: Date | null,
  basis: string,
  now: Date,
): Clock {
  const msRemaining = dueAt.getTime() - now.getTime();
  return {
    kind,
    label: CLOCK_COPY[kind].label,
    dueAt: dueAt.toISOString(),
    dueDate,
    owner: CLOCK_COPY[kind].owner,
    overdue: msRemaining < 0,
    msRemaining,
    startedAt: startedAt ? startedAt.toISOString() : null,
    basis,
  };
}

function pluralize(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function buildDayClock(kind: ClockKind, start: Date, days: number, ctx: DeadlineContext): Clock {
  const dueDate = addDaysToDate(toLocalDate(start, ctx.timeZone), days);
  return buildClock(
    kind,
    getEndOfLocalDay(dueDate, ctx.timeZone),
    dueDate,
    start,
    pluralize(days, 'calendar day'),
    ctx.now,
  );
}

function buildHourClock(kind: ClockKind, start: Date, hours: number, ctx: DeadlineContext): Clock {
  const dueAt = new Date(start.getTime() + hours * MS_PER_HOUR);
  return buildClock(kind, dueAt, toLocalDate(dueAt, ctx.timeZone), start, pluralize(hours, 'hour'), ctx.now);
}

function buildUrgencyClock(
  kind: ClockKind,
  snapshot: CaseSnapshot,
  start: Date | null,
  standardDays: number,
  expeditedHours: number,
  ctx: DeadlineContext,
): Clock | null {
  if (!start) return null;
  return snapshot.urgency === 'expedited'
    ? buildHourClock(kind, start, expeditedHours, ctx)
    : buildDayClock(kind, start, standardDays, ctx);
}

// The notice an appeal answers: a denial, or the partial approval being contested.
function getAdverseDecisionAt(snapshot: CaseSnapshot): Date | null {
  if (snapshot.status === 'partially_approved') {
    return parseInstant(snapshot.decidedAt) ?? parseInstant(snapshot.deniedAt);
  }
  return parseInstant(snapshot.deniedAt);
}

export function computeAppealFilingDeadline(
  snapshot: CaseSnapshot,
  rule: DeadlineRule,
  ctx: DeadlineContext,
): Clock | null {
  assertTimeZone(ctx.timeZone);
  const start = getAdverseDecisionAt(snapshot);
  return start ? buildDayClock('appeal_filing', start, rule.appealFilingDays, ctx) : null;
}

export function computeExternalReviewDeadline(
  snapshot: CaseSnapshot,
  rule: DeadlineRule,
  ctx: DeadlineContext,
): Clock | null {
  assertTimeZone(ctx.timeZone);
  const start = parseInstant(snapshot.deniedAt);
  if (!start) return null;
  const months = rule.externalReviewRequestMonths;
  // The only clock that moves off weekends and holidays (DOL Technical Release 2010-01).
  const dueDate = rollForwardToBusinessDay(addMonthsDolRule(toLocalDate(start, ctx.timeZone), months));
  return buildClock(
    'external_review_request',
    getEndOfLocalDay(dueDate, ctx.timeZone),
    dueDate,
    start,
    `${pluralize(months, 'month')}, next business day`,
    ctx.now,
  );
}

export function computeApprovalExpiry(snapshot: CaseSnapshot, ctx: DeadlineContext): Clock | null {
  assertTimeZone(ctx.timeZone);
  if (!isIsoDate(snapshot.validTo)) return null;
  return buildClock(
    'approval_expiry',
    getEndOfLocalDay(snapshot.validTo, ctx.timeZone),
    snapshot.validTo,
    null,
    isIsoDate(snapshot.validFrom)
      ? `valid ${snapshot.validFrom} to ${snapshot.validTo}`
      : `valid to ${snapshot.validTo}`,
    ctx.now,
  );
}

export function isWithinAppealWindow(snapshot: CaseSnapshot, rule: DeadlineRule, ctx: DeadlineContext): boolean {
  const clock = computeAppealFilingDeadline(snapshot, rule, ctx);
  return clock !== null && !clock.overdue;
}

export function isWithinExternalReviewWindow(
  snapshot: CaseSnapshot,
  rule: DeadlineRule,
  ctx: DeadlineContext,
): boolean {
  const clock = computeExternalReviewDeadline(snapshot, rule, ctx);
  return clock !== null && !clock.overdue;
}

export function hasAppealLevelsLeft(snapshot: CaseSnapshot, rule: DeadlineRule): boolean {
  return snapshot.appealLevel < rule.maxInternalAppealLevels;
}

function computeDenialClocks(snapshot: CaseSnapshot, rule: DeadlineRule, ctx: DeadlineContext): (Clock | null)[] {
  return hasAppealLevelsLeft(snapshot, rule)
    ? [computeAppealFilingDeadline(snapshot, rule, ctx)]
    : [computeExternalReviewDeadline(snapshot, rule, ctx)];
}

// The payer's letter may ask for the information sooner than the rule allows: its date binds.
function earlierInfoDue(snapshot: CaseSnapshot, byRule: Clock | null, ctx: DeadlineContext): Clock | null {
  if (!isIsoDate(snapshot.infoDueOn)) return byRule;
  const dueAt = getEndOfLocalDay(snapshot.infoDueOn, ctx.timeZone);
  if (byRule && Date.parse(byRule.dueAt) <= dueAt.getTime()) return byRule;
  return buildClock(
    'info_response',
    dueAt,
    snapshot.infoDueOn,
    parseInstant(snapshot.infoRequestedAt),
    `by ${snapshot.infoDueOn}, the date the payer's information request names`,
    ctx.now,
  );
}

function computeStatusClocks(snapshot: CaseSnapshot, rule: DeadlineRule, ctx: DeadlineContext): (Clock | null)[] {
  const status: CaseStatus = snapshot.status;
  switch (status) {
    case 'submitted':
      return [
        buildUrgencyClock(
          'payer_decision',
          snapshot,
          parseInstant(snapshot.submittedAt),
          rule.decisionStandardDays,
          rule.decisionExpeditedHours,
          ctx,
        ),
      ];
    case 'more_info_requested':
      return [
        earlierInfoDue(
          snapshot,
          buildUrgencyClock(
            'info_response',
            snapshot,
            parseInstant(snapshot.infoRequestedAt),
            rule.infoResponseDays,
            rule.infoResponseExpeditedHours ?? DEFAULT_INFO_RESPONSE_EXPEDITED_HOURS,
            ctx,
          ),
          ctx,
        ),
      ];
    case 'denied': {
      const deniedAt = parseInstant(snapshot.deniedAt);
      const peerToPeer =
        deniedAt && !snapshot.peerToPeerDone
          ? buildDayClock('peer_to_peer_request', deniedAt, rule.peerToPeerDays, ctx)
          : null;
      return [...computeDenialClocks(snapshot, rule, ctx), peerToPeer];
    }
    case 'peer_to_peer':
      // The call does not stop the written-appeal clock.
      return computeDenialClocks(snapshot, rule, ctx);
    case 'appealed':
      return [
        buildUrgencyClock(
          'appeal_decision',
          snapshot,
          parseInstant(snapshot.appealedAt),
          rule.appealDecisionStandardDays,
          rule.appealDecisionExpeditedHours,
          ctx,
        ),
      ];
    case 'external_review':
      return [
        buildUrgencyClock(
          'external_review_decision',
          snapshot,
          parseInstant(snapshot.externalReviewAt),
          rule.externalReviewDecisionDays,
          rule.externalReviewExpeditedHours,
          ctx,
        ),
      ];
    case 'approved':
      return [computeApprovalExpiry(snapshot, ctx)];
    case 'partially_approved':
      // The units refused can still be appealed while the approved ones are used.
      return [
        computeApprovalExpiry(snapshot, ctx),
        hasAppealLevelsLeft(snapshot, rule) ? computeAppealFilingDeadline(snapshot, rule, ctx) : null,
      ];
    case 'documented':
    case 'self_pay':
    case 'expired':
    case 'withdrawn':
    case 'completed':
      return [];
    default: {
      const unreachable: never = status;
      throw new RangeError(`Unknown case status "${String(unreachable)}".`);
    }
  }
}

// The earliest clock still running; once all have passed, the one that passed last, so a
// closed peer-to-peer window never hides an appeal window that is still open.
function pickCurrentClock(clocks: readonly Clock[]): Clock | null {
  const running = clocks.filter((clock) => !clock.overdue);
  if (running.length > 0) return running.reduce((a, b) => (b.msRemaining < a.msRemaining ? b : a));
  if (clocks.length === 0) return null;
  return clocks.reduce((a, b) => (b.msRemaining > a.msRemaining ? b : a));
}

export function computeDeadlines(snapshot: CaseSnapshot, rule: DeadlineRule, ctx: DeadlineContext): CaseClocks {
  assertTimeZone(ctx.timeZone);
  const clocks = computeStatusClocks(snapshot, rule, ctx).filter((clock): clock is Clock => clock !== null);
  return { clocks, current: pickCurrentClock(clocks) };
}

export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const hours = Math.floor(abs / MS_PER_HOUR);
  if (hours >= 48) return `${Math.floor(hours / 24)} d`;
  if (hours >= 1) return `${hours} h`;
  const minutes = Math.floor(abs / 60_000);
  return minutes >= 1 ? `${minutes} min` : 'less than 1 min';
}

export function formatClock(clock: Clock, now: Date): string {
  return clockText(clock.kind, Date.parse(clock.dueAt) - now.getTime());
}

/** formatClock's text for a clock of this kind due in `msRemaining` (negative once passed). */
export function clockText(kind: ClockKind, msRemaining: number): string {
  const copy = CLOCK_COPY[kind];
  return msRemaining < 0 ? copy.passed(formatDuration(msRemaining)) : copy.pending(formatDuration(msRemaining));
}
