import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CASE_IF_MATCH, parseIfMatch, setETag } from '../../common/if-match';
import { buildRequestContext } from '../../common/request-context';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { CaseTransitionsService } from './case-transitions.service';
import { CasesService } from './cases.service';
import { CreateCaseDto, ListCasesQuery, TransitionCaseDto, UpdateCaseDto } from './dto/case-input.dto';
import { CaseDetailDto, CasePageDto, ReadinessDto } from './dto/case-output.dto';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly transitions: CaseTransitionsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: CasePageDto })
  list(
    @Query() query: ListCasesQuery,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<CasePageDto> {
    return this.cases.list(query, buildRequestContext(req, user));
  }

  @Post()
  @ApiCreatedResponse({ type: CaseDetailDto })
  async create(
    @Body() dto: CreateCaseDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CaseDetailDto> {
    const detail = await this.cases.create(dto, buildRequestContext(req, user));
    setETag(res, detail.version);
    return detail;
  }

  @Get(':id')
  @ApiOkResponse({ type: CaseDetailDto })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CaseDetailDto> {
    const detail = await this.cases.get(id, buildRequestContext(req, user));
    setETag(res, detail.version);
    return detail;
  }

  @Get(':id/readiness')
  @ApiOkResponse({ type: ReadinessDto })
  readiness(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<ReadinessDto> {
    return this.cases.readiness(id, buildRequestContext(req, user));
  }

  @Patch(':id')
  @ApiHeader(CASE_IF_MATCH)
  @ApiOkResponse({ type: CaseDetailDto })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCaseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CaseDetailDto> {
    const detail = await this.cases.update(id, dto, parseIfMatch(ifMatch), buildRequestContext(req, user));
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
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CaseDetailDto> {
    const detail = await this.transitions.transition(id, dto, parseIfMatch(ifMatch), buildRequestContext(req, user));
    setETag(res, detail.version);
    return detail;
  }
}
