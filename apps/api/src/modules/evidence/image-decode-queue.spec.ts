import { ImageDecodeQueue } from './image-decode-queue';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('ImageDecodeQueue', () => {
  it('starts a decode only when its pixels fit in the budget, first come first served', async () => {
    const queue = new ImageDecodeQueue(100);
    const started: string[] = [];
    const gates = { a: deferred(), b: deferred(), c: deferred(), d: deferred() };
    const job = (name: keyof typeof gates, pixels: number) =>
      queue.run(pixels, async () => {
        started.push(name);
        await gates[name].promise;
        return name;
      });
    const runs = [job('a', 60), job('b', 60), job('c', 30), job('d', 10)];
    await tick();
    // c and d would fit beside a, but wait behind b: a large image is not overtaken.
    expect(started).toEqual(['a']);
    expect(queue.stats()).toEqual({ inFlight: 60, peak: 60, waiting: 3 });
    gates.a.resolve();
    await tick();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.stats()).toEqual({ inFlight: 100, peak: 100, waiting: 0 });
    Object.values(gates).forEach((g) => g.resolve());
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.stats().inFlight).toBe(0);
  });

  it('runs an image larger than the budget alone, and frees its place when it fails', async () => {
    const queue = new ImageDecodeQueue(100);
    await expect(queue.run(500, () => Promise.reject(new Error('damaged')))).rejects.toThrow('damaged');
    expect(queue.stats()).toEqual({ inFlight: 0, peak: 500, waiting: 0 });
    await expect(queue.run(50, () => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});
