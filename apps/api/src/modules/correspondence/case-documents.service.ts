import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PAYER_DOCUMENT_FILERS, sniffPayerFile, toLocalDate, type PayerFileType } from '@preauth/domain';
import type { IncomingMessage } from 'node:http';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { NotFoundError, RuleRefusedError } from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { createValidationPipe, fieldError } from '../../common/validation';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { hasAnyRole } from '../auth/auth-user';
import { findCasePatient } from '../evidence/case-patient.query';
import { cleanFileName, contentDisposition } from '../evidence/file-names';
import { drainRequest, receiveMultipart, type ReceivedFile } from '../evidence/multipart-upload';
import { unsupportedType } from '../evidence/photo-processing';
import { CaseDocument } from './case-document.entity';
import { CaseDocumentDto, CaseDocumentFieldsDto } from './dto/case-document.dto';
import { convertFaxToPdf, countPdfPages } from './fax-to-pdf';

export const DOCUMENT_FILE_FIELD = 'file';
const TAIL_BYTES = 1024;

const NOT_A_DOCUMENT =
  'Only a PDF or a TIFF fax image is accepted, recognised by its content; this file is neither, whatever its name or type says.';

function toDto(row: CaseDocument, uploadedBy: string | null): CaseDocumentDto {
  return {
    id: row.id,
    caseId: row.caseId,
    kind: row.kind,
    receivedOn: row.receivedOn,
    dueOn: row.dueOn,
    fileName: row.fileName,
    byteSize: row.byteSize,
    pageCount: row.pageCount,
    convertedFrom: row.convertedFrom,
    uploadedBy,
    createdAt: row.createdAt.toISOString(),
    url: `/api/documents/${row.id}/file`,
  };
}

async function readTail(path: string, size: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const length = Math.min(TAIL_BYTES, size);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer;
  } finally {
    await handle.close();
  }
}

/** Payer letters and faxes filed on a case: PDF in, PDF out (a TIFF fax is converted on upload). */
@Injectable()
export class CaseDocumentsService implements OnModuleInit {
  private readonly fieldsPipe = createValidationPipe();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  private get scratchDir(): string {
    return join(this.config.uploadDir, 'incoming');
  }

  async onModuleInit(): Promise<void> {
    await mkdir(this.scratchDir, { recursive: true, mode: 0o700 });
  }

  async upload(caseId: string, req: IncomingMessage, ctx: RequestContext): Promise<CaseDocumentDto> {
    let received: ReceivedFile | null = null;
    try {
      if (!hasAnyRole(ctx.user, PAYER_DOCUMENT_FILERS)) {
        throw new RuleRefusedError('Only the front desk or a manager files payer documents.', 'document_forbidden');
      }
      const patientId = await findCasePatient(this.dataSource.manager, caseId);
      const upload = await receiveMultipart(req, {
        maxBytes: this.config.maxUploadBytes,
        scratchDir: this.scratchDir,
        fileField: DOCUMENT_FILE_FIELD,
      });
      received = upload.file;
      const fields = (await this.fieldsPipe.transform(upload.fields, {
        type: 'body',
        metatype: CaseDocumentFieldsDto,
      })) as CaseDocumentFieldsDto;
      const today = toLocalDate(new Date(), this.config.clinicTimeZone);
      if (fields.receivedOn > today) throw fieldError('receivedOn', 'is in the future');
      if (fields.dueOn && fields.kind !== 'information_request') {
        throw fieldError('dueOn', 'is only for an information request');
      }
      if (fields.dueOn && fields.dueOn < fields.receivedOn) throw fieldError('dueOn', 'is before the day it arrived');
      if (!received) throw fieldError(DOCUMENT_FILE_FIELD, 'is missing: attach the document in the "file" field');
      if (received.size === 0) throw fieldError(DOCUMENT_FILE_FIELD, 'is empty');
      const type = sniffPayerFile(received.head, await readTail(received.path, received.size));
      if (!type) throw unsupportedType(NOT_A_DOCUMENT);
      const stored = await this.toPdf(type, await readFile(received.path));
      return await this.store(caseId, patientId, received, type, stored, fields, ctx);
    } catch (error) {
      await drainRequest(req);
      throw error;
    } finally {
      if (received) await rm(received.path, { force: true });
    }
  }

  private async toPdf(type: PayerFileType, bytes: Buffer): Promise<{ pdf: Buffer; pageCount: number }> {
    if (type === 'pdf') return { pdf: bytes, pageCount: countPdfPages(bytes) };
    try {
      return await convertFaxToPdf(bytes);
    } catch {
      throw fieldError(DOCUMENT_FILE_FIELD, 'is a damaged TIFF image that cannot be read', 422);
    }
  }

  private async store(
    caseId: string,
    patientId: string,
    received: ReceivedFile,
    type: PayerFileType,
    stored: { pdf: Buffer; pageCount: number },
    fields: CaseDocumentFieldsDto,
    ctx: RequestContext,
  ): Promise<CaseDocumentDto> {
    const name = cleanFileName(received.filename).replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'payer-document';
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(CaseDocument);
      const row = await repo.save(
        repo.create({
          caseId,
          kind: fields.kind,
          receivedOn: fields.receivedOn,
          dueOn: fields.dueOn ?? null,
          fileName: `${name}.pdf`,
          contentType: 'application/pdf',
          byteSize: stored.pdf.length,
          sha256: received.sha256,
          pageCount: stored.pageCount,
          convertedFrom: type === 'tiff' ? 'tiff' : null,
          content: stored.pdf,
          uploadedById: ctx.user.id,
        }),
      );
      await this.audit.record(
        {
          action: 'create',
          objectType: 'payer_document',
          objectId: row.id,
          caseId,
          patientId,
          detail: { kind: fields.kind, type },
        },
        ctx,
        manager,
      );
      return toDto(row, ctx.user.displayName);
    });
  }

  async list(caseId: string, ctx: RequestContext): Promise<CaseDocumentDto[]> {
    const patientId = await findCasePatient(this.dataSource.manager, caseId);
    const rows = await this.dataSource
      .getRepository(CaseDocument)
      .find({ where: { caseId }, relations: { uploadedBy: true }, order: { receivedOn: 'DESC', createdAt: 'DESC' } });
    await this.audit.record(
      {
        action: 'read',
        objectType: 'payer_document',
        objectId: caseId,
        caseId,
        patientId,
        detail: { count: rows.length },
      },
      ctx,
    );
    return rows.map((row) => toDto(row, row.uploadedBy?.displayName ?? null));
  }

  /** A document of a case the caller may read, that belongs to that case (else 404). */
  async findForCase(caseId: string, documentId: string): Promise<CaseDocument | null> {
    return this.dataSource.getRepository(CaseDocument).findOneBy({ id: documentId, caseId });
  }

  async open(id: string, ctx: RequestContext): Promise<{ content: Buffer; disposition: string }> {
    const row = await this.dataSource
      .getRepository(CaseDocument)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.id = :id', { id })
      .getOne();
    if (!row) throw new NotFoundError('No such document.');
    const patientId = await findCasePatient(this.dataSource.manager, row.caseId);
    await this.audit.record(
      { action: 'read', objectType: 'payer_document', objectId: id, caseId: row.caseId, patientId },
      ctx,
    );
    // Always a download: the app never renders a payer's PDF itself.
    return {
      content: row.content,
      disposition: contentDisposition(row.fileName, 'pdf').replace(/^inline/, 'attachment'),
    };
  }
}
