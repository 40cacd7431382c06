import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { buildRequestContext } from '../../common/request-context';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { CreatePayerDto, PayerDto, UpdatePayerDto } from './dto/payer.dto';
import { PayersService } from './payers.service';

@ApiTags('payers')
@Controller('payers')
export class PayersController {
  constructor(private readonly payers: PayersService) {}

  @Get()
  @ApiOkResponse({ type: [PayerDto] })
  list(): Promise<PayerDto[]> {
    return this.payers.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: PayerDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PayerDto> {
    return this.payers.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: PayerDto })
  create(@Body() dto: CreatePayerDto, @CurrentUser() user: AuthUser, @Req() req: FastifyRequest): Promise<PayerDto> {
    return this.payers.create(dto, buildRequestContext(req, user));
  }

  @Patch(':id')
  @ApiOkResponse({ type: PayerDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePayerDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<PayerDto> {
    return this.payers.update(id, dto, buildRequestContext(req, user));
  }
}
