import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { buildRequestContext } from '../../common/request-context';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { CasesService } from '../cases/cases.service';
import { DeadlineRulesService } from './deadline-rules.service';
import { DeadlineRuleDto, UpdateDeadlineRuleDto } from './dto/deadline-rule.dto';

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
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<DeadlineRuleDto> {
    return this.rules.update(planType, dto, buildRequestContext(req, user), (type, rule, manager) =>
      this.cases.recomputeDueForPlanType(type, rule, manager),
    );
  }
}
