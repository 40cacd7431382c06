import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RequestContext } from '../../common/request-context.decorator';
import {
  ImportPayerRulesDto,
  ImportPayerRulesResultDto,
  PayerRuleDto,
  PayerRuleKeyQuery,
  PayerRuleListQuery,
  PayerRuleLookupDto,
  PayerRuleLookupQuery,
  SavePayerRuleDto,
} from './dto/payer-rule.dto';
import { PayerRulesService } from './payer-rules.service';

@ApiTags('payer-rules')
@Controller('payer-rules')
export class PayerRulesController {
  constructor(private readonly rules: PayerRulesService) {}

  @Get()
  @ApiOkResponse({ type: [PayerRuleDto], description: 'The current version of every rule' })
  list(@Query() query: PayerRuleListQuery): Promise<PayerRuleDto[]> {
    return this.rules.list(query.payerId);
  }

  @Get('lookup')
  @ApiOkResponse({ type: PayerRuleLookupDto, description: "The rule for a payer's plan type and a CPT code" })
  lookup(@Query() query: PayerRuleLookupQuery): Promise<PayerRuleLookupDto> {
    return this.rules.lookup(query.payerId, query.cptCode);
  }

  @Get('versions')
  @ApiOkResponse({ type: [PayerRuleDto], description: 'Every version of one rule, newest first' })
  versions(@Query() query: PayerRuleKeyQuery): Promise<PayerRuleDto[]> {
    return this.rules.versions({ payerId: query.payerId, planType: query.planType ?? null, cptCode: query.cptCode });
  }

  @Get('export')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The current rules as CSV (the import reads the same columns)' })
  async export(@RequestContext() ctx: RequestContext): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await this.rules.exportCsv(ctx), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="payer-rules.csv"',
    });
  }

  @Post('import')
  @HttpCode(200)
  @ApiOkResponse({
    type: ImportPayerRulesResultDto,
    description: 'All rows written, or none (400 naming row and column)',
  })
  import(@Body() dto: ImportPayerRulesDto, @RequestContext() ctx: RequestContext): Promise<ImportPayerRulesResultDto> {
    return this.rules.importCsv(dto.csv, ctx);
  }

  @Get(':id')
  @ApiOkResponse({ type: PayerRuleDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PayerRuleDto> {
    return this.rules.getVersion(id);
  }

  @Post()
  @ApiCreatedResponse({ type: PayerRuleDto, description: 'The new version (an edit never changes an old one)' })
  @ApiConflictResponse({ description: 'The rule has a newer version than baseVersion (code stale_version)' })
  save(@Body() dto: SavePayerRuleDto, @RequestContext() ctx: RequestContext): Promise<PayerRuleDto> {
    return this.rules.save(dto, ctx);
  }
}
