// Faults an operator meets, on the built app started as `npm start` runs it (embedded PostgreSQL,
// demo data): its database killed under write load, and SIGTERM under mixed load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { RunningApp, startBuiltApp } from '../app/built-app';

const DEMO_PASSWORD = 'preauth-demo-2026';

interface Answer {
  path: string;
  startedAt: number;
  /** The HTTP status, or 'network' when no answer came (refused or reset connection). */
  status: number | 'network';
  retryAfter?: string | null;
  body?: Record<string, unknown>;
}

interface Session {
  call(method: string, path: string, body?: unknown): Promise<Answer>;
}

/** Signs a demo user in and calls the API as a browser would: session cookie plus CSRF header. */
async function signIn(baseUrl: string, email: string): Promise<Session> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in of ${email} answered ${login.status}`);
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('csrf_token='))?.split('=')[1] ?? '');
  return {
    async call(method, path, body) {
      const startedAt = Date.now();
      try {
        const res = await fetch(`${baseUrl}${path}`, {
          method,
          headers: { cookie: cookies.join('; '), 'x-csrf-token': csrf, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        const parsed = text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : undefined;
        return { path, startedAt, status: res.status, retryAfter: res.headers.get('retry-after'), body: parsed };
      } catch {
        return { path, startedAt, status: 'network' };
      }
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

const clusterDir = (app: RunningApp) => join(app.dataDir, 'postgres', 'cluster');

/** postmaster.pid: the postmaster's pid on line 1, its port on line 4. */
function postmaster(app: RunningApp): { pid: number; port: number } {
  const lines = readFileSync(join(clusterDir(app), 'postmaster.pid'), 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

async function connectDatabase(app: RunningApp): Promise<Client> {
  const { password } = JSON.parse(readFileSync(join(app.dataDir, 'postgres', 'credentials.json'), 'utf8')) as {
    password: string;
  };
  const client = new Client({
    host: '127.0.0.1',
    port: postmaster(app).port,
    user: 'postgres',
    password,
    database: 'preauth',
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('faults on the running app', () => {
  let app: RunningApp;
  let physician: Session;
  let caseId: string;
  const postmasterPids = new Set<number>();

  beforeAll(async () => {
    app = await startBuiltApp({ label: 'faults' });
    postmasterPids.add(postmaster(app).pid);
    physician = await signIn(app.baseUrl, 'physician@demo.clinic');
    const list = await physician.call('GET', '/api/cases?limit=1');
    caseId = (list.body?.items as { id: string }[])[0].id;
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    // Should the app have been killed rather than stopped, its server is not left running.
    for (const pid of postmasterPids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  });

  it('restarts a killed database: 503 with Retry-After meanwhile, then 2xx, and no acknowledged write lost', async () => {
    const answers: (Answer & { text: string })[] = [];
    let writing = true;
    let n = 0;
    const writer = async () => {
      while (writing) {
        const text = `Fault test note ${n++}.`;
        const answer = await physician.call('POST', `/api/cases/${caseId}/notes`, { kind: 'clinical_note', text });
        answers.push({ ...answer, text });
        if (answer.status !== 201) await sleep(50);
      }
    };
    const created = () => answers.filter((a) => a.status === 201).length;
    const load = Promise.all([writer(), writer(), writer()]);
    try {
      await until('the first writes', () => created() >= 10, 15_000);
      const killed = postmaster(app).pid;
      process.kill(killed, 'SIGKILL');
      const killedAt = Date.now();

      const health = async () => {
        const res = await fetch(`${app.baseUrl}/api/health`).catch(async (error: Error) => {
          // Say why: the app's last words, when it is the app that went away.
          await sleep(500);
          const why = app.process.exitCode === null ? '' : `; the app exited:\n${app.output().slice(-4000)}`;
          throw new Error(`GET /api/health failed (${error.message})${why}`, { cause: error });
        });
        return { status: res.status, body: await res.json(), retryAfter: res.headers.get('retry-after') };
      };
      // The old server's backends may answer a last query or two before they notice.
      let down: Awaited<ReturnType<typeof health>> | undefined;
      await until('health to report the database down', async () => (down = await health()).status !== 200, 5_000);
      expect(down).toEqual({ status: 503, body: { status: 'error', database: 'down' }, retryAfter: '5' });
      await until('health to answer 200 again', async () => (await health()).status === 200, 30_000);
      const recoveredMs = Date.now() - killedAt;
      const restarted = postmaster(app).pid;
      postmasterPids.add(restarted);
      expect(restarted).not.toBe(killed);
      expect(recoveredMs).toBeLessThan(15_000);
      const afterRecovery = created();
      await until('writes after the restart', () => created() >= afterRecovery + 10, 15_000);
    } finally {
      writing = false;
      await load;
    }

    expect(app.process.exitCode).toBeNull();
    // Each write either succeeded or was refused as a database outage; a 500 names its request id.
    expect(answers.filter((a) => a.status !== 201 && a.status !== 503)).toEqual([]);
    const refused = answers.filter((a) => a.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.filter((a) => a.retryAfter !== '5' || a.body?.code !== 'database_unavailable')).toEqual([]);
    expect(app.output()).toContain('The embedded PostgreSQL stopped unexpectedly (SIGKILL)');
    expect(app.output()).toContain('The embedded PostgreSQL is running again.');

    // Every write that was answered 201 is in the database, under its id and with its text.
    const acknowledged = answers.filter((a) => a.status === 201);
    const db = await connectDatabase(app);
    try {
      const { rows } = await db.query<{ id: string; text: string }>(
        'SELECT id, text FROM case_notes WHERE id = ANY($1)',
        [acknowledged.map((a) => a.body?.id)],
      );
      const stored = new Map(rows.map((r) => [r.id, r.text]));
      expect(acknowledged.filter((a) => stored.get(a.body?.id as string) !== a.text)).toEqual([]);
    } finally {
      await db.end();
    }
  }, 60_000);

  it('on SIGTERM finishes every request in flight, answers none with an error, and exits 0', async () => {
    // Hold the audit chain's head: every audited write and read then waits in the database, so
    // the load is certainly in flight when the signal comes.
    const holder = await connectDatabase(app);
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM audit_chain_head FOR UPDATE');
    const answers: Answer[] = [];
    let running = true;
    const worker = async (call: () => Promise<Answer>) => {
      while (running) {
        const answer = await call();
        answers.push(answer);
        if (answer.status === 'network') return;
      }
    };
    const note = () => physician.call('POST', `/api/cases/${caseId}/notes`, { kind: 'clinical_note', text: 'Drain.' });
    const casePage = () => physician.call('GET', `/api/cases/${caseId}`);
    const notes = () => physician.call('GET', `/api/cases/${caseId}/notes`);
    // Loops that send their next request as soon as one is answered, and single requests after
    // which their client keeps the connection open and quiet, as a browser tab does.
    const once = async (call: () => Promise<Answer>) => void answers.push(await call());
    const load = Promise.all([
      ...[note, note, note, casePage, casePage, notes].map(worker),
      once(note),
      once(casePage),
    ]);

    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    try {
      await until(
        'the writes to wait on the lock',
        async () => {
          // Inside a transaction pg_stat_activity is read once and kept, unless told to look again.
          await holder.query('SELECT pg_stat_clear_snapshot()');
          const { rows } = await holder.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'preauth' AND wait_event_type = 'Lock'`,
          );
          return rows[0].n >= 1;
        },
        10_000,
      );
      // The other requests reach their own wait in this time.
      await sleep(500);
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        app.process.once('exit', (code, signal) => resolve({ code, signal })),
      );
      const signalledAt = Date.now();
      app.process.kill('SIGTERM');
      await sleep(1_000);
      // Still draining: the requests in flight have not finished.
      expect(app.process.exitCode).toBeNull();
      expect(answers.filter((a) => a.startedAt < signalledAt)).toEqual([]);
      await holder.query('ROLLBACK');
      await holder.end();
      const releasedAt = Date.now();
      exit = await Promise.race([exited, sleep(20_000).then(() => undefined)]);

      expect(exit).toEqual({ code: 0, signal: null });
      // Once its last requests are answered the app closes their connections and stops, rather
      // than waiting out their keep-alive or its drain timeout.
      expect(Date.now() - releasedAt).toBeLessThan(5_000);
      running = false;
      await load;
      const inFlight = answers.filter((a) => a.startedAt < signalledAt);
      expect(inFlight.length).toBeGreaterThanOrEqual(8);
      expect(inFlight.filter((a) => a.status !== 200 && a.status !== 201)).toEqual([]);
      const answered = answers.filter((a) => a.status !== 'network');
      expect(answered.filter((a) => typeof a.status === 'number' && (a.status < 200 || a.status > 299))).toEqual([]);
    } finally {
      running = false;
      await holder.end().catch(() => undefined);
      await load;
    }
  }, 60_000);
});
