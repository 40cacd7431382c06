import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres, withDatabase } from '../apps/api/src/database/embedded-postgres';
import { migrations } from '../migrations';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'codes-explain-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir });
  try {
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query('CREATE DATABASE m');
    await admin.end();
    const ds = new DataSource({
      type: 'postgres',
      url: withDatabase(pg.url, 'm'),
      migrations,
      migrationsTransactionMode: 'each',
    });
    await ds.initialize();
    await ds.runMigrations();
    await ds.query('ANALYZE');
    const c = new Client({ connectionString: withDatabase(pg.url, 'm') });
    await c.connect();
    const qs: [string, unknown[]][] = JSON.parse(process.env.QS!);
    for (const [sql, params] of qs) {
      for (let i = 0; i < 2; i++) {
        const r = await c.query('EXPLAIN (ANALYZE, COSTS OFF) ' + sql, params);
        if (i === 1) console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'), '\n-----');
      }
    }
    await c.end();
    await ds.destroy();
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
