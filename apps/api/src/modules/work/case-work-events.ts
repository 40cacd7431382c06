import {
  isPayerAnswer,
  STATUS_LABELS,
  tasksCancelledBy,
  tasksSatisfiedBy,
  TASK_KIND_LABELS,
  type CaseWorkEvent,
} from '@preauth/domain';
import type { EntityManager } from 'typeorm';
import { CaseEvent } from '../cases/case-event.entity';
import { insertNotifications, type NewNotification } from './notifications.repository';

export interface CaseWorkEventInput {
  caseId: string;
  /** The case's owner when the event happened. */
  ownerId: string | null;
  actorId: string;
  event: CaseWorkEvent;
  at: Date;
}

function describe(event: CaseWorkEvent): string {
  return event.type === 'letter_signed' ? 'The letter was signed.' : `The case moved to ${STATUS_LABELS[event.to]}.`;
}

/**
 * What an event on a case does to the work around it, in the event's own transaction: the open
 * tasks it satisfies are done, a closing case cancels the rest, the askers of done tasks and the
 * owner of a case the payer answered are told. Transitions (manual, FHIR or by a job) and letter
 * signing all come through here.
 */
export async function applyCaseWorkEvent(manager: EntityManager, input: CaseWorkEventInput): Promise<void> {
  const { caseId, ownerId, actorId, event, at } = input;
  const satisfied = tasksSatisfiedBy(event);
  const cancelRest = tasksCancelledBy(event);
  const notifications: NewNotification[] = [];
  if (satisfied.length || cancelRest) {
    const closed = await manager.query<
      { id: string; kind: keyof typeof TASK_KIND_LABELS; status: string; created_by: string }[]
    >(
      // A CTE, so that the driver answers the rows (an UPDATE alone answers [rows, count]).
      `WITH closed AS (
         UPDATE case_tasks
            SET status = CASE WHEN kind = ANY($2::text[]) THEN 'done' ELSE 'cancelled' END,
                closed_at = $4, closed_by = $3, close_reason = $5
          WHERE case_id = $1 AND status = 'open' AND (kind = ANY($2::text[]) OR $6::boolean)
          RETURNING id, kind, status, created_by)
       SELECT * FROM closed ORDER BY id`,
      [caseId, satisfied, actorId, at, describe(event), cancelRest],
    );
    for (const task of closed) {
      await manager.getRepository(CaseEvent).insert({
        caseId,
        type: task.status === 'done' ? 'task_done' : 'task_cancelled',
        actorId,
        note: TASK_KIND_LABELS[task.kind],
        data: { taskId: task.id, closedBy: event.type },
        occurredAt: at,
      });
      if (task.status === 'done' && task.created_by !== actorId) {
        notifications.push({ userId: task.created_by, kind: 'task_done', caseId, taskId: task.id });
      }
    }
  }
  if (event.type === 'transition' && isPayerAnswer(event.to) && ownerId && ownerId !== actorId) {
    notifications.push({ userId: ownerId, kind: 'payer_answer', caseId });
  }
  await insertNotifications(manager, notifications);
}
