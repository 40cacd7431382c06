import { DataSource, DataSourceOptions } from 'typeorm';
import { migrations } from '@preauth/migrations';
import { DEFAULT_DATABASE_POOL_SIZE } from '../config/config';
import { entities } from './entities';

/** `poolSize`: the most connections the app holds open (DATABASE_POOL_SIZE). */
export function buildDataSourceOptions(url: string, poolSize = DEFAULT_DATABASE_POOL_SIZE): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    // Schema changes only ever come from migrations/.
    synchronize: false,
    // Extensions are created by migrations, not at every connect.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    logging: false,
    extra: { max: poolSize, connectionTimeoutMillis: 10_000, application_name: 'preauth' },
  };
}

/** The advisory lock instances take turns on to migrate (the demo seed has 7426001). */
const MIGRATION_LOCK = 7426002;

/**
 * Applies the pending migrations. Instances that start together (a rolling deploy, `docker compose
 * up --scale app=2`) would each try to apply the same ones and all but one fail ("relation already
 * exists"): they wait for each other on a session-level advisory lock, held on a connection of
 * its own while the migrations run, and the later ones find nothing left to do.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(buildDataSourceOptions(url));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    // Closing the connection would free the lock too; unlocking first lets the next instance on at once.
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

/** SQL that would bring the database in line with the entities; empty when migrations are complete. */
export async function pendingSchemaChanges(url: string): Promise<{ up: string[]; down: string[] }> {
  const dataSource = new DataSource(buildDataSourceOptions(url));
  await dataSource.initialize();
  try {
    const log = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: log.upQueries.map((q) => q.query),
      down: log.downQueries.map((q) => q.query),
    };
  } finally {
    await dataSource.destroy();
  }
}
