import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CASE_IF_MATCH, parseIfMatch, setETag } from '../../common/if-match';
import { CaseDetailDto } from '../cases/dto/case-output.dto';
import { FhirService } from './fhir.service';
import { REQUEST_PURPOSES, type RequestPurpose } from './pas-bundle';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('fhir')
@Controller('cases/:id/fhir')
export class FhirController {
  constructor(private readonly fhir: FhirService) {}

  @Get()
  @ApiProduces('application/fhir+json')
  @ApiQuery({
    name: 'purpose',
    required: false,
    enum: REQUEST_PURPOSES,
    description:
      "What the request asks: the first request, more information, an appeal, an extension or a cancellation. Defaults to what the case's status calls for; all but the first are Claim updates of the first.",
  })
  @ApiOkResponse({
    description: 'Da Vinci PAS request Bundle (FHIR R4): Claim (use = preauthorization) first',
    schema: { type: 'object' },
  })
  async export(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('purpose') purpose: string | undefined,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    if (purpose !== undefined && !(REQUEST_PURPOSES as readonly string[]).includes(purpose))
      throw new BadRequestException(`purpose must be one of ${REQUEST_PURPOSES.join(', ')}`);
    const bundle = await this.fhir.exportBundle(id, purpose as RequestPurpose | undefined, ctx);
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
