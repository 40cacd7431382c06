import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreatePayerDto, PayerDto, UpdatePayerDto } from './dto/payer.dto';
import { PayersService } from './payers.service';
import { RequestContext } from '../../common/request-context.decorator';

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
}
