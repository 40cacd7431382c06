import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  compareStoredDue,
  DeadlineRule,
  findDeadlineRuleProblems,
  isPlanType,
  PlanType,
  type StoredDue,
} from '@preauth/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import { fieldErrors } from '../../common/validation';
import { AuditService } from '../audit/audit.service';
import type { PreauthCase } from '../cases/preauth-case.entity';
import { DeadlineRuleRow } from './deadline-rule.entity';
import {
  DeadlineRuleDto,
  DeadlineRulePreviewDto,
  PREVIEW_CASE_LIMIT,
  SaveDeadlineRuleDto,
  UpdateDeadlineRuleDto,
} from './dto/deadline-rule.dto';
import { ConflictError, NotFoundError } from '../../common/app-errors';

export function toDeadlineRule(row: DeadlineRuleRow): DeadlineRule {
  return {
    planType: row.planType,
    decisionStandardDays: row.decisionStandardDays,
    decisionExpeditedHours: row.decisionExpeditedHours,
    infoResponseDays: row.infoResponseDays,
    infoResponseExpeditedHours: row.infoResponseExpeditedHours,
    appealFilingDays: row.appealFilingDays,
    appealDecisionStandardDays: row.appealDecisionStandardDays,
    appealDecisionExpeditedHours: row.appealDecisionExpeditedHours,
    maxInternalAppealLevels: row.maxInternalAppealLevels,
    externalReviewRequestMonths: row.externalReviewRequestMonths,
    externalReviewDecisionDays: row.externalReviewDecisionDays,
    externalReviewExpeditedHours: row.externalReviewExpeditedHours,
    peerToPeerDays: row.peerToPeerDays,
    source: row.source,
  };
}

function toDto(row: DeadlineRuleRow): DeadlineRuleDto {
  return { ...toDeadlineRule(row), source: row.source, updatedAt: row.updatedAt.toISOString() } as DeadlineRuleDto;
}

/** The rule's figures from a request body (without the fields that are not part of the rule). */
function ruleFields(dto: UpdateDeadlineRuleDto): UpdateDeadlineRuleDto {
  const { expectedUpdatedAt: _expected, ...fields } = dto as SaveDeadlineRuleDto;
  return fields;
}

/** Each open case of a plan type with its stored deadline and the one a rule gives it. */
export type DueForRule = {
  row: Pick<PreauthCase, 'id' | 'caseNumber' | 'status'>;
  before: StoredDue;
  after: StoredDue;
};

/** The cases module's computation of the stored deadlines (passed in: cases depend on this module). */
export type ComputeDue = (
  planType: PlanType,
  rule: DeadlineRule,
  manager: EntityManager,
  now: Date,
) => Promise<DueForRule[]>;

@Injectable()
export class DeadlineRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<DeadlineRuleDto[]> {
    const rows = await this.dataSource.getRepository(DeadlineRuleRow).find({ order: { planType: 'ASC' } });
    return rows.map(toDto);
  }

  async getRule(planType: PlanType, manager: EntityManager = this.dataSource.manager): Promise<DeadlineRule> {
    const row = await manager.getRepository(DeadlineRuleRow).findOneBy({ planType });
    if (!row) throw new NotFoundError(`No deadline rule for plan type ${planType}.`);
    return toDeadlineRule(row);
  }

  /** The rule a request proposes, or a 400 naming each field the rules of validity refuse. */
  private proposedRule(planType: string, dto: UpdateDeadlineRuleDto): DeadlineRule {
    if (!isPlanType(planType)) throw new NotFoundError(`No deadline rule for plan type ${planType}.`);
    const rule: DeadlineRule = { ...ruleFields(dto), planType };
    const problems = findDeadlineRuleProblems(rule);
    if (problems.length) throw fieldErrors(problems, HttpStatus.BAD_REQUEST);
    return rule;
  }

  /**
   * What saving `dto` would do to the open cases, computed as the save computes it, without
   * writing anything but the trace of the read.
   */
  async preview(
    planType: string,
    dto: UpdateDeadlineRuleDto,
    ctx: RequestContext,
    computeDue: ComputeDue,
  ): Promise<DeadlineRulePreviewDto> {
    const rule = this.proposedRule(planType, dto);
    const now = new Date();
    const cases = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      if (!(await manager.getRepository(DeadlineRuleRow).existsBy({ planType: rule.planType }))) {
        throw new NotFoundError(`No deadline rule for plan type ${planType}.`);
      }
      return computeDue(rule.planType, rule, manager, now);
    });
    const changed = cases.map((c) => ({ ...c, ...compareStoredDue(c.before, c.after, now) })).filter((c) => c.changed);
    const preview: DeadlineRulePreviewDto = {
      planType: rule.planType,
      openCases: cases.length,
      changed: changed.length,
      becomeOverdue: changed.filter((c) => c.becomesOverdue).length,
      cases: changed.slice(0, PREVIEW_CASE_LIMIT).map((c) => ({
        caseId: c.row.id,
        caseNumber: c.row.caseNumber,
        status: c.row.status,
        dueBefore: c.before.at?.toISOString() ?? null,
        kindBefore: c.before.kind,
        dueAfter: c.after.at?.toISOString() ?? null,
        kindAfter: c.after.kind,
        becomesOverdue: c.becomesOverdue,
      })),
    };
    // Case numbers and dates, no patient data; traced as every read of case lists is.
    await this.audit.record(
      {
        action: 'read',
        objectType: 'deadline_rule_preview',
        objectId: rule.planType,
        detail: { openCases: preview.openCases, changed: preview.changed },
      },
      ctx,
    );
    return preview;
  }

  /**
   * Replace a plan type's rule. Stored clocks of open cases move with it, in the same
   * transaction as the rule and its audit row.
   */
  async update(
    planType: string,
    dto: SaveDeadlineRuleDto,
    ctx: RequestContext,
    computeDue: ComputeDue,
    applyDue: (cases: DueForRule[], manager: EntityManager) => Promise<void>,
  ): Promise<DeadlineRuleDto> {
    const rule = this.proposedRule(planType, dto);
    const fields = ruleFields(dto);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(DeadlineRuleRow);
      const row = await repo.findOne({ where: { planType: rule.planType }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError(`No deadline rule for plan type ${planType}.`);
      if (dto.expectedUpdatedAt && Date.parse(dto.expectedUpdatedAt) !== row.updatedAt.getTime()) {
        throw new ConflictError(
          'Someone changed this rule since you opened it; reload it, check the preview again and save.',
          'stale_version',
          { updatedAt: row.updatedAt.toISOString() },
        );
      }
      const before = toDeadlineRule(row);
      Object.assign(row, fields, { updatedBy: ctx.user.id });
      const saved = await repo.save(row);
      const cases = await computeDue(rule.planType, toDeadlineRule(saved), manager, new Date());
      await applyDue(cases, manager);
      // The figures are clinic settings, not PHI: the trail keeps what each was and became.
      const changes = Object.fromEntries(
        (Object.keys(fields) as (keyof UpdateDeadlineRuleDto)[])
          .filter((key) => (before[key] ?? null) !== (fields[key] ?? null))
          .map((key) => [key, { from: before[key] ?? null, to: fields[key] ?? null }]),
      );
      await this.audit.record(
        {
          action: 'update',
          objectType: 'deadline_rule',
          objectId: rule.planType,
          detail: {
            changes,
            casesRecomputed: cases.length,
            casesMoved: cases.filter((c) => c.before.at?.getTime() !== c.after.at?.getTime()).length,
          },
        },
        ctx,
        manager,
      );
      return toDto(saved);
    });
  }
}
