import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequestContext } from '../../common/request-context.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CarcDescriptionsService } from './carc-descriptions.service';
import { CodesService } from './codes.service';
import { AddCarcDescriptionDto, CarcCodeDto } from './dto/carc-description.dto';
import {
  CptCodeDto,
  CreateLayTermDto,
  Icd10ReleaseDto,
  Icd10SearchDto,
  Icd10SearchQuery,
  LayTermDto,
  UpdateLayTermDto,
} from './dto/codes.dto';

@ApiTags('codes')
@Controller('codes')
export class CodesController {
  constructor(
    private readonly codes: CodesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly carc: CarcDescriptionsService,
  ) {}

  @Get('cpt')
  @ApiOkResponse({ type: [CptCodeDto] })
  cpt(): Promise<CptCodeDto[]> {
    return this.codes.cpt();
  }

  @Get('icd10')
  @ApiOkResponse({ type: Icd10SearchDto })
  searchIcd10(@Query() query: Icd10SearchQuery): Promise<Icd10SearchDto> {
    return this.codes.searchIcd10(query.q, query.date, this.config.clinicTimeZone);
  }

  @Get('icd10/releases')
  @ApiOkResponse({ type: [Icd10ReleaseDto] })
  releases(): Promise<Icd10ReleaseDto[]> {
    return this.codes.releases();
  }

  @Get('icd10/terms')
  @ApiOkResponse({ type: [LayTermDto] })
  listTerms(): Promise<LayTermDto[]> {
    return this.codes.listTerms();
  }

  @Post('icd10/terms')
  @ApiOkResponse({ type: LayTermDto })
  createTerm(@Body() dto: CreateLayTermDto, @RequestContext() ctx: RequestContext): Promise<LayTermDto> {
    return this.codes.createTerm(dto, ctx);
  }

  @Patch('icd10/terms/:id')
  @ApiOkResponse({ type: LayTermDto })
  updateTerm(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateLayTermDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<LayTermDto> {
    return this.codes.updateTerm(id, dto, ctx);
  }

  @Delete('icd10/terms/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  deleteTerm(@Param('id', ParseIntPipe) id: number, @RequestContext() ctx: RequestContext): Promise<void> {
    return this.codes.deleteTerm(id, ctx);
  }

  @Get('carc')
  @ApiOkResponse({ type: [CarcCodeDto] })
  carcCodes(): Promise<CarcCodeDto[]> {
    return this.carc.list();
  }

  // A manager describes a code the app does not, once; reports and cases then show the description.
  @Post('carc')
  @ApiCreatedResponse({ type: CarcCodeDto })
  addCarcDescription(@Body() dto: AddCarcDescriptionDto, @RequestContext() ctx: RequestContext): Promise<CarcCodeDto> {
    return this.carc.add(dto, ctx);
  }
}
