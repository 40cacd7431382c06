import type { CaseStatus, RecordedEvent } from '@preauth/domain';
import type { EntityManager } from 'typeorm';

interface EventRow {
  id: string;
  type: string;
  from_status: CaseStatus | null;
  to_status: CaseStatus | null;
  actor_id: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
  occurred_at: Date;
  created_at: Date;
  corrects_event_id: string | null;
}

// Only the events the correction rules read: the steps and what corrected or reversed them.
const HISTORY_SQL = `
  SELECT id::text, type, from_status, to_status, actor_id, note, data, occurred_at, created_at,
         corrects_event_id::text
    FROM case_events
   WHERE case_id = $1 AND type IN ('transition', 'correction', 'reversal')
   ORDER BY id`;

/** A case's steps with their corrections and reversals, in the order they were recorded. */
export async function readCaseHistory(manager: EntityManager, caseId: string): Promise<RecordedEvent[]> {
  const rows = await manager.query<EventRow[]>(HISTORY_SQL, [caseId]);
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    actorId: r.actor_id,
    note: r.note,
    data: r.data ?? {},
    occurredAt: r.occurred_at.toISOString(),
    createdAt: r.created_at.toISOString(),
    correctsEventId: r.corrects_event_id,
  }));
}
