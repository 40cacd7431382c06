import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PhotoDto, UploadPhotoDto } from './dto/photo.dto';
import { PhotosService } from './photos.service';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('photos')
@Controller()
export class PhotosController {
  constructor(private readonly photos: PhotosService) {}

  @Post('cases/:id/photos')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadPhotoDto })
  @ApiCreatedResponse({
    type: PhotoDto,
    description:
      '415 for anything but JPEG/PNG/WebP/HEIC by content, 413 over MAX_UPLOAD_MB, 422 for damaged images or over 50 megapixels',
  })
  upload(
    @Param('id', ParseUUIDPipe) id: string,
    @RequestContext() ctx: RequestContext,
    @Req() req: FastifyRequest,
  ): Promise<PhotoDto> {
    return this.photos.upload(id, req.raw, ctx);
  }

  @Get('cases/:id/photos')
  @ApiOkResponse({ type: [PhotoDto] })
  async list(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<PhotoDto[]> {
    return this.photos.list(id, ctx);
  }

  @Delete('cases/:id/photos/:photoId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Soft-deleted; the case history keeps the record' })
  async remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('photoId', ParseUUIDPipe) photoId: string,
    @RequestContext() ctx: RequestContext,
  ): Promise<void> {
    await this.photos.remove(id, photoId, ctx);
  }

  @Get('photos/:id')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  image(
    @Param('id', ParseUUIDPipe) id: string,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    return this.send(id, 'full', ctx, res);
  }

  @Get('photos/:id/thumbnail')
  @ApiProduces('image/webp')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  thumbnail(
    @Param('id', ParseUUIDPipe) id: string,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    return this.send(id, 'thumbnail', ctx, res);
  }

  private async send(
    id: string,
    variant: 'full' | 'thumbnail',
    ctx: RequestContext,
    res: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.photos.open(id, variant, ctx);
    // Opened directly, the image is a document of its own: give it no powers at all (nosniff and
    // no-store come with every API answer).
    res.header('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.size,
      disposition: file.disposition,
    });
  }
}
