import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeadlineRule, isPlanType, PlanType, validateDeadlineRule } from '@preauth/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import { AuditService } from '../audit/audit.service';
import { DeadlineRuleRow } from './deadline-rule.entity';
import { DeadlineRuleDto, UpdateDeadlineRuleDto } from './dto/deadline-rule.dto';
import { NotFoundError } from '../../common/app-errors';

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

  /**
   * Replace a plan type's rule. Stored clocks of open cases move with it: `onChanged` lets the
   * cases module recompute them in the same transaction.
   */
  async update(
    planType: string,
    dto: UpdateDeadlineRuleDto,
    ctx: RequestContext,
    onChanged: (planType: PlanType, rule: DeadlineRule, manager: EntityManager) => Promise<number>,
  ): Promise<DeadlineRuleDto> {
    if (!isPlanType(planType)) throw new NotFoundError(`No deadline rule for plan type ${planType}.`);
    const rule: DeadlineRule = { ...dto, planType };
    const problems = validateDeadlineRule(rule);
    if (problems.length) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: problems.join(' '),
        errors: problems.map((reason) => ({ field: 'rule', reason })),
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(DeadlineRuleRow);
      const row = await repo.findOne({ where: { planType }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError(`No deadline rule for plan type ${planType}.`);
      Object.assign(row, dto, { updatedBy: ctx.user.id });
      const saved = await repo.save(row);
      const recomputed = await onChanged(planType, toDeadlineRule(saved), manager);
      await this.audit.record(
        {
          action: 'update',
          objectType: 'deadline_rule',
          objectId: planType,
          detail: { fields: Object.keys(dto), casesRecomputed: recomputed },
        },
        ctx,
        manager,
      );
      return toDto(saved);
    });
  }
}
