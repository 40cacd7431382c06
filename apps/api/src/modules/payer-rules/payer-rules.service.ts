import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkPayerRule,
  normalizeCpt,
  selectPayerRule,
  type PayerRuleContent,
  type PayerRuleKey,
  type PlanType,
} from '@preauth/domain';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { fieldErrors } from '../../common/validation';
import { AuditService } from '../audit/audit.service';
import type {
  ImportPayerRulesResultDto,
  PayerRuleContentDto,
  PayerRuleDto,
  PayerRuleLookupDto,
  SavePayerRuleDto,
} from './dto/payer-rule.dto';
import { parsePayerRulesCsv, payerRulesCsv } from './payer-rules.csv';
import {
  findRuleVersion,
  insertRuleVersion,
  latestVersionNumber,
  listCurrentRules,
  listRuleVersions,
  type StoredPayerRule,
} from './payer-rules.query';

function toContent(dto: PayerRuleContentDto): PayerRuleContent {
  const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
  return {
    priorAuth: dto.priorAuth,
    criteria: [...new Set(dto.criteria)],
    minSymptomWeeks: dto.minSymptomWeeks ?? null,
    minFailedTreatments: dto.minFailedTreatments ?? null,
    photosRequired: dto.photosRequired,
    documents: [...new Set(dto.documents)],
    policyName: text(dto.policyName),
    policyUrl: text(dto.policyUrl),
    policyVersion: text(dto.policyVersion),
    policyCheckedOn: text(dto.policyCheckedOn),
    portalUrl: text(dto.portalUrl),
    fax: text(dto.fax),
    phone: text(dto.phone),
    electronicEndpoint: text(dto.electronicEndpoint),
    appealAddress: text(dto.appealAddress),
    notes: text(dto.notes),
  };
}

function contentOf(rule: StoredPayerRule): PayerRuleContent {
  const { id: _id, version: _v, payerId: _p, planType: _t, cptCode: _c, payerName: _n, payerCode: _pc, ...rest } = rule;
  const { createdAt: _at, createdByName: _by, ...content } = rest;
  return content;
}

@Injectable()
export class PayerRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(payerId?: string): Promise<PayerRuleDto[]> {
    return listCurrentRules(this.dataSource.manager, payerId);
  }

  async versions(key: PayerRuleKey): Promise<PayerRuleDto[]> {
    const versions = await listRuleVersions(this.dataSource.manager, { ...key, cptCode: normalizeCpt(key.cptCode) });
    if (versions.length === 0) throw new NotFoundError('No rule for this payer, plan type and CPT code.');
    return versions;
  }

  async getVersion(id: string): Promise<PayerRuleDto> {
    const rule = await findRuleVersion(this.dataSource.manager, id);
    if (!rule) throw new NotFoundError('No such payer rule version.');
    return rule;
  }

  /** What the new-case form says about a payer and CPT code: the rule for the payer's plan type. */
  async lookup(payerId: string, cptCode: string): Promise<PayerRuleLookupDto> {
    const [payer] = await this.dataSource.query<{ name: string; plan_type: PlanType }[]>(
      `SELECT name, plan_type FROM payers WHERE id = $1`,
      [payerId],
    );
    if (!payer) throw new NotFoundError('No such payer.');
    const cpt = normalizeCpt(cptCode);
    const rule = selectPayerRule(await listCurrentRules(this.dataSource.manager, payerId), {
      payerId,
      planType: payer.plan_type,
      cptCode: cpt,
    }) as StoredPayerRule | undefined;
    return { payerName: payer.name, cptCode: cpt, priorAuth: rule?.priorAuth ?? 'unknown', rule: rule ?? null };
  }

  /** A new version of the rule (the first one for a new key); the versions before it stay as they were. */
  async save(dto: SavePayerRuleDto, ctx: RequestContext): Promise<PayerRuleDto> {
    const key: PayerRuleKey = {
      payerId: dto.payerId,
      planType: dto.planType ?? null,
      cptCode: normalizeCpt(dto.cptCode),
    };
    const content = toContent(dto);
    const problems = checkPayerRule({ ...key, ...content });
    if (problems.length) throw fieldErrors(problems);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.lockPayer(manager, key.payerId);
      const current = await latestVersionNumber(manager, key);
      if (dto.baseVersion !== undefined && dto.baseVersion !== current) {
        throw new ConflictError(
          `Someone saved version ${current} of this rule since you opened it; reload it and edit again.`,
          'stale_version',
          { currentVersion: current },
        );
      }
      return this.addVersion(manager, key, current + 1, content, ctx, 'api');
    });
    return this.getVersion(id);
  }

  async exportCsv(ctx: RequestContext): Promise<string> {
    const rules = await listCurrentRules(this.dataSource.manager);
    await this.audit.record({ action: 'export', objectType: 'payer_rules', detail: { rows: rules.length } }, ctx);
    return payerRulesCsv(rules);
  }

  /**
   * Every row checked first (errors name the row and column); then, in one transaction, each row
   * that differs from its rule's current version adds a version. Any error writes nothing.
   */
  async importCsv(csv: string, ctx: RequestContext): Promise<ImportPayerRulesResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const payers = await manager.query<{ id: string; payer_code: string }[]>(
        `SELECT id, payer_code FROM payers ORDER BY id FOR UPDATE`,
      );
      const { rows, errors } = parsePayerRulesCsv(csv, new Map(payers.map((p) => [p.payer_code, p.id])));
      if (errors.length) {
        throw fieldErrors(
          errors.map((e) => ({
            field: e.column ? `row ${e.row}, column ${e.column}` : `row ${e.row}`,
            reason: e.reason,
          })),
        );
      }
      const current = await listCurrentRules(manager);
      let created = 0;
      for (const { key, content } of rows) {
        const existing = current.find(
          (r) => r.payerId === key.payerId && r.planType === key.planType && r.cptCode === key.cptCode,
        );
        if (existing && isDeepStrictEqual(contentOf(existing), content)) continue;
        await this.addVersion(manager, key, (existing?.version ?? 0) + 1, content, ctx, 'csv_import');
        created += 1;
      }
      return { created, unchanged: rows.length - created };
    });
  }

  // Versions of one payer's rules are numbered one at a time.
  private async lockPayer(manager: EntityManager, payerId: string): Promise<void> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM payers WHERE id = $1 FOR UPDATE`, [payerId]);
    if (rows.length === 0) throw fieldErrors([{ field: 'payerId', reason: 'is not a payer' }]);
  }

  private async addVersion(
    manager: EntityManager,
    key: PayerRuleKey,
    version: number,
    content: PayerRuleContent,
    ctx: RequestContext,
    source: 'api' | 'csv_import',
  ): Promise<string> {
    const id = await insertRuleVersion(manager, key, version, content, ctx.user.id);
    await this.audit.record(
      {
        action: 'create',
        objectType: 'payer_rule',
        objectId: id,
        detail: { payerId: key.payerId, planType: key.planType, cptCode: key.cptCode, version, source },
      },
      ctx,
      manager,
    );
    return id;
  }
}
