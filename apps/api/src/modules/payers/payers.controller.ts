import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreatePayerDto, PayerDto, PayerListItemDto, UpdatePayerDto } from './dto/payer.dto';
import { PayersService } from './payers.service';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('payers')
@Controller('payers')
export class PayersController {
  constructor(private readonly payers: PayersService) {}

  @Get()
  @ApiOkResponse({ type: [PayerListItemDto], description: 'Archived payers too (active = false)' })
  list(): Promise<PayerListItemDto[]> {
    return this.payers.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: PayerDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PayerDto> {
    return this.payers.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: PayerDto })
  create(@Body() dto: CreatePayerDto, @RequestContext() ctx: RequestContext): Promise<PayerDto> {
    return this.payers.create(dto, ctx);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PayerDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePayerDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<PayerDto> {
    return this.payers.update(id, dto, ctx);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted: no case referred to it' })
  @ApiConflictResponse({ description: 'Cases refer to it (code payer_in_use): archive it instead' })
  remove(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<void> {
    return this.payers.remove(id, ctx);
  }
}
