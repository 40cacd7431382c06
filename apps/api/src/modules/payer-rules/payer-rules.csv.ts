import {
  checkPayerRule,
  normalizeCpt,
  type MedicalNecessityCriterion,
  type PayerRuleContent,
  type PayerRuleDocument,
  type PayerRuleKey,
  type PlanType,
  type PriorAuthRequirement,
} from '@preauth/domain';
import { parse } from 'csv-parse/sync';
import { csvLine } from '../../common/csv';
import type { StoredPayerRule } from './payer-rules.query';

type Column = keyof PayerRuleContent | 'payer_code' | 'plan_type' | 'cpt_code' | 'version';

// Header name → rule field. Lists (criteria, documents) are written as keys separated by "; ".
const COLUMNS: readonly [string, Column][] = [
  ['payer_code', 'payer_code'],
  ['plan_type', 'plan_type'],
  ['cpt_code', 'cpt_code'],
  ['version', 'version'],
  ['prior_auth', 'priorAuth'],
  ['criteria', 'criteria'],
  ['min_symptom_weeks', 'minSymptomWeeks'],
  ['min_failed_treatments', 'minFailedTreatments'],
  ['photos_required', 'photosRequired'],
  ['documents', 'documents'],
  ['policy_name', 'policyName'],
  ['policy_url', 'policyUrl'],
  ['policy_version', 'policyVersion'],
  ['policy_checked_on', 'policyCheckedOn'],
  ['portal_url', 'portalUrl'],
  ['fax', 'fax'],
  ['phone', 'phone'],
  ['electronic_endpoint', 'electronicEndpoint'],
  ['appeal_address', 'appealAddress'],
  ['notes', 'notes'],
];

export const PAYER_RULE_CSV_HEADERS = COLUMNS.map(([header]) => header);
const HEADER_OF = new Map<string, string>(COLUMNS.map(([header, field]) => [field, header]));
const REQUIRED = ['payer_code', 'cpt_code', 'prior_auth'];

function cellOf(rule: StoredPayerRule, column: Column): unknown {
  if (column === 'payer_code') return rule.payerCode;
  if (column === 'plan_type') return rule.planType ?? '';
  if (column === 'cpt_code') return rule.cptCode;
  if (column === 'version') return rule.version;
  if (column === 'photosRequired') return rule.photosRequired ? 'yes' : 'no';
  const value = rule[column];
  return Array.isArray(value) ? value.join('; ') : value;
}

/** The current rules as CSV: one line per rule, the version it is at (ignored on import). */
export function payerRulesCsv(rules: readonly StoredPayerRule[]): string {
  return [csvLine(PAYER_RULE_CSV_HEADERS), ...rules.map((r) => csvLine(COLUMNS.map(([, c]) => cellOf(r, c))))].join('');
}

export interface CsvRowError {
  row: number;
  column: string | null;
  reason: string;
}

export interface ParsedRuleRow {
  row: number;
  key: PayerRuleKey;
  content: PayerRuleContent;
}

// csvCell quotes a cell starting with = + - @ (spreadsheet formulas) with a leading "'": undo it.
const unquote = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);
const orNull = (text: string) => (text === '' ? null : text);
const list = (text: string) =>
  text
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);

function count(text: string, column: string, errors: CsvRowError[], row: number): number | null {
  if (text === '') return null;
  if (!/^\d+$/.test(text)) {
    errors.push({ row, column, reason: 'must be a whole number or empty' });
    return null;
  }
  return Number(text);
}

/**
 * Every row of an import, checked like the API checks one rule; rows are numbered as a
 * spreadsheet shows them (the header is row 1). Nothing is written when any row has an error.
 */
export function parsePayerRulesCsv(
  text: string,
  payerIdsByCode: ReadonlyMap<string, string>,
): { rows: ParsedRuleRow[]; errors: CsvRowError[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    return { rows: [], errors: [{ row: 0, column: null, reason: `is not CSV: ${(error as Error).message}` }] };
  }
  const errors: CsvRowError[] = [];
  const [header = [], ...lines] = records;
  const names = header.map((h) => h.trim().toLowerCase());
  names.forEach((name) => {
    if (!PAYER_RULE_CSV_HEADERS.includes(name))
      errors.push({ row: 1, column: name, reason: 'is not a column of payer rules' });
  });
  for (const name of REQUIRED) {
    if (!names.includes(name)) errors.push({ row: 1, column: name, reason: 'is missing from the header' });
  }
  if (errors.length) return { rows: [], errors };
  if (lines.length === 0) return { rows: [], errors: [{ row: 2, column: null, reason: 'the file has no rules' }] };

  const rows: ParsedRuleRow[] = [];
  const seen = new Map<string, number>();
  lines.forEach((cells, index) => {
    const row = index + 2;
    const rowErrors: CsvRowError[] = [];
    if (cells.length > names.length)
      rowErrors.push({ row, column: null, reason: `has ${cells.length} cells, the header ${names.length}` });
    const get = (name: string) => unquote((cells[names.indexOf(name)] ?? '').trim());
    const payerCode = get('payer_code');
    const payerId = payerIdsByCode.get(payerCode);
    if (!payerId)
      rowErrors.push({
        row,
        column: 'payer_code',
        reason: payerCode ? `no payer has the ID "${payerCode}"` : 'is empty',
      });
    const photos = get('photos_required').toLowerCase();
    if (!['', 'yes', 'no', 'true', 'false'].includes(photos)) {
      rowErrors.push({ row, column: 'photos_required', reason: 'must be yes or no' });
    }
    const key = {
      payerId: payerId ?? '',
      planType: orNull(get('plan_type')) as PlanType | null,
      cptCode: normalizeCpt(get('cpt_code')),
    };
    const content: PayerRuleContent = {
      priorAuth: get('prior_auth') as PriorAuthRequirement,
      criteria: list(get('criteria')) as MedicalNecessityCriterion[],
      minSymptomWeeks: count(get('min_symptom_weeks'), 'min_symptom_weeks', rowErrors, row),
      minFailedTreatments: count(get('min_failed_treatments'), 'min_failed_treatments', rowErrors, row),
      photosRequired: photos === 'yes' || photos === 'true',
      documents: list(get('documents')) as PayerRuleDocument[],
      policyName: orNull(get('policy_name')),
      policyUrl: orNull(get('policy_url')),
      policyVersion: orNull(get('policy_version')),
      policyCheckedOn: orNull(get('policy_checked_on')),
      portalUrl: orNull(get('portal_url')),
      fax: orNull(get('fax')),
      phone: orNull(get('phone')),
      electronicEndpoint: orNull(get('electronic_endpoint')),
      appealAddress: orNull(get('appeal_address')),
      notes: orNull(get('notes')),
    };
    const counted = new Set(rowErrors.map((e) => e.column));
    for (const problem of checkPayerRule({ ...key, ...content })) {
      const column =
        problem.field === 'cptCode'
          ? 'cpt_code'
          : problem.field === 'planType'
            ? 'plan_type'
            : (HEADER_OF.get(problem.field) ?? problem.field);
      if (!counted.has(column)) rowErrors.push({ row, column, reason: problem.reason });
    }
    const id = `${payerCode}|${key.planType ?? ''}|${key.cptCode}`;
    const first = seen.get(id);
    if (first !== undefined) rowErrors.push({ row, column: null, reason: `repeats the rule of row ${first}` });
    else seen.set(id, row);
    errors.push(...rowErrors);
    if (rowErrors.length === 0) rows.push({ row, key, content });
  });
  return { rows, errors };
}
