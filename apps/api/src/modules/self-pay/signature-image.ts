import sharp from 'sharp';
import { fieldError } from '../../common/validation';
import { imageDecodeQueue } from '../evidence/image-decode-queue';
import { sniffImageType } from '../evidence/image-sniffing';

export const SIGNATURE_FIELD = 'signaturePng';
// A drawn signature on the tablet's pad is 5–40 KB of PNG; the JSON body limit is 100 KB.
export const SIGNATURE_MAX_BYTES = 64 * 1024;
const MAX_SIDE = 2400;
// Fewer dark pixels than this is an empty pad or a stray tap, not a signature.
export const MIN_INK_PIXELS = 150;

export interface SignatureImage {
  png: Buffer;
  width: number;
  height: number;
}

function decodeBase64(text: string): Buffer {
  const body = text.replace(/^data:image\/png;base64,/, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0) {
    throw fieldError(SIGNATURE_FIELD, 'is not base64: send the PNG as base64 or a data:image/png;base64 URL');
  }
  return Buffer.from(body, 'base64');
}

/**
 * The drawn signature, judged by its bytes: a PNG (whatever the client says), small, decodable,
 * and with ink on it. Re-encoded, so nothing but pixels reaches the PDF.
 */
export async function readSignatureImage(text: string): Promise<SignatureImage> {
  const bytes = decodeBase64(text);
  if (bytes.length === 0) throw fieldError(SIGNATURE_FIELD, 'is empty: the patient has not signed');
  if (bytes.length > SIGNATURE_MAX_BYTES) {
    throw fieldError(SIGNATURE_FIELD, `is larger than ${SIGNATURE_MAX_BYTES / 1024} KB`, 413);
  }
  if (sniffImageType(bytes.subarray(0, 16)) !== 'png') {
    throw fieldError(SIGNATURE_FIELD, 'is not a PNG image (judged by its content)', 415);
  }
  let width: number;
  let height: number;
  try {
    ({ width = 0, height = 0 } = await sharp(bytes, { failOn: 'error' }).metadata());
  } catch {
    throw fieldError(SIGNATURE_FIELD, 'is a damaged PNG that cannot be read', 422);
  }
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
    throw fieldError(SIGNATURE_FIELD, `must be between 1 and ${MAX_SIDE} pixels on each side`, 422);
  }
  const pixels = width * height;
  const { ink, png } = await imageDecodeQueue
    .run(pixels, async () => {
      const image = sharp(bytes, { limitInputPixels: pixels, failOn: 'error' }).flatten({ background: '#ffffff' });
      const grey = await image.clone().greyscale().raw().toBuffer();
      let dark = 0;
      for (const value of grey) if (value < 128) dark += 1;
      return { ink: dark, png: await image.png({ compressionLevel: 9 }).toBuffer() };
    })
    .catch(() => {
      throw fieldError(SIGNATURE_FIELD, 'is a damaged PNG that cannot be read', 422);
    });
  if (ink < MIN_INK_PIXELS) {
    throw fieldError(SIGNATURE_FIELD, 'is blank: ask the patient to sign in the box', 422);
  }
  // A filled or photographed rectangle is not a drawn signature.
  if (ink > pixels / 2) throw fieldError(SIGNATURE_FIELD, 'is not a drawn signature: more than half of it is ink', 422);
  return { png, width, height };
}
