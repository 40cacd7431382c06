// npm run bench:web [-- --runs 3] [-- --only worklist,"case page"]
// The dashboard's production bundle: the size of each chunk gzipped, the JavaScript a first visit
// loads, and a Lighthouse performance score of the built app served as `npm start` serves it, desktop
// and mobile, with the JavaScript each page loads: the sign-in page, then signed in, the worklist,
// the case list and a case page; a summary at the end says per page which target is met.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startBuiltApp } from '../tools/app/built-app';
import { resolveChromium } from '../tools/browser/chromium';
import { LighthouseResult, medianRun, score } from './lighthouse-runs';

const root = resolve(__dirname, '..');
const dist = join(root, 'dist/web');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
// Lighthouse ships as ES modules; a real dynamic import keeps it out of require().
type Lighthouse = (
  url: string,
  flags: Record<string, unknown>,
  config?: Record<string, unknown>,
) => Promise<LighthouseResult>;
const RUNS = (() => {
  const i = process.argv.indexOf('--runs');
  return i >= 0 ? Math.max(1, Number(process.argv[i + 1]) || 1) : 3;
})();
// Pages whose names contain one of these words (all pages without --only).
const ONLY = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0
    ? (process.argv[i + 1] ?? '')
        .split(',')
        .map((word) => word.trim())
        .filter(Boolean)
    : [];
})();
// Only one form factor (both without --form-factor), for quicker comparisons while working on one.
const FORM_FACTOR = (() => {
  const i = process.argv.indexOf('--form-factor');
  return i >= 0 ? process.argv[i + 1] : undefined;
})();
// Each page's median run, whole, for the audits the summary leaves out (the LCP element and its
// phases, the request chains, the main thread's work): bench/results/lighthouse/<page>-<form factor>.json.
const LHR_DIR = join(root, 'bench/results/lighthouse');

// The audits behind the performance score, plus time to interactive and the bytes sent.
const METRIC_AUDITS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'speed-index',
  'cumulative-layout-shift',
  'interactive',
  'total-byte-weight',
];
// Lighthouse ships only as ES modules; the CommonJS compile (@swc-node/register) would turn a plain
// import() into require().
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a Function body is the one import() the CommonJS compile leaves alone
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

function bundleSizes(): {
  initialJsGzip: number;
  initialCssGzip: number;
  files: { file: string; bytes: number; gzip: number; initial: boolean }[];
} {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]));
  const files = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => {
      const body = readFileSync(join(dist, 'assets', f));
      return {
        file: `assets/${f}`,
        bytes: statSync(join(dist, 'assets', f)).size,
        gzip: gzipSync(body, { level: 9 }).length,
        initial: initial.has(`assets/${f}`),
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const initialGzip = (ext: string) =>
    files.filter((f) => f.initial && f.file.endsWith(ext)).reduce((a, f) => a + f.gzip, 0);
  return { initialJsGzip: initialGzip('.js'), initialCssGzip: initialGzip('.css'), files };
}

// A demo user the seed creates without two-factor sign-in, and the pages a clinic opens most.
const SIGNED_IN_USER = { email: 'frontdesk@demo.clinic', password: 'preauth-demo-2026' };

async function signInCookie(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(SIGNED_IN_USER),
  });
  if (!login.ok) throw new Error(`sign-in of ${SIGNED_IN_USER.email} failed: ${login.status}`);
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** The case list's first case; its state decides which sections the case page shows. */
async function firstCase(baseUrl: string, cookie: string): Promise<{ id: string; status: string }> {
  const res = await fetch(`${baseUrl}/api/cases?limit=1`, { headers: { cookie } });
  const page = (await res.json()) as { items?: { id: string; status: string }[] };
  const first = page.items?.[0];
  if (!first) throw new Error(`no case to measure (GET /api/cases answered ${res.status})`);
  return first;
}

type NetworkItem = { url: string; resourceType?: string };

/** The JavaScript a page loaded (its route's chunks too), gzip -9 as the bundle table counts it. */
function loadedJs(
  result: LighthouseResult,
  baseUrl: string,
  files: { file: string; gzip: number }[],
): { gzip: number; files: { file: string; gzip: number }[] } {
  const audit = result.lhr.audits['network-requests'] as { details?: { items?: NetworkItem[] } } | undefined;
  const byUrl = new Map(files.map((f) => [`${baseUrl}/${f.file}`, f]));
  const loaded = (audit?.details?.items ?? [])
    .filter((item) => item.resourceType === 'Script')
    .map((item) => byUrl.get(item.url.split('?')[0]))
    .filter((f): f is { file: string; gzip: number } => !!f)
    .sort((a, b) => b.gzip - a.gzip);
  return { gzip: loaded.reduce((sum, f) => sum + f.gzip, 0), files: loaded };
}

const JS_TARGET_KB = 250;
const DESKTOP_TARGET = 95;
const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');

interface SummaryRow {
  route: string;
  js: number | null;
  mobile: number | null;
  desktop: number | null;
  mobileTarget: number;
}

/** One line per route: each figure against its target, met or not. */
function summaryTable(rows: SummaryRow[]): string {
  const cell = (value: string, met: boolean | null) => `${value} ${met === null ? '' : verdict(met)}`.trim();
  const lines = rows.map((row) =>
    [
      row.route.padEnd(10),
      cell(row.js === null ? 'no run' : kb(row.js), row.js === null ? null : row.js <= JS_TARGET_KB * 1024).padEnd(22),
      cell(
        row.mobile === null ? 'no run' : String(row.mobile),
        row.mobile === null ? null : row.mobile >= row.mobileTarget,
      ).padEnd(14),
      cell(
        row.desktop === null ? 'no run' : String(row.desktop),
        row.desktop === null ? null : row.desktop >= DESKTOP_TARGET,
      ),
    ].join('  '),
  );
  return [
    `Summary, per route: JavaScript loaded (gzip -9, target <= ${JS_TARGET_KB} KB), Lighthouse performance mobile (target >= 95, sign-in >= 90) and desktop (target >= ${DESKTOP_TARGET})`,
    `${'route'.padEnd(10)}  ${'JavaScript'.padEnd(22)}  ${'mobile'.padEnd(14)}  desktop`,
    ...lines,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const sizes = bundleSizes();
  process.stdout.write('Production bundle (gzip -9):\n');
  for (const f of sizes.files.slice(0, 15)) {
    process.stdout.write(
      `  ${f.initial ? '*' : ' '} ${f.file.padEnd(48)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}\n`,
    );
  }
  process.stdout.write(
    `Initial JavaScript (* above, what /sign-in needs): ${kb(sizes.initialJsGzip)} gzipped (target <= ${JS_TARGET_KB} KB: ${verdict(sizes.initialJsGzip <= JS_TARGET_KB * 1024)})\n`,
  );
  process.stdout.write(`Initial CSS (render-blocking): ${kb(sizes.initialCssGzip)} gzipped\n\n`);

  const browser = await resolveChromium();
  // Production mode: the compression, caching and headers a clinic's browser is sent.
  const app = await startBuiltApp({ env: { NODE_ENV: 'production', COOKIE_SECURE: 'false' }, label: 'bench-web' });
  // What a browser actually receives for the entry chunk: encoding, bytes on the wire, caching.
  const entry = sizes.files.find((f) => f.initial && f.file.endsWith('.js'));
  if (entry) {
    const response = await fetch(`${app.baseUrl}/${entry.file}`, { headers: { 'accept-encoding': 'br, gzip' } });
    const wire = (await response.arrayBuffer()).byteLength;
    process.stdout.write(
      `Served ${entry.file}: content-encoding ${response.headers.get('content-encoding') ?? 'none'}, ` +
        `cache-control ${response.headers.get('cache-control') ?? 'none'}, content-length ${response.headers.get('content-length') ?? '?'} (${kb(wire)} decoded)\n\n`,
    );
  }
  const chromeLauncher = await importEsm<{
    launch(o: Record<string, unknown>): Promise<{ port: number; kill(): Promise<void> }>;
  }>('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: browser.executablePath,
    chromeFlags: browser.args,
  });
  try {
    const { default: lighthouse } = await importEsm<{ default: Lighthouse }>('lighthouse');
    const { default: desktopConfig } = await importEsm<{ default: Record<string, unknown> }>(
      'lighthouse/core/config/desktop-config.js',
    );
    // The clinic works on desktops and tablets; the mobile run (4x slower CPU, slow 4G) is the harsher bound.
    // Lighthouse's score varies from run to run with the machine's load (its simulated throttling
    // scales the main-thread time it observes), so each page and form factor runs RUNS times and
    // the run with the median score is reported, as Lighthouse's own guidance on variability advises.
    // Signed in, the session cookie rides on every request Lighthouse makes (extraHeaders), so
    // the page loads as a clinic's browser loads it after sign-in, from a cold cache.
    const cookie = await signInCookie(app.baseUrl);
    const measuredCase = await firstCase(app.baseUrl, cookie);
    const summary: SummaryRow[] = [];
    for (const route of [
      { name: 'sign-in', path: '/sign-in', mobileTarget: 90, headers: {} },
      { name: 'worklist', path: '/worklist', mobileTarget: 95, headers: { cookie } },
      { name: 'case list', path: '/cases', mobileTarget: 95, headers: { cookie } },
      { name: 'case page', path: `/cases/${measuredCase.id}`, mobileTarget: 95, headers: { cookie } },
    ].filter((r) => !ONLY.length || ONLY.some((word) => r.name.includes(word)))) {
      if (route.name === 'case page')
        process.stdout.write(`The case page measured is a case in state ${measuredCase.status}.\n`);
      const row: SummaryRow = {
        route: route.name,
        js: null,
        mobile: null,
        desktop: null,
        mobileTarget: route.mobileTarget,
      };
      for (const [factor, config] of [
        ['desktop', desktopConfig],
        ['mobile', undefined],
      ] as const) {
        if (FORM_FACTOR && factor !== FORM_FACTOR) continue;
        const target = factor === 'mobile' ? route.mobileTarget : DESKTOP_TARGET;
        const runs: LighthouseResult[] = [];
        for (let i = 0; i < RUNS; i++) {
          runs.push(
            await lighthouse(
              `${app.baseUrl}${route.path}`,
              {
                port: chrome.port,
                output: 'json',
                logLevel: 'error',
                onlyCategories: ['performance', 'accessibility', 'best-practices'],
                extraHeaders: route.headers,
              },
              config,
            ),
          );
        }
        const { median, scored, runText, error } = medianRun(runs);
        process.stdout.write(
          `Lighthouse ${factor}, ${route.name} (${route.path}, simulated throttling), median of ${scored} scored runs of ${RUNS}:\n`,
        );
        if (!median) {
          process.stdout.write(`  no run finished (runs: ${runText}): ${error ?? ''}\n`);
          continue;
        }
        mkdirSync(LHR_DIR, { recursive: true });
        writeFileSync(join(LHR_DIR, `${route.name.replace(/ /g, '-')}-${factor}.json`), JSON.stringify(median.lhr));
        const performance = score(median, 'performance');
        row[factor] = performance;
        process.stdout.write(
          `  performance ${performance} (target >= ${target}: ${verdict(performance >= target)}; runs: ${runText}), accessibility ${score(median, 'accessibility')}, best practices ${score(median, 'best-practices')}\n`,
        );
        // The JavaScript a route loads does not depend on the form factor: counted on the mobile run.
        if (factor === 'mobile') {
          const js = loadedJs(median, app.baseUrl, sizes.files);
          row.js = js.gzip;
          process.stdout.write(
            `  JavaScript loaded ${kb(js.gzip)} gzipped (target <= ${JS_TARGET_KB} KB: ${verdict(js.gzip <= JS_TARGET_KB * 1024)}) in ${js.files.length} files, largest: ${js.files
              .slice(0, 5)
              .map((f) => `${f.file.replace(/^assets\//, '')} ${kb(f.gzip)}`)
              .join(', ')}\n`,
          );
        }
        for (const audit of METRIC_AUDITS) {
          process.stdout.write(`  ${audit.padEnd(26)} ${median.lhr.audits[audit]?.displayValue ?? '?'}\n`);
        }
      }
      summary.push(row);
    }
    process.stdout.write(`\n${summaryTable(summary)}`);
  } finally {
    await chrome.kill();
    await app.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:web: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
