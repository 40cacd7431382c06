import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  BreakdownReportDto,
  ClinicMissesReportDto,
  DecisionTimesReportDto,
  DenialReasonReportDto,
  LatePayersReportDto,
  OverturnReportDto,
  ReportCsvQuery,
  ReportRangeQuery,
  SummaryReportDto,
  TrendReportDto,
} from './dto/report.dto';
import { ReportsService } from './reports.service';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @ApiOkResponse({ type: SummaryReportDto })
  summary(@Query() range: ReportRangeQuery): Promise<SummaryReportDto> {
    return this.reports.summary(range);
  }

  @Get('decision-times')
  @ApiOkResponse({ type: DecisionTimesReportDto })
  decisionTimes(@Query() range: ReportRangeQuery): Promise<DecisionTimesReportDto> {
    return this.reports.decisionTimes(range);
  }

  @Get('by-payer')
  @ApiOkResponse({ type: BreakdownReportDto })
  byPayer(@Query() range: ReportRangeQuery): Promise<BreakdownReportDto> {
    return this.reports.breakdown(range, 'payer');
  }

  @Get('by-cpt')
  @ApiOkResponse({ type: BreakdownReportDto })
  byCpt(@Query() range: ReportRangeQuery): Promise<BreakdownReportDto> {
    return this.reports.breakdown(range, 'cpt');
  }

  @Get('by-physician')
  @ApiOkResponse({ type: BreakdownReportDto })
  byPhysician(@Query() range: ReportRangeQuery): Promise<BreakdownReportDto> {
    return this.reports.breakdown(range, 'physician');
  }

  @Get('by-denial-reason')
  @ApiOkResponse({ type: DenialReasonReportDto })
  byDenialReason(@Query() range: ReportRangeQuery): Promise<DenialReasonReportDto> {
    return this.reports.denialReasons(range);
  }

  @Get('overturn-by-payer')
  @ApiOkResponse({ type: OverturnReportDto })
  overturnByPayer(@Query() range: ReportRangeQuery): Promise<OverturnReportDto> {
    return this.reports.overturnByPayer(range);
  }

  @Get('overturn-by-reason')
  @ApiOkResponse({ type: OverturnReportDto })
  overturnByReason(@Query() range: ReportRangeQuery): Promise<OverturnReportDto> {
    return this.reports.overturnByReason(range);
  }

  @Get('trend')
  @ApiOkResponse({ type: TrendReportDto })
  trend(@Query() range: ReportRangeQuery): Promise<TrendReportDto> {
    return this.reports.trend(range);
  }

  @Get('late-payers')
  @ApiOkResponse({ type: LatePayersReportDto })
  latePayers(@Query() range: ReportRangeQuery): Promise<LatePayersReportDto> {
    return this.reports.latePayers(range);
  }

  @Get('clinic-misses')
  @ApiOkResponse({ type: ClinicMissesReportDto })
  clinicMisses(@Query() range: ReportRangeQuery): Promise<ClinicMissesReportDto> {
    return this.reports.clinicMisses(range);
  }

  @Get('export')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The named table as CSV', schema: { type: 'string' } })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async export(
    @Query() query: ReportCsvQuery,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    const { table, format: _format, ...range } = query;
    res.header('Content-Disposition', `attachment; filename="preauth-${table}-${range.from}-to-${range.to}.csv"`);
    return this.reports.table(table, range, ctx);
  }
}
