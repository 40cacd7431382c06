import { Worker } from 'node:worker_threads';

// sharp's prebuilt libvips carries libheif with an AV1 decoder only (HEVC is patent-encumbered),
// so it reads an iPhone HEIC's header but cannot decode its pixels. Those photos are decoded by
// libheif compiled to WebAssembly (libheif-js, through heic-decode), which brings its own HEVC
// decoder (libde265) and needs nothing from the host.
//
// Each decode runs in a worker thread of its own: a 12-megapixel photo takes about 1.5 s of CPU
// that would otherwise stall every other request, and WebAssembly memory never shrinks, so the
// worker's exit is what returns the decoded pixels' heap (~200 MB for 12 MP) to the system.

/** Decoded pixels, RGBA, 8 bits a channel. */
export interface RawImage {
  raw: Buffer;
  width: number;
  height: number;
  channels: 4;
}

const DECODE_TIMEOUT_MS = 60_000;

// Plain JavaScript, evaluated by the worker, so it runs the same from the build and under jest.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const decode = require(workerData.decoder);
decode({ buffer: workerData.file }).then(
  ({ width, height, data }) => parentPort.postMessage({ width, height, data }, [data.buffer]),
  (error) => parentPort.postMessage({ error: String((error && error.message) || error) }),
);`;

export function decodeHeic(file: Buffer): Promise<RawImage> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { decoder: require.resolve('heic-decode'), file },
    });
    const timer = setTimeout(() => {
      reject(new Error(`HEIC decoding took over ${DECODE_TIMEOUT_MS / 1000} s`));
      void worker.terminate();
    }, DECODE_TIMEOUT_MS);
    const settle = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once('message', (result: { width: number; height: number; data: Uint8ClampedArray } | { error: string }) => {
      settle();
      if ('error' in result) return reject(new Error(`HEIC decoding failed: ${result.error}`));
      const { width, height, data } = result;
      resolve({ raw: Buffer.from(data.buffer, data.byteOffset, data.byteLength), width, height, channels: 4 });
    });
    worker.once('error', (error) => {
      settle();
      reject(error);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`HEIC decoder exited with ${code}`));
    });
  });
}
