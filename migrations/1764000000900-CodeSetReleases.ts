import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MigrationInterface, QueryRunner } from 'typeorm';

// The FY2026 file exactly as CMS publishes it (icd10cm-codes-2026.txt, gzipped), shipped in
// data/code-sets/. Its checksum is part of this migration: a different file is refused, never
// loaded as FY2026. Later releases come from `npm run codes:load`, not from migrations.
const FY2026 = {
  file: 'icd10cm-codes-2026.txt.gz',
  sha256: '246bde6e304a6fd96c3154a3d7aa24902c84c56b293cc1c6fcefe4a90e0b596c',
  name: 'FY2026',
  from: '2025-10-01',
  to: '2026-09-30',
  count: 74_719,
};

// Our own words for each term; the notes say what a coder should confirm before relying on it.
const LAY_TERMS: readonly (readonly [string, string, string | null])[] = [
  ['milia', 'L72.0', 'Milia are usually coded as epidermal cysts; the index entry is to be confirmed by the coder.'],
  [
    'milia en plaque',
    'L72.0',
    'Milia en plaque are usually coded as epidermal cysts; the index entry is to be confirmed by the coder.',
  ],
  [
    'whitehead',
    'L72.0',
    'Patients often call milia whiteheads; a true whitehead (closed comedo) is acne, L70.0. To be confirmed by the coder.',
  ],
  ['keratin cyst', 'L72.0', 'Milia are small keratin cysts; the index entry is to be confirmed by the coder.'],
  ['sebaceous cyst', 'L72.3', null],
  ['follicular cyst', 'L72.9', 'Unspecified: prefer a specific follicular cyst code when the chart names one.'],
  ['acne', 'L70.0', 'Acne vulgaris; other forms of acne have their own L70 codes.'],
  ['seborrheic keratosis', 'L82.1', 'L82.0 when it is inflamed.'],
];

// Plain-language labels written by the project; the AMA's descriptors are licensed and are
// never shipped (a clinic imports its own licensed file with `npm run codes:load -- --cpt`).
const CPT_LABELS: readonly (readonly [string, string])[] = [
  ['10040', 'Extraction of acne lesions, including opening and removing multiple milia'],
  ['17110', 'Destruction of benign lesions (not skin tags or vascular lesions), 1 to 14 lesions'],
  ['17111', 'Destruction of benign lesions (not skin tags or vascular lesions), 15 or more lesions'],
  ['11102', 'Shave-type skin biopsy, first lesion'],
  ['11103', 'Shave-type skin biopsy, each further lesion'],
  ['11104', 'Punch skin biopsy, first lesion'],
  ['11105', 'Punch skin biopsy, each further lesion'],
  ['11106', 'Incisional skin biopsy, first lesion'],
  ['11107', 'Incisional skin biopsy, each further lesion'],
  ['67840', 'Removal of an eyelid lesion (not a chalazion)'],
  ['67850', 'Destruction of an eyelid-margin lesion up to 1 cm'],
  ['92285', 'Photography of the outer eye for the record'],
  ['15780', 'Dermabrasion of the whole face'],
  ['15781', 'Dermabrasion of part of the face'],
  ['15782', 'Dermabrasion of an area other than the face'],
  ['15783', 'Superficial dermabrasion, any area'],
  ['15786', 'Abrasion of one lesion'],
  ['15787', 'Abrasion of up to four more lesions'],
  ['15788', 'Facial chemical peel, outer skin layer'],
  ['15789', 'Facial chemical peel, deeper skin layer'],
  ['17340', 'Cold treatment (cryotherapy) for acne'],
  ['17360', 'Chemical skin peeling for acne'],
];

function findDataFile(name: string): string {
  // Source (migrations/) and build (dist/api/migrations/) sit at different depths below the root.
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'data', 'code-sets', name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`data/code-sets/${name} not found above ${__dirname}`);
  }
}

function readFy2026(): string {
  const gz = readFileSync(findDataFile(FY2026.file));
  const sha256 = createHash('sha256').update(gz).digest('hex');
  if (sha256 !== FY2026.sha256) throw new Error(`${FY2026.file}: sha256 ${sha256}, expected ${FY2026.sha256}`);
  return gunzipSync(gz).toString('latin1');
}

export class CodeSetReleases1764000000900 implements MigrationInterface {
  name = 'CodeSetReleases1764000000900';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "code_set_releases" ("id" SERIAL NOT NULL, "code_set" character varying(16) NOT NULL, "name" character varying(40) NOT NULL, "effective_from" date NOT NULL, "effective_to" date, "source_file" character varying(200) NOT NULL, "source_sha256" character(64) NOT NULL, "code_count" integer NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "code_set_releases_name_key" UNIQUE ("code_set", "name"), CONSTRAINT "code_set_releases_code_set_valid" CHECK (code_set IN ('icd10cm')), CONSTRAINT "code_set_releases_dates_valid" CHECK (effective_to IS NULL OR effective_to >= effective_from), CONSTRAINT "code_set_releases_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`DROP TABLE "icd10_codes"`);
    // Collation "C" lets the primary key answer code-prefix searches (LIKE 'L72.1%').
    await queryRunner.query(
      `CREATE TABLE "icd10_codes" ("release_id" integer NOT NULL, "code" character varying(8) COLLATE "C" NOT NULL, "description" text NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "icd10_lay_terms" ("id" SERIAL NOT NULL, "term" character varying(120) NOT NULL, "code" character varying(8) NOT NULL, "note" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "icd10_lay_terms_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "icd10_lay_terms_term_key" ON "icd10_lay_terms" (lower(term))`);
    await queryRunner.query(
      `CREATE TABLE "cpt_descriptors" ("code" character varying(5) NOT NULL, "short_descriptor" text NOT NULL, "long_descriptor" text NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cpt_descriptors_pkey" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`ALTER TABLE "cases" ADD "planned_service_date" date`);

    // The trigram index over 74,719 descriptions is built in memory rather than in batches.
    await queryRunner.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const text = readFy2026();
    const [{ id }] = (await queryRunner.query(
      `INSERT INTO code_set_releases (code_set, name, effective_from, effective_to, source_file, source_sha256, code_count)
       VALUES ('icd10cm', $1, $2, $3, $4, $5, $6) RETURNING id`,
      [FY2026.name, FY2026.from, FY2026.to, FY2026.file, FY2026.sha256, FY2026.count],
    )) as { id: number }[];
    // One statement that splits the file in the server: the rows go in before the keys and the
    // indexes are built, which takes a third of the time of checking each row as it comes.
    const [{ count }] = (await queryRunner.query(
      `WITH inserted AS (
         INSERT INTO icd10_codes (release_id, code, description)
         SELECT $1, CASE WHEN length(c) > 3 THEN left(c, 3) || '.' || substr(c, 4) ELSE c END, d
           FROM (SELECT rtrim(left(l, 8)) AS c, btrim(substr(l, 9)) AS d FROM string_to_table($2, E'\\n') AS l WHERE btrim(l) <> '') t
         RETURNING 1)
       SELECT count(*)::int AS count FROM inserted`,
      [id, text.replace(/\r/g, '')],
    )) as { count: number }[];
    if (count !== FY2026.count) throw new Error(`${FY2026.file}: ${count} codes, expected ${FY2026.count}`);
    await queryRunner.query(
      `ALTER TABLE "icd10_codes" ADD CONSTRAINT "icd10_codes_pkey" PRIMARY KEY ("release_id", "code")`,
    );
    await queryRunner.query(
      `ALTER TABLE "icd10_codes" ADD CONSTRAINT "icd10_codes_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "code_set_releases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `CREATE INDEX "icd10_codes_description_trgm_idx" ON "icd10_codes" USING gin (description gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "icd10_lay_terms_term_trgm_idx" ON "icd10_lay_terms" USING gin (term gin_trgm_ops)`,
    );
    // A request's diagnoses looked up in the release in effect on the date of service (the newest
    // when none covers it): each code's description when it is billable, else the first billable
    // codes that extend it and how many there are. Codes hold only [A-Z0-9.], so the range
    // (code, code || '~') is exactly the codes that start with it, and reads the primary key.
    await queryRunner.query(`
      CREATE FUNCTION icd10_check(diagnoses text[], service_date date) RETURNS json LANGUAGE sql STABLE AS $$
        SELECT json_build_object(
          'release', r.name, 'serviceDate', service_date, 'coversServiceDate', r.covers,
          'codes', coalesce((
            SELECT json_object_agg(d.code, json_build_object(
                     'description', b.description,
                     'childCount', (SELECT count(*) FROM icd10_codes x
                                     WHERE x.release_id = r.id AND x.code > d.code AND x.code < d.code || '~'),
                     'children', coalesce((SELECT json_agg(json_build_object('code', x.code, 'description', x.description) ORDER BY x.code)
                                   FROM (SELECT code, description FROM icd10_codes x
                                          WHERE x.release_id = r.id AND x.code > d.code AND x.code < d.code || '~'
                                          ORDER BY x.code LIMIT 8) x), '[]'::json)))
              FROM (SELECT DISTINCT unnest(diagnoses) COLLATE "C" AS code) d
              LEFT JOIN icd10_codes b ON b.release_id = r.id AND b.code = d.code), '{}'::json))
          FROM (SELECT id, name, effective_from <= service_date AND (effective_to IS NULL OR service_date <= effective_to) AS covers,
                       effective_from
                  FROM code_set_releases WHERE code_set = 'icd10cm'
                 ORDER BY 3 DESC, effective_from DESC LIMIT 1) r
      $$`);
    for (const [term, code, note] of LAY_TERMS) {
      await queryRunner.query(`INSERT INTO icd10_lay_terms (term, code, note) VALUES ($1, $2, $3)`, [term, code, note]);
    }
    await queryRunner.query(
      `UPDATE cpt_codes c SET description = l.label FROM unnest($1::text[], $2::text[]) AS l(code, label) WHERE c.code = l.code`,
      [CPT_LABELS.map(([code]) => code), CPT_LABELS.map(([, label]) => label)],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION icd10_check(text[], date)`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "planned_service_date"`);
    await queryRunner.query(`DROP TABLE "cpt_descriptors"`);
    await queryRunner.query(`DROP TABLE "icd10_lay_terms"`);
    await queryRunner.query(`DROP TABLE "icd10_codes"`);
    await queryRunner.query(`DROP TABLE "code_set_releases"`);
    await queryRunner.query(
      `CREATE TABLE "icd10_codes" ("code" character varying(8) NOT NULL, "description" text NOT NULL, "descriptor_verified" boolean NOT NULL DEFAULT true, CONSTRAINT "icd10_codes_pkey" PRIMARY KEY ("code"))`,
    );
  }
}
