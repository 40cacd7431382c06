import type { ClockUnit, ClockWarningLeads, NotificationKind } from '@preauth/domain';
import type { EntityManager } from 'typeorm';

/** The kinds a user set themselves (the others keep DEFAULT_EMAIL_PREFERENCES). */
export async function readEmailChoices(
  manager: EntityManager,
  userId: string,
): Promise<Partial<Record<NotificationKind, boolean>>> {
  const rows = await manager.query<{ kind: NotificationKind; email: boolean }[]>(
    `SELECT kind, email FROM notification_preferences WHERE user_id = $1`,
    [userId],
  );
  return Object.fromEntries(rows.map((r) => [r.kind, r.email]));
}

export async function writeEmailChoices(
  manager: EntityManager,
  userId: string,
  choices: Partial<Record<NotificationKind, boolean>>,
): Promise<void> {
  const entries = Object.entries(choices) as [NotificationKind, boolean][];
  if (!entries.length) return;
  await manager.query(
    `INSERT INTO notification_preferences (user_id, kind, email)
     SELECT $1, kind, email FROM unnest($2::text[], $3::boolean[]) AS t(kind, email)
     ON CONFLICT (user_id, kind) DO UPDATE SET email = EXCLUDED.email, updated_at = now()`,
    [userId, entries.map(([kind]) => kind), entries.map(([, email]) => email)],
  );
}

/**
 * SQL true when notification `n` (an alias with user_id and kind) goes by email: the user's
 * choice, else the default; `$defaults` is the parameter holding the kinds emailed by default.
 */
export function emailChosenSql(n: string, defaults: string): string {
  return `COALESCE((SELECT p.email FROM notification_preferences p WHERE p.user_id = ${n}.user_id AND p.kind = ${n}.kind),
                   ${n}.kind = ANY(${defaults}::text[]))`;
}

export interface NotificationSettingsRow extends ClockWarningLeads {
  digestHour: number | null;
  updatedAt: Date;
}

export async function readNotificationSettings(manager: EntityManager, lock = false): Promise<NotificationSettingsRow> {
  const [row] = await manager.query<
    { day_clock_lead_days: number[]; hour_clock_lead_hours: number[]; digest_hour: number | null; updated_at: Date }[]
  >(
    `SELECT day_clock_lead_days, hour_clock_lead_hours, digest_hour, updated_at FROM notification_settings WHERE id = 1
     ${lock ? 'FOR UPDATE' : ''}`,
  );
  return {
    dayClockLeadDays: row.day_clock_lead_days,
    hourClockLeadHours: row.hour_clock_lead_hours,
    digestHour: row.digest_hour,
    updatedAt: row.updated_at,
  };
}

export async function writeNotificationSettings(
  manager: EntityManager,
  settings: ClockWarningLeads & { digestHour: number | null },
  userId: string,
): Promise<void> {
  await manager.query(
    `UPDATE notification_settings
        SET day_clock_lead_days = $1, hour_clock_lead_hours = $2, digest_hour = $3, updated_by = $4, updated_at = now()
      WHERE id = 1`,
    [settings.dayClockLeadDays, settings.hourClockLeadHours, settings.digestHour, userId],
  );
}

/**
 * The shortest clock of each kind over the plan types' deadline rules: the decision clocks, which
 * every case runs (days for standard cases, hours for expedited ones).
 */
export async function shortestClocks(manager: EntityManager): Promise<Record<ClockUnit, number>> {
  const [row] = await manager.query<{ day: number; hour: number }[]>(
    `SELECT min(decision_standard_days)::int AS day, min(decision_expedited_hours)::int AS hour FROM deadline_rules`,
  );
  return { day: row.day, hour: row.hour };
}
