import type { EntityManager } from 'typeorm';

// SQL for the polling of pended PAS requests (pas_inquiries): one row per case.

export interface InquiryRow {
  case_id: string;
  status: 'polling' | 'stopped';
  waiting_status: string;
  pended_at: Date;
  pending_reference: string | null;
  attempt: number;
  failures: number;
  next_due_at: Date | null;
}

/**
 * Polling starts (or starts over) after a pended answer, waiting in the status the case is in now:
 * a case that leaves it (decided by hand, withdrawn) is no longer asked about.
 */
export async function startPolling(
  manager: EntityManager,
  caseId: string,
  pendedAt: Date,
  pendingReference: string | null,
  firstDueAt: Date,
): Promise<void> {
  await manager.query(
    `INSERT INTO pas_inquiries (case_id, status, waiting_status, pended_at, pending_reference, attempt, failures, next_due_at, stopped_reason)
     SELECT id, 'polling', status, $2, $3, 0, 0, $4, NULL FROM cases WHERE id = $1
     ON CONFLICT (case_id) DO UPDATE SET status = 'polling', waiting_status = EXCLUDED.waiting_status,
       pended_at = $2, pending_reference = $3, attempt = 0, failures = 0, next_due_at = $4, stopped_reason = NULL, updated_at = now()`,
    [caseId, pendedAt, pendingReference?.slice(0, 80) ?? null, firstDueAt],
  );
}

/** Polls due at or before `moment`, for the sweep to send (those already sent are not sent twice). */
export async function duePolls(manager: EntityManager, moment: Date): Promise<{ caseId: string; dueAt: Date }[]> {
  const rows = await manager.query<{ case_id: string; next_due_at: Date }[]>(
    `SELECT case_id, next_due_at FROM pas_inquiries WHERE status = 'polling' AND next_due_at <= $1 ORDER BY next_due_at LIMIT 500`,
    [moment],
  );
  return rows.map((r) => ({ caseId: r.case_id, dueAt: r.next_due_at }));
}

/**
 * Takes the inquiry due at `dueAt`: only one run gets the row back. Until it sets the next moment,
 * the row waits `leaseMinutes` (so a run that dies is picked up by a later sweep, not lost).
 */
export async function claimPoll(
  manager: EntityManager,
  caseId: string,
  dueAt: Date,
  leaseMinutes: number,
): Promise<InquiryRow | null> {
  const rows = await manager.query<InquiryRow[]>(
    `WITH claimed AS (
       UPDATE pas_inquiries SET next_due_at = date_trunc('milliseconds', now() + make_interval(mins => $3)), last_inquired_at = now(), updated_at = now()
        WHERE case_id = $1 AND status = 'polling' AND next_due_at = $2
        RETURNING case_id, status, waiting_status, pended_at, pending_reference, attempt, failures, next_due_at)
     SELECT * FROM claimed`,
    [caseId, dueAt, leaseMinutes],
  );
  return rows[0] ?? null;
}

/** Every polled case of the payer becomes due now; returns them with that moment. */
export async function bringPollsForward(
  manager: EntityManager,
  payerId: string,
): Promise<{ caseId: string; dueAt: Date }[]> {
  const rows = await manager.query<{ case_id: string; next_due_at: Date }[]>(
    `WITH moved AS (
       UPDATE pas_inquiries i SET next_due_at = date_trunc('milliseconds', now()), updated_at = now()
         FROM cases c
        WHERE c.id = i.case_id AND c.payer_id = $1 AND i.status = 'polling' AND i.next_due_at > now()
        RETURNING i.case_id, i.next_due_at)
     SELECT * FROM moved`,
    [payerId],
  );
  return rows.map((r) => ({ caseId: r.case_id, dueAt: r.next_due_at }));
}

/** Whether the case is being polled (waiting for its payer's decision). */
export async function isPolling(manager: EntityManager, caseId: string): Promise<boolean> {
  const rows = await manager.query<unknown[]>(`SELECT 1 FROM pas_inquiries WHERE case_id = $1 AND status = 'polling'`, [
    caseId,
  ]);
  return rows.length > 0;
}

export async function reschedulePoll(
  manager: EntityManager,
  caseId: string,
  changes: { attempt: number; failures: number; nextDueAt: Date },
): Promise<void> {
  await manager.query(
    `UPDATE pas_inquiries SET attempt = $2, failures = $3, next_due_at = $4, updated_at = now() WHERE case_id = $1 AND status = 'polling'`,
    [caseId, changes.attempt, changes.failures, changes.nextDueAt],
  );
}

export async function stopPolling(manager: EntityManager, caseId: string, reason: string): Promise<void> {
  await manager.query(
    `UPDATE pas_inquiries SET status = 'stopped', next_due_at = NULL, stopped_reason = $2, updated_at = now() WHERE case_id = $1`,
    [caseId, reason],
  );
}

/** The request Bundle last sent for the case (Claim/$submit), which an inquiry asks about. */
export async function lastSentBundle(manager: EntityManager, caseId: string): Promise<Record<string, unknown> | null> {
  const rows = await manager.query<{ body: Record<string, unknown> }[]>(
    `SELECT body FROM fhir_exchanges WHERE case_id = $1 AND direction = 'outbound' AND kind = 'submit' ORDER BY id DESC LIMIT 1`,
    [caseId],
  );
  return rows[0]?.body ?? null;
}

/** What the job needs of the case: its status, version, owner, patient and payer clock. */
export async function caseForPoll(
  manager: EntityManager,
  caseId: string,
): Promise<{
  status: string;
  version: number;
  ownerId: string | null;
  patientId: string;
  payerId: string;
  deadline: Date | null;
} | null> {
  const rows = await manager.query<
    {
      status: string;
      version: number;
      owner_id: string | null;
      patient_id: string;
      payer_id: string;
      deadline: Date | null;
    }[]
  >(
    `SELECT status, version, owner_id, patient_id, payer_id,
            CASE WHEN next_due_kind = 'payer_decision' THEN next_due_at END AS deadline
       FROM cases WHERE id = $1`,
    [caseId],
  );
  const r = rows[0];
  return r
    ? {
        status: r.status,
        version: r.version,
        ownerId: r.owner_id,
        patientId: r.patient_id,
        payerId: r.payer_id,
        deadline: r.deadline,
      }
    : null;
}
