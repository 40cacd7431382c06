// npm run bench [-- --cases 1000000 --duration 10 --rounds 5 --connections 16]
// Starts the built app on its own embedded PostgreSQL (or DATABASE_URL), loads the bulk data if
// missing, and measures the hot endpoints with autocannon. In the same run it measures the limits
// they are compared with: the same SQL issued directly with pg, and a bare Node http endpoint.
import 'reflect-metadata';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client, Pool } from 'pg';
import sharp from 'sharp';
import { loadSecretBox } from '../apps/api/src/modules/secrets/encryption-keys';
import { loadConfig } from '../apps/api/src/config/config';
import { openCliDatabase } from '../apps/api/src/database/cli-database';
import { findFreePort } from '../apps/api/src/database/embedded-postgres';
import { buildDataSourceOptions, runMigrations } from '../apps/api/src/database/data-source';
import { caseSql } from '../apps/api/src/modules/cases/case-loader';
import { caseListQuery } from '../apps/api/src/modules/cases/case-list.query';
import type { ListCasesQuery } from '../apps/api/src/modules/cases/dto/case-input.dto';
import { REPORT_TABLES } from '@preauth/domain';
import { DataSource } from 'typeorm';
import { bulkLoaded, recordBulkLoaded, seedBulk, seedBulkEvidence } from '../apps/api/src/database/seed/bulk-seed';
import { seedDemoData } from '../apps/api/src/database/seed/demo-seed';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon ships no types; require() lets this file type the one call it makes
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => AutocannonInstance;
interface AutocannonInstance {
  on(event: 'response', cb: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  then: Promise<{ requests: { average: number }; non2xx: number; errors: number; timeouts: number }>['then'];
}

const root = resolve(__dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('cases', 1_000_000);
const DURATION = arg('duration', 10);
const CONNECTIONS = arg('connections', 16);
const WARMUP = arg('warmup', 2);
// The API calls that are compared with their SQL are measured in this many alternating stretches.
const ROUNDS = Math.max(1, arg('rounds', 5));
// --only worklist,report: run the scenarios whose names contain one of these words (and the baselines).
const ONLY = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? process.argv[i + 1].split(',').map((w) => w.trim().toLowerCase()) : null;
})();
// --pin (Linux, embedded database): the API process on CPU 0, PostgreSQL on CPU 1, the load
// generator on CPU 1 while it drives the API and on CPU 0 while it drives the direct SQL (when the
// API is idle). Shows what the event loop does when the scheduler cannot preempt it for the
// database or the load generator. Without it, everything shares both cores.
const PIN = process.argv.includes('--pin');
// --profile: the app writes a V8 CPU profile to bench/profiles/ when it stops (open it in Chrome DevTools).
const PROFILE = process.argv.includes('--profile');

interface Result {
  name: string;
  kind: 'api' | 'sql' | 'baseline';
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** CPU time per request (user + system, from /proc, Linux only) of the API process and of PostgreSQL. */
  apiCpuMs?: number;
  dbCpuMs?: number;
  target?: string;
}

// Image work runs on libuv's threads, four by default: more uploads at once only queue.
const UPLOAD_CONNECTIONS = 4;

/** A 1600×1200 JPEG with noise, like a phone's close-up, made once per run. */
async function benchPhoto(): Promise<Buffer> {
  const width = 1600;
  const height = 1200;
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let i = 0; i < pixels.length; i += 3) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const noise = seed % 40;
    pixels[i] = 200 + (noise % 40) - 20;
    pixels[i + 1] = 150 + noise - 20;
    pixels[i + 2] = 130 + noise - 20;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Every thread of a process (and, with children, of the processes it has forked) on these CPUs. */
function pin(pid: number, cpus: string, children = false): void {
  for (const p of [pid, ...(children ? childrenOf(pid) : [])])
    execFileSync('taskset', ['-a', '-p', '-c', cpus, String(p)], { stdio: 'ignore' });
}

/** The processes a process has forked (PostgreSQL's backends and workers, for the postmaster). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when it finds none (a postmaster that has stopped): CPU is then not counted, and the next query says why
  }
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of a hot query, run as the app runs it (prepared, after the plan
 * cache has settled), and the tables it reads whole that hold more than 10,000 rows: none is the
 * goal on a hot path.
 */
async function planOf(client: Client, name: string, sql: string, params: unknown[]): Promise<string> {
  const statement = `plan_${name.replace(/\W+/g, '_')}`;
  const args = params.length ? `(${params.map((p) => client.escapeLiteral(literal(p))).join(', ')})` : '';
  await client.query(`PREPARE ${statement} AS ${sql}`);
  // Past the first five runs PostgreSQL may switch to the generic plan, as it does in the app.
  for (let i = 0; i < 6; i++) await client.query(`EXECUTE ${statement}${args}`);
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE ${statement}${args}`);
  // A statement PostgreSQL cannot cost generically is planned again on every run: that planning
  // time is paid by every request (the list's `LIMIT $n` did this).
  const counts = (
    await client.query(`SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1`, [statement])
  ).rows[0] as { generic_plans: string; custom_plans: string };
  const planCache =
    Number(counts.generic_plans) > 0
      ? 'generic plan reused'
      : `PLANNED ON EVERY RUN (${counts.custom_plans} custom plans)`;
  await client.query(`DEALLOCATE ${statement}`);
  const [plan] = (rows[0] as { 'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }[] })[
    'QUERY PLAN'
  ];
  const nodes: PlanNode[] = [];
  const walk = (n: PlanNode) => {
    nodes.push(n);
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(plan.Plan);
  const scans = nodes
    .filter((n) => n['Relation Name'])
    .map((n) => `${n['Node Type']} ${n['Index Name'] ?? n['Relation Name']}`);
  const seqTables = [
    ...new Set(nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'] as string)),
  ];
  const large: string[] = [];
  for (const table of seqTables) {
    const rows = Number(
      (await client.query<{ reltuples: number }>(`SELECT reltuples FROM pg_class WHERE relname = $1`, [table])).rows[0]
        ?.reltuples ?? 0,
    );
    if (rows > 10_000) large.push(`${table} (${Math.round(rows).toLocaleString('en-US')} rows)`);
  }
  return `${name.padEnd(30)} ${plan['Execution Time'].toFixed(2)} ms, planning ${plan['Planning Time'].toFixed(2)} ms, ${planCache}; ${large.length ? `SEQUENTIAL SCAN of ${large.join(', ')}` : 'no sequential scan of a large table'}\n      ${[...new Set(scans)].join(', ')}`;
}

/** A value as SQL text for EXECUTE (arrays in PostgreSQL's literal form). */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `{${value.map((v) => `"${String(v)}"`).join(',')}}`;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** Scenarios left out by --only; the two baselines always run. */
function skipped(name: string): boolean {
  if (!ONLY || name.startsWith('baseline') || name.startsWith('api: health')) return false;
  return !ONLY.some((w) => name.toLowerCase().includes(w));
}

// CPU time per request shows what a request costs rather than how long it queued for a core, so it
// moves less than latency with the machine's load (a busy host still inflates it by 10–30%).
// Read from /proc for the API process and every PostgreSQL process: Linux only, else left out.
const HAS_PROC = existsSync('/proc/self/stat');
const TICK_MS = HAS_PROC ? 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || 100) : 0;
const watched: { api?: number; postmaster?: number } = {};

function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0; // a backend that has closed
  }
}

function cpuNow(): { api: number; db: Map<number, number> } {
  const db = new Map<number, number>();
  if (watched.postmaster) {
    for (const pid of [watched.postmaster, ...childrenOf(watched.postmaster)]) db.set(pid, cpuMsOf(pid));
  }
  return { api: watched.api ? cpuMsOf(watched.api) : 0, db };
}

/** CPU milliseconds spent since `before` by the watched API process and by PostgreSQL. */
function cpuSince(before: ReturnType<typeof cpuNow>): { api: number; db: number } {
  const after = cpuNow();
  let db = 0;
  for (const [pid, ms] of after.db) db += ms - (before.db.get(pid) ?? 0);
  return { api: after.api - before.api, db };
}

function cpuColumns(r: Result): string {
  const api = r.apiCpuMs !== undefined ? `API ${r.apiCpuMs.toFixed(2)}` : '';
  const db = r.dbCpuMs !== undefined ? `DB ${r.dbCpuMs.toFixed(2)}` : '';
  return api || db ? `  CPU ms/req: ${[api, db].filter(Boolean).join(' + ')}` : '';
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)] * 100) / 100;
}

function summarize(
  name: string,
  kind: Result['kind'],
  latencies: number[],
  seconds: number,
  errors: number,
  target?: string,
): Result {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    name,
    kind,
    rps: Math.round(latencies.length / seconds),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors,
    target,
  };
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new Error(`the app did not become healthy:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

interface LoadOptions {
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  setupRequest?: (req: Record<string, unknown>) => Record<string, unknown> | null;
  body?: string | Buffer;
  connections?: number;
  /** false: the loaded server is not the watched process, so its CPU is not measured. */
  cpu?: false;
}

function autocannonFor(baseUrl: string, opts: LoadOptions, seconds: number): AutocannonInstance {
  return autocannon({
    url: baseUrl,
    connections: opts.connections ?? CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: opts.method ?? 'GET',
        path: opts.path ?? '/',
        ...(opts.headers ? { headers: opts.headers } : {}),
        ...(opts.body ? { body: opts.body } : {}),
        ...(opts.setupRequest ? { setupRequest: opts.setupRequest } : {}),
      },
    ],
  });
}

/**
 * What stretches of load measured. A scenario measured in interleaved rounds adds its stretches
 * up, so its percentiles are over all of its requests.
 */
interface Measured {
  latencies: number[];
  errors: number;
  responses: number;
  seconds: number;
  apiCpuMs: number;
  dbCpuMs: number;
}

interface Scenario {
  name: string;
  kind: Result['kind'];
  target?: string;
  /** Which processes' CPU the requests cost: the API's and PostgreSQL's, PostgreSQL's only, or not measured. */
  cpu: 'api+db' | 'db' | 'none';
  warmUp(): Promise<void>;
  measure(seconds: number, into: Measured): Promise<void>;
}

function resultOf(scenario: Scenario, m: Measured): Result {
  const round = (ms: number) => Math.round((ms / m.responses) * 100) / 100;
  const cpu =
    !m.responses || scenario.cpu === 'none'
      ? {}
      : {
          ...(scenario.cpu === 'api+db' && watched.api ? { apiCpuMs: round(m.apiCpuMs) } : {}),
          ...(watched.postmaster ? { dbCpuMs: round(m.dbCpuMs) } : {}),
        };
  return { ...summarize(scenario.name, scenario.kind, m.latencies, m.seconds, m.errors, scenario.target), ...cpu };
}

const nothingMeasured = (): Measured => ({
  latencies: [],
  errors: 0,
  responses: 0,
  seconds: 0,
  apiCpuMs: 0,
  dbCpuMs: 0,
});

/**
 * Each scenario warmed up, then `rounds` alternating stretches of DURATION / rounds seconds each.
 * Scenarios compared with each other (an API call and its SQL direct) run in ROUNDS: a machine
 * whose speed drifts (shared and noisy, as these are) slows both sides of a ratio alike instead
 * of whichever ran second.
 */
async function measureInterleaved(scenarios: (Scenario | null)[], rounds = ROUNDS): Promise<Result[]> {
  const present = scenarios.filter((s): s is Scenario => s !== null);
  for (const s of present) await s.warmUp();
  const measured = present.map(() => nothingMeasured());
  for (let round = 0; round < rounds; round++) {
    for (const [i, s] of present.entries()) await s.measure(DURATION / rounds, measured[i]);
  }
  return present.map((s, i) => resultOf(s, measured[i]));
}

/** One scenario on its own: its warm-up, then DURATION seconds of load. */
async function measureAlone(scenario: Scenario | null): Promise<Result | null> {
  return (await measureInterleaved([scenario], 1))[0] ?? null;
}

function load(name: string, baseUrl: string, opts: LoadOptions, target?: string): Scenario | null {
  if (skipped(name)) return null;
  return {
    name,
    kind: 'api',
    target,
    cpu: opts.cpu === false ? 'none' : 'api+db',
    // Unmeasured warm-up at the same load: V8 compiles the route's code, PostgreSQL's caches fill
    // and the prepared statements are made on every pooled connection.
    // (Not for uploads and writes: their warm-up would only add photos and use up cases.)
    async warmUp() {
      if (PIN) pin(process.pid, '1');
      if (WARMUP > 0 && !opts.body) await autocannonFor(baseUrl, opts, WARMUP);
    },
    async measure(seconds, into) {
      if (PIN) pin(process.pid, '1');
      const cpu = cpuNow();
      const instance = autocannonFor(baseUrl, opts, seconds);
      instance.on('response', (_c, status, _b, ms) => {
        into.responses++;
        if (status >= 400 && into.errors++ === 0) process.stdout.write(`  (${name}: first error status ${status})\n`);
        if (status < 400) into.latencies.push(ms);
      });
      const result = await instance;
      const spent = cpuSince(cpu);
      into.errors += result.errors + result.timeouts;
      into.seconds += seconds;
      into.apiCpuMs += spent.api;
      into.dbCpuMs += spent.db;
    },
  };
}

/** The same query issued straight to PostgreSQL at the same concurrency, prepared as the API prepares it. */
function loadSql(
  name: string,
  pool: Pool,
  sql: string,
  params: () => unknown[],
  then?: { pool: Pool; sql: string; params: () => unknown[] },
): Scenario | null {
  if (skipped(name)) return null;
  const statement = `bench_${name.replace(/\W+/g, '_')}`;
  const drive = async (seconds: number, into: Measured | null) => {
    const end = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (Date.now() < end) {
          const t0 = performance.now();
          try {
            await pool.query({ name: statement, text: sql, values: params() });
            if (then) await then.pool.query({ name: `${statement}_then`, text: then.sql, values: then.params() });
            if (into) into.latencies.push(performance.now() - t0);
          } catch {
            if (into) into.errors++;
          }
          if (into) into.responses++;
        }
      }),
    );
  };
  return {
    name,
    kind: 'sql',
    cpu: 'db',
    // The same warm-up as the API's scenarios.
    async warmUp() {
      if (PIN) pin(process.pid, '0');
      if (WARMUP > 0) await drive(WARMUP, null);
    },
    async measure(seconds, into) {
      if (PIN) pin(process.pid, '0');
      const cpu = cpuNow();
      await drive(seconds, into);
      into.seconds += seconds;
      into.dbCpuMs += cpuSince(cpu).db;
    },
  };
}

async function signIn(baseUrl: string, email: string): Promise<Record<string, string>> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'preauth-demo-2026' }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('csrf_token='))?.split('=')[1] ?? '';
  return { cookie: cookies.join('; '), 'x-csrf-token': decodeURIComponent(csrf) };
}

async function main(): Promise<void> {
  process.env.DATA_DIR ??= join(root, '.data/bench');
  const config = loadConfig();
  /** The list query exactly as the API issues it (CasesService.list), for the direct-SQL baseline and the plans. */
  const listSql = (query: Partial<ListCasesQuery>) => caseListQuery(query, config.clinicTimeZone);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const db = await openCliDatabase(config, log);
  const children: ChildProcess[] = [];
  try {
    await runMigrations(db.url);
    await seedDemoData(db.url, config.clinicTimeZone, { uploadDir: config.s3 ? null : config.uploadDir });
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const loaded = await bulkLoaded(client);
    if (loaded.cases < CASES) {
      log(`Loading ${CASES.toLocaleString('en-US')} bulk cases (once; kept in ${process.env.DATA_DIR}) …`);
      await recordBulkLoaded(client, CASES, await seedBulk(client, CASES, log));
    } else if (loaded.evidence < loaded.cases) {
      // Bulk data loaded before the generator wrote evidence (or without a physician): add it (once).
      log(
        `Adding photos, notes and failed treatments to the ${loaded.cases.toLocaleString('en-US')} bulk cases (once) …`,
      );
      const evidence = await seedBulkEvidence(client, loaded.cases, log);
      await client.query('VACUUM ANALYZE case_failed_treatments, case_notes, case_photos, case_events');
      await recordBulkLoaded(client, loaded.cases, evidence);
    }
    const total = Number((await client.query<{ count: string }>(`SELECT count(*) FROM cases`)).rows[0].count);
    const payerId = (await client.query<{ id: string }>(`SELECT id FROM payers WHERE payer_code = 'BULK1'`)).rows[0].id;
    const caseIds = (
      await client.query<{ id: string }>(`SELECT id FROM cases TABLESAMPLE SYSTEM (1) LIMIT 5000`)
    ).rows.map((r) => r.id);
    const documented = (
      await client.query<{ id: string }>(
        `SELECT id FROM cases WHERE status = 'documented' AND version = 1 AND case_number LIKE 'PB-%' LIMIT 20000`,
      )
    ).rows.map((r) => r.id);
    // What staff type in the search box: a surname, its first three letters, a first name and
    // surname, a surname with two letters swapped, an MRN or a member id. (The bulk surnames carry
    // a serial number, "Evans 971", that no one would type: the words are taken without it.)
    const searchTexts = (
      await client.query<{ first_name: string; last_name: string; mrn: string; member_id: string | null }>(
        `SELECT first_name, last_name, mrn, member_id FROM patients TABLESAMPLE SYSTEM (1) LIMIT 600`,
      )
    ).rows.map((p, i) => {
      const surname = p.last_name.split(' ')[0];
      const swapped = `${surname.slice(0, -3)}${surname.at(-2) ?? ''}${surname.at(-3) ?? ''}${surname.at(-1) ?? ''}`;
      return [surname, surname.slice(0, 3), `${p.first_name} ${surname}`, swapped, p.mrn, p.member_id ?? p.mrn][i % 6];
    });
    const deep = (
      await client.query<{ id: string; created_at: Date }>(
        `SELECT id, created_at FROM cases ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1`,
        [Math.floor(total / 2)],
      )
    ).rows[0];
    const deepCursor = Buffer.from(JSON.stringify({ k: deep.created_at.toISOString(), id: deep.id })).toString(
      'base64url',
    );
    await client.end();

    // The app, as npm start runs it, against this database.
    const port = await findFreePort();
    // At the default log level, as a clinic runs it: one JSON line per request, written to a file
    // (as a service manager would take them) rather than into this process.
    const appLog = join(process.env.DATA_DIR, 'bench-app.log');
    const app = spawn(
      process.execPath,
      [
        ...(process.env.BENCH_APP_FLAGS ?? '').split(' ').filter(Boolean),
        ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench/profiles')}`] : []),
        join(root, 'dist/api/apps/api/src/main.js'),
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: db.url,
          // The app is given the cluster by URL, so it takes the key as with DATABASE_URL.
          APP_ENCRYPTION_KEY: loadSecretBox(config, { createKeyFile: true }).current.key.toString('base64'),
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
          DEMO_DATA: 'false',
        },
        stdio: ['ignore', openSync(appLog, 'w'), 'pipe'],
      },
    );
    children.push(app);
    let errors = '';
    app.stderr?.on('data', (c: Buffer) => (errors += c.toString()));
    const output = () => `${errors}${readFileSync(appLog, 'utf8').split('\n').slice(-40).join('\n')}`;
    const base = `http://127.0.0.1:${port}`;
    await waitHealthy(`${base}/api/health`, app, output);

    // The bare Node limit: a JSON endpoint with no framework, in its own process like the app.
    const barePort = await findFreePort();
    const bare = spawn(process.execPath, [
      '-e',
      `require('http').createServer((q,s)=>{s.setHeader('content-type','application/json');s.end(JSON.stringify({status:'ok'}))}).listen(${barePort},'127.0.0.1')`,
    ]);
    children.push(bare);
    await new Promise((r) => setTimeout(r, 300));

    const postmaster = process.env.DATABASE_URL
      ? 0
      : Number(readFileSync(join(process.env.DATA_DIR, 'postgres/cluster/postmaster.pid'), 'utf8').split('\n')[0]);
    if (HAS_PROC) {
      watched.api = app.pid;
      if (postmaster) watched.postmaster = postmaster;
    }
    if (PIN) {
      if (!postmaster) throw new Error('--pin needs the embedded database (it pins its processes)');
      pin(app.pid ?? 0, '0');
      pin(postmaster, '1', true);
      log('Pinned: API on CPU 0, PostgreSQL on CPU 1.');
    }
    const frontDesk = await signIn(base, 'frontdesk@demo.clinic');
    const physician = await signIn(base, 'physician@demo.clinic');
    const manager = await signIn(base, 'manager@demo.clinic');
    const pool = new Pool({ connectionString: db.url, max: CONNECTIONS });
    // As the API writes read traces: without waiting for the WAL flush.
    const auditPool = new Pool({ connectionString: db.url, max: CONNECTIONS, options: '-c synchronous_commit=off' });
    const year = new Date().getFullYear();
    const range = `from=${year - 1}-01-01&to=${year - 1}-12-31`;
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
    // The case page's one statement, as CasesService.get issues it.
    const dataSource = new DataSource(buildDataSourceOptions(db.url));
    await dataSource.initialize();
    const caseViewSql = caseSql(dataSource, 'page');
    await dataSource.destroy();

    const results: Result[] = [];
    const record = (r: Result) => {
      results.push(r);
      log(
        `${r.name.padEnd(44)} ${String(r.rps).padStart(7)} req/s  p50 ${String(r.p50).padStart(7)} ms  p95 ${String(r.p95).padStart(7)} ms  p99 ${String(r.p99).padStart(7)} ms${cpuColumns(r)}${r.errors ? `  (${r.errors} errors)` : ''}`,
      );
    };
    const run = async (p: Promise<Result | null>) => {
      const r = await p;
      if (r) record(r);
    };
    const runCompared = async (scenarios: (Scenario | null)[]) => {
      for (const r of await measureInterleaved(scenarios)) record(r);
    };
    const asBaseline = (s: Scenario | null): Scenario | null => s && { ...s, kind: 'baseline' };
    log(
      `\n${total.toLocaleString('en-US')} cases, ${CONNECTIONS} connections, ${DURATION} s per scenario (API calls and their direct SQL in ${ROUNDS} alternating stretches)\n`,
    );
    await run(
      measureAlone(asBaseline(load('baseline: bare node http JSON', `http://127.0.0.1:${barePort}`, { cpu: false }))),
    );
    await run(measureAlone(load('api: health (framework + 1 query)', base, { path: '/api/health' })));
    const worklistStatuses = 'submitted,more_info_requested,denied,peer_to_peer,appealed,external_review';
    const worklistQuery = listSql({
      sort: 'due_asc',
      status: worklistStatuses.split(',') as ListCasesQuery['status'],
      limit: 25,
    });
    const filterQuery = listSql({ status: ['denied', 'approved'], payerId, limit: 25 });
    const deepQuery = listSql({ limit: 25, cursor: deepCursor });
    // The floor for the API on this machine: a bare Node http server that runs the same prepared
    // SQL with pg and writes the rows as JSON, in its own process like the app, with no framework,
    // session, validation, mapping or audit. API / this is what the framework and the app add.
    const barePgPort = await findFreePort();
    const barePg = spawn(
      process.execPath,
      [
        ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench/profiles')}`] : []),
        '-e',
        `const {Pool}=require('pg');const pool=new Pool({connectionString:process.env.DB,max:20});
         const q=JSON.parse(process.env.Q);
         require('http').createServer(async(req,res)=>{try{const r=await pool.query({name:'w',text:q.sql,values:q.params});
           res.setHeader('content-type','application/json');res.end(JSON.stringify({items:r.rows}))}catch(e){res.statusCode=500;res.end()}})
           .listen(${barePgPort},'127.0.0.1');process.on('SIGTERM',()=>process.exit(0))`,
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          DB: db.url,
          Q: JSON.stringify({ sql: worklistQuery.sql, params: worklistQuery.params }),
        },
      },
    );
    children.push(barePg);
    await new Promise((r) => setTimeout(r, 500));
    if (HAS_PROC) watched.api = barePg.pid;
    await run(
      measureAlone(
        asBaseline(load('baseline: bare node http + pg, worklist SQL', `http://127.0.0.1:${barePgPort}`, {})),
      ),
    );
    if (HAS_PROC) watched.api = app.pid;
    // Done with: its idle pool and heap should not share the machine with what follows.
    barePg.kill('SIGTERM');
    if (barePg.exitCode === null) await once(barePg, 'exit');
    await runCompared([
      load(
        'api: worklist',
        base,
        { path: `/api/cases?sort=due_asc&status=${worklistStatuses}&limit=25`, headers: frontDesk },
        'p95 <= 50 ms',
      ),
      loadSql('sql: worklist', pool, worklistQuery.sql, () => worklistQuery.params),
      // Every API read also appends its audit row (one chained insert; the API groups concurrent
      // ones): this is the SQL cost of a worklist request, without the framework.
      loadSql('sql: worklist + its audit row', pool, worklistQuery.sql, () => worklistQuery.params, {
        pool: auditPool,
        sql: `INSERT INTO audit_events (action, object_type, detail, prev_hash, hash) VALUES ('read', 'case_list', $1, '', '')`,
        params: () => [JSON.stringify({ count: 25, searched: false, bench: true })],
      }),
    ]);
    await runCompared([
      load(
        'api: case list, status + payer filter',
        base,
        { path: `/api/cases?status=denied,approved&payerId=${payerId}&limit=25`, headers: frontDesk },
        'p95 <= 50 ms',
      ),
      loadSql('sql: case list, status + payer filter', pool, filterQuery.sql, () => filterQuery.params),
    ]);
    await runCompared([
      load(
        'api: case list, deep cursor',
        base,
        { path: `/api/cases?limit=25&cursor=${deepCursor}`, headers: frontDesk },
        'p95 <= 50 ms',
      ),
      loadSql('sql: case list, deep cursor', pool, deepQuery.sql, () => deepQuery.params),
    ]);
    await run(
      measureAlone(
        load('api: case list, search by name', base, { path: `/api/cases?q=moss&limit=25`, headers: frontDesk }),
      ),
    );
    // The search box as staff type in it (searchTexts), each answer ranked by word similarity.
    await run(
      measureAlone(
        load(
          'api: search as you type (names, typos, MRN, member id)',
          base,
          {
            headers: frontDesk,
            setupRequest: (req) => ({ ...req, path: `/api/cases?q=${encodeURIComponent(pick(searchTexts))}&limit=25` }),
          },
          'p95 <= 20 ms',
        ),
      ),
    );
    await runCompared([
      load(
        'api: case page',
        base,
        { headers: frontDesk, setupRequest: (req) => ({ ...req, path: `/api/cases/${pick(caseIds)}` }) },
        'p95 <= 30 ms',
      ),
      loadSql('sql: case page', pool, caseViewSql, () => [pick(caseIds)]),
    ]);
    // The diagnosis picker's search over the whole ICD-10-CM release (74,719 codes): what people
    // type in it, codes, parts of codes, words (one misspelt) and lay terms. Four at once: a
    // clinic's staff typing, each keystroke (debounced) one request.
    const icdQueries = [
      'milia',
      'L72',
      'l720',
      'L72.1',
      'E11.A',
      'epidermal cyst',
      'pilar cyst',
      'whitehead',
      'seborrheic keratosis',
      'type 2 diabetes',
      'fracture of femur',
      'unspecified',
      'S72.0',
      'pruritus',
      'epidermla cyst',
    ].map((q) => `/api/codes/icd10?q=${encodeURIComponent(q)}`);
    await run(
      measureAlone(
        load(
          'api: icd10 search (4 connections)',
          base,
          { headers: physician, connections: 4, setupRequest: (req) => ({ ...req, path: pick(icdQueries) }) },
          'p95 <= 20 ms',
        ),
      ),
    );
    let next = 0;
    await run(
      measureAlone(
        load('api: transition (withdraw a documented case)', base, {
          method: 'POST',
          headers: { ...frontDesk, 'content-type': 'application/json', 'if-match': '1' },
          body: JSON.stringify({ to: 'withdrawn', reason: 'benchmark' }),
          setupRequest: (req) =>
            next < documented.length ? { ...req, path: `/api/cases/${documented[next++]}/transitions` } : null,
        }),
      ),
    );
    // A phone photo (1600×1200 JPEG, camera noise so it does not compress to nothing) uploaded by
    // a physician: streamed to disk, sniffed, EXIF stripped, a WebP thumbnail made, rows committed.
    const photo = await benchPhoto();
    const boundary = 'preauthbench';
    const field = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const upload = Buffer.concat([
      Buffer.from(
        `${field('bodySite', 'Left lower eyelid')}${field('lesionCount', '4')}${field('takenAt', '2026-11-20')}`,
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lesion.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      photo,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    await run(
      measureAlone(
        load(
          `api: photo upload + thumbnail (${UPLOAD_CONNECTIONS} connections, ${Math.round(photo.length / 1024)} KB JPEG)`,
          base,
          {
            method: 'POST',
            headers: { ...physician, 'content-type': `multipart/form-data; boundary=${boundary}` },
            body: upload,
            connections: UPLOAD_CONNECTIONS,
            setupRequest: (req) => ({ ...req, path: `/api/cases/${pick(caseIds)}/photos` }),
          },
        ),
      ),
    );
    for (const report of REPORT_TABLES) {
      // A manager opens a report; sixteen managers at once on two cores would measure the queue.
      await run(
        measureAlone(
          load(
            `api: report ${report} (1 connection)`,
            base,
            { path: `/api/reports/${report}?${range}`, headers: manager, connections: 1 },
            '<= 500 ms',
          ),
        ),
      );
    }
    await pool.end();
    await auditPool.end();

    // The hot paths' plans, as the app runs them.
    const plans: string[] = [];
    if (!ONLY || ONLY.includes('plans')) {
      const planClient = new Client({ connectionString: db.url });
      await planClient.connect();
      plans.push(await planOf(planClient, 'worklist', worklistQuery.sql, worklistQuery.params));
      plans.push(await planOf(planClient, 'case list, status + payer', filterQuery.sql, filterQuery.params));
      plans.push(await planOf(planClient, 'case list, deep cursor', deepQuery.sql, deepQuery.params));
      plans.push(await planOf(planClient, 'case page', caseViewSql, [caseIds[0]]));
      await planClient.end();
      log('\nPlans (EXPLAIN ANALYZE, BUFFERS; prepared, as the app runs them):');
      for (const p of plans) log(`  ${p}`);
    }

    const byName = (n: string) => results.find((r) => r.name === n);
    const ratio = (a: string, b: string) => Math.round(((byName(a)?.p95 ?? NaN) / (byName(b)?.p95 ?? NaN)) * 100) / 100;
    const ratios = ['worklist', 'case list, status + payer filter', 'case list, deep cursor']
      .filter((q) => byName(`api: ${q}`))
      .map((q) => ({ query: q, apiOverSqlP95: ratio(`api: ${q}`, `sql: ${q}`) }));
    const withAudit = byName('sql: worklist + its audit row')
      ? ratio('api: worklist', 'sql: worklist + its audit row')
      : null;
    // Not targets, but they say where the time goes: the case page against its one statement, and
    // the worklist against the floor of any Node API running its SQL on this machine.
    const casePage =
      byName('api: case page') && byName('sql: case page') ? ratio('api: case page', 'sql: case page') : null;
    const overBareNode =
      byName('api: worklist') && byName('baseline: bare node http + pg, worklist SQL')
        ? ratio('api: worklist', 'baseline: bare node http + pg, worklist SQL')
        : null;
    const bareRps = byName('baseline: bare node http JSON')?.rps ?? NaN;
    const healthRps = byName('api: health (framework + 1 query)')?.rps ?? NaN;
    log('\nRatios measured in this run:');
    for (const r of ratios) log(`  ${r.query.padEnd(36)} API p95 / direct SQL p95 = ${r.apiOverSqlP95}  (target <= 2)`);
    if (withAudit !== null)
      log(`  ${'worklist, SQL with its audit row'.padEnd(36)} API p95 / direct SQL p95 = ${withAudit}`);
    if (casePage !== null) log(`  ${'case page'.padEnd(36)} API p95 / direct SQL p95 = ${casePage}`);
    if (overBareNode !== null) log(`  ${'worklist'.padEnd(36)} API p95 / bare node http + pg p95 = ${overBareNode}`);
    log(`  framework: bare node req/s / health req/s = ${Math.round((bareRps / healthRps) * 100) / 100}`);

    mkdirSync(join(root, 'bench/results'), { recursive: true });
    // A partial run (--only) must not replace the figures of the last full one.
    const file = join(
      root,
      ONLY ? 'bench/results/partial.json' : PIN ? 'bench/results/latest-pinned.json' : 'bench/results/latest.json',
    );
    writeFileSync(
      file,
      `${JSON.stringify({ at: new Date().toISOString(), cases: total, connections: CONNECTIONS, durationSeconds: DURATION, rounds: ROUNDS, pinned: PIN, results, ratios, worklistOverSqlWithAudit: withAudit, casePageOverSql: casePage, worklistOverBareNodePg: overBareNode, plans, frameworkOverhead: bareRps / healthRps }, null, 2)}\n`,
    );
    log(`\nWrote ${file}`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
