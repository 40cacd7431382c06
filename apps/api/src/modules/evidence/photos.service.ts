import { fieldError } from '../../common/validation';
import { HttpException, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PHOTO_UPLOADERS } from '@preauth/domain';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { OutputInfo } from 'sharp';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import { createValidationPipe } from '../../common/validation';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { hasAnyRole } from '../auth/auth-user';
import { findCasePatient } from './case-patient.query';
import type { CasePhoto } from './case-photo.entity';
import { PhotoDto, PhotoFieldsDto } from './dto/photo.dto';
import { cleanFileName, contentDisposition } from './file-names';
import { sniffImageType, type SniffedImageType } from './image-sniffing';
import { drainRequest, receiveMultipart, type ReceivedFile } from './multipart-upload';
import { imageDecodeQueue } from './image-decode-queue';
import {
  decodableInput,
  decodeError,
  inspectImage,
  outputFor,
  reencode,
  thumbnail,
  unsupportedType,
  type ImageDecoder,
} from './photo-processing';
import { PHOTO_STORAGE, type PhotoStorage } from './photo-storage';
import { PhotoUploadHooks } from './photo-upload-hooks';
import { toPhotoDto } from './photo.mapper';
import {
  findCasePhotos,
  findLivePhoto,
  findPhotoWithUploader,
  insertPhoto,
  lockCasePhoto,
  softDeletePhoto,
} from './photo.repository';
import { NotFoundError, RuleRefusedError } from '../../common/app-errors';

export const PHOTO_FILE_FIELD = 'file';

export interface PhotoFile {
  stream: Readable;
  size: number;
  contentType: string;
  disposition: string;
}

// A photo "taken" more than a day ahead is a typo (time zones allow for the day).
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class PhotosService implements OnModuleInit {
  private readonly logger = new Logger('PhotosService');
  private readonly fieldsPipe = createValidationPipe();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    private readonly audit: AuditService,
    private readonly hooks: PhotoUploadHooks,
  ) {}

  /** Uploads stream here first: the raw bytes, EXIF and all, never reach the photo store. */
  get scratchDir(): string {
    return join(this.config.uploadDir, 'incoming');
  }

  async onModuleInit(): Promise<void> {
    await mkdir(this.scratchDir, { recursive: true, mode: 0o700 });
  }

  async upload(caseId: string, req: IncomingMessage, ctx: RequestContext): Promise<PhotoDto> {
    let received: ReceivedFile | null = null;
    try {
      if (!hasAnyRole(ctx.user, PHOTO_UPLOADERS)) {
        throw new RuleRefusedError('Only a physician may upload clinical photos.', 'photo_upload_forbidden');
      }
      const patientId = await findCasePatient(this.dataSource.manager, caseId);
      const upload = await receiveMultipart(req, {
        maxBytes: this.config.maxUploadBytes,
        scratchDir: this.scratchDir,
        fileField: PHOTO_FILE_FIELD,
      });
      received = upload.file;
      const fields = (await this.fieldsPipe.transform(upload.fields, {
        type: 'body',
        metatype: PhotoFieldsDto,
      })) as PhotoFieldsDto;
      const takenAt = new Date(fields.takenAt);
      if (takenAt.getTime() > Date.now() + FUTURE_SLACK_MS) throw fieldError('takenAt', 'is in the future');
      if (!received) throw fieldError(PHOTO_FILE_FIELD, 'is missing: attach the photo in the "file" field');
      if (received.size === 0) throw fieldError(PHOTO_FILE_FIELD, 'is empty');
      const type = sniffImageType(received.head);
      if (!type) {
        throw unsupportedType(
          'Only JPEG, PNG, WebP and HEIC/HEIF photos are accepted, recognised by their content; this file is none of them, whatever its name or type says.',
        );
      }
      const { width, height, decoder } = await inspectImage(received.path, type);
      return await this.store(
        caseId,
        patientId,
        received,
        { type, pixels: width * height, decoder },
        fields,
        takenAt,
        ctx,
      );
    } catch (error) {
      await drainRequest(req);
      throw error;
    } finally {
      if (received) await rm(received.path, { force: true });
    }
  }

  /**
   * Crash-safe order: both files under pending names → row + case event + audit in one
   * transaction → files renamed to final. A crash before the commit leaves only pending files,
   * which the sweeper deletes after an hour; a crash after it leaves a row whose pending files
   * the sweeper (or the first read) makes final.
   */
  private async store(
    caseId: string,
    patientId: string,
    received: ReceivedFile,
    { type, pixels, decoder }: { type: SniffedImageType; pixels: number; decoder: ImageDecoder },
    fields: PhotoFieldsDto,
    takenAt: Date,
    ctx: RequestContext,
  ): Promise<PhotoDto> {
    const id = randomUUID();
    const output = outputFor(type);
    const key = `${id}.${output.extension}`;
    const thumbnailKey = `${id}-thumb.webp`;
    let committed = false;
    try {
      let info: OutputInfo | undefined;
      let stored: { size: number };
      try {
        // Both decodes under one place in the queue: its budget bounds the memory they take.
        stored = await imageDecodeQueue.run(pixels, async () => {
          const input = await decodableInput(received.path, decoder);
          const image = reencode(input, type).on('info', (i: OutputInfo) => {
            info = i;
          });
          const written = await this.storage.putPending(key, image);
          await this.storage.putPending(thumbnailKey, thumbnail(input));
          return written;
        });
      } catch (error) {
        if (error instanceof HttpException) throw error;
        throw decodeError(type, error);
      }
      if (!info) throw decodeError(type, new Error('no output'));
      await this.hooks.afterFilesWritten?.(id);

      const row = await this.dataSource.transaction(async (manager) => {
        // The case row lock orders this against transitions reading the evidence count.
        await findCasePatient(manager, caseId, true);
        const photo = await insertPhoto(manager, {
          id,
          caseId,
          uploadedById: ctx.user.id,
          bodySite: fields.bodySite,
          lesionCount: fields.lesionCount,
          takenAt,
          caption: fields.caption ?? null,
          originalName: cleanFileName(received.filename),
          originalType: type,
          originalSize: received.size,
          originalSha256: received.sha256,
          contentType: output.type,
          byteSize: stored.size,
          width: info!.width,
          height: info!.height,
          storageKey: key,
          thumbnailKey,
          deletedAt: null,
          deletedById: null,
        });
        await this.audit.record(
          {
            action: 'create',
            objectType: 'photo',
            objectId: id,
            caseId,
            patientId,
            detail: { originalSha256: received.sha256, bytes: received.size },
          },
          ctx,
          manager,
        );
        return photo;
      });
      committed = true;
      await this.hooks.afterCommit?.(id);
      await this.finalizeFiles(row);
      const saved = await findPhotoWithUploader(this.dataSource.manager, row.id);
      return toPhotoDto(saved, saved.uploadedBy?.displayName ?? ctx.user.displayName);
    } catch (error) {
      if (!committed) {
        await this.storage.delete(key).catch(() => undefined);
        await this.storage.delete(thumbnailKey).catch(() => undefined);
      }
      throw error;
    }
  }

  private async finalizeFiles(row: Pick<CasePhoto, 'id' | 'storageKey' | 'thumbnailKey'>): Promise<void> {
    try {
      await this.storage.finalize(row.storageKey);
      await this.storage.finalize(row.thumbnailKey);
    } catch (error) {
      // The row is committed: the sweeper finishes the job, and reads finalize on demand.
      this.logger.error({ photoId: row.id, type: (error as Error)?.name }, 'could not finalize photo files');
    }
  }

  async list(caseId: string, ctx: RequestContext): Promise<PhotoDto[]> {
    const patientId = await findCasePatient(this.dataSource.manager, caseId);
    const rows = await findCasePhotos(this.dataSource.manager, caseId);
    await this.audit.record(
      {
        action: 'read',
        objectType: 'case_photos',
        objectId: caseId,
        caseId,
        patientId,
        detail: { count: rows.length },
      },
      ctx,
    );
    return rows.map((row) => toPhotoDto(row, row.uploadedBy?.displayName ?? ''));
  }

  async open(photoId: string, variant: 'full' | 'thumbnail', ctx: RequestContext): Promise<PhotoFile> {
    const row = await findLivePhoto(this.dataSource.manager, photoId);
    if (!row) throw new NotFoundError('No such photo.');
    const key = variant === 'full' ? row.storageKey : row.thumbnailKey;
    let file = await this.storage.get(key);
    if (!file && (await this.storage.isPending(key))) {
      // Committed but not yet renamed (a crash right after the commit): finish it now.
      await this.storage.finalize(key);
      file = await this.storage.get(key);
    }
    if (!file) {
      this.logger.error({ photoId, variant }, 'photo row without its file');
      throw new NotFoundError('The file of this photo is missing.');
    }
    const patientId = await findCasePatient(this.dataSource.manager, row.caseId);
    await this.audit.record(
      { action: 'read', objectType: 'photo', objectId: photoId, caseId: row.caseId, patientId, detail: { variant } },
      ctx,
    );
    const thumb = variant === 'thumbnail';
    return {
      stream: file.stream,
      size: file.size,
      contentType: thumb ? 'image/webp' : row.contentType,
      disposition: contentDisposition(
        thumb ? `${row.originalName.replace(/\.[A-Za-z0-9]{1,5}$/, '')}-thumbnail` : row.originalName,
        thumb ? 'webp' : key.split('.').pop()!,
      ),
    };
  }

  /** Soft delete: the row and files stay (the case history refers to them), the photo leaves the case. */
  async remove(caseId: string, photoId: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const patientId = await findCasePatient(manager, caseId, true);
      const row = await lockCasePhoto(manager, caseId, photoId);
      if (!row || row.deletedAt) throw new NotFoundError('No such photo on this case.');
      if (row.uploadedById !== ctx.user.id && !ctx.user.roles.includes('manager')) {
        throw new RuleRefusedError(
          'Only the physician who uploaded a photo, or a manager, may delete it.',
          'photo_delete_forbidden',
        );
      }
      await softDeletePhoto(manager, row, ctx.user.id);
      await this.audit.record(
        { action: 'delete', objectType: 'photo', objectId: photoId, caseId, patientId },
        ctx,
        manager,
      );
    });
  }
}
