import { MAX_PHOTO_PIXELS } from './photo-processing';

/**
 * The API process's memory budget for images: at most this many pixels are being decoded at
 * once, summed over every upload and appeal packet in flight. libvips streams most images
 * through in strips, but an interlaced PNG or a photo turned by its EXIF orientation is held
 * whole, at up to 4 bytes a pixel (8 for a 16-bit PNG): so decoding adds at most ~200 MB
 * (~400 MB) to the process, whatever arrives. It equals MAX_PHOTO_PIXELS so that the largest
 * photo accepted runs alone, and four 12-megapixel phone photos run side by side.
 */
export const DECODE_PIXEL_BUDGET = MAX_PHOTO_PIXELS;

interface Waiter {
  pixels: number;
  start: () => void;
}

/**
 * A first-come, first-served queue weighted by pixels: a decode starts when its pixels fit in
 * what the running ones leave of the budget. Waiting costs no memory (the upload waits on disk);
 * a large photo is never overtaken by a stream of small ones.
 */
export class ImageDecodeQueue {
  private inFlight = 0;
  private peak = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly budget: number) {}

  async run<T>(pixels: number, decode: () => Promise<T>): Promise<T> {
    await this.acquire(pixels);
    try {
      return await decode();
    } finally {
      this.release(pixels);
    }
  }

  /** Pixels being decoded now, the most there ever were at once, and decodes waiting. */
  stats(): { inFlight: number; peak: number; waiting: number } {
    return { inFlight: this.inFlight, peak: this.peak, waiting: this.waiting.length };
  }

  private fits(pixels: number): boolean {
    // An image larger than the whole budget still runs, alone.
    return this.inFlight === 0 || this.inFlight + pixels <= this.budget;
  }

  private take(pixels: number): void {
    this.inFlight += pixels;
    this.peak = Math.max(this.peak, this.inFlight);
  }

  private acquire(pixels: number): Promise<void> {
    if (this.waiting.length === 0 && this.fits(pixels)) {
      this.take(pixels);
      return Promise.resolve();
    }
    return new Promise((start) => this.waiting.push({ pixels, start }));
  }

  private release(pixels: number): void {
    this.inFlight -= pixels;
    while (this.waiting.length > 0 && this.fits(this.waiting[0].pixels)) {
      const next = this.waiting.shift()!;
      this.take(next.pixels);
      next.start();
    }
  }
}

/** One queue per process: the budget is the process's memory, however many apps share it (tests). */
export const imageDecodeQueue = new ImageDecodeQueue(DECODE_PIXEL_BUDGET);
