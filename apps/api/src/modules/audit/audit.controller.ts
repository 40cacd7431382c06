import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditService } from './audit.service';
import { AuditActorDto, AuditChainReportDto, AuditPageDto } from './dto/audit-event.dto';
import { AuditQueryDto } from './dto/audit-query.dto';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  async list(@Query() query: AuditQueryDto, @RequestContext() ctx: RequestContext): Promise<AuditPageDto> {
    const page = await this.audit.list(query);
    // Reading the trail is itself traced (filters are ids and dates, never PHI).
    const filters = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
    await this.audit.record(
      {
        action: 'read',
        objectType: 'audit_log',
        patientId: query.patientId ?? null,
        caseId: query.caseId ?? null,
        detail: { filters, count: page.items.length },
      },
      ctx,
    );
    return page;
  }

  @Get('users')
  @ApiOkResponse({ type: [AuditActorDto], description: 'The people the trail can be filtered by' })
  users(): Promise<AuditActorDto[]> {
    return this.audit.listActors();
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOkResponse({ type: AuditChainReportDto, description: 'The hash-chain check of `npm run audit:verify`' })
  async verify(@RequestContext() ctx: RequestContext): Promise<AuditChainReportDto> {
    const report = await this.audit.verifyChain();
    await this.audit.record(
      {
        action: 'read',
        objectType: 'audit_chain',
        outcome: report.ok ? 'success' : 'failure',
        detail: { ok: report.ok, checked: report.checked, brokenId: report.brokenId },
      },
      ctx,
    );
    return report;
  }
}
