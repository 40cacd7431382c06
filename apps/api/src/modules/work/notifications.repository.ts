import type { NotificationKind, Role } from '@preauth/domain';
import type { DataSource, EntityManager } from 'typeorm';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  caseId?: string | null;
  taskId?: string | null;
  /** One notification per user and key (a clock's warning of a due moment); repeats are dropped. */
  dedupeKey?: string | null;
}

/** Writes notifications in the caller's transaction; returns how many were new. */
export async function insertNotifications(manager: EntityManager, list: readonly NewNotification[]): Promise<number> {
  if (!list.length) return 0;
  const rows = await manager.query<unknown[]>(
    `INSERT INTO notifications (user_id, kind, case_id, task_id, dedupe_key)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[])
     ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
     RETURNING id`,
    [
      list.map((n) => n.userId),
      list.map((n) => n.kind),
      list.map((n) => n.caseId ?? null),
      list.map((n) => n.taskId ?? null),
      list.map((n) => n.dedupeKey ?? null),
    ],
  );
  return rows.length;
}

/** The people a task for a role reaches: active staff with the role (never the system actor). */
export async function activeUsersWithRole(manager: EntityManager, role: Role): Promise<string[]> {
  const rows = await manager.query<{ id: string }[]>(
    `SELECT id FROM users WHERE $1 = ANY(roles) AND disabled_at IS NULL AND NOT is_system ORDER BY id`,
    [role],
  );
  return rows.map((r) => r.id);
}

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  case_id: string | null;
  case_number: string | null;
  urgency: string | null;
  task_id: string | null;
  task_title: string | null;
  task_due: string | null;
  created_at: Date;
  read_at: Date | null;
}

const NOTIFICATION_COLUMNS = `n.id, n.kind, n.case_id, c.case_number, c.urgency, n.task_id, t.title AS task_title,
  to_char(t.due_date, 'YYYY-MM-DD') AS task_due, n.created_at, n.read_at`;

export async function listNotifications(dataSource: DataSource, userId: string, limit: number) {
  const [items, [{ unread }]] = await Promise.all([
    dataSource.query<NotificationRow[]>(
      `SELECT ${NOTIFICATION_COLUMNS}
         FROM notifications n LEFT JOIN cases c ON c.id = n.case_id LEFT JOIN case_tasks t ON t.id = n.task_id
        WHERE n.user_id = $1 ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      [userId, limit],
    ),
    dataSource.query<{ unread: number }[]>(
      `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    ),
  ]);
  return { items, unread };
}

/** Marks the user's notification (or all of theirs) read; returns how many changed. */
export async function markNotificationsRead(dataSource: DataSource, userId: string, id?: string): Promise<number> {
  const rows = await dataSource.query<unknown[]>(
    `WITH changed AS (UPDATE notifications SET read_at = now()
        WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid IS NULL OR id = $2::uuid) RETURNING id)
     SELECT id FROM changed`,
    [userId, id ?? null],
  );
  return rows.length;
}
