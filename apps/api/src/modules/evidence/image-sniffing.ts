export const SNIFFED_IMAGE_TYPES = ['jpeg', 'png', 'webp', 'heif'] as const;
export type SniffedImageType = (typeof SNIFFED_IMAGE_TYPES)[number];

/** How many leading bytes sniffImageType needs. */
export const SNIFF_BYTES = 32;

// ISO-BMFF brands of HEIF still images: HEVC-coded (HEIC), generic HEIF, and AV1-coded (AVIF).
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif']);

/**
 * The image type by its magic bytes, whatever the file is called or claims to be; null for
 * anything else (text, SVG, HTML, PDF, …). The decoder still has the last word.
 */
export function sniffImageType(head: Buffer): SniffedImageType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP')
    return 'webp';
  if (head.length >= 12 && head.toString('latin1', 4, 8) === 'ftyp' && HEIF_BRANDS.has(head.toString('latin1', 8, 12)))
    return 'heif';
  return null;
}
