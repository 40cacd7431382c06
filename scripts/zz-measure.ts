import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres, withDatabase } from '../apps/api/src/database/embedded-postgres';
import { migrations } from '../migrations';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'codes-measure-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir });
  try {
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query('CREATE DATABASE m');
    await admin.end();
    const ds = new DataSource({ type: 'postgres', url: withDatabase(pg.url, 'm'), migrations, migrationsTransactionMode: 'each' });
    await ds.initialize();
    const t0 = Date.now();
    const orig = migrations[migrations.length - 1].prototype.up;
    migrations[migrations.length - 1].prototype.up = async function (qr: any) {
      const s = Date.now();
      await orig.call(this, qr);
      console.log('code set migration ms', Date.now() - s);
    };
    await ds.runMigrations();
    console.log('all migrations ms', Date.now() - t0);
    const r = await ds.query(`SELECT icd10_check(ARRAY['L72.0','L72.1','Z99.99','E11.A','L72'], '2026-03-01')`);
    console.log(JSON.stringify(r[0].icd10_check));
    await ds.destroy();
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
