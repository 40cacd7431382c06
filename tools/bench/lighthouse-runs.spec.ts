import { LighthouseResult, medianRun } from '../../scripts/lighthouse-runs';

const run = (
  performance: number | null,
  runtimeError?: { code: string; message: string },
  consoleErrors = 0,
): LighthouseResult => ({
  lhr: {
    categories: { performance: { score: performance } },
    audits: {
      'errors-in-console': { score: consoleErrors ? 0 : 1, details: { items: Array.from({ length: consoleErrors }) } },
    },
    ...(runtimeError ? { runtimeError } : {}),
  },
});

describe('medianRun (npm run bench:web)', () => {
  it('reports the run with the median performance score', () => {
    const runs = [run(0.97), run(0.91), run(0.95)];
    const summary = medianRun(runs);
    expect(summary.median).toBe(runs[2]);
    expect(summary.scored).toBe(3);
    expect(summary.runText).toBe('97, 91, 95');
  });

  it('leaves a run without a score out of the median and names its error', () => {
    const runs = [run(0.95), run(0.96), run(null, { code: 'NO_FCP', message: 'The page did not paint any content.' })];
    const summary = medianRun(runs);
    expect(summary.median).toBe(runs[0]);
    expect(summary.scored).toBe(2);
    expect(summary.runText).toBe('95, 96, failed (NO_FCP)');
  });

  it('says so when no run finished', () => {
    const summary = medianRun([
      run(null, { code: 'NO_FCP', message: 'The page did not paint any content.' }),
      run(null),
    ]);
    expect(summary.median).toBeNull();
    expect(summary.runText).toBe('failed (NO_FCP), failed (no score)');
    expect(summary.error).toBe('The page did not paint any content.');
  });

  it('leaves out a run whose page logged errors: an error screen can score well', () => {
    const runs = [run(0.99, undefined, 2), run(0.9), run(0.92)];
    const summary = medianRun(runs);
    expect(summary.median).toBe(runs[1]);
    expect(summary.scored).toBe(2);
    expect(summary.runText).toBe('failed (2 console errors), 90, 92');
    const none = medianRun([run(0.99, undefined, 1)]);
    expect(none.median).toBeNull();
    expect(none.error).toBe('the page logged errors to the console in every run');
  });
});
