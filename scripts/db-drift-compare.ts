import type { ColumnModel, SchemaModel, TableModel } from "./db-drift-model";

/** Where the SQL migrations and the Drizzle schema disagree, one line per difference. */
export function compareModels(migrations: SchemaModel, drizzle: SchemaModel): string[] {
  const differences: string[] = [];
  for (const name of union(migrations.tables, drizzle.tables)) {
    const sqlTable = migrations.tables[name];
    const drizzleTable = drizzle.tables[name];
    if (!sqlTable) differences.push(`${name}: table declared in Drizzle but not created by any migration`);
    else if (!drizzleTable)
      differences.push(`${name}: table created by the migrations but missing from the Drizzle schema`);
    else differences.push(...compareTables(name, sqlTable, drizzleTable));
  }
  for (const name of union(migrations.enums, drizzle.enums)) {
    const sqlValues = migrations.enums[name]?.join(", ") ?? "(none)";
    const drizzleValues = drizzle.enums[name]?.join(", ") ?? "(none)";
    if (sqlValues !== drizzleValues)
      differences.push(`${name}: enum values differ: migrations [${sqlValues}], Drizzle [${drizzleValues}]`);
  }
  return differences;
}

function compareTables(table: string, sqlTable: TableModel, drizzleTable: TableModel): string[] {
  const differences: string[] = [];
  for (const column of union(sqlTable.columns, drizzleTable.columns)) {
    const sqlColumn = sqlTable.columns[column];
    const drizzleColumn = drizzleTable.columns[column];
    if (!sqlColumn) differences.push(`${table}.${column}: column declared in Drizzle but not in the migrations`);
    else if (!drizzleColumn) differences.push(`${table}.${column}: column in the migrations but not in Drizzle`);
    else differences.push(...compareColumns(`${table}.${column}`, sqlColumn, drizzleColumn));
  }
  const sqlKey = sqlTable.primaryKey.join(", ");
  const drizzleKey = drizzleTable.primaryKey.join(", ");
  if (sqlKey !== drizzleKey)
    differences.push(`${table}: primary key differs: migrations (${sqlKey}), Drizzle (${drizzleKey})`);
  differences.push(...compareSets(table, "foreign key", sqlTable.foreignKeys, drizzleTable.foreignKeys));
  differences.push(...compareSets(table, "unique constraint", sqlTable.uniques, drizzleTable.uniques));
  for (const index of union(sqlTable.indexes, drizzleTable.indexes)) {
    const sqlIndex = sqlTable.indexes[index] ?? "(missing)";
    const drizzleIndex = drizzleTable.indexes[index] ?? "(missing)";
    if (sqlIndex !== drizzleIndex)
      differences.push(`${table}: index ${index} differs: migrations ${sqlIndex}, Drizzle ${drizzleIndex}`);
  }
  return differences;
}

const COLUMN_FACTS: (keyof ColumnModel)[] = ["type", "notNull", "default", "identity", "generated"];

function compareColumns(column: string, sqlColumn: ColumnModel, drizzleColumn: ColumnModel): string[] {
  return COLUMN_FACTS.filter((fact) => sqlColumn[fact] !== drizzleColumn[fact]).map(
    (fact) =>
      `${column}: ${fact} differs: migrations ${String(sqlColumn[fact] ?? "(none)")}, Drizzle ${String(drizzleColumn[fact] ?? "(none)")}`,
  );
}

function compareSets(table: string, what: string, sqlItems: string[], drizzleItems: string[]): string[] {
  const onlySql = sqlItems.filter((item) => !drizzleItems.includes(item));
  const onlyDrizzle = drizzleItems.filter((item) => !sqlItems.includes(item));
  return [
    ...onlySql.map((item) => `${table}: ${what} in the migrations but not in Drizzle: ${item}`),
    ...onlyDrizzle.map((item) => `${table}: ${what} in Drizzle but not in the migrations: ${item}`),
  ];
}

function union(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
