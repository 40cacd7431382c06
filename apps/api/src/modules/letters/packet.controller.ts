import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PacketService } from './packet.service';
import { RequestContext } from '../../common/request-context.decorator';

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
  async packet(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<StreamableFile> {
    const { fileName, pdf } = await this.packets.build(id, ctx);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${fileName}"`,
      length: pdf.length,
    });
  }
}
