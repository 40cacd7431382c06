import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CasesService } from '../cases/cases.service';
import { ComputeDue, DeadlineRulesService } from './deadline-rules.service';
import {
  DeadlineRuleDto,
  DeadlineRulePreviewDto,
  SaveDeadlineRuleDto,
  UpdateDeadlineRuleDto,
} from './dto/deadline-rule.dto';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('deadline-rules')
@Controller('deadline-rules')
export class DeadlineRulesController {
  private readonly computeDue: ComputeDue;

  constructor(
    private readonly rules: DeadlineRulesService,
    private readonly cases: CasesService,
  ) {
    this.computeDue = (planType, rule, manager, now) => this.cases.computeDueForPlanType(planType, rule, manager, now);
  }

  @Get()
  @ApiOkResponse({ type: [DeadlineRuleDto] })
  list(): Promise<DeadlineRuleDto[]> {
    return this.rules.list();
  }

  @Post(':planType/preview')
  @HttpCode(200)
  @ApiOkResponse({ type: DeadlineRulePreviewDto, description: 'What saving this rule would do to the open cases' })
  preview(
    @Param('planType') planType: string,
    @Body() dto: UpdateDeadlineRuleDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<DeadlineRulePreviewDto> {
    return this.rules.preview(planType, dto, ctx, this.computeDue);
  }

  @Put(':planType')
  @ApiOkResponse({ type: DeadlineRuleDto })
  update(
    @Param('planType') planType: string,
    @Body() dto: SaveDeadlineRuleDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<DeadlineRuleDto> {
    return this.rules.update(planType, dto, ctx, this.computeDue, (cases, manager) =>
      this.cases.storeDue(cases, manager),
    );
  }
}
