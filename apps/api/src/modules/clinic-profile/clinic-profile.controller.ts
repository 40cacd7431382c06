import { Body, Controller, Delete, Get, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestContext } from '../../common/request-context.decorator';
import { ClinicProfileService } from './clinic-profile.service';
import { ClinicProfileDto, UpdateClinicProfileDto } from './dto/clinic-profile.dto';

@ApiTags('clinic-profile')
@Controller('clinic-profile')
export class ClinicProfileController {
  constructor(private readonly profile: ClinicProfileService) {}

  @Get()
  @ApiOkResponse({ type: ClinicProfileDto })
  get(): Promise<ClinicProfileDto> {
    return this.profile.get();
  }

  @Put()
  @ApiOkResponse({ type: ClinicProfileDto, description: 'Printed as the letterhead of the next letter and packet' })
  update(@Body() dto: UpdateClinicProfileDto, @RequestContext() ctx: RequestContext): Promise<ClinicProfileDto> {
    return this.profile.update(dto, ctx);
  }

  @Put('logo')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOkResponse({
    type: ClinicProfileDto,
    description:
      '415 for anything but JPEG/PNG/WebP/HEIC by content, 413 over 2 MB, 422 for damaged images, 409 before the profile is saved',
  })
  putLogo(@Req() req: FastifyRequest, @RequestContext() ctx: RequestContext): Promise<ClinicProfileDto> {
    return this.profile.putLogo(req.raw, ctx);
  }

  @Delete('logo')
  @ApiOkResponse({ type: ClinicProfileDto })
  @ApiNotFoundResponse({ description: 'No logo is set' })
  deleteLogo(@RequestContext() ctx: RequestContext): Promise<ClinicProfileDto> {
    return this.profile.deleteLogo(ctx);
  }

  @Get('logo')
  @ApiProduces('image/png')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'No logo is set' })
  async logo(@Res({ passthrough: true }) res: FastifyReply): Promise<StreamableFile> {
    const png = await this.profile.logo();
    // Opened on its own the image is a document: it gets no powers (as photos).
    res.header('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(png, { type: 'image/png', length: png.length });
  }
}
