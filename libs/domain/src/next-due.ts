import { computeDeadlines, type ClockKind, type DeadlineRule } from './deadlines';
import type { CaseSnapshot } from './snapshot';

// The peer-to-peer window is optional and short; letting it drive "overdue" would flag denied
// cases whose appeal window is still wide open.
const INFORMATIONAL_CLOCKS: readonly ClockKind[] = ['peer_to_peer_request'];

/** The case's next binding deadline (stored on the row for filters and sorting): the earliest one. */
export function computeStoredDue(
  snapshot: CaseSnapshot,
  rule: DeadlineRule,
  timeZone: string,
  now: Date,
): { at: Date | null; kind: ClockKind | null } {
  const binding = computeDeadlines(snapshot, rule, { now, timeZone }).clocks.filter(
    (c) => !INFORMATIONAL_CLOCKS.includes(c.kind),
  );
  if (!binding.length) return { at: null, kind: null };
  const first = binding.reduce((a, b) => (Date.parse(a.dueAt) <= Date.parse(b.dueAt) ? a : b));
  return { at: new Date(first.dueAt), kind: first.kind };
}

export interface StoredDue {
  at: Date | null;
  kind: ClockKind | null;
}

/**
 * What a rule change does to one case's stored deadline, for the preview an admin sees before
 * saving: whether the date moves, and whether it moves into the past (the case turns overdue).
 */
export function compareStoredDue(
  before: StoredDue,
  after: StoredDue,
  now: Date,
): { changed: boolean; becomesOverdue: boolean } {
  const changed = before.at?.getTime() !== after.at?.getTime() || before.kind !== after.kind;
  const wasOverdue = before.at !== null && before.at.getTime() < now.getTime();
  const isOverdue = after.at !== null && after.at.getTime() < now.getTime();
  return { changed, becomesOverdue: changed && isOverdue && !wasOverdue };
}
