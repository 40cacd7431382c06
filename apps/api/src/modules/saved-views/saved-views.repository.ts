import type { SavedViewPath } from '@preauth/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { SavedViewDto } from './dto/saved-view.dto';

interface SavedViewRow {
  id: string;
  name: string;
  path: SavedViewPath;
  query: string;
  pinned: boolean;
  created_at: Date;
}

const COLUMNS = 'id, name, path, query, pinned, created_at';

const toDto = (r: SavedViewRow): SavedViewDto => ({
  id: r.id,
  name: r.name,
  path: r.path,
  query: r.query,
  pinned: r.pinned,
  createdAt: r.created_at.toISOString(),
});

type Db = DataSource | EntityManager;

/** A user's views, by name. */
export async function listSavedViews(db: Db, userId: string): Promise<SavedViewDto[]> {
  const rows = await db.query<SavedViewRow[]>(
    `SELECT ${COLUMNS} FROM saved_views WHERE user_id = $1 ORDER BY lower(name), id`,
    [userId],
  );
  return rows.map(toDto);
}

export async function countSavedViews(db: Db, userId: string): Promise<number> {
  const [{ n }] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM saved_views WHERE user_id = $1`, [
    userId,
  ]);
  return n;
}

/** Whether another of the user's views has this name (names compare without case). */
export async function nameTaken(db: Db, userId: string, name: string, exceptId?: string): Promise<boolean> {
  const rows = await db.query<unknown[]>(
    `SELECT 1 FROM saved_views WHERE user_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3::uuid`,
    [userId, name, exceptId ?? null],
  );
  return rows.length > 0;
}

export async function insertSavedView(
  db: Db,
  userId: string,
  view: { name: string; path: SavedViewPath; query: string; pinned: boolean },
): Promise<SavedViewDto> {
  const [row] = await db.query<SavedViewRow[]>(
    `INSERT INTO saved_views (user_id, name, path, query, pinned) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [userId, view.name, view.path, view.query, view.pinned],
  );
  return toDto(row);
}

/** The changed view, or null when the user has no view of that id (another user's is not theirs to change). */
export async function updateSavedView(
  db: Db,
  userId: string,
  id: string,
  change: { name?: string; query?: string; pinned?: boolean },
): Promise<SavedViewDto | null> {
  const rows = await db.query<SavedViewRow[]>(
    `WITH changed AS (
       UPDATE saved_views
          SET name = COALESCE($3, name), query = COALESCE($4, query), pinned = COALESCE($5, pinned), updated_at = now()
        WHERE id = $1 AND user_id = $2
        RETURNING ${COLUMNS})
     SELECT * FROM changed`,
    [id, userId, change.name ?? null, change.query ?? null, change.pinned ?? null],
  );
  return rows[0] ? toDto(rows[0]) : null;
}

export async function deleteSavedView(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db.query<unknown[]>(
    `WITH gone AS (DELETE FROM saved_views WHERE id = $1 AND user_id = $2 RETURNING id) SELECT id FROM gone`,
    [id, userId],
  );
  return rows.length > 0;
}
