import { UNKNOWN_DENIAL_CODE } from '@preauth/domain';

/**
 * The reason code of the denial a review (peer-to-peer, appeal, external review) answered: the
 * case's latest denial decided before it, `unknown` when that denial carried no code. One
 * expression for the overturn report and the case-list filter behind its rows, so they count alike.
 */
export function reviewedDenialCodeSql(decision: string): string {
  return `coalesce((SELECT p.denial_code FROM case_decisions p
      WHERE p.case_id = ${decision}.case_id AND p.outcome = 'denied' AND p.decided_at < ${decision}.decided_at
      ORDER BY p.decided_at DESC, p.id DESC LIMIT 1), '${UNKNOWN_DENIAL_CODE}')`;
}
