import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CASE_IF_MATCH, parseIfMatch, setETag } from '../../common/if-match';
import { CaseDetailDto } from '../cases/dto/case-output.dto';
import { FhirService } from './fhir.service';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('fhir')
@Controller('cases/:id/fhir')
export class FhirController {
  constructor(private readonly fhir: FhirService) {}

  @Get()
  @ApiProduces('application/fhir+json')
  @ApiOkResponse({
    description: 'Da Vinci PAS request Bundle (FHIR R4): Claim (use = preauthorization) first',
    schema: { type: 'object' },
  })
  async export(
    @Param('id', ParseUUIDPipe) id: string,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const bundle = await this.fhir.exportBundle(id, ctx);
    res.header('Content-Type', 'application/fhir+json; charset=utf-8');
    return bundle;
  }

  @Post('claim-response')
  @HttpCode(200)
  @ApiHeader(CASE_IF_MATCH)
  @ApiBody({
    description: 'A FHIR R4 ClaimResponse (Da Vinci PAS), or a Bundle containing one',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiOkResponse({ type: CaseDetailDto, description: 'The case after the transition the review action means' })
  async importClaimResponse(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CaseDetailDto> {
    const detail = await this.fhir.importClaimResponse(id, body, parseIfMatch(ifMatch), ctx);
    setETag(res, detail.version);
    return detail;
  }
}
