// How `npm run bench:web` sums up repeated Lighthouse runs of one page.

export interface LighthouseResult {
  lhr: {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { displayValue?: string; score?: number | null; details?: { items?: unknown[] } }>;
    runtimeError?: { code: string; message: string };
  };
}

/** A category's score out of 100 (0 when the run has none). */
export function score(result: LighthouseResult, category: string): number {
  return Math.round((result.lhr.categories[category]?.score ?? 0) * 100);
}

/**
 * How many errors the page wrote to the browser's console (Lighthouse's errors-in-console audit):
 * a page that failed (an error screen, say) can still paint fast and score well.
 */
function consoleErrors(result: LighthouseResult): number {
  const audit = result.lhr.audits['errors-in-console'];
  return audit?.score === 0 ? (audit.details?.items?.length ?? 1) : 0;
}

/**
 * The run with the median performance score, and each run's score in the order run. A run
 * Lighthouse could not finish (the page did not paint in time, say) has no score, and a run whose
 * page logged errors measured something other than the page: either is named as failed, with
 * Lighthouse's error code or the number of errors, and left out of the median rather than counted.
 * With an even number of scored runs the lower of the two middle ones is the median.
 */
export function medianRun(runs: LighthouseResult[]): {
  median: LighthouseResult | null;
  scored: number;
  runText: string;
  error?: string;
} {
  const failure = (r: LighthouseResult) =>
    r.lhr.categories.performance?.score == null
      ? `failed (${r.lhr.runtimeError?.code ?? 'no score'})`
      : consoleErrors(r)
        ? `failed (${consoleErrors(r)} console errors)`
        : null;
  const runText = runs.map((r) => failure(r) ?? String(score(r, 'performance'))).join(', ');
  const scored = runs.filter((r) => !failure(r)).sort((a, b) => score(a, 'performance') - score(b, 'performance'));
  if (!scored.length)
    return {
      median: null,
      scored: 0,
      runText,
      error:
        runs.find((r) => r.lhr.runtimeError)?.lhr.runtimeError?.message ??
        (runs.some(consoleErrors) ? 'the page logged errors to the console in every run' : undefined),
    };
  return { median: scored[Math.floor((scored.length - 1) / 2)], scored: scored.length, runText };
}
