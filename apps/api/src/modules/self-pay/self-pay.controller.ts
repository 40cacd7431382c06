import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { sendPdf } from '../../common/pdf-download';
import { RequestContext } from '../../common/request-context.decorator';
import { FinancialWaiverDto, SelfPayDto, SignWaiverDto } from './dto/self-pay.dto';
import { SelfPayService } from './self-pay.service';

@ApiTags('self-pay')
@Controller()
export class SelfPayController {
  constructor(private readonly selfPay: SelfPayService) {}

  @Get('cases/:id/self-pay')
  @ApiOkResponse({ type: SelfPayDto })
  get(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<SelfPayDto> {
    return this.selfPay.get(id, ctx);
  }

  @Post('cases/:id/waiver')
  @ApiCreatedResponse({
    type: FinancialWaiverDto,
    description:
      '409 unless the case is self-pay and unsigned; 415 for a signature that is not a PNG by content, 413 over 64 KB, 422 for a blank one',
  })
  sign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SignWaiverDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<FinancialWaiverDto> {
    return this.selfPay.sign(id, dto, ctx);
  }

  @Get('waivers/:id/file')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async file(
    @Param('id', ParseUUIDPipe) id: string,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    return sendPdf(res, await this.selfPay.open(id, ctx));
  }
}
