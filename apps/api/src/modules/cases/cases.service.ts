import type { Readable } from 'node:stream';
import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  computeReadiness,
  computeStoredDue,
  editableFields,
  icd10Problems,
  normalizeIcd10,
  describeIcd10Release,
  type DeadlineRule,
  type Icd10ReleaseCheck,
  type PlanType,
} from '@preauth/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, StaleVersionError } from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { fieldError } from '../../common/validation';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { CarcDescriptionsService } from '../codes/carc-descriptions.service';
import { checkIcd10 } from '../codes/icd10-check';
import { assertMayWriteClinicalFindings } from '../auth/field-rules';
import { DeadlineRulesService, type DueForRule } from '../deadline-rules/deadline-rules.service';
import { Patient } from '../patients/patient.entity';
import { Payer } from '../payers/payer.entity';
import { Provider } from '../providers/provider.entity';
import { replaceFailedTreatments, replaceProcedureLines, updateCaseAtVersion } from './case.repository';
import { toCaseDetail } from './case-detail.mapper';
import { CaseEvent } from './case-event.entity';
import { caseListCsv } from './case-list.export';
import { countCases, readCasePage } from './case-list.query';
import { loadCase, loadCaseForUpdate, loadCaseView, REQUIRE_EVIDENCE, snapshotOf } from './case-loader';
import { CreateCaseDto, ExportCasesQuery, ListCasesQuery, UpdateCaseDto } from './dto/case-input.dto';
import { CaseCountDto, CaseDetailDto, CasePageDto, ReadinessDto } from './dto/case-output.dto';
import { PreauthCase } from './preauth-case.entity';

/**
 * A diagnosis a payer would refuse (not a billable code of the release for the date of service,
 * or a category) is refused on the way in, so the case never holds one: 400 naming the field.
 */
async function assertDiagnosesInRelease(
  manager: EntityManager,
  diagnoses: readonly string[],
  plannedServiceDate: string | null,
): Promise<Icd10ReleaseCheck | null> {
  const check = await checkIcd10(manager, diagnoses, plannedServiceDate);
  if (!check) {
    if (diagnoses.length)
      throw fieldError('diagnoses', 'cannot be checked: no ICD-10-CM release is loaded (npm run codes:load)', 422);
    return null;
  }
  const problems = icd10Problems(diagnoses, check);
  if (problems.length) {
    const release = check.coversServiceDate ? '' : ` (${describeIcd10Release(check)})`;
    throw fieldError('diagnoses', `${problems.join(' ')}${release}`, 400, problems.join(' '));
  }
  return check;
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

/** The filters of an export as its audit row keeps them: the search text is patient data, so only whether there was one. */
function exportedFilters(query: ListCasesQuery): Record<string, unknown> {
  const { q, cursor: _cursor, limit: _limit, ...filters } = query;
  return { ...filters, searched: Boolean(q) };
}

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly rules: DeadlineRulesService,
    private readonly carc: CarcDescriptionsService,
  ) {}

  async create(dto: CreateCaseDto, ctx: RequestContext): Promise<CaseDetailDto> {
    assertMayWriteClinicalFindings(ctx.user, clinicalChanges(dto));
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertReferences(manager, dto);
      await assertDiagnosesInRelease(
        manager,
        (dto.diagnoses ?? []).map(normalizeIcd10),
        dto.plannedServiceDate ?? null,
      );
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
        plannedServiceDate: dto.plannedServiceDate ?? null,
        necessityCriteria: dto.findings?.criteria ?? [],
        symptoms: dto.findings?.symptoms ?? null,
        symptomDurationWeeks: dto.findings?.symptomDurationWeeks ?? null,
        inflammation: dto.findings?.inflammation ?? false,
        infection: dto.findings?.infection ?? false,
        functionalImpairment: dto.findings?.functionalImpairment ?? null,
        cosmeticOverrideJustification: dto.cosmeticOverrideJustification ?? null,
        payerReference: dto.payerReference ?? null,
        createdById: ctx.user.id,
        ownerId: ctx.user.id,
      });
      const saved = await manager.getRepository(PreauthCase).save(row);
      await replaceProcedureLines(manager, saved.id, dto.procedureLines ?? []);
      await replaceFailedTreatments(manager, saved.id, dto.failedTreatments ?? []);
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
    const denialDescription = await this.carc.describe(view.loaded.row.denialCode);
    return toCaseDetail(view, ctx.user, this.config.clinicTimeZone, denialDescription);
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
      if (row.version !== expectedVersion) throw StaleVersionError.ofCase(row.version);
      const allowed = editableFields(row.status, ctx.user.roles);
      const refused = changed.filter((f) => !allowed.includes(f));
      if (refused.length) {
        throw new ConflictError(
          row.status === 'denied'
            ? 'A denied request cannot be edited; open a corrected request linked to it instead.'
            : `In state "${row.status}" these fields cannot be changed: ${refused.join(', ')}.`,
          undefined,
          { errors: refused.map((field) => ({ field, reason: `cannot be changed while the case is ${row.status}` })) },
        );
      }
      await this.assertReferences(manager, {
        patientId: row.patientId,
        payerId: dto.payerId ?? row.payerId,
        providerId: dto.providerId ?? row.providerId,
        currentPayerId: row.payerId,
      });
      if (dto.urgency !== undefined) row.urgency = dto.urgency;
      if (dto.payerId !== undefined) row.payerId = dto.payerId;
      if (dto.providerId !== undefined) row.providerId = dto.providerId;
      if (dto.diagnoses !== undefined) row.diagnoses = dto.diagnoses.map(normalizeIcd10);
      if (dto.plannedServiceDate !== undefined) row.plannedServiceDate = dto.plannedServiceDate;
      if (dto.diagnoses !== undefined || dto.plannedServiceDate !== undefined)
        loaded.icd10 = await assertDiagnosesInRelease(manager, row.diagnoses, row.plannedServiceDate);
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
      if (dto.procedureLines !== undefined) loaded.lines = await replaceProcedureLines(manager, id, dto.procedureLines);
      if (dto.failedTreatments !== undefined)
        loaded.treatments = await replaceFailedTreatments(manager, id, dto.failedTreatments);
      let rule = currentRule;
      if (dto.payerId !== undefined && dto.payerId !== row.payerId) {
        loaded.planType = (await manager.getRepository(Payer).findOneByOrFail({ id: dto.payerId })).planType;
        rule = await this.rules.getRule(loaded.planType, manager);
      }
      const due = computeStoredDue(snapshotOf(loaded), rule, this.config.clinicTimeZone, new Date());
      await updateCaseAtVersion(manager, id, expectedVersion, {
        urgency: row.urgency,
        payerId: row.payerId,
        providerId: row.providerId,
        diagnoses: row.diagnoses,
        plannedServiceDate: row.plannedServiceDate,
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
      });
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
    const owner = query.owner === 'me' ? ctx.user.id : query.owner;
    const page = await readCasePage(this.dataSource, { ...query, owner }, this.config.clinicTimeZone);
    await this.audit.record(
      { action: 'read', objectType: 'case_list', detail: { count: page.items.length, searched: Boolean(query.q) } },
      ctx,
    );
    return page;
  }

  /** The list's cases as a CSV stream; the export is audited before the first row leaves. */
  async exportCsv(query: ExportCasesQuery, ctx: RequestContext): Promise<Readable> {
    const csv = caseListCsv(this.dataSource, query, this.config.clinicTimeZone);
    await this.audit.record(
      { action: 'export', objectType: 'case_list', detail: { filters: exportedFilters(query) } },
      ctx,
    );
    return csv;
  }

  count(query: ListCasesQuery): Promise<CaseCountDto> {
    return countCases(this.dataSource, query, this.config.clinicTimeZone);
  }

  /** Recompute the stored clocks of open cases of a plan type (after an admin edits its rule). */
  /**
   * Each open case of a plan type with its stored deadline and the one `rule` gives it now: the
   * same computation a transition stores, so a rule's preview and its save cannot disagree.
   */
  async computeDueForPlanType(
    planType: PlanType,
    rule: DeadlineRule,
    manager: EntityManager,
    now: Date,
  ): Promise<DueForRule[]> {
    const ids = await manager.query<{ id: string }[]>(
      `SELECT c.id FROM cases c JOIN payers p ON p.id = c.payer_id
        WHERE p.plan_type = $1 AND c.status NOT IN ('expired','withdrawn','completed','documented')
        ORDER BY c.case_number`,
      [planType],
    );
    const result: DueForRule[] = [];
    for (const { id } of ids) {
      const loaded = await loadCase(manager, id);
      result.push({
        row: loaded.row,
        before: { at: loaded.row.nextDueAt, kind: loaded.row.nextDueKind },
        after: computeStoredDue(snapshotOf(loaded), rule, this.config.clinicTimeZone, now),
      });
    }
    return result;
  }

  async storeDue(cases: readonly DueForRule[], manager: EntityManager): Promise<void> {
    for (const { row, after } of cases) {
      await manager.update(PreauthCase, { id: row.id }, { nextDueAt: after.at, nextDueKind: after.kind });
    }
  }

  private async assertReferences(
    manager: EntityManager,
    refs: { patientId: string; payerId: string; providerId: string; currentPayerId?: string },
  ): Promise<void> {
    if (!(await manager.getRepository(Patient).existsBy({ id: refs.patientId })))
      throw fieldError('patientId', 'is not a known patient');
    const payer = await manager.getRepository(Payer).findOneBy({ id: refs.payerId });
    if (!payer) throw fieldError('payerId', 'is not a known payer');
    // An archived payer stays on the cases that have it, and is not chosen for any other.
    if (!payer.active && payer.id !== refs.currentPayerId) throw fieldError('payerId', 'is an archived payer');
    const provider = await manager.getRepository(Provider).findOneBy({ id: refs.providerId });
    if (!provider) throw fieldError('providerId', 'is not a known provider');
    if (!provider.active) throw fieldError('providerId', 'is an inactive provider');
  }
}
