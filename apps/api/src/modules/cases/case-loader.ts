import type { DeadlineRule, Icd10ReleaseCheck, PayerRule, PlanType } from '@preauth/domain';
import { DataSource, EntityManager } from 'typeorm';
import { hydrate, selectColumns } from '../../database/hydrate';
import { preparedQuery, preparedQueryIn } from '../../database/prepared';
import { DeadlineRuleRow } from '../deadline-rules/deadline-rule.entity';
import { toDeadlineRule } from '../deadline-rules/deadline-rules.service';
import { Patient } from '../patients/patient.entity';
import { CASE_PAYER_RULES_SQL } from '../payer-rules/payer-rules.query';
import { Payer } from '../payers/payer.entity';
import { Provider } from '../providers/provider.entity';
import { icd10CheckSql, toIcd10Check, type RawIcd10Check } from '../codes/icd10-check';
import { CaseFailedTreatment } from './case-failed-treatment.entity';
import { CaseProcedureLine } from './case-procedure-line.entity';
import { PERFORMED_PROCEDURES_JSON } from './case-procedures.query';
import { EvidenceCounts, toSnapshot } from './case-mapping';
import { PreauthCase } from './preauth-case.entity';
import { NotFoundError } from '../../common/app-errors';

export interface LoadedCase {
  row: PreauthCase;
  lines: CaseProcedureLine[];
  treatments: CaseFailedTreatment[];
  planType: PlanType;
  evidence: EvidenceCounts;
  icd10: Icd10ReleaseCheck | null;
  // The payer's rules for the request's CPT codes (see CASE_PAYER_RULES_SQL).
  payerRules: PayerRule[];
}

/** The readiness checklist requires a photo and a physician's clinical note (issue #4). */
export const REQUIRE_EVIDENCE = true;

/**
 * Load a case with everything its rules read, in one query on the manager's connection (inside
 * a transaction, or not). For a change, loadCaseForUpdate; for the case page, loadCaseView.
 */
export async function loadCase(manager: EntityManager, id: string): Promise<LoadedCase> {
  const [raw] = await manager.query<Record<string, unknown>[]>(caseSql(manager.connection, 'rules'), [id]);
  if (!raw) throw new NotFoundError('No such case.');
  return toCaseView(manager.connection, raw).loaded;
}

export function snapshotOf(loaded: LoadedCase) {
  return {
    ...toSnapshot(loaded.row, loaded.lines, loaded.treatments, loaded.planType, loaded.evidence),
    icd10: loaded.icd10,
    payerRules: loaded.payerRules,
  };
}

export interface CaseEventRow {
  id: string;
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  data: Record<string, unknown>;
  occurredAt: Date;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  correctsEventId: string | null;
}

// What a case page shows of its patient, payer and physician (fewer columns to read and parse).
const PATIENT_FIELDS = ['id', 'firstName', 'lastName', 'mrn', 'dateOfBirth', 'memberId'] as const;
const PAYER_FIELDS = ['id', 'name', 'planType'] as const;
const PROVIDER_FIELDS = ['id', 'firstName', 'lastName', 'credentials', 'npi'] as const;

/** A case with everything its page shows: read in one round trip, outside any transaction. */
export interface CaseView {
  loaded: LoadedCase;
  patient: Pick<Patient, (typeof PATIENT_FIELDS)[number]>;
  payer: Pick<Payer, (typeof PAYER_FIELDS)[number]>;
  provider: Pick<Provider, (typeof PROVIDER_FIELDS)[number]>;
  rule: DeadlineRule;
  events: CaseEventRow[];
  ownerName: string | null;
  tags: string[];
  // Only the page reads them.
  performed: PerformedProcedureRow[];
}

export interface PerformedProcedureRow {
  id: string;
  performedOn: string;
  units: number;
  recordedBy: string | null;
  recordedAt: string;
}

/** 'page': with the timeline; 'rules': what the rules read; 'lock': that, with the case row locked. */
export type CaseSqlMode = 'page' | 'rules' | 'lock';

const caseSqlByMode = new Map<CaseSqlMode, string>();

/** The SQL of one mode, built once from the entities' columns. */
export function caseSql(dataSource: DataSource, mode: CaseSqlMode): string {
  let sql = caseSqlByMode.get(mode);
  if (!sql) {
    sql = buildCaseSql(dataSource, mode);
    caseSqlByMode.set(mode, sql);
  }
  return sql;
}

// Evidence counts: photos not deleted, and clinical notes by physicians counted once per note
// (its latest version: an edited note is still one note).
function buildCaseSql(dataSource: DataSource, mode: CaseSqlMode): string {
  return `
    SELECT ${selectColumns(dataSource, PreauthCase, 'c', 'c_')},
           ${selectColumns(dataSource, Patient, 'pt', 'pt_', PATIENT_FIELDS)},
           ${selectColumns(dataSource, Payer, 'py', 'py_', PAYER_FIELDS)},
           ${selectColumns(dataSource, Provider, 'pr', 'pr_', PROVIDER_FIELDS)},
           ${selectColumns(dataSource, DeadlineRuleRow, 'dr', 'dr_')},
           (SELECT count(*)::int FROM case_photos WHERE case_id = c.id AND deleted_at IS NULL) AS photo_count,
           (SELECT display_name FROM users WHERE id = c.owner_id) AS owner_name,
           ARRAY(SELECT t.tag FROM case_tags t WHERE t.case_id = c.id ORDER BY t.tag_key) AS tags,
           (SELECT count(*)::int FROM case_notes n JOIN users u ON u.id = n.author_id
             WHERE n.case_id = c.id AND n.kind = 'clinical_note' AND 'physician' = ANY (u.roles)
               AND NOT EXISTS (SELECT 1 FROM case_notes newer WHERE newer.previous_id = n.id)) AS note_count,
           (SELECT coalesce(json_agg(l ORDER BY l.position), '[]') FROM case_procedure_lines l WHERE l.case_id = c.id) AS lines,
           ${icd10CheckSql('c.diagnoses', 'c.planned_service_date')} AS icd10,
           ${CASE_PAYER_RULES_SQL} AS payer_rules,
           (SELECT coalesce(json_agg(t ORDER BY t.position), '[]') FROM case_failed_treatments t WHERE t.case_id = c.id) AS treatments,
           ${
             mode !== 'page'
               ? `'[]'::json`
               : `(SELECT coalesce(json_agg(json_build_object(
                     'id', e.id::text, 'type', e.type, 'fromStatus', e.from_status, 'toStatus', e.to_status, 'note', e.note,
                     'data', e.data, 'occurredAt', e.occurred_at, 'createdAt', e.created_at, 'actorName', u.display_name,
                     'actorId', e.actor_id, 'correctsEventId', e.corrects_event_id::text)
                     ORDER BY e.occurred_at DESC, e.id DESC), '[]')
              FROM case_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.case_id = c.id)`
           } AS events,
           ${mode !== 'page' ? `'[]'::json` : PERFORMED_PROCEDURES_JSON} AS performed
      FROM cases c
      JOIN patients pt ON pt.id = c.patient_id
      JOIN payers py ON py.id = c.payer_id
      JOIN providers pr ON pr.id = c.provider_id
      JOIN deadline_rules dr ON dr.plan_type = py.plan_type
     WHERE c.id = $1
     ${mode === 'lock' ? 'FOR UPDATE OF c' : ''}`;
}

/**
 * The case page's reads (case, patient, payer, physician, deadline rule, evidence counts, lines,
 * treatments, timeline) as one prepared statement instead of ten sequential queries: under load
 * each round trip costs both the API and PostgreSQL a context switch.
 */
export async function loadCaseView(dataSource: DataSource, id: string): Promise<CaseView> {
  const [raw] = await preparedQuery<Record<string, unknown>>(dataSource, caseSql(dataSource, 'page'), [id]);
  if (!raw) throw new NotFoundError('No such case.');
  return toCaseView(dataSource, raw);
}

/**
 * The case with what its rules read, its row locked until the transaction ends (a concurrent
 * change waits, then sees the new version and loses), in one round trip. No timeline.
 */
export async function loadCaseForUpdate(manager: EntityManager, id: string): Promise<CaseView> {
  const [raw] = await preparedQueryIn<Record<string, unknown>>(manager, caseSql(manager.connection, 'lock'), [id]);
  if (!raw) throw new NotFoundError('No such case.');
  return toCaseView(manager.connection, raw);
}

function toCaseView(dataSource: DataSource, raw: Record<string, unknown>): CaseView {
  const row = hydrate(dataSource, PreauthCase, raw, 'c_');
  const payer = hydrate(dataSource, Payer, raw, 'py_', PAYER_FIELDS);
  const loaded: LoadedCase = {
    row,
    lines: (raw.lines as Record<string, unknown>[]).map((l) => hydrate(dataSource, CaseProcedureLine, l)),
    treatments: (raw.treatments as Record<string, unknown>[]).map((t) => hydrate(dataSource, CaseFailedTreatment, t)),
    planType: payer.planType,
    evidence: { photoCount: raw.photo_count as number, physicianNoteCount: raw.note_count as number },
    icd10: toIcd10Check(raw.icd10 as RawIcd10Check | null),
    payerRules: raw.payer_rules as PayerRule[],
  };
  const events = (
    raw.events as (Omit<CaseEventRow, 'occurredAt' | 'createdAt'> & { occurredAt: string; createdAt: string })[]
  ).map((e) => ({
    ...e,
    occurredAt: new Date(e.occurredAt),
    createdAt: new Date(e.createdAt),
  }));
  return {
    loaded,
    patient: hydrate(dataSource, Patient, raw, 'pt_', PATIENT_FIELDS),
    payer,
    provider: hydrate(dataSource, Provider, raw, 'pr_', PROVIDER_FIELDS),
    rule: toDeadlineRule(hydrate(dataSource, DeadlineRuleRow, raw, 'dr_')),
    events,
    ownerName: (raw.owner_name as string | null) ?? null,
    tags: raw.tags as string[],
    performed: (raw.performed as PerformedProcedureRow[] | null) ?? [],
  };
}
