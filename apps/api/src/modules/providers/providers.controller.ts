import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { buildRequestContext } from '../../common/request-context';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { CreateProviderDto, ProviderDto, UpdateProviderDto } from './dto/provider.dto';
import { ProvidersService } from './providers.service';

@ApiTags('providers')
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Get()
  @ApiOkResponse({ type: [ProviderDto] })
  list(): Promise<ProviderDto[]> {
    return this.providers.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: ProviderDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ProviderDto> {
    return this.providers.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: ProviderDto })
  create(
    @Body() dto: CreateProviderDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<ProviderDto> {
    return this.providers.create(dto, buildRequestContext(req, user));
  }

  @Patch(':id')
  @ApiOkResponse({ type: ProviderDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateProviderDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<ProviderDto> {
    return this.providers.update(id, dto, buildRequestContext(req, user));
  }
}
