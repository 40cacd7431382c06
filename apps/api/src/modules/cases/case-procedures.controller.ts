import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { RequestContext } from '../../common/request-context.decorator';
import { CaseProceduresService } from './case-procedures.service';
import { CaseDetailDto } from './dto/case-output.dto';
import { RecordPerformedProcedureDto, ScheduleProcedureDto } from './dto/procedure.dto';

@ApiTags('cases')
@Controller('cases/:id/procedure')
export class CaseProceduresController {
  constructor(private readonly procedures: CaseProceduresService) {}

  @Post('schedule')
  @ApiCreatedResponse({ type: CaseDetailDto, description: 'The case, with the procedure booked' })
  schedule(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ScheduleProcedureDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<CaseDetailDto> {
    return this.procedures.schedule(id, dto, ctx);
  }

  @Post('performed')
  @ApiCreatedResponse({
    type: CaseDetailDto,
    description: 'The case, with the units used; completed when every approved unit is used',
  })
  recordPerformed(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordPerformedProcedureDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<CaseDetailDto> {
    return this.procedures.recordPerformed(id, dto, ctx);
  }
}
