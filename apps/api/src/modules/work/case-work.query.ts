import type { Role, TaskKind, TaskStatus } from '@preauth/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { FollowUpItemDto, StaffUserDto, TaskDto } from './dto/work.dto';

/** Active staff, for owner and assignee pickers: no system actor, no disabled accounts. */
export async function listStaff(dataSource: DataSource): Promise<StaffUserDto[]> {
  const rows = await dataSource.query<{ id: string; display_name: string; roles: Role[] }[]>(
    `SELECT id, display_name, roles FROM users WHERE disabled_at IS NULL AND NOT is_system ORDER BY lower(display_name), id`,
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, roles: r.roles }));
}

export async function staffMember(manager: EntityManager, id: string): Promise<StaffUserDto | null> {
  const [row] = await manager.query<{ id: string; display_name: string; roles: Role[] }[]>(
    `SELECT id, display_name, roles FROM users WHERE id = $1 AND disabled_at IS NULL AND NOT is_system`,
    [id],
  );
  return row ? { id: row.id, displayName: row.display_name, roles: row.roles } : null;
}

interface TaskRow {
  id: string;
  case_id: string;
  case_number: string;
  kind: TaskKind;
  title: string;
  assignee_user_id: string | null;
  assignee_name: string | null;
  assignee_role: Role | null;
  due_date: string;
  status: TaskStatus;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  closed_at: Date | null;
  close_reason: string | null;
}

export type TaskFilter =
  | { caseId: string }
  | { taskId: string }
  | { assignee: { userId: string; roles: readonly Role[] } };

/** Tasks of a case (open first), one task, or the open tasks for a user and their roles (due first). */
export async function readTasks(dataSource: DataSource, filter: TaskFilter): Promise<TaskDto[]> {
  let where: string;
  let order: string;
  let params: unknown[];
  if ('caseId' in filter) {
    [where, order, params] = ['t.case_id = $1', `(t.status = 'open') DESC, t.created_at DESC, t.id`, [filter.caseId]];
  } else if ('taskId' in filter) {
    [where, order, params] = ['t.id = $1', 't.id', [filter.taskId]];
  } else {
    where = `t.status = 'open' AND (t.assignee_user_id = $1 OR t.assignee_role = ANY($2::text[]))`;
    order = 't.due_date, t.created_at, t.id';
    params = [filter.assignee.userId, filter.assignee.roles];
  }
  const rows = await dataSource.query<TaskRow[]>(
    `SELECT t.id, t.case_id, c.case_number, t.kind, t.title, t.assignee_user_id, au.display_name AS assignee_name,
            t.assignee_role, to_char(t.due_date, 'YYYY-MM-DD') AS due_date, t.status, t.created_by,
            cu.display_name AS created_by_name, t.created_at, t.closed_at, t.close_reason
       FROM case_tasks t
       JOIN cases c ON c.id = t.case_id
       JOIN users cu ON cu.id = t.created_by
       LEFT JOIN users au ON au.id = t.assignee_user_id
      WHERE ${where}
      ORDER BY ${order}
      LIMIT 200`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    kind: r.kind,
    title: r.title,
    assigneeUser: r.assignee_user_id ? { id: r.assignee_user_id, name: r.assignee_name ?? '' } : null,
    assigneeRole: r.assignee_role,
    dueDate: r.due_date,
    status: r.status,
    createdBy: { id: r.created_by, name: r.created_by_name },
    createdAt: r.created_at.toISOString(),
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
    closeReason: r.close_reason,
  }));
}

/** Open cases whose follow-up day is `today` or earlier. */
export async function listFollowUpsDue(dataSource: DataSource, today: string): Promise<FollowUpItemDto[]> {
  const rows = await dataSource.query<
    {
      id: string;
      case_number: string;
      patient_name: string;
      follow_up_on: string;
      follow_up_reason: string | null;
      owner_id: string | null;
      owner_name: string | null;
    }[]
  >(
    `SELECT c.id, c.case_number, p.first_name || ' ' || p.last_name AS patient_name,
            to_char(c.follow_up_on, 'YYYY-MM-DD') AS follow_up_on, c.follow_up_reason, c.owner_id, u.display_name AS owner_name
       FROM cases c JOIN patients p ON p.id = c.patient_id LEFT JOIN users u ON u.id = c.owner_id
      WHERE c.follow_up_on <= $1::date AND c.status NOT IN ('expired', 'withdrawn', 'completed')
      ORDER BY c.follow_up_on, c.case_number
      LIMIT 200`,
    [today],
  );
  return rows.map((r) => ({
    caseId: r.id,
    caseNumber: r.case_number,
    patientName: r.patient_name,
    followUp: { date: r.follow_up_on, reason: r.follow_up_reason },
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    overdue: r.follow_up_on < today,
  }));
}
