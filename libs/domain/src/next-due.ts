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
