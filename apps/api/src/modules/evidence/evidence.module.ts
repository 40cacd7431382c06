import { S3Client } from '@aws-sdk/client-s3';
import { Module } from '@nestjs/common';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { LocalPhotoStorage } from './local-photo-storage';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';
import { PHOTO_STORAGE, type PhotoStorage } from './photo-storage';
import { PhotoSweeper } from './photo-sweeper.service';
import { PhotoUploadHooks } from './photo-upload-hooks';
import { PhotosController } from './photos.controller';
import { PhotosService } from './photos.service';
import { S3PhotoStorage } from './s3-photo-storage';

/** Clinical evidence of a case: photos and notes (issue #4). */
@Module({
  controllers: [PhotosController, NotesController],
  providers: [
    {
      provide: PHOTO_STORAGE,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<PhotoStorage> => {
        if (config.s3) {
          const { bucket, prefix, ...clientConfig } = config.s3;
          // Scratch files (raw uploads, objects on their way up) stay local, under UPLOAD_DIR.
          const scratchDir = join(config.uploadDir, 'incoming');
          await mkdir(scratchDir, { recursive: true, mode: 0o700 });
          const client = new S3Client({
            ...clientConfig,
            // Other S3-compatible services often reject the SDK's default CRC checksums (aws-chunked bodies).
            ...(clientConfig.endpoint
              ? {
                  requestChecksumCalculation: 'WHEN_REQUIRED' as const,
                  responseChecksumValidation: 'WHEN_REQUIRED' as const,
                }
              : {}),
          });
          return new S3PhotoStorage(client, { bucket, prefix }, scratchDir);
        }
        const storage = new LocalPhotoStorage(config.uploadDir);
        await storage.init();
        return storage;
      },
    },
    PhotoUploadHooks,
    PhotosService,
    PhotoSweeper,
    NotesService,
  ],
  exports: [PhotosService, NotesService, PHOTO_STORAGE],
})
export class EvidenceModule {}
