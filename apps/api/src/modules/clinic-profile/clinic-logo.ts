import { HttpException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { imageDecodeQueue } from '../evidence/image-decode-queue';
import type { SniffedImageType } from '../evidence/image-sniffing';
import { decodeError, inspectImage } from '../evidence/photo-processing';

/** A logo is a small image: anything bigger than this is not one. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
// Printed at most ~3 inches wide on a letter; more pixels only make every packet heavier.
const LOGO_MAX_WIDTH = 1200;
const LOGO_MAX_HEIGHT = 400;

export interface StoredLogo {
  png: Buffer;
  sha256: string;
  width: number;
  height: number;
}

/**
 * The logo as stored: decoded under the photos' pixel limit and decode queue, shrunk to letterhead
 * size and encoded again as PNG, which drops every byte of the upload that is not pixels
 * (metadata, trailing data, a script hidden in a comment).
 */
export async function processLogo(path: string, type: SniffedImageType): Promise<StoredLogo> {
  const { width, height } = await inspectImage(path, type);
  try {
    const { data, info } = await imageDecodeQueue.run(width * height, () =>
      sharp(path, { limitInputPixels: width * height, failOn: 'error' })
        .rotate()
        .resize({ width: LOGO_MAX_WIDTH, height: LOGO_MAX_HEIGHT, fit: 'inside', withoutEnlargement: true })
        .png({ compressionLevel: 9 })
        .toBuffer({ resolveWithObject: true }),
    );
    return {
      png: data,
      sha256: createHash('sha256').update(data).digest('hex'),
      width: info.width,
      height: info.height,
    };
  } catch (error) {
    if (error instanceof HttpException) throw error;
    throw decodeError(type, error);
  }
}
