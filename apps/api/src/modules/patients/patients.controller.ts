import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreatePatientDto, ListPatientsQuery, PatientDto, UpdatePatientDto } from './dto/patient.dto';
import { PatientsService } from './patients.service';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('patients')
@Controller('patients')
export class PatientsController {
  constructor(private readonly patients: PatientsService) {}

  @Get()
  @ApiOkResponse({ type: [PatientDto] })
  search(@Query() query: ListPatientsQuery, @RequestContext() ctx: RequestContext): Promise<PatientDto[]> {
    return this.patients.search(query, ctx);
  }

  @Get(':id')
  @ApiOkResponse({ type: PatientDto })
  get(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<PatientDto> {
    return this.patients.get(id, ctx);
  }

  @Post()
  @ApiCreatedResponse({ type: PatientDto })
  create(@Body() dto: CreatePatientDto, @RequestContext() ctx: RequestContext): Promise<PatientDto> {
    return this.patients.create(dto, ctx);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PatientDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePatientDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<PatientDto> {
    return this.patients.update(id, dto, ctx);
  }
}
