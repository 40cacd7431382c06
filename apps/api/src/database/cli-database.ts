import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../config/config';
import { startEmbeddedPostgres, withDatabase } from './embedded-postgres';
import { runMigrations } from './data-source';
import { ensureDatabaseExists } from './prepare-database';

export interface CliDatabase {
  url: string;
  close(): Promise<void>;
}

/**
 * The embedded cluster a running Preauth started, if any: its postmaster.pid names the port and
 * credentials.json the password, so a command-line tool can work while the app runs.
 */
export function runningEmbeddedServerUrl(dataDir: string): string | undefined {
  const pidFile = join(dataDir, 'cluster', 'postmaster.pid');
  const secretFile = join(dataDir, 'credentials.json');
  if (!existsSync(pidFile) || !existsSync(secretFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  const { password } = JSON.parse(readFileSync(secretFile, 'utf8')) as { password: string };
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/**
 * The database a command-line tool (user:create, audit:verify) works on: DATABASE_URL, or the
 * embedded one in DATA_DIR exactly as `npm start` uses it: the running app's cluster when it is
 * up, else one started for the tool and stopped by close().
 */
export async function openCliDatabase(config: AppConfig, log: (line: string) => void): Promise<CliDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, close: () => Promise.resolve() };
  const dataDir = join(config.dataDir, 'postgres');
  const running = runningEmbeddedServerUrl(dataDir);
  if (running) {
    log(`Using the embedded PostgreSQL already running on ${dataDir} (it keeps the settings it was started with).`);
    await ensureDatabaseExists(running, 'preauth');
    return { url: withDatabase(running, 'preauth'), close: () => Promise.resolve() };
  }
  log(`Starting the embedded PostgreSQL (data in ${dataDir}) …`);
  const embedded = await startEmbeddedPostgres({ dataDir });
  try {
    await ensureDatabaseExists(embedded.url, 'preauth');
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: withDatabase(embedded.url, 'preauth'), close: () => embedded.stop() };
}

/**
 * A command-line tool's work on one connection to the migrated database of openCliDatabase;
 * the connection and the database are closed whatever happens.
 */
export async function withMigratedCliClient<T>(
  config: AppConfig,
  log: (line: string) => void,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const database = await openCliDatabase(config, log);
  try {
    await runMigrations(database.url);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  } finally {
    await database.close();
  }
}
