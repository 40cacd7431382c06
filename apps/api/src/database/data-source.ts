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

export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(buildDataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
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
