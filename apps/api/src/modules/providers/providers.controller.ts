import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CreateProviderDto, PhysicianUserDto, ProviderDto, UpdateProviderDto } from './dto/provider.dto';
import { ProvidersService } from './providers.service';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('providers')
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Get()
  @ApiOkResponse({ type: [ProviderDto] })
  list(): Promise<ProviderDto[]> {
    return this.providers.list();
  }

  @Get('physician-users')
  @ApiOkResponse({ type: [PhysicianUserDto], description: 'User accounts a physician record can be linked to' })
  physicianUsers(): Promise<PhysicianUserDto[]> {
    return this.providers.listPhysicianUsers();
  }

  @Get(':id')
  @ApiOkResponse({ type: ProviderDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ProviderDto> {
    return this.providers.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: ProviderDto })
  @ApiUnprocessableEntityResponse({
    description: 'Only a physician account can be linked to a provider (not_physician)',
  })
  create(@Body() dto: CreateProviderDto, @RequestContext() ctx: RequestContext): Promise<ProviderDto> {
    return this.providers.create(dto, ctx);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ProviderDto })
  @ApiUnprocessableEntityResponse({
    description: 'Only a physician account can be linked to a provider (not_physician)',
  })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateProviderDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<ProviderDto> {
    return this.providers.update(id, dto, ctx);
  }
}
