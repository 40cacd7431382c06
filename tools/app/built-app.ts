// The built app started as `npm start` runs it, for everything that drives it from outside: the
// browser tests, bench:web (Lighthouse) and docs:screenshots. Each run gets its own data directory,
// so its embedded PostgreSQL and demo data start fresh and leave nothing behind.
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '../../apps/api/src/database/embedded-postgres';

export const workspaceRoot = resolve(__dirname, '../..');
export const mainScript = join(workspaceRoot, 'dist/api/apps/api/src/main.js');

export interface RunningApp {
  baseUrl: string;
  /** Its DATA_DIR: the embedded PostgreSQL lives in `postgres/` under it. */
  dataDir: string;
  output: () => string;
  /** The app's process, for tests that signal it and watch it exit. */
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface BuiltAppOptions {
  /** Extra environment, e.g. NODE_ENV=production for what a clinic's browser would be sent. */
  env?: Record<string, string>;
  /** Names the temp data directory, so a leftover one says who made it. */
  label?: string;
  /** Run on this data directory (kept by stop()) instead of a new temp one (removed by stop()). */
  dataDir?: string;
}

/** Start the built app as `npm start` runs it, with its own embedded PostgreSQL in a temp dir. */
export async function startBuiltApp({
  env = {},
  label = 'app',
  ...options
}: BuiltAppOptions = {}): Promise<RunningApp> {
  if (!existsSync(mainScript) || !existsSync(join(workspaceRoot, 'dist/web/index.html'))) {
    throw new Error('The app is not built: run `npm run build` (npm test does it first).');
  }
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `preauth-${label}-`));
  if (!options.dataDir) chmodSync(dataDir, 0o755);
  const port = await findFreePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [mainScript], {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited during start-up:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The app did not become healthy within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    baseUrl,
    dataDir,
    output: () => output,
    process: child,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((r) => (timer = setTimeout(r, 20_000)));
        await Promise.race([exited, timeout]);
        clearTimeout(timer);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      child.stdout?.destroy();
      child.stderr?.destroy();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
