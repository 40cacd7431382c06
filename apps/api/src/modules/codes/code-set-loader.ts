import { normalizeCpt, normalizeIcd10, isValidCptFormat, isValidIcd10Format } from '@preauth/domain';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ClientBase } from 'pg';

export class CodeFileError extends Error {}

export interface Icd10File {
  sha256: string;
  codes: string[];
  descriptions: string[];
}

const GZIP_MAGIC = 0x1f8b;

/**
 * A CMS ICD-10-CM "codes" file (icd10cm-codes-YYYY.txt, plain or gzipped): one code a line,
 * without its dot, padded to column 9, then the description. Every line is checked, so a wrong
 * file is refused with the line that gave it away instead of being half loaded.
 */
export function parseIcd10File(bytes: Buffer, name: string): Icd10File {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const raw = bytes.length > 2 && bytes.readUInt16BE(0) === GZIP_MAGIC ? gunzipSync(bytes) : bytes;
  const codes: string[] = [];
  const descriptions: string[] = [];
  const seen = new Set<string>();
  raw
    .toString('latin1')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (!line.trim()) return;
      const match = /^([A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}) +(\S.*)$/.exec(line.trimEnd());
      const code = match ? normalizeIcd10(match[1]) : '';
      if (!match || !isValidIcd10Format(code)) {
        throw new CodeFileError(
          `${name} line ${index + 1} is not "CODE  description": ${JSON.stringify(line.slice(0, 60))}`,
        );
      }
      if (seen.has(code)) throw new CodeFileError(`${name} line ${index + 1}: ${code} is listed twice`);
      seen.add(code);
      codes.push(code);
      descriptions.push(match[2]);
    });
  if (codes.length === 0) throw new CodeFileError(`${name} holds no codes`);
  return { sha256, codes, descriptions };
}

/** FY2027 is in effect from 2026-10-01 to 2027-09-30: the federal fiscal year. */
export function fiscalYearDates(release: string): { from: string; to: string } | undefined {
  const match = /^FY(\d{4})$/i.exec(release);
  if (!match) return undefined;
  const year = Number(match[1]);
  return { from: `${year - 1}-10-01`, to: `${year}-09-30` };
}

export interface Icd10ReleaseInput {
  file: string;
  release: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface LoadedRelease {
  id: number;
  count: number;
  sha256: string;
  ms: number;
}

/** Load one release in one transaction: all its codes or none. */
export async function loadIcd10Release(client: ClientBase, input: Icd10ReleaseInput): Promise<LoadedRelease> {
  const started = Date.now();
  const parsed = parseIcd10File(readFileSync(input.file), basename(input.file));
  await client.query('BEGIN');
  try {
    const existing = await client.query(`SELECT 1 FROM code_set_releases WHERE code_set = 'icd10cm' AND name = $1`, [
      input.release,
    ]);
    if (existing.rowCount) throw new CodeFileError(`release ${input.release} is already loaded`);
    const {
      rows: [{ id }],
    } = await client.query<{ id: number }>(
      `INSERT INTO code_set_releases (code_set, name, effective_from, effective_to, source_file, source_sha256, code_count)
       VALUES ('icd10cm', $1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.release, input.effectiveFrom, input.effectiveTo, basename(input.file), parsed.sha256, parsed.codes.length],
    );
    await client.query(
      `INSERT INTO icd10_codes (release_id, code, description) SELECT $1, c, d FROM unnest($2::text[], $3::text[]) AS t(c, d)`,
      [id, parsed.codes, parsed.descriptions],
    );
    await client.query('COMMIT');
    return { id, count: parsed.codes.length, sha256: parsed.sha256, ms: Date.now() - started };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

export interface CptDescriptorRow {
  code: string;
  short: string;
  long: string;
}

/** A clinic's licensed CPT descriptor file: CSV with the columns code, short, long (a header row). */
export function parseCptDescriptorCsv(text: string, name: string): CptDescriptorRow[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new CodeFileError(`${name} is not a CSV file: ${(error as Error).message}`);
  }
  const seen = new Set<string>();
  return records.map((record, index) => {
    const code = normalizeCpt(record.code ?? '');
    const short = record.short ?? '';
    const long = record.long ?? '';
    if (!isValidCptFormat(code) || !short || !long) {
      throw new CodeFileError(`${name} row ${index + 2} needs code, short and long (a CPT code is 5 characters)`);
    }
    if (seen.has(code)) throw new CodeFileError(`${name} row ${index + 2}: ${code} is listed twice`);
    seen.add(code);
    return { code, short, long };
  });
}

/** Replace the clinic's licensed descriptors with the file's, in one transaction. */
export async function loadCptDescriptors(client: ClientBase, rows: readonly CptDescriptorRow[]): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('DELETE FROM cpt_descriptors');
    await client.query(
      `INSERT INTO cpt_descriptors (code, short_descriptor, long_descriptor)
       SELECT c, s, l FROM unnest($1::text[], $2::text[], $3::text[]) AS t(c, s, l)`,
      [rows.map((r) => r.code), rows.map((r) => r.short), rows.map((r) => r.long)],
    );
    await client.query('COMMIT');
    return rows.length;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
