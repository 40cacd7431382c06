import { ROLE_LABELS, type Role } from '@preauth/domain';
import type { Task } from '../api/types';

/**
 * Who a task is asked of, as the worklist and the case page say it. Its own module: the worklist's
 * "Asked of me" needs only this, not the case page's work panel and the forms it brings.
 */
export function assigneeLabel(task: Pick<Task, 'assigneeUser' | 'assigneeRole'>): string {
  return task.assigneeUser ? task.assigneeUser.name : `Any ${ROLE_LABELS[task.assigneeRole as Role].toLowerCase()}`;
}
