// npm run seed:bulk -- --cases 1000000
// Loads a clinic network's volume into DATABASE_URL (or the embedded database in DATA_DIR).
import 'reflect-metadata';
import { Client } from 'pg';
import { loadConfig } from '../apps/api/src/config/config';
import { openCliDatabase } from '../apps/api/src/database/cli-database';
import { runMigrations } from '../apps/api/src/database/data-source';
import { recordBulkLoaded, seedBulk } from '../apps/api/src/database/seed/bulk-seed';

async function main(): Promise<void> {
  const arg = process.argv.indexOf('--cases');
  const cases = arg >= 0 ? Number(process.argv[arg + 1]) : 1_000_000;
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases needs a positive whole number');
  const config = loadConfig();
  const db = await openCliDatabase(config, (line) => process.stdout.write(`${line}\n`));
  try {
    await runMigrations(db.url);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const started = Date.now();
      await recordBulkLoaded(client, cases, await seedBulk(client, cases, (line) => process.stdout.write(`${line}\n`)));
      process.stdout.write(
        `Loaded ${cases.toLocaleString('en-US')} cases in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    } finally {
      await client.end();
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed:bulk: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
