import { computeDeadlines, type ClockKind, type DeadlineRule } from './deadlines';
import type { CaseSnapshot } from './snapshot';

export type DecisionStageName = 'initial' | 'peer_to_peer' | 'appeal_1' | 'appeal_2' | 'external_review';

export interface DecisionDescription {
  stage: DecisionStageName;
  requestedAt: Date;
  dueAt: Date | null;
}

/**
 * The payer decision a transition out of `before` records: its stage, when it was requested and
 * the legal deadline the payer was held to (null where none applies, e.g. peer-to-peer).
 */
export function describeDecision(
  before: CaseSnapshot,
  rule: DeadlineRule,
  decidedAt: Date,
  timeZone: string,
): DecisionDescription | null {
  let stage: DecisionStageName;
  let requestedAt: string | null | undefined;
  let clock: ClockKind | null;
  switch (before.status) {
    case 'submitted':
    case 'more_info_requested':
      [stage, requestedAt, clock] = ['initial', before.submittedAt, 'payer_decision'];
      break;
    case 'peer_to_peer':
      [stage, requestedAt, clock] = ['peer_to_peer', before.deniedAt, null];
      break;
    case 'appealed':
      [stage, requestedAt, clock] = [
        before.appealLevel >= 2 ? 'appeal_2' : 'appeal_1',
        before.appealedAt,
        'appeal_decision',
      ];
      break;
    case 'external_review':
      [stage, requestedAt, clock] = ['external_review', before.externalReviewAt, 'external_review_decision'];
      break;
    case 'documented':
    case 'approved':
    case 'partially_approved':
    case 'denied':
    case 'self_pay':
    case 'expired':
    case 'withdrawn':
    case 'completed':
      return null;
  }
  const due = clock
    ? computeDeadlines(before, rule, { now: decidedAt, timeZone }).clocks.find((c) => c.kind === clock)
    : undefined;
  return {
    stage,
    requestedAt: requestedAt ? new Date(requestedAt) : decidedAt,
    dueAt: due ? new Date(due.dueAt) : null,
  };
}
