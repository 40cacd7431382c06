import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { buildRequestContext } from '../../common/request-context';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { CreatePatientDto, ListPatientsQuery, PatientDto, UpdatePatientDto } from './dto/patient.dto';
import { PatientsService } from './patients.service';

@ApiTags('patients')
@Controller('patients')
export class PatientsController {
  constructor(private readonly patients: PatientsService) {}

  @Get()
  @ApiOkResponse({ type: [PatientDto] })
  search(
    @Query() query: ListPatientsQuery,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<PatientDto[]> {
    return this.patients.search(query, buildRequestContext(req, user));
  }

  @Get(':id')
  @ApiOkResponse({ type: PatientDto })
  get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<PatientDto> {
    return this.patients.get(id, buildRequestContext(req, user));
  }

  @Post()
  @ApiCreatedResponse({ type: PatientDto })
  create(
    @Body() dto: CreatePatientDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<PatientDto> {
    return this.patients.create(dto, buildRequestContext(req, user));
  }

  @Patch(':id')
  @ApiOkResponse({ type: PatientDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePatientDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<PatientDto> {
    return this.patients.update(id, dto, buildRequestContext(req, user));
  }
}
