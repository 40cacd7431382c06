import type { EntityManager } from 'typeorm';

// The SQL of case tags. `tag_key` (libs/domain caseTagKey) says which tags are the same.

export async function readCaseTags(db: Pick<EntityManager, 'query'>, caseId: string): Promise<string[]> {
  const rows = await db.query<{ tag: string }[]>(`SELECT tag FROM case_tags WHERE case_id = $1 ORDER BY tag_key`, [
    caseId,
  ]);
  return rows.map((row) => row.tag);
}

/** Each case's tag count and whether it has this one, for cases that have any tag. */
export async function tagCounts(
  manager: EntityManager,
  caseIds: string[],
  key: string,
): Promise<Map<string, { count: number; has: boolean }>> {
  const rows = await manager.query<{ case_id: string; n: number; has: boolean }[]>(
    `SELECT case_id, count(*)::int AS n, bool_or(tag_key = $2) AS has
       FROM case_tags WHERE case_id = ANY($1::uuid[]) GROUP BY case_id`,
    [caseIds, key],
  );
  return new Map(rows.map((row) => [row.case_id, { count: row.n, has: row.has }]));
}

/**
 * How the clinic already writes a tag with this key (the spelling most cases carry), so that
 * "vip callback" typed today joins the "VIP callback" of last week; null for a new tag.
 */
export async function spellingInUse(manager: EntityManager, key: string): Promise<string | null> {
  const [row] = await manager.query<{ tag: string }[]>(
    `SELECT tag FROM case_tags WHERE tag_key = $1 GROUP BY tag ORDER BY count(*) DESC, min(created_at), tag LIMIT 1`,
    [key],
  );
  return row?.tag ?? null;
}

export async function insertCaseTag(
  manager: EntityManager,
  row: { caseId: string; key: string; tag: string; userId: string },
): Promise<boolean> {
  const inserted = await manager.query<unknown[]>(
    `INSERT INTO case_tags (case_id, tag_key, tag, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (case_id, tag_key) DO NOTHING RETURNING case_id`,
    [row.caseId, row.key, row.tag, row.userId],
  );
  return inserted.length > 0;
}

/** The removed tag as it was written, or null when the case did not have it. */
export async function deleteCaseTag(manager: EntityManager, caseId: string, key: string): Promise<string | null> {
  const [row] = await manager.query<{ tag: string }[]>(
    `WITH gone AS (DELETE FROM case_tags WHERE case_id = $1 AND tag_key = $2 RETURNING tag) SELECT tag FROM gone`,
    [caseId, key],
  );
  return row?.tag ?? null;
}

/** The tags on any case, most used first (the key's most common spelling), for autocomplete. */
export async function tagsInUse(
  db: Pick<EntityManager, 'query'>,
  limit: number,
): Promise<{ tag: string; count: number }[]> {
  return db.query(
    `SELECT (array_agg(tag ORDER BY n DESC, tag))[1] AS tag, sum(n)::int AS count
       FROM (SELECT tag_key, tag, count(*) AS n FROM case_tags GROUP BY tag_key, tag) s
      GROUP BY tag_key ORDER BY count DESC, tag_key LIMIT $1`,
    [limit],
  );
}
