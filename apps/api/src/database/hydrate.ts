import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * `alias."column" AS "prefix_column"` for every column of an entity: the select list of a
 * hand-written query that reads several entities in one round trip (see `hydrate`).
 */
export function selectColumns(
  dataSource: DataSource,
  entity: EntityTarget<ObjectLiteral>,
  alias: string,
  prefix: string,
  only?: readonly string[],
): string {
  return columnsOf(dataSource, entity, only)
    .map((c) => `${alias}."${c.databaseName}" AS "${prefix}${c.databaseName}"`)
    .join(', ');
}

function columnsOf(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, only?: readonly string[]) {
  const columns = dataSource.getMetadata(entity).columns;
  return only ? columns.filter((c) => only.includes(c.propertyName)) : columns;
}

/**
 * An entity built from raw columns (named `prefix` + column name) exactly as TypeORM's own
 * find() would build it: each value goes through the driver's conversion (dates, numbers,
 * transformers). With `only`, just those properties (the columns `selectColumns` read with it).
 */
export function hydrate<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  raw: Record<string, unknown>,
  prefix = '',
  only?: readonly (keyof T & string)[],
): T {
  const result = dataSource.getMetadata(entity).create() as T;
  for (const column of columnsOf(dataSource, entity, only)) {
    const value = raw[`${prefix}${column.databaseName}`];
    column.setEntityValue(result, dataSource.driver.prepareHydratedValue(value, column));
  }
  return result;
}
