import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendPdf } from '../../common/pdf-download';
import { RequestContext } from '../../common/request-context.decorator';
import { CaseDocumentsService } from './case-documents.service';
import { CaseDocumentDto, UploadCaseDocumentDto } from './dto/case-document.dto';

@ApiTags('payer documents')
@Controller()
export class CaseDocumentsController {
  constructor(private readonly documents: CaseDocumentsService) {}

  @Post('cases/:id/documents')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadCaseDocumentDto })
  @ApiCreatedResponse({
    type: CaseDocumentDto,
    description: '415 for anything but a PDF or a TIFF by content, 413 over MAX_UPLOAD_MB, 422 for a damaged TIFF',
  })
  upload(
    @Param('id', ParseUUIDPipe) id: string,
    @RequestContext() ctx: RequestContext,
    @Req() req: FastifyRequest,
  ): Promise<CaseDocumentDto> {
    return this.documents.upload(id, req.raw, ctx);
  }

  @Get('cases/:id/documents')
  @ApiOkResponse({ type: [CaseDocumentDto] })
  list(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<CaseDocumentDto[]> {
    return this.documents.list(id, ctx);
  }

  @Get('documents/:id/file')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async file(
    @Param('id', ParseUUIDPipe) id: string,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    return sendPdf(res, await this.documents.open(id, ctx));
  }
}
