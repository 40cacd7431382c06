import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditService } from './audit.service';
import { AuditPageDto } from './dto/audit-event.dto';
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
}
