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
  Put,
  Query,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CASE_IF_MATCH, parseIfMatch, setETag } from '../../common/if-match';
import { CaseDetailDto } from '../cases/dto/case-output.dto';
import { FhirService } from './fhir.service';
import { CaseFhirExchangesDto } from './dto/fhir-exchange.dto';
import { PasEndpointDto, PasEndpointSettingsDto, PutPasEndpointDto } from './dto/pas-endpoint.dto';
import { REQUEST_PURPOSES, type RequestPurpose } from './pas-bundle';
import { PasExchangeService, PAYER_RETRY_AFTER_SECONDS } from './pas-exchange.service';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('fhir')
@Controller('cases/:id/fhir')
export class FhirController {
  constructor(
    private readonly fhir: FhirService,
    private readonly exchange: PasExchangeService,
  ) {}

  @Post('submit')
  @HttpCode(200)
  @ApiHeader(CASE_IF_MATCH)
  @ApiOkResponse({
    type: CaseDetailDto,
    description: "The case after the payer's synchronous answer to Claim/$submit (sent first if it was not)",
  })
  @ApiServiceUnavailableResponse({ description: 'The payer could not be reached; nothing changed; see Retry-After' })
  async submit(
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CaseDetailDto> {
    try {
      const detail = await this.exchange.submit(id, parseIfMatch(ifMatch), ctx);
      setETag(res, detail.version);
      return detail;
    } catch (error) {
      if (error instanceof ServiceUnavailableException) res.header('Retry-After', String(PAYER_RETRY_AFTER_SECONDS));
      throw error;
    }
  }

  @Get('exchanges')
  @ApiOkResponse({
    type: CaseFhirExchangesDto,
    description: 'The PAS messages sent to and received from the payer about this case (times, HTTP status, outcome)',
  })
  exchanges(
    @Param('id', ParseUUIDPipe) id: string,
    @RequestContext() ctx: RequestContext,
  ): Promise<CaseFhirExchangesDto> {
    return this.exchange.exchanges(id, ctx);
  }

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

@ApiTags('fhir')
@Controller('payers/:id/pas-endpoint')
export class PasEndpointController {
  constructor(private readonly exchange: PasExchangeService) {}

  @Get()
  @ApiOkResponse({
    type: PasEndpointSettingsDto,
    description: "The payer's PAS endpoint, or configured = false (the private key is never returned)",
  })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PasEndpointSettingsDto> {
    return this.exchange.endpointSettings(id);
  }

  @Put()
  @ApiOkResponse({ type: PasEndpointDto, description: "The payer's PAS endpoint (the private key is never returned)" })
  put(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PutPasEndpointDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<PasEndpointDto> {
    return this.exchange.putEndpoint(id, dto, ctx);
  }
}
