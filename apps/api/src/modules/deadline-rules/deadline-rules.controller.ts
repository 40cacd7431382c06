import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CasesService } from '../cases/cases.service';
import { DeadlineRulesService } from './deadline-rules.service';
import { DeadlineRuleDto, UpdateDeadlineRuleDto } from './dto/deadline-rule.dto';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('deadline-rules')
@Controller('deadline-rules')
export class DeadlineRulesController {
  constructor(
    private readonly rules: DeadlineRulesService,
    private readonly cases: CasesService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [DeadlineRuleDto] })
  list(): Promise<DeadlineRuleDto[]> {
    return this.rules.list();
  }

  @Put(':planType')
  @ApiOkResponse({ type: DeadlineRuleDto })
  update(
    @Param('planType') planType: string,
    @Body() dto: UpdateDeadlineRuleDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<DeadlineRuleDto> {
    return this.rules.update(planType, dto, ctx, (type, rule, manager) =>
      this.cases.recomputeDueForPlanType(type, rule, manager),
    );
  }
}
