import type { Client } from 'pg';

/**
 * Generates a clinic network's history in SQL (generate_series, no round trips per row): cases
 * across every state, payers of each plan type, physicians, patients, procedure lines, payer
 * decisions, events and the evidence behind them (seedBulkEvidence). The cases are deterministic
 * for a given size (setseed).
 */
export async function seedBulk(
  client: Client,
  cases: number,
  log: (line: string) => void,
  batch = 100_000,
): Promise<BulkEvidenceSummary> {
  await client.query('SELECT setseed(0.42)');
  const payerCount = 24;
  await client.query(
    `INSERT INTO payers (name, payer_code, plan_type)
     SELECT 'Bulk Payer ' || g, 'BULK' || g,
            (ARRAY['medicare_advantage','medicaid','commercial_erisa','aca_marketplace','other'])[1 + (g % 5)]
       FROM generate_series(1, $1) g ON CONFLICT (payer_code) DO NOTHING`,
    [payerCount],
  );
  // NPIs 1000000000 + g with a Luhn check digit computed in SQL would be noisy; the check
  // constraint only wants 10 digits, and these rows never leave the benchmark database.
  await client.query(
    `INSERT INTO providers (first_name, last_name, credentials, npi)
     SELECT 'Bulk', 'Physician ' || g, 'MD', (2000000000 + g)::text FROM generate_series(1, 40) g ON CONFLICT (npi) DO NOTHING`,
  );
  const patients = Math.max(1, Math.round(cases / 3));
  log(`patients: ${patients}`);
  await client.query(
    `INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, member_id)
     SELECT 'BULK-' || g,
            (ARRAY['Ana','Ben','Cora','Dev','Eli','Fay','Gus','Hana','Ivan','Jo','Kai','Lena'])[1 + (g % 12)],
            (ARRAY['Adams','Baker','Clark','Diaz','Evans','Frost','Gray','Hill','Irwin','Jones','Khan','Lopez','Moss','Nash'])[1 + ((g / 12) % 14)] || ' ' || (g % 997),
            date '1940-01-01' + (g % 25000),
            (ARRAY['female','male'])[1 + (g % 2)],
            'BM' || g
       FROM generate_series(1, $1) g ON CONFLICT (mrn) DO NOTHING`,
    [patients],
  );

  // Number the reference rows once so each batch joins on integers (hash joins, no lookups per row).
  await client.query(`DROP TABLE IF EXISTS bulk_refs`);
  await client.query(
    `CREATE TEMP TABLE bulk_refs AS
     SELECT 'payer' AS kind, row_number() OVER (ORDER BY payer_code) AS n, id FROM payers WHERE payer_code LIKE 'BULK%'
     UNION ALL SELECT 'provider', row_number() OVER (ORDER BY npi), id FROM providers WHERE npi LIKE '20000000%'
     UNION ALL SELECT 'patient', row_number() OVER (ORDER BY mrn), id FROM patients WHERE mrn LIKE 'BULK-%'`,
  );
  await client.query(`CREATE INDEX ON bulk_refs (kind, n)`);
  await client.query(`ANALYZE bulk_refs`);

  for (let start = 1; start <= cases; start += batch) {
    const end = Math.min(cases, start + batch - 1);
    await client.query('BEGIN');
    await client.query(
      `CREATE TEMP TABLE bulk_batch ON COMMIT DROP AS
       WITH base AS (
         SELECT g, random() AS r, now() - (random() * interval '1095 days') AS created,
                (random() < 0.1) AS expedited, 1 + floor(random() * ${payerCount})::int AS payer_n,
                1 + floor(random() * 40)::int AS provider_n, 1 + floor(random() * (SELECT count(*) FROM bulk_refs WHERE kind = 'patient'))::int AS patient_n
           FROM generate_series($1::int, $2::int) g)
       SELECT g, created, expedited, payer_n, provider_n, patient_n,
              CASE WHEN r < 0.05 THEN 'documented' WHEN r < 0.10 THEN 'submitted' WHEN r < 0.12 THEN 'more_info_requested'
                   WHEN r < 0.52 THEN 'approved' WHEN r < 0.57 THEN 'partially_approved' WHEN r < 0.72 THEN 'denied'
                   WHEN r < 0.73 THEN 'peer_to_peer' WHEN r < 0.77 THEN 'appealed' WHEN r < 0.78 THEN 'external_review'
                   WHEN r < 0.90 THEN 'expired' ELSE 'withdrawn' END AS status,
              created + interval '1 day' * (1 + floor(random() * 5)) AS submitted,
              random() AS r2
         FROM base`,
      [start, end],
    );
    await client.query(
      `INSERT INTO cases (id, case_number, patient_id, payer_id, provider_id, status, urgency, diagnoses, necessity_criteria,
          symptoms, symptom_duration_weeks, appeal_level, first_submitted_at, submitted_at, decided_at, denied_at, appealed_at,
          external_review_at, authorization_number, valid_from, valid_to, denial_code, closed_at, next_due_at, next_due_kind,
          created_at, updated_at)
       SELECT gen_random_uuid(), 'PB-' || lpad(b.g::text, 8, '0'), pt.id, py.id, pr.id, b.status,
              CASE WHEN b.expedited THEN 'expedited' ELSE 'standard' END,
              ARRAY['L72.0'], ARRAY['itching','irritation'], 'Pruritic papules', 20, 
              CASE WHEN b.status IN ('appealed','external_review') THEN 1 + (b.g % 2) ELSE 0 END,
              CASE WHEN b.status NOT IN ('documented') THEN b.submitted END,
              CASE WHEN b.status NOT IN ('documented') THEN b.submitted END,
              CASE WHEN b.status IN ('approved','partially_approved','denied','peer_to_peer','appealed','external_review','expired')
                   THEN b.submitted + interval '1 hour' * (24 + floor(b.r2 * 400)) END,
              CASE WHEN b.status IN ('denied','peer_to_peer','appealed','external_review') THEN b.submitted + interval '1 hour' * (24 + floor(b.r2 * 400)) END,
              CASE WHEN b.status IN ('appealed','external_review') THEN b.submitted + interval '30 days' END,
              CASE WHEN b.status = 'external_review' THEN b.submitted + interval '90 days' END,
              CASE WHEN b.status IN ('approved','partially_approved','expired') THEN 'AUTH-' || b.g END,
              CASE WHEN b.status IN ('approved','partially_approved','expired') THEN (b.submitted + interval '10 days')::date END,
              CASE WHEN b.status IN ('approved','partially_approved','expired') THEN (b.submitted + interval '100 days')::date END,
              CASE WHEN b.status IN ('denied','peer_to_peer','appealed','external_review') THEN (ARRAY['CO-50','CO-16','CO-11','CO-197'])[1 + (b.g % 4)] END,
              CASE WHEN b.status IN ('expired','withdrawn') THEN b.submitted + interval '120 days' END,
              CASE b.status
                WHEN 'submitted' THEN b.submitted + CASE WHEN b.expedited THEN interval '72 hours' ELSE interval '15 days' END
                WHEN 'more_info_requested' THEN b.submitted + interval '50 days'
                WHEN 'approved' THEN b.submitted + interval '100 days'
                WHEN 'partially_approved' THEN b.submitted + interval '100 days'
                WHEN 'denied' THEN b.submitted + interval '180 days'
                WHEN 'peer_to_peer' THEN b.submitted + interval '180 days'
                WHEN 'appealed' THEN b.submitted + interval '60 days'
                WHEN 'external_review' THEN b.submitted + interval '135 days' END,
              CASE b.status
                WHEN 'submitted' THEN 'payer_decision' WHEN 'more_info_requested' THEN 'info_response'
                WHEN 'approved' THEN 'approval_expiry' WHEN 'partially_approved' THEN 'approval_expiry'
                WHEN 'denied' THEN 'appeal_filing' WHEN 'peer_to_peer' THEN 'appeal_filing'
                WHEN 'appealed' THEN 'appeal_decision' WHEN 'external_review' THEN 'external_review_decision' END,
              b.created, b.created + interval '1 day'
         FROM bulk_batch b
         JOIN bulk_refs py ON py.kind = 'payer' AND py.n = b.payer_n
         JOIN bulk_refs pr ON pr.kind = 'provider' AND pr.n = b.provider_n
         JOIN bulk_refs pt ON pt.kind = 'patient' AND pt.n = b.patient_n`,
    );
    await client.query(
      `INSERT INTO case_procedure_lines (case_id, position, cpt_code, units, body_site, lesion_count)
       SELECT c.id, 0, (ARRAY['17110','17111','10040','67850','11102'])[1 + (abs(hashtext(c.case_number)) % 5)], 1, 'Face', 9
         FROM cases c WHERE c.case_number BETWEEN 'PB-' || lpad($1::text, 8, '0') AND 'PB-' || lpad($2::text, 8, '0')`,
      [start, end],
    );
    await client.query(
      `INSERT INTO case_decisions (case_id, payer_id, provider_id, cpt_codes, stage, urgency, requested_at, decided_at, due_at, outcome, denial_code)
       SELECT c.id, c.payer_id, c.provider_id, ARRAY(SELECT l.cpt_code FROM case_procedure_lines l WHERE l.case_id = c.id),
              'initial', c.urgency, c.submitted_at, c.decided_at,
              c.submitted_at + CASE WHEN c.urgency = 'expedited' THEN interval '72 hours' ELSE interval '15 days' END,
              CASE WHEN c.status IN ('approved','expired') THEN 'approved' WHEN c.status = 'partially_approved' THEN 'partially_approved' ELSE 'denied' END,
              c.denial_code
         FROM cases c
        WHERE c.case_number BETWEEN 'PB-' || lpad($1::text, 8, '0') AND 'PB-' || lpad($2::text, 8, '0') AND c.decided_at IS NOT NULL`,
      [start, end],
    );
    await client.query(
      `INSERT INTO case_events (case_id, type, from_status, to_status, occurred_at, created_at)
       SELECT c.id, 'created', NULL, 'documented', c.created_at, c.created_at FROM cases c
        WHERE c.case_number BETWEEN 'PB-' || lpad($1::text, 8, '0') AND 'PB-' || lpad($2::text, 8, '0')
       UNION ALL
       SELECT c.id, 'transition', 'documented', 'submitted', c.submitted_at, c.submitted_at FROM cases c
        WHERE c.case_number BETWEEN 'PB-' || lpad($1::text, 8, '0') AND 'PB-' || lpad($2::text, 8, '0') AND c.submitted_at IS NOT NULL
       UNION ALL
       SELECT c.id, 'transition', 'submitted', c.status, c.decided_at, c.decided_at FROM cases c
        WHERE c.case_number BETWEEN 'PB-' || lpad($1::text, 8, '0') AND 'PB-' || lpad($2::text, 8, '0') AND c.decided_at IS NOT NULL`,
      [start, end],
    );
    await client.query('COMMIT');
    log(`cases ${end.toLocaleString('en-US')} / ${cases.toLocaleString('en-US')}`);
  }
  const evidence = await seedBulkEvidence(client, cases, log, batch);
  // Set the visibility map too, as autovacuum would in time, so counts can use index-only scans.
  await client.query('VACUUM ANALYZE');
  return evidence;
}

/** How many bulk cases app_meta records as loaded, and how many of them have their full evidence. */
export async function bulkLoaded(client: Client): Promise<{ cases: number; evidence: number }> {
  const { rows } = await client.query<{ key: string; value: unknown }>(
    `SELECT key, value FROM app_meta WHERE key IN ('bulk_cases', 'bulk_evidence')`,
  );
  const value = (key: string) => Number(rows.find((r) => r.key === key)?.value ?? 0);
  return { cases: value('bulk_cases'), evidence: value('bulk_evidence') };
}

/**
 * Records a load in app_meta: the bulk cases, and their evidence only when it is complete (notes
 * and photos were not skipped), so a later run adds what is missing.
 */
export async function recordBulkLoaded(client: Client, cases: number, evidence?: BulkEvidenceSummary): Promise<void> {
  const keys = ['bulk_cases', ...(evidence && !evidence.skipped ? ['bulk_evidence'] : [])];
  await client.query(
    `INSERT INTO app_meta (key, value) SELECT k, $2::jsonb FROM unnest($1::text[]) k
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [keys, JSON.stringify(cases)],
  );
}

/** Bulk case numbers g from..to, as seedBulk writes them ('PB-00000042'). */
const IN_RANGE = `c.case_number BETWEEN 'PB-' || lpad($1::text, 8, '0') AND 'PB-' || lpad($2::text, 8, '0')`;

export interface BulkEvidenceSummary {
  treatments: number;
  notes: number;
  photos: number;
  /** Why notes and photos were left out, if they were. */
  skipped?: string;
}

/**
 * The evidence a physician documents before a request goes out, for bulk cases 1..cases that have
 * none yet (so it can be added to a database loaded before it existed): every case one failed
 * treatment and four in ten a second; eight in ten a physician's clinical note, one note in ten
 * edited once (a second version); seven in ten one or two photos, each with its event. Notes and
 * photos need a physician user (the demo data's); photos reuse one stored demo photo's files, so
 * the gallery shows a real image. Photos are soft-deleted only, so shared files are never removed.
 */
export async function seedBulkEvidence(
  client: Client,
  cases: number,
  log: (line: string) => void,
  batch = 100_000,
): Promise<BulkEvidenceSummary> {
  const physician = (
    await client.query<{ id: string }>(
      `SELECT id FROM users WHERE 'physician' = ANY (roles) AND disabled_at IS NULL ORDER BY created_at, id LIMIT 1`,
    )
  ).rows[0]?.id;
  const template = physician
    ? (
        await client.query<Record<string, unknown>>(
          `SELECT p.original_type, p.original_size, p.original_sha256, p.content_type, p.byte_size, p.width, p.height, p.storage_key, p.thumbnail_key
           FROM case_photos p JOIN cases c ON c.id = p.case_id
          WHERE p.deleted_at IS NULL AND c.case_number NOT LIKE 'PB-%' ORDER BY p.created_at, p.id LIMIT 1`,
        )
      ).rows[0]
    : undefined;
  const summary: BulkEvidenceSummary = { treatments: 0, notes: 0, photos: 0 };
  if (!physician)
    summary.skipped =
      'no active physician user: notes and photos left out (load the demo data first, e.g. npm start once)';
  else if (!template)
    summary.skipped = 'no stored demo photo to show: photos left out (demo data with local photo storage brings one)';
  if (summary.skipped) log(summary.skipped);

  for (let start = 1; start <= cases; start += batch) {
    const end = Math.min(cases, start + batch - 1);
    await client.query('BEGIN');
    const treatments = await client.query(
      `INSERT INTO case_failed_treatments (case_id, position, therapy, start_date, end_date, outcome)
       SELECT c.id, t.position, t.therapy, (c.created_at - t.started)::date, (c.created_at - t.ended)::date, t.outcome
         FROM cases c
        CROSS JOIN (VALUES (0, 'Tretinoin 0.025% cream nightly', interval '140 days', interval '50 days', 'No reduction in lesion count after 12 weeks'),
                           (1, 'Topical retinol 0.5% nightly', interval '45 days', interval '10 days', 'Little improvement; irritation')) AS t(position, therapy, started, ended, outcome)
        WHERE ${IN_RANGE} AND (t.position = 0 OR abs(hashtext(c.case_number || 't')) % 10 < 4)
          AND NOT EXISTS (SELECT 1 FROM case_failed_treatments x WHERE x.case_id = c.id)`,
      [start, end],
    );
    summary.treatments += treatments.rowCount ?? 0;
    if (physician) {
      // Version 1 of each note, then for one in ten an edit that replaces it, as NotesService writes them.
      const notes = await client.query<{ n: number }>(
        `WITH src AS MATERIALIZED (
           SELECT gen_random_uuid() AS note_id, c.id AS case_id, c.created_at + interval '2 hours' AS at,
                  'Multiple 1-2 mm firm white papules, '
                  || coalesce((SELECT sum(l.lesion_count) FROM case_procedure_lines l WHERE l.case_id = c.id), 0) || ' lesions, periorbital and both cheeks. '
                  || 'Present ' || coalesce(c.symptom_duration_weeks, 12) || ' weeks with itching and irritation; lesions on the lower lid '
                  || 'catch on eyeglass frames. Failed topical tretinoin for 12 weeks. Dermoscopy consistent with milia. '
                  || 'Plan: extraction under local anaesthesia; photos attached.' AS text
             FROM cases c
            WHERE ${IN_RANGE} AND abs(hashtext(c.case_number || 'n')) % 10 < 8
              AND NOT EXISTS (SELECT 1 FROM case_notes x WHERE x.case_id = c.id)),
         v1 AS (
           INSERT INTO case_notes (id, case_id, kind, text, author_id, version, root_id, created_at)
           SELECT note_id, case_id, 'clinical_note', text, $3, 1, note_id, at FROM src
           RETURNING id, case_id, created_at),
         v2 AS (
           INSERT INTO case_notes (id, case_id, kind, text, author_id, version, root_id, previous_id, created_at)
           SELECT gen_random_uuid(), s.case_id, 'clinical_note', s.text || ' Addendum: lesions tender on palpation.', $3, 2, s.note_id, s.note_id, s.at + interval '1 day'
             FROM src s WHERE abs(hashtext(s.note_id::text)) % 10 = 0
           RETURNING id, case_id, root_id, previous_id, created_at),
         events AS (
           INSERT INTO case_events (case_id, type, actor_id, data, occurred_at, created_at)
           SELECT case_id, 'note_added', $3, jsonb_build_object('noteId', id, 'kind', 'clinical_note', 'version', 1), created_at, created_at FROM v1
           UNION ALL
           SELECT case_id, 'note_added', $3, jsonb_build_object('noteId', id, 'kind', 'clinical_note', 'version', 2, 'previousId', previous_id, 'rootId', root_id),
                  created_at, created_at FROM v2
           RETURNING 1)
         SELECT (SELECT count(*) FROM v1)::int + (SELECT count(*) FROM v2)::int AS n`,
        [start, end, physician],
      );
      summary.notes += notes.rows[0].n;
    }
    if (physician && template) {
      const photos = await client.query<{ n: number }>(
        `WITH src AS MATERIALIZED (
           SELECT gen_random_uuid() AS photo_id, c.id AS case_id, c.created_at + interval '1 hour' AS at, k
             FROM cases c CROSS JOIN generate_series(0, 1) k
            WHERE ${IN_RANGE} AND abs(hashtext(c.case_number || 'p')) % 10 < 7 AND (k = 0 OR abs(hashtext(c.case_number || 'q')) % 2 = 0)
              AND NOT EXISTS (SELECT 1 FROM case_photos x WHERE x.case_id = c.id)),
         photos AS (
           INSERT INTO case_photos (id, case_id, uploaded_by, body_site, lesion_count, taken_at, caption, original_name, original_type,
                                    original_size, original_sha256, content_type, byte_size, width, height, storage_key, thumbnail_key, created_at)
           SELECT photo_id, case_id, $3, CASE k WHEN 0 THEN 'Periorbital, both cheeks' ELSE 'Left lower eyelid' END, 6 + k * 3, at,
                  'Benchmark photo (one synthetic image shared by the bulk cases)', 'lesion.jpg', $4, $5, $6, $7, $8, $9, $10, $11, $12, at + k * interval '1 minute'
             FROM src
           RETURNING id, case_id, body_site, lesion_count, taken_at, created_at),
         events AS (
           INSERT INTO case_events (case_id, type, actor_id, data, occurred_at, created_at)
           SELECT case_id, 'photo_added', $3, jsonb_build_object('photoId', id, 'bodySite', body_site, 'lesionCount', lesion_count,
                  'takenAt', to_char(taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), created_at, created_at
             FROM photos
           RETURNING 1)
         SELECT count(*)::int AS n FROM events`,
        [
          start,
          end,
          physician,
          template.original_type,
          template.original_size,
          template.original_sha256,
          template.content_type,
          template.byte_size,
          template.width,
          template.height,
          template.storage_key,
          template.thumbnail_key,
        ],
      );
      summary.photos += photos.rows[0].n;
    }
    await client.query('COMMIT');
    log(`evidence ${end.toLocaleString('en-US')} / ${cases.toLocaleString('en-US')}`);
  }
  const n = (value: number) => value.toLocaleString('en-US');
  log(
    `evidence: ${n(summary.treatments)} failed treatments, ${n(summary.notes)} note versions, ${n(summary.photos)} photos`,
  );
  return summary;
}
