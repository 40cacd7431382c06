import { fieldError } from '../../common/validation';
import { HttpException } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { StoredPhotoType } from './case-photo.entity';
import { decodeHeic, type RawImage } from './heic-decoder';
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

/** What the stored image and its thumbnail are made from: the uploaded file, or its decoded pixels. */
export type ImageInput = { path: string } | RawImage;

/** Which decoder reads an image: libvips (sharp), or the WebAssembly HEIC decoder for HEVC. */
export type ImageDecoder = 'sharp' | 'heic-wasm';

function open(input: ImageInput): Sharp {
  if ('path' in input) return sharp(input.path, decodeOptions);
  const { raw, width, height, channels } = input;
  return sharp(raw, { ...decodeOptions, raw: { width, height, channels } });
}

/** The image's pixels for re-encoding: HEVC HEIC decoded here, anything else read by sharp itself. */
export async function decodableInput(path: string, decoder: ImageDecoder): Promise<ImageInput> {
  return decoder === 'heic-wasm' ? decodeHeic(await readFile(path)) : { path };
}

/**
 * Checks the header before decoding anything: an image that claims more pixels than the limit is
 * refused without allocating its pixels.
 */
export async function inspectImage(
  path: string,
  type: SniffedImageType,
): Promise<{ width: number; height: number; decoder: ImageDecoder }> {
  let meta: Metadata;
  try {
    // Reading the header allocates no pixels; the limit is checked below with a clearer message.
    meta = await sharp(path, { ...decodeOptions, limitInputPixels: false }).metadata();
  } catch {
    // sharp reads the header of every HEIF, whatever its codec: one it cannot read is damaged.
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
  // sharp reads an HEVC HEIC's header (above) but not its pixels: see heic-decoder.ts.
  return { width, height, decoder: type === 'heif' && meta.compression === 'hevc' ? 'heic-wasm' : 'sharp' };
}

/**
 * The stored image: decoded and encoded again, which drops EXIF (GPS, device), XMP and IPTC
 * metadata; `.rotate()` first applies the EXIF orientation so the pixels stay upright.
 */
export function reencode(input: ImageInput, type: SniffedImageType): Sharp {
  const image = open(input).rotate();
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

export function thumbnail(input: ImageInput): Sharp {
  return open(input)
    .rotate()
    .resize({ width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 });
}

/** Turn a decoder failure while re-encoding into the client's error. */
export function decodeError(type: SniffedImageType, error: unknown): HttpException {
  const message = error instanceof Error ? error.message : '';
  if (/pixel limit/i.test(message))
    return unprocessable(`The image has more than ${MAX_PHOTO_PIXELS / 1_000_000} megapixels.`);
  if (type === 'heif' && /compression format has not been built in|decoder plugin/i.test(message))
    return unsupportedType(HEIF_UNREADABLE);
  return unprocessable('The image is damaged or incomplete and cannot be read.');
}
