import './v8-tuning';
import 'reflect-metadata';
import { join } from 'node:path';
import { createApp } from './bootstrap';
import { AppConfig, ConfigError, loadConfig } from './config/config';
import { runMigrations } from './database/data-source';
import { EmbeddedDatabase, startEmbeddedPostgres, withDatabase } from './database/embedded-postgres';
import { outageRejectionHandler } from './database/outage-rejections';
import { assertDatabaseReachable, DatabaseUnavailableError, ensureDatabaseExists } from './database/prepare-database';
import { seedDemoData } from './database/seed/demo-seed';

/** How long requests in flight at SIGTERM may take to finish before their connections are cut. */
const DRAIN_TIMEOUT_MS = 10_000;
/** After this the process exits whatever is still open (a hung pool, a database that will not stop). */
const SHUTDOWN_TIMEOUT_MS = 30_000;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function fail(message: string): never {
  process.stderr.write(`preauth: ${message}\n`);
  process.exit(1);
}

async function resolveDatabase(config: AppConfig): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  say(`Starting the embedded PostgreSQL (data in ${join(config.dataDir, 'postgres')}) …`);
  const embedded = await startEmbeddedPostgres({
    dataDir: join(config.dataDir, 'postgres'),
    // The app keeps running while its database is down (503 with Retry-After) and the server is
    // started again; the operator reads why in these lines.
    onSupervisorEvent: (line) => process.stderr.write(`preauth: ${line}\n`),
  });
  await ensureDatabaseExists(embedded.url, 'preauth');
  return { url: withDatabase(embedded.url, 'preauth'), embedded };
}

async function main(): Promise<void> {
  process.on(
    'unhandledRejection',
    outageRejectionHandler((line) => process.stderr.write(`preauth: ${line}\n`)),
  );
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  let database: Awaited<ReturnType<typeof resolveDatabase>>;
  try {
    database = await resolveDatabase(config);
  } catch (error) {
    fail((error as Error).message);
  }
  const { url, embedded } = database;
  const stopEmbedded = async () => embedded?.stop().catch(() => undefined);
  try {
    await assertDatabaseReachable(url);
    const applied = await runMigrations(url);
    if (applied.length) say(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  } catch (error) {
    await stopEmbedded();
    if (error instanceof DatabaseUnavailableError) fail(error.message);
    fail(`Could not prepare the database: ${(error as Error).message}`);
  }

  let app: Awaited<ReturnType<typeof createApp>>;
  let demo: Awaited<ReturnType<typeof seedDemoData>> | undefined;
  try {
    demo = config.demoData
      ? await seedDemoData(url, config.clinicTimeZone, { uploadDir: config.s3 ? null : config.uploadDir })
      : undefined;
    app = await createApp({ config, databaseUrl: url });
    await app.listen(config.port, config.host);
  } catch (error) {
    await stopEmbedded();
    fail((error as Error).message);
  }

  // The order matters: the HTTP server stops accepting connections and lets the requests in
  // flight finish (at most DRAIN_TIMEOUT_MS), then Nest's onApplicationShutdown hooks write the
  // queued audit traces and close the pools, and only then does the database stop.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`\n${signal} received: finishing open requests and stopping …`);
    const forced = setTimeout(() => {
      process.stderr.write('preauth: shutdown did not finish in time; exiting.\n');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    forced.unref();
    const cut = setTimeout(() => {
      process.stderr.write(`preauth: requests still open after ${DRAIN_TIMEOUT_MS / 1000} s are cut off.\n`);
      app.getHttpServer().closeAllConnections();
    }, DRAIN_TIMEOUT_MS);
    cut.unref();
    let code = 0;
    try {
      await app.close();
    } catch (error) {
      process.stderr.write(`preauth: while stopping: ${(error as Error).message}\n`);
      code = 1;
    } finally {
      clearTimeout(cut);
      await stopEmbedded();
      process.exit(code);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  say('');
  say(`Preauth is running at http://${shownHost}:${config.port}`);
  say(`  API docs:  http://${shownHost}:${config.port}/api/docs`);
  say(`  Database:  ${embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}`);
  if (demo && demo.logins.length) {
    say(`  Demo logins (password: ${demo.password}):`);
    for (const login of demo.logins) say(`    ${login.role.padEnd(12)} ${login.email}`);
  }
  say('Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message : String(error));
});
