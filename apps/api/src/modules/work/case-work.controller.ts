import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { RequestContext } from '../../common/request-context.decorator';
import { CaseBulkService } from './case-bulk.service';
import { CaseWorkService } from './case-work.service';
import {
  BulkAddTagDto,
  BulkResultDto,
  BulkSetFollowUpDto,
  BulkSetOwnerDto,
  CaseWorkDto,
  CreateTaskDto,
  FollowUpItemDto,
  LogPayerCallDto,
  SetFollowUpDto,
  SetOwnerDto,
  StaffUserDto,
  TaskDto,
} from './dto/work.dto';

@ApiTags('work')
@Controller()
export class CaseWorkController {
  constructor(
    private readonly work: CaseWorkService,
    private readonly bulk: CaseBulkService,
  ) {}

  @Get('staff')
  @ApiOkResponse({ type: [StaffUserDto] })
  staff(): Promise<StaffUserDto[]> {
    return this.work.staff();
  }

  @Get('cases/:id/work')
  @ApiOkResponse({ type: CaseWorkDto })
  caseWork(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<CaseWorkDto> {
    return this.work.work(id, ctx);
  }

  @Put('cases/:id/owner')
  @ApiOkResponse({ type: CaseWorkDto })
  setOwner(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetOwnerDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<CaseWorkDto> {
    return this.work.setOwner(id, dto.ownerId, ctx);
  }

  @Put('cases/:id/follow-up')
  @ApiOkResponse({ type: CaseWorkDto })
  setFollowUp(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetFollowUpDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<CaseWorkDto> {
    return this.work.setFollowUp(id, dto, ctx);
  }

  @Post('cases/bulk/owner')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkResultDto })
  @ApiUnprocessableEntityResponse({
    description: 'Some cases refuse the change (code bulk_refused, refused: [...]); none changed',
  })
  bulkOwner(@Body() dto: BulkSetOwnerDto, @RequestContext() ctx: RequestContext): Promise<BulkResultDto> {
    return this.bulk.setOwner(dto, ctx);
  }

  @Post('cases/bulk/follow-up')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkResultDto })
  @ApiUnprocessableEntityResponse({
    description: 'Some cases refuse the change (code bulk_refused, refused: [...]); none changed',
  })
  bulkFollowUp(@Body() dto: BulkSetFollowUpDto, @RequestContext() ctx: RequestContext): Promise<BulkResultDto> {
    return this.bulk.setFollowUp(dto, ctx);
  }

  @Post('cases/bulk/tag')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkResultDto })
  @ApiUnprocessableEntityResponse({
    description: 'Some cases refuse the tag (code bulk_refused, refused: [...]); none changed',
  })
  bulkTag(@Body() dto: BulkAddTagDto, @RequestContext() ctx: RequestContext): Promise<BulkResultDto> {
    return this.bulk.addTag(dto, ctx);
  }

  @Post('cases/:id/payer-calls')
  @ApiCreatedResponse({ type: CaseWorkDto })
  logPayerCall(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: LogPayerCallDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<CaseWorkDto> {
    return this.work.logPayerCall(id, dto, ctx);
  }

  @Get('follow-ups')
  @ApiOkResponse({ type: [FollowUpItemDto], description: 'Open cases whose follow-up is due today or overdue' })
  followUps(@RequestContext() ctx: RequestContext): Promise<FollowUpItemDto[]> {
    return this.work.followUpsDue(ctx);
  }

  @Post('cases/:id/tasks')
  @ApiCreatedResponse({ type: TaskDto })
  createTask(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateTaskDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<TaskDto> {
    return this.work.createTask(id, dto, ctx);
  }

  @Get('tasks')
  @ApiOkResponse({ type: [TaskDto], description: 'Open tasks for me or my roles, soonest due first' })
  myTasks(@RequestContext() ctx: RequestContext): Promise<TaskDto[]> {
    return this.work.mine(ctx);
  }

  @Post('tasks/:id/done')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskDto })
  done(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<TaskDto> {
    return this.work.closeTask(id, 'done', ctx);
  }

  @Post('tasks/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskDto })
  cancel(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<TaskDto> {
    return this.work.closeTask(id, 'cancelled', ctx);
  }
}
