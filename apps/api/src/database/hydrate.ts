import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * `alias."column" AS "prefix_column"` for every column of an entity: the select list of a
 * hand-written query that reads several entities in one round trip (see `hydrate`).
 */
export function selectColumns(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string, prefix: string): string {
  return dataSource
    .getMetadata(entity)
    .columns.map((c) => `${alias}."${c.databaseName}" AS "${prefix}${c.databaseName}"`)
    .join(', ');
}

/**
 * An entity built from raw columns (named `prefix` + column name) exactly as TypeORM's own
 * find() would build it: each value goes through the driver's conversion (dates, numbers,
 * transformers).
 */
export function hydrate<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, raw: Record<string, unknown>, prefix = ''): T {
  const metadata = dataSource.getMetadata(entity);
  const result = metadata.create() as T;
  for (const column of metadata.columns) {
    const value = raw[`${prefix}${column.databaseName}`];
    column.setEntityValue(result, dataSource.driver.prepareHydratedValue(value, column));
  }
  return result;
}
