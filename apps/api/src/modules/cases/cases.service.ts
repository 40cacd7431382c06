import { BadRequestException, ConflictException, HttpException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  availableTransitions,
  computeDeadlines,
  computeReadiness,
  normalizeCpt,
  normalizeIcd10,
  type ClockKind,
  type DeadlineRule,
  type PlanType,
} from '@preauth/domain';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { LIST_ROW_TYPES, isoMillis } from '../../database/list-row-types';
import { poolQuery } from '../../database/prepared';
import type { RequestContext } from '../../common/request-context';
import { decodeCursor, encodeCursor, type KeysetCursor } from '../../common/dto/pagination';
import { fieldError } from '../../common/validation';
import { AuditService } from '../audit/audit.service';
import { assertMayWriteClinicalFindings } from '../auth/field-rules';
import { DeadlineRulesService } from '../deadline-rules/deadline-rules.service';
import { Patient } from '../patients/patient.entity';
import { Payer } from '../payers/payer.entity';
import { Provider } from '../providers/provider.entity';
import { providerDisplayName } from '../providers/providers.service';
import { CaseEvent } from './case-event.entity';
import { CaseFailedTreatment } from './case-failed-treatment.entity';
import { CaseView, loadCase, loadCaseForUpdate, loadCaseView, REQUIRE_EVIDENCE, snapshotOf } from './case-loader';
import { computeStoredDue, editableFields, storedClockDto, toClockDto } from './case-mapping';
import { CaseProcedureLine } from './case-procedure-line.entity';
import {
  CreateCaseDto,
  FailedTreatmentInput,
  ListCasesQuery,
  ProcedureLineInput,
  UpdateCaseDto,
} from './dto/case-input.dto';
import { CaseDetailDto, CaseEventDto, CasePageDto, CaseSummaryDto, ReadinessDto } from './dto/case-output.dto';
import { PreauthCase } from './preauth-case.entity';

/**
 * The columns of a case summary, by the name toSummary reads them under, in SELECT order. The list
 * is read with pg's `rowMode: 'array'` and each value taken by its position (COL): pg then fills an
 * array per row instead of an object of 26 named properties. In a loop of the worklist query that
 * is about a fifth less client CPU a page; through the API (`npm run bench`, three alternating
 * pairs), a list request's API CPU over its database CPU fell 5-8% in all nine comparisons.
 */
const SUMMARY_COLUMNS = {
  id: 'c.id',
  case_number: 'c.case_number',
  status: 'c.status',
  urgency: 'c.urgency',
  authorization_number: 'c.authorization_number',
  appeal_level: 'c.appeal_level',
  next_due_at: 'c.next_due_at',
  next_due_kind: 'c.next_due_kind',
  version: 'c.version',
  created_at: 'c.created_at',
  updated_at: 'c.updated_at',
  patient_id: 'pt.id',
  patient_first_name: 'pt.first_name',
  patient_last_name: 'pt.last_name',
  patient_mrn: 'pt.mrn',
  patient_dob: "to_char(pt.date_of_birth, 'YYYY-MM-DD')",
  patient_member_id: 'pt.member_id',
  payer_id: 'py.id',
  payer_name: 'py.name',
  payer_plan_type: 'py.plan_type',
  provider_id: 'pr.id',
  provider_first_name: 'pr.first_name',
  provider_last_name: 'pr.last_name',
  provider_credentials: 'pr.credentials',
  provider_npi: 'pr.npi',
  cpt_codes: 'ARRAY(SELECT l.cpt_code FROM case_procedure_lines l WHERE l.case_id = c.id ORDER BY l.position)',
} as const;

type SummaryColumn = keyof typeof SUMMARY_COLUMNS;

/** Each summary column's position in a row. */
const COL = Object.fromEntries(Object.keys(SUMMARY_COLUMNS).map((name, i) => [name, i])) as Record<
  SummaryColumn,
  number
>;

const CASE_SUMMARY_SELECT = `
  SELECT ${Object.entries(SUMMARY_COLUMNS)
    .map(([name, expr]) => `${expr} AS ${name}`)
    .join(', ')}
    FROM cases c
    JOIN patients pt ON pt.id = c.patient_id
    JOIN payers py ON py.id = c.payer_id
    JOIN providers pr ON pr.id = c.provider_id`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor's sort key (an instant) and id, checked before they reach SQL. */
function keyset(cursor: KeysetCursor): [string, string] {
  if (typeof cursor.k !== 'string' || Number.isNaN(Date.parse(cursor.k)) || !UUID.test(cursor.id)) {
    throw fieldError('cursor', 'is not a cursor this API returned');
  }
  return [cursor.k, cursor.id];
}

/**
 * The case list's SQL for a query, with every filter value a parameter: the text depends only on
 * which filters are used (and the limit), so each combination is one prepared statement
 * (database/prepared.ts). The benchmark runs it as its direct-SQL baseline: both issue one text.
 */
export function caseListQuery(query: ListCasesQuery): {
  sql: string;
  params: unknown[];
  limit: number;
  sortKey: 'next_due_at' | 'updated_at' | 'created_at';
  /** False for a name search: its plan depends on the searched text, so it is planned each time. */
  reusePlan: boolean;
} {
  const limit = query.limit ?? 25;
  const sort = query.sort ?? 'created_desc';
  const cursor = decodeCursor(query.cursor);
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.status?.length) where.push(`c.status = ANY(${param(query.status)}::text[])`);
  if (query.payerId) where.push(`c.payer_id = ${param(query.payerId)}`);
  if (query.providerId) where.push(`c.provider_id = ${param(query.providerId)}`);
  if (query.urgency) where.push(`c.urgency = ${param(query.urgency)}`);
  if (query.overdue !== undefined)
    where.push(query.overdue ? 'c.next_due_at < now()' : '(c.next_due_at IS NULL OR c.next_due_at >= now())');
  if (query.dueBefore) where.push(`c.next_due_at < ${param(query.dueBefore)}::timestamptz`);
  if (query.q) {
    const like = param(`%${query.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where.push(
      `(c.patient_id IN (SELECT p2.id FROM patients p2 WHERE lower(p2.first_name || ' ' || p2.last_name || ' ' || p2.mrn) LIKE ${like})
        OR lower(c.authorization_number) LIKE ${like} OR lower(c.case_number) LIKE ${like})`,
    );
  }
  const sortKey = sort === 'due_asc' ? 'next_due_at' : sort === 'updated_desc' ? 'updated_at' : 'created_at';
  if (sort === 'due_asc') {
    // Only cases with a running clock have a place in a deadline-ordered list.
    where.push('c.next_due_at IS NOT NULL');
    if (cursor) {
      const [k, id] = keyset(cursor);
      where.push(`(c.next_due_at, c.id) > (${param(k)}::timestamptz, ${param(id)}::uuid)`);
    }
  } else if (cursor) {
    const [k, id] = keyset(cursor);
    where.push(`(c.${sortKey}, c.id) < (${param(k)}::timestamptz, ${param(id)}::uuid)`);
  }
  const order = sort === 'due_asc' ? 'c.next_due_at ASC, c.id ASC' : `c.${sortKey} DESC, c.id DESC`;
  // The limit is written into the text (an integer from 1 to 100, checked by the DTO and here),
  // not passed as a parameter: with `LIMIT $n` PostgreSQL cannot cost the generic plan, so it
  // plans the statement again on every run (pg_prepared_statements showed 0 generic plans in
  // 212 runs, twice the database time of the statement with a constant limit).
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw fieldError('limit', 'must be an integer from 1 to 100');
  return {
    sql: `${CASE_SUMMARY_SELECT}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order}
      LIMIT ${limit + 1}`,
    params,
    limit,
    sortKey,
    // How many patients match the text decides between the trigram index and walking the list in
    // its order; a generic plan cannot know, so a search is planned for its own text each time.
    reusePlan: !query.q,
  };
}

/** The clinical fields of a case DTO under the names the field rules use. */
function clinicalChanges(dto: UpdateCaseDto): Record<string, unknown> {
  return {
    necessityCriteria: dto.findings?.criteria,
    symptoms: dto.findings?.symptoms,
    symptomDurationWeeks: dto.findings?.symptomDurationWeeks,
    inflammation: dto.findings?.inflammation,
    infection: dto.findings?.infection,
    functionalImpairment: dto.findings?.functionalImpairment,
    cosmeticOverrideJustification: dto.cosmeticOverrideJustification,
    failedTreatments: dto.failedTreatments,
  };
}

/** Parse an If-Match header: `3`, `"3"` or `W/"3"`. */
export function parseIfMatch(header: string | undefined): number {
  const match = header?.trim().match(/^(?:W\/)?"?(\d+)"?$/);
  if (!match) {
    throw new HttpException(
      {
        statusCode: 428,
        error: 'Precondition Required',
        message: 'Send If-Match with the case version you are changing (from GET, or the ETag header).',
      },
      428,
    );
  }
  return Number(match[1]);
}

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly rules: DeadlineRulesService,
  ) {}

  async create(dto: CreateCaseDto, ctx: RequestContext): Promise<CaseDetailDto> {
    assertMayWriteClinicalFindings(ctx.user, clinicalChanges(dto));
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertReferences(manager, dto);
      if (dto.previousCaseId) {
        const previous = await manager.getRepository(PreauthCase).findOneBy({ id: dto.previousCaseId });
        if (!previous) throw fieldError('previousCaseId', 'is not a known case');
        if (previous.patientId !== dto.patientId) throw fieldError('previousCaseId', 'belongs to another patient');
      }
      const [{ number }] = await manager.query<{ number: string }[]>(
        `SELECT 'PA-' || lpad(nextval('case_number_seq')::text, 6, '0') AS number`,
      );
      const row = manager.getRepository(PreauthCase).create({
        caseNumber: number,
        patientId: dto.patientId,
        payerId: dto.payerId,
        providerId: dto.providerId,
        previousCaseId: dto.previousCaseId ?? null,
        status: 'documented',
        urgency: dto.urgency ?? 'standard',
        diagnoses: (dto.diagnoses ?? []).map(normalizeIcd10),
        necessityCriteria: dto.findings?.criteria ?? [],
        symptoms: dto.findings?.symptoms ?? null,
        symptomDurationWeeks: dto.findings?.symptomDurationWeeks ?? null,
        inflammation: dto.findings?.inflammation ?? false,
        infection: dto.findings?.infection ?? false,
        functionalImpairment: dto.findings?.functionalImpairment ?? null,
        cosmeticOverrideJustification: dto.cosmeticOverrideJustification ?? null,
        payerReference: dto.payerReference ?? null,
        createdById: ctx.user.id,
      });
      const saved = await manager.getRepository(PreauthCase).save(row);
      await this.replaceLines(manager, saved.id, dto.procedureLines ?? []);
      await this.replaceTreatments(manager, saved.id, dto.failedTreatments ?? []);
      await manager.getRepository(CaseEvent).insert({
        caseId: saved.id,
        type: 'created',
        toStatus: 'documented',
        actorId: ctx.user.id,
        note: dto.previousCaseId ? 'Corrected resubmission of an earlier request' : null,
        data: dto.previousCaseId ? { previousCaseId: dto.previousCaseId } : {},
        occurredAt: new Date(),
      });
      await this.audit.record(
        { action: 'create', objectType: 'case', objectId: saved.id, caseId: saved.id, patientId: saved.patientId },
        ctx,
        manager,
      );
      return saved.id;
    });
    return this.get(id, ctx, false);
  }

  async get(id: string, ctx: RequestContext, audit = true): Promise<CaseDetailDto> {
    const view = await loadCaseView(this.dataSource, id);
    if (audit) {
      await this.audit.record(
        { action: 'read', objectType: 'case', objectId: id, caseId: id, patientId: view.loaded.row.patientId },
        ctx,
      );
    }
    return this.toDetail(view, ctx);
  }

  async readiness(id: string, ctx: RequestContext): Promise<ReadinessDto> {
    const loaded = await loadCase(this.dataSource.manager, id);
    await this.audit.record(
      { action: 'read', objectType: 'case_readiness', objectId: id, caseId: id, patientId: loaded.row.patientId },
      ctx,
    );
    return computeReadiness(snapshotOf(loaded), { requireEvidence: REQUIRE_EVIDENCE });
  }

  async update(id: string, dto: UpdateCaseDto, expectedVersion: number, ctx: RequestContext): Promise<CaseDetailDto> {
    const changed = Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined);
    if (!changed.length)
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Nothing to change.',
        errors: [],
      });
    assertMayWriteClinicalFindings(ctx.user, clinicalChanges(dto));
    await this.dataSource.transaction(async (manager) => {
      const { loaded, rule: currentRule } = await loadCaseForUpdate(manager, id);
      const { row } = loaded;
      if (row.version !== expectedVersion) throw this.stale(row.version);
      const allowed = editableFields(row.status, ctx.user.roles);
      const refused = changed.filter((f) => !allowed.includes(f));
      if (refused.length) {
        throw new HttpException(
          {
            statusCode: 409,
            error: 'Conflict',
            message:
              row.status === 'denied'
                ? 'A denied request cannot be edited; open a corrected request linked to it instead.'
                : `In state "${row.status}" these fields cannot be changed: ${refused.join(', ')}.`,
            errors: refused.map((field) => ({ field, reason: `cannot be changed while the case is ${row.status}` })),
          },
          409,
        );
      }
      await this.assertReferences(manager, {
        patientId: row.patientId,
        payerId: dto.payerId ?? row.payerId,
        providerId: dto.providerId ?? row.providerId,
      });
      if (dto.urgency !== undefined) row.urgency = dto.urgency;
      if (dto.payerId !== undefined) row.payerId = dto.payerId;
      if (dto.providerId !== undefined) row.providerId = dto.providerId;
      if (dto.diagnoses !== undefined) row.diagnoses = dto.diagnoses.map(normalizeIcd10);
      if (dto.findings !== undefined) {
        row.necessityCriteria = dto.findings.criteria;
        row.symptoms = dto.findings.symptoms ?? null;
        row.symptomDurationWeeks = dto.findings.symptomDurationWeeks ?? null;
        row.inflammation = dto.findings.inflammation ?? false;
        row.infection = dto.findings.infection ?? false;
        row.functionalImpairment = dto.findings.functionalImpairment ?? null;
      }
      if (dto.cosmeticOverrideJustification !== undefined)
        row.cosmeticOverrideJustification = dto.cosmeticOverrideJustification;
      if (dto.payerReference !== undefined) row.payerReference = dto.payerReference;
      if (dto.procedureLines !== undefined) loaded.lines = await this.replaceLines(manager, id, dto.procedureLines);
      if (dto.failedTreatments !== undefined)
        loaded.treatments = await this.replaceTreatments(manager, id, dto.failedTreatments);
      let rule = currentRule;
      if (dto.payerId !== undefined && dto.payerId !== row.payerId) {
        loaded.planType = (await manager.getRepository(Payer).findOneByOrFail({ id: dto.payerId })).planType;
        rule = await this.rules.getRule(loaded.planType, manager);
      }
      const due = computeStoredDue(snapshotOf(loaded), rule, this.config.clinicTimeZone, new Date());
      const result = await manager
        .createQueryBuilder()
        .update(PreauthCase)
        .set({
          urgency: row.urgency,
          payerId: row.payerId,
          providerId: row.providerId,
          diagnoses: row.diagnoses,
          necessityCriteria: row.necessityCriteria,
          symptoms: row.symptoms,
          symptomDurationWeeks: row.symptomDurationWeeks,
          inflammation: row.inflammation,
          infection: row.infection,
          functionalImpairment: row.functionalImpairment,
          cosmeticOverrideJustification: row.cosmeticOverrideJustification,
          payerReference: row.payerReference,
          nextDueAt: due.at,
          nextDueKind: due.kind,
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :version', { id, version: expectedVersion })
        .execute();
      if (result.affected !== 1) throw this.stale();
      await manager.getRepository(CaseEvent).insert({
        caseId: id,
        type: 'updated',
        actorId: ctx.user.id,
        data: { fields: changed },
        occurredAt: new Date(),
      });
      await this.audit.record(
        {
          action: 'update',
          objectType: 'case',
          objectId: id,
          caseId: id,
          patientId: row.patientId,
          detail: { fields: changed },
        },
        ctx,
        manager,
      );
    });
    return this.get(id, ctx, false);
  }

  async list(query: ListCasesQuery, ctx: RequestContext): Promise<CasePageDto> {
    const page = await this.readPage(query);
    await this.audit.record(
      { action: 'read', objectType: 'case_list', detail: { count: page.items.length, searched: Boolean(query.q) } },
      ctx,
    );
    return page;
  }

  /**
   * One page of the list, mapped. Its own function so that the raw rows are garbage before the
   * request waits for its audit row: under load, 16 requests' rows would otherwise survive every
   * young-generation collection meanwhile (garbage collection is a tenth of a list request's CPU).
   */
  private async readPage(query: ListCasesQuery): Promise<CasePageDto> {
    const { sql, params, limit, sortKey, reusePlan } = caseListQuery(query);
    const rows: unknown[][] = await poolQuery(this.dataSource, sql, params, {
      prepared: reusePlan,
      types: LIST_ROW_TYPES,
      rowMode: 'array',
    });
    const count = Math.min(rows.length, limit);
    const now = new Date();
    const items = new Array<CaseSummaryDto>(count);
    for (let i = 0; i < count; i++) items[i] = this.toSummary(rows[i], now);
    const last = rows[count - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({ k: last[COL[sortKey]] as string, id: last[COL.id] as string })
        : null;
    return { items, nextCursor };
  }

  /** Recompute the stored clocks of open cases of a plan type (after an admin edits its rule). */
  async recomputeDueForPlanType(planType: PlanType, rule: DeadlineRule, manager: EntityManager): Promise<number> {
    const ids = await manager.query<{ id: string }[]>(
      `SELECT c.id FROM cases c JOIN payers p ON p.id = c.payer_id WHERE p.plan_type = $1 AND c.status NOT IN ('expired','withdrawn','documented')`,
      [planType],
    );
    const now = new Date();
    for (const { id } of ids) {
      const loaded = await loadCase(manager, id);
      const due = computeStoredDue(snapshotOf(loaded), rule, this.config.clinicTimeZone, now);
      await manager.update(PreauthCase, { id }, { nextDueAt: due.at, nextDueKind: due.kind });
    }
    return ids.length;
  }

  stale(current?: number): ConflictException {
    return new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      code: 'stale_version',
      message: 'Someone changed this case since you loaded it; reload it and try again.',
      ...(current !== undefined ? { currentVersion: current } : {}),
    });
  }

  private async assertReferences(
    manager: EntityManager,
    refs: { patientId: string; payerId: string; providerId: string },
  ): Promise<void> {
    if (!(await manager.getRepository(Patient).existsBy({ id: refs.patientId })))
      throw fieldError('patientId', 'is not a known patient');
    const payer = await manager.getRepository(Payer).findOneBy({ id: refs.payerId });
    if (!payer) throw fieldError('payerId', 'is not a known payer');
    const provider = await manager.getRepository(Provider).findOneBy({ id: refs.providerId });
    if (!provider) throw fieldError('providerId', 'is not a known provider');
    if (!provider.active) throw fieldError('providerId', 'is an inactive provider');
  }

  private async replaceLines(
    manager: EntityManager,
    caseId: string,
    lines: ProcedureLineInput[],
  ): Promise<CaseProcedureLine[]> {
    const repo = manager.getRepository(CaseProcedureLine);
    await repo.delete({ caseId });
    const rows = lines.map((l, position) =>
      repo.create({
        caseId,
        position,
        cptCode: normalizeCpt(l.cpt),
        units: l.units,
        bodySite: l.bodySite,
        lesionCount: l.lesionCount,
      }),
    );
    return rows.length ? repo.save(rows) : [];
  }

  private async replaceTreatments(
    manager: EntityManager,
    caseId: string,
    treatments: FailedTreatmentInput[],
  ): Promise<CaseFailedTreatment[]> {
    const repo = manager.getRepository(CaseFailedTreatment);
    await repo.delete({ caseId });
    const rows = treatments.map((t, position) =>
      repo.create({
        caseId,
        position,
        therapy: t.therapy,
        startDate: t.startDate,
        endDate: t.endDate ?? null,
        outcome: t.outcome,
      }),
    );
    return rows.length ? repo.save(rows) : [];
  }

  private toSummary(r: unknown[], now: Date): CaseSummaryDto {
    return {
      id: r[COL.id] as string,
      caseNumber: r[COL.case_number] as string,
      status: r[COL.status] as CaseSummaryDto['status'],
      urgency: r[COL.urgency] as CaseSummaryDto['urgency'],
      patient: {
        id: r[COL.patient_id] as string,
        name: `${r[COL.patient_first_name] as string} ${r[COL.patient_last_name] as string}`,
        mrn: r[COL.patient_mrn] as string,
        dateOfBirth: r[COL.patient_dob] as string,
        memberId: (r[COL.patient_member_id] as string | null) ?? null,
      },
      payer: {
        id: r[COL.payer_id] as string,
        name: r[COL.payer_name] as string,
        planType: r[COL.payer_plan_type] as PlanType,
      },
      provider: {
        id: r[COL.provider_id] as string,
        name: providerDisplayName({
          firstName: r[COL.provider_first_name] as string,
          lastName: r[COL.provider_last_name] as string,
          credentials: r[COL.provider_credentials] as string | null,
        }),
        npi: r[COL.provider_npi] as string,
      },
      cptCodes: r[COL.cpt_codes] as string[],
      authorizationNumber: (r[COL.authorization_number] as string | null) ?? null,
      appealLevel: Number(r[COL.appeal_level]),
      currentClock: storedClockDto(
        r[COL.next_due_kind] as ClockKind | null,
        r[COL.next_due_at] ? new Date(r[COL.next_due_at] as string) : null,
        this.config.clinicTimeZone,
        now,
      ),
      version: Number(r[COL.version]),
      createdAt: isoMillis(r[COL.created_at] as string),
      updatedAt: isoMillis(r[COL.updated_at] as string),
    };
  }

  private toDetail({ loaded, patient, payer, provider, rule, events }: CaseView, ctx: RequestContext): CaseDetailDto {
    const { row } = loaded;
    const now = new Date();
    const snapshot = snapshotOf(loaded);
    const tz = this.config.clinicTimeZone;
    const clocks = computeDeadlines(snapshot, rule, { now, timeZone: tz });
    const actions = availableTransitions(snapshot, ctx.user.roles, {
      now,
      timeZone: tz,
      rules: rule,
      requireEvidence: REQUIRE_EVIDENCE,
    });
    return {
      id: row.id,
      caseNumber: row.caseNumber,
      status: row.status,
      urgency: row.urgency,
      patient: {
        id: patient.id,
        name: `${patient.firstName} ${patient.lastName}`,
        mrn: patient.mrn,
        dateOfBirth: patient.dateOfBirth,
        memberId: patient.memberId,
      },
      payer: { id: payer.id, name: payer.name, planType: payer.planType },
      provider: { id: provider.id, name: providerDisplayName(provider), npi: provider.npi },
      cptCodes: loaded.lines.map((l) => l.cptCode),
      authorizationNumber: row.authorizationNumber,
      appealLevel: row.appealLevel,
      currentClock: clocks.current ? toClockDto(clocks.current, now) : null,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      procedureLines: loaded.lines.map((l) => ({
        cpt: l.cptCode,
        units: l.units,
        bodySite: l.bodySite,
        lesionCount: l.lesionCount,
      })),
      diagnoses: row.diagnoses,
      findings: snapshot.findings,
      failedTreatments: snapshot.failedTreatments,
      cosmeticOverrideJustification: row.cosmeticOverrideJustification,
      payerReference: row.payerReference,
      approvedUnits: row.approvedUnits,
      validFrom: row.validFrom,
      validTo: row.validTo,
      denialCode: row.denialCode,
      denialText: row.denialText,
      peerToPeerDone: row.peerToPeerDone,
      previousCaseId: row.previousCaseId,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      deniedAt: row.deniedAt?.toISOString() ?? null,
      appealedAt: row.appealedAt?.toISOString() ?? null,
      closeReason: row.closeReason,
      clocks: clocks.clocks.map((c) => toClockDto(c, now)),
      readiness: computeReadiness(snapshot, { requireEvidence: REQUIRE_EVIDENCE }),
      actions: actions.map((a) => ({
        to: a.transition.to,
        action: a.transition.action,
        label: a.transition.label,
        allowedForRole: a.allowedForRole,
        blockedBy: a.blockedBy,
        enabled: a.enabled,
      })),
      editableFields: editableFields(row.status, ctx.user.roles),
      events: events.map(
        (e): CaseEventDto => ({
          id: e.id,
          type: e.type,
          fromStatus: (e.fromStatus as CaseEventDto['fromStatus']) ?? null,
          toStatus: (e.toStatus as CaseEventDto['toStatus']) ?? null,
          actorName: e.actorName ?? null,
          note: e.note ?? null,
          data: e.data ?? {},
          occurredAt: e.occurredAt.toISOString(),
          createdAt: e.createdAt.toISOString(),
        }),
      ),
    };
  }
}
