// How `npm run bench:web` sums up repeated Lighthouse runs of one page.

export interface LighthouseResult {
  lhr: {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { displayValue?: string }>;
    runtimeError?: { code: string; message: string };
  };
}

/** A category's score out of 100 (0 when the run has none). */
export function score(result: LighthouseResult, category: string): number {
  return Math.round((result.lhr.categories[category]?.score ?? 0) * 100);
}

/**
 * The run with the median performance score, and each run's score in the order run. A run
 * Lighthouse could not finish (the page did not paint in time, say) has no score: it is named as
 * failed, with Lighthouse's error code, and left out of the median rather than counted as 0.
 * With an even number of scored runs the lower of the two middle ones is the median.
 */
export function medianRun(runs: LighthouseResult[]): {
  median: LighthouseResult | null;
  scored: number;
  runText: string;
  error?: string;
} {
  const failed = (r: LighthouseResult) => r.lhr.categories.performance?.score == null;
  const runText = runs
    .map((r) => (failed(r) ? `failed (${r.lhr.runtimeError?.code ?? 'no score'})` : String(score(r, 'performance'))))
    .join(', ');
  const scored = runs.filter((r) => !failed(r)).sort((a, b) => score(a, 'performance') - score(b, 'performance'));
  if (!scored.length)
    return { median: null, scored: 0, runText, error: runs.find((r) => r.lhr.runtimeError)?.lhr.runtimeError?.message };
  return { median: scored[Math.floor((scored.length - 1) / 2)], scored: scored.length, runText };
}
