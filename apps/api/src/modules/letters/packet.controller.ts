import { Controller, Get, Param, ParseUUIDPipe, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { buildRequestContext } from '../../common/request-context';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { PacketService } from './packet.service';

@ApiTags('letters')
@Controller('cases/:id')
export class PacketController {
  constructor(private readonly packets: PacketService) {}

  @Get('packet')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'Appeal packet: case summary, signed letters, photos and clinical notes',
    schema: { type: 'string', format: 'binary' },
  })
  async packet(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<StreamableFile> {
    const { fileName, pdf } = await this.packets.build(id, buildRequestContext(req, user));
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${fileName}"`,
      length: pdf.length,
    });
  }
}
