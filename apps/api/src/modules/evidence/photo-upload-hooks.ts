import { Injectable } from '@nestjs/common';

/**
 * Points inside an upload where tests stop or break the flow, to prove that a crash between
 * any two steps leaves neither a row without its files nor a final file without its row.
 * Empty in production.
 */
@Injectable()
export class PhotoUploadHooks {
  /** After both files are written under pending names, before the row's transaction. */
  afterFilesWritten?: (photoId: string) => Promise<void>;
  /** After the row is committed, before the files are made final. */
  afterCommit?: (photoId: string) => Promise<void>;
}
