import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CASE_IF_MATCH, parseIfMatch, setETag } from '../../common/if-match';
import { CaseTransitionsService } from './case-transitions.service';
import { CasesService } from './cases.service';
import { CorrectStepDto, ReverseStepDto, UndoStepDto } from './dto/case-correction.dto';
import {
  CreateCaseDto,
  ExportCasesQuery,
  ListCasesQuery,
  TransitionCaseDto,
  UpdateCaseDto,
} from './dto/case-input.dto';
import { CaseCountDto, CaseDetailDto, CasePageDto, ReadinessDto } from './dto/case-output.dto';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly transitions: CaseTransitionsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: CasePageDto })
  list(@Query() query: ListCasesQuery, @RequestContext() ctx: RequestContext): Promise<CasePageDto> {
    return this.cases.list(query, ctx);
  }

  // The same filters as the list (its order and cursor aside): the figure a report links to.
  @Get('count')
  @ApiOkResponse({ type: CaseCountDto })
  count(@Query() query: ListCasesQuery): Promise<CaseCountDto> {
    return this.cases.count(query);
  }

  @Get('export')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'Every case the filters match, in the list order, as CSV', schema: { type: 'string' } })
  async export(@Query() query: ExportCasesQuery, @RequestContext() ctx: RequestContext): Promise<StreamableFile> {
    return new StreamableFile(await this.cases.exportCsv(query, ctx), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="preauth-cases.csv"`,
    });
  }

  @Post()
  @ApiCreatedResponse({ type: CaseDetailDto })
  async create(
    @Body() dto: CreateCaseDto,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CaseDetailDto> {
    const detail = await this.cases.create(dto, ctx);
    setETag(res, detail.version);
    return detail;
  }

  @Get(':id')
  @ApiOkResponse({ type: CaseDetailDto })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CaseDetailDto> {
    const detail = await this.cases.get(id, ctx);
    setETag(res, detail.version);
    return detail;
  }

  @Get(':id/readiness')
  @ApiOkResponse({ type: ReadinessDto })
  readiness(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<ReadinessDto> {
    return this.cases.readiness(id, ctx);
  }

  @Patch(':id')
  @ApiHeader(CASE_IF_MATCH)
  @ApiOkResponse({ type: CaseDetailDto })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCaseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CaseDetailDto> {
    const detail = await this.cases.update(id, dto, parseIfMatch(ifMatch), ctx);
    setETag(res, detail.version);
    return detail;
  }

  @Post(':id/transitions')
  @ApiHeader(CASE_IF_MATCH)
  @ApiCreatedResponse({ type: CaseDetailDto })
  async transition(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TransitionCaseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CaseDetailDto> {
    const detail = await this.transitions.transition(id, dto, parseIfMatch(ifMatch), ctx);
    setETag(res, detail.version);
    return detail;
  }

  // A step recorded by mistake is taken back by a new event; the step itself stays in the history.
  @Post(':id/events/:eventId/undo')
  @ApiHeader(CASE_IF_MATCH)
  @ApiCreatedResponse({ type: CaseDetailDto })
  async undo(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('eventId') eventId: string,
    @Body() dto: UndoStepDto,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CaseDetailDto> {
    const detail = await this.transitions.correct(id, eventId, 'undo', dto, parseIfMatch(ifMatch), ctx);
    setETag(res, detail.version);
    return detail;
  }

  @Post(':id/events/:eventId/reversal')
  @ApiHeader(CASE_IF_MATCH)
  @ApiCreatedResponse({ type: CaseDetailDto })
  async reverse(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('eventId') eventId: string,
    @Body() dto: ReverseStepDto,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CaseDetailDto> {
    const detail = await this.transitions.correct(id, eventId, 'reversal', dto, parseIfMatch(ifMatch), ctx);
    setETag(res, detail.version);
    return detail;
  }

  @Post(':id/events/:eventId/correction')
  @ApiHeader(CASE_IF_MATCH)
  @ApiCreatedResponse({ type: CaseDetailDto })
  async correct(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('eventId') eventId: string,
    @Body() dto: CorrectStepDto,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CaseDetailDto> {
    const detail = await this.transitions.correct(id, eventId, 'correction', dto, parseIfMatch(ifMatch), ctx);
    setETag(res, detail.version);
    return detail;
  }
}
