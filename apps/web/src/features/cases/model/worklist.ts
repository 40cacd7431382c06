import { OPEN_STATUSES, type CaseStatus } from '@preauth/domain';
import type { CaseListQuery } from '../api/case-keys';
import type { CaseSummary } from '../api/types';
import { sharedFilters, type CaseListParams } from './list-params';

export const WORKLIST_BUCKETS = [
  { key: 'overdue', title: 'Overdue', description: 'A deadline has passed: chase the payer or act now.' },
  {
    key: 'appeal_window',
    title: 'Appeal windows closing within 14 days',
    description: 'File the appeal or external review before the window closes.',
  },
  {
    key: 'more_info',
    title: 'Payer asked for more information',
    description: 'Send what the payer asked for before its deadline.',
  },
  {
    key: 'not_submitted',
    title: 'Documented, not yet submitted',
    description: 'Open the case to see what the readiness checklist still misses, then submit.',
  },
  {
    key: 'expiring',
    title: 'Approvals expiring within 30 days',
    description: 'Schedule the procedure before the authorization runs out.',
  },
  {
    key: 'later',
    title: 'Everything else in progress',
    description: 'Waiting for the payer, or a deadline further out.',
  },
] as const;

export type WorklistBucket = (typeof WORKLIST_BUCKETS)[number]['key'];

// The states the worklist asks the API for (closed cases never need action).
export const WORKLIST_STATUSES: CaseStatus[] = [...OPEN_STATUSES];

const DAY = 86_400_000;

export function classifyForWorklist(summary: CaseSummary, now: Date): WorklistBucket {
  const clock = summary.currentClock;
  const msLeft = clock ? new Date(clock.dueAt).getTime() - now.getTime() : Infinity;
  if (clock?.overdue) return 'overdue';
  if (
    clock &&
    (clock.kind === 'appeal_filing' ||
      clock.kind === 'external_review_request' ||
      clock.kind === 'peer_to_peer_request') &&
    msLeft <= 14 * DAY
  ) {
    return 'appeal_window';
  }
  if (summary.status === 'more_info_requested') return 'more_info';
  if (summary.status === 'documented') return 'not_submitted';
  if (clock?.kind === 'approval_expiry' && msLeft <= 30 * DAY) return 'expiring';
  return 'later';
}

export function groupWorklist(items: readonly CaseSummary[], now: Date): Record<WorklistBucket, CaseSummary[]> {
  const groups = Object.fromEntries(WORKLIST_BUCKETS.map((b) => [b.key, [] as CaseSummary[]])) as Record<
    WorklistBucket,
    CaseSummary[]
  >;
  for (const item of items) {
    groups[classifyForWorklist(item, now)].push(item);
  }
  const due = (c: CaseSummary) => (c.currentClock ? new Date(c.currentClock.dueAt).getTime() : Number.MAX_SAFE_INTEGER);
  for (const list of Object.values(groups)) list.sort((a, b) => due(a) - due(b));
  return groups;
}

/**
 * The worklist's two API queries: cases with a running clock by deadline (sorting by deadline
 * returns only those), and documented cases, which have no clock yet, most recently changed first.
 */
export function worklistQueries(params: CaseListParams): { clocked: CaseListQuery; documented: CaseListQuery } {
  const filters = sharedFilters(params);
  return {
    clocked: { ...filters, sort: 'due_asc', status: WORKLIST_STATUSES, limit: 100 },
    documented: { ...filters, sort: 'updated_desc', status: ['documented'], limit: 100 },
  };
}
