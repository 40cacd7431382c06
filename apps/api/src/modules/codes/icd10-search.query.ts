import { isValidIcd10Format, normalizeIcd10 } from '@preauth/domain';
import type { DataSource } from 'typeorm';
import { poolQuery } from '../../database/prepared';

export const ICD10_SEARCH_LIMIT = 20;
// The all-words branch ranks at most this many matching rows: a vague word ("unspecified" is in
// 23,711 descriptions) would otherwise read and sort every match. Rows lie in code order, so a
// vague search shows the first chapters' matches; a specific one, all of them ranked.
const CANDIDATES = 200;

// The release in effect on the date, else the newest loaded (the same choice as icd10_check).
export const RELEASE_FOR_DATE_SQL = `
  SELECT id, name, effective_from::text AS "effectiveFrom", effective_to::text AS "effectiveTo", code_count AS "codeCount",
         source_file AS "sourceFile", source_sha256 AS "sourceSha256", loaded_at AS "loadedAt",
         effective_from <= $1::date AND (effective_to IS NULL OR $1::date <= effective_to) AS covers
    FROM code_set_releases WHERE code_set = 'icd10cm'
   ORDER BY covers DESC, effective_from DESC LIMIT 1`;

// Ranked: the exact code (0), a lay term said exactly (1), codes that start with what was typed
// (2, in code order), lay terms that start like it (3), descriptions holding
// every word (4, shortest first: the fewer other words, the closer the match), then lay terms
// that look like the words and, only when no description holds every word, descriptions that
// do (5, by trigram similarity): computing word similarity for the thousands of rows a common
// word matches took 0.7 to 3 s. Each branch is capped before the merge and reads its own index (the primary key
// range, the trigram GIN indexes): an OR across branches would scan all 74,719 rows (3.8 s).
function buildSearchSql(wordCount: number): string {
  const allWords = Array.from({ length: wordCount }, (_, i) => `description ILIKE $${i + 5}`).join(' AND ');
  const wordsBranch = wordCount
    ? `SELECT code, 4 AS rank, 1.0::real / length(description) AS score
         FROM (SELECT code, description FROM icd10_codes WHERE release_id = $1 AND ${allWords}
                LIMIT ${CANDIDATES}) m
        ORDER BY length(description), code LIMIT ${ICD10_SEARCH_LIMIT}`
    : `SELECT NULL::varchar COLLATE "C" AS code, 4 AS rank, 0::real AS score WHERE false`;
  return `
  WITH words AS MATERIALIZED (${wordsBranch}),
  hits AS (
    SELECT code, 0 AS rank, 1::real AS score, NULL::text AS term, NULL::text AS note
      FROM icd10_codes WHERE release_id = $1 AND code = $3
    UNION ALL
    (SELECT t.code, CASE WHEN lower(t.term) = lower($2) THEN 1 WHEN t.term ILIKE $4 THEN 3 ELSE 5 END,
            similarity(t.term, $2), t.term, t.note
       FROM icd10_lay_terms t
      WHERE t.term ILIKE $4 OR t.term % $2
      ORDER BY 2, 3 DESC LIMIT ${ICD10_SEARCH_LIMIT})
    UNION ALL
    (SELECT code, 2, 1, NULL, NULL FROM icd10_codes
      WHERE release_id = $1 AND code >= $3 AND code < $3 || '~'
      ORDER BY code LIMIT ${ICD10_SEARCH_LIMIT})
    UNION ALL
    SELECT code, rank, score, NULL, NULL FROM words
    UNION ALL
    -- Only when no description holds every word (a typo): look-alikes by word similarity.
    (SELECT code, 5, word_similarity($2, description), NULL, NULL FROM icd10_codes
      WHERE release_id = $1 AND $2 <% description AND NOT EXISTS (SELECT 1 FROM words)
      ORDER BY 3 DESC, code LIMIT ${ICD10_SEARCH_LIMIT})
  ),
  best AS (
    SELECT DISTINCT ON (h.code) h.code, h.rank, h.score, h.term, h.note
      FROM hits h ORDER BY h.code, h.rank, h.score DESC
  )
  SELECT b.code, c.description, b.term, b.note
    FROM best b JOIN icd10_codes c ON c.release_id = $1 AND c.code = b.code
   ORDER BY b.rank, b.score DESC, b.code
   LIMIT ${ICD10_SEARCH_LIMIT}`;
}

const MAX_WORDS = 6;
const SEARCH_SQL = Array.from({ length: MAX_WORDS + 1 }, (_, n) => buildSearchSql(n));

export interface Icd10Hit {
  code: string;
  description: string;
  term: string | null;
  note: string | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** What was typed, as the code it could be the start of ("l720" → "L72.0"), if it could be one. */
export function codePrefix(q: string): string | null {
  const compact = q.trim().toUpperCase().replace(/[\s.]/g, '');
  if (!/^[A-Z][0-9A-Z]{0,6}$/.test(compact) || !/^[A-Z][0-9]/.test(compact.padEnd(2, '0'))) return null;
  const code = normalizeIcd10(compact);
  return compact.length < 3 || isValidIcd10Format(code) ? code : null;
}

/** The search's statement and parameters (also what the bench explains). */
export function icd10SearchStatement(releaseId: number, q: string): { sql: string; params: unknown[] } {
  const words = q
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length >= 3)
    .slice(0, MAX_WORDS)
    .map((w) => `%${escapeLike(w)}%`);
  // No code starts with "~": an impossible prefix switches the code branches off.
  return { sql: SEARCH_SQL[words.length], params: [releaseId, q, codePrefix(q) ?? '~', `${escapeLike(q)}%`, ...words] };
}

export async function searchIcd10(dataSource: DataSource, releaseId: number, q: string): Promise<Icd10Hit[]> {
  const { sql, params } = icd10SearchStatement(releaseId, q);
  // Planned for its values each time: a generic plan cannot tell a code prefix from a word search.
  return poolQuery<Icd10Hit>(dataSource, sql, params, { prepared: false });
}
