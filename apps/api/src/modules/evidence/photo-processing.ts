import { fieldError } from '../../common/validation';
import { HttpException } from '@nestjs/common';
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { StoredPhotoType } from './case-photo.entity';
import type { SniffedImageType } from './image-sniffing';

/** Decompression-bomb guard: a real clinical photo is at most ~50 megapixels. */
export const MAX_PHOTO_PIXELS = 50_000_000;
export const THUMBNAIL_SIZE = 320;

// Images are decoded side by side through ImageDecodeQueue, under its pixel budget, rather than
// by libvips threads within one image; and libvips' operation cache would keep decoded pixels
// after their request, outside that budget.
sharp.concurrency(1);
sharp.cache(false);

// Browsers do not show HEIC, so those are stored as JPEG; the rest keep their format.
const OUTPUT: Record<SniffedImageType, { type: StoredPhotoType; extension: 'jpg' | 'png' | 'webp' }> = {
  jpeg: { type: 'image/jpeg', extension: 'jpg' },
  heif: { type: 'image/jpeg', extension: 'jpg' },
  png: { type: 'image/png', extension: 'png' },
  webp: { type: 'image/webp', extension: 'webp' },
};

export function outputFor(type: SniffedImageType) {
  return OUTPUT[type];
}

function unprocessable(message: string): HttpException {
  return fieldError('file', message, 422, message);
}

export function unsupportedType(message: string): HttpException {
  return fieldError('file', message, 415, message);
}

const HEIF_UNREADABLE =
  'This HEIC/HEIF photo cannot be decoded on this server (its image library has no HEVC decoder). Export it as JPEG (on iPhone: Settings → Camera → Formats → Most Compatible) and upload again.';

const decodeOptions = { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' as const };

/**
 * Checks the header before decoding anything: an image that claims more pixels than the limit is
 * refused without allocating its pixels.
 */
export async function inspectImage(path: string, type: SniffedImageType): Promise<{ width: number; height: number }> {
  let meta: Metadata;
  try {
    // Reading the header allocates no pixels; the limit is checked below with a clearer message.
    meta = await sharp(path, { ...decodeOptions, limitInputPixels: false }).metadata();
  } catch {
    if (type === 'heif') throw unsupportedType(HEIF_UNREADABLE);
    throw unprocessable('The image is damaged or incomplete and cannot be read.');
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height) throw unprocessable('The image has no readable dimensions.');
  if (width * height > MAX_PHOTO_PIXELS) {
    throw unprocessable(
      `The image is ${width} × ${height} pixels; at most ${MAX_PHOTO_PIXELS / 1_000_000} megapixels are accepted.`,
    );
  }
  return { width, height };
}

/**
 * The stored image: decoded and encoded again, which drops EXIF (GPS, device), XMP and IPTC
 * metadata; `.rotate()` first applies the EXIF orientation so the pixels stay upright.
 */
export function reencode(path: string, type: SniffedImageType): Sharp {
  const image = sharp(path, decodeOptions).rotate();
  switch (type) {
    case 'jpeg':
    case 'heif':
      return image.jpeg({ quality: 90, chromaSubsampling: '4:4:4' });
    case 'png':
      return image.png();
    case 'webp':
      return image.webp({ quality: 90 });
  }
}

export function thumbnail(path: string): Sharp {
  return sharp(path, decodeOptions)
    .rotate()
    .resize({ width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 });
}

/** Turn a decoder failure while re-encoding into the client's error. */
export function decodeError(type: SniffedImageType, error: unknown): HttpException {
  const message = error instanceof Error ? error.message : '';
  if (/pixel limit/i.test(message))
    return unprocessable(`The image has more than ${MAX_PHOTO_PIXELS / 1_000_000} megapixels.`);
  if (type === 'heif') return unsupportedType(HEIF_UNREADABLE);
  return unprocessable('The image is damaged or incomplete and cannot be read.');
}
