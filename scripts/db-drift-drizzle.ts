import { generateDrizzleJson } from "drizzle-kit/api";
import {
  DRIFT_SCHEMAS,
  foreignKeyText,
  indexText,
  normalizeExpression,
  normalizeType,
  type ColumnModel,
  type SchemaModel,
  type TableModel,
} from "./db-drift-model";

interface DrizzleColumn {
  name: string;
  type: string;
  typeSchema?: string;
  primaryKey: boolean;
  notNull: boolean;
  default?: unknown;
  identity?: { type: "always" | "byDefault" };
  generated?: unknown;
}

interface DrizzleIndexColumn {
  expression: string;
  isExpression: boolean;
  asc: boolean;
  nulls?: string;
}

interface DrizzleTable {
  name: string;
  schema: string;
  columns: Record<string, DrizzleColumn>;
  indexes: Record<
    string,
    { name: string; columns: DrizzleIndexColumn[]; isUnique: boolean; where?: string; method: string }
  >;
  foreignKeys: Record<
    string,
    {
      columnsFrom: string[];
      tableTo: string;
      schemaTo?: string;
      columnsTo: string[];
      onDelete?: string;
      onUpdate?: string;
    }
  >;
  compositePrimaryKeys: Record<string, { columns: string[] }>;
  uniqueConstraints: Record<string, { columns: string[] }>;
}

interface DrizzleSnapshot {
  tables: Record<string, DrizzleTable>;
  enums: Record<string, { name: string; schema: string; values: string[] }>;
}

const SERIAL_BASE: Record<string, string> = { serial: "integer", bigserial: "bigint", smallserial: "smallint" };

function drizzleColumn(column: DrizzleColumn): ColumnModel {
  const serialBase = SERIAL_BASE[column.type];
  const typeName =
    column.typeSchema && column.typeSchema !== "public" ? `${column.typeSchema}.${column.type}` : column.type;
  const model: ColumnModel = {
    type: serialBase ? `${serialBase} serial` : normalizeType(typeName),
    notNull: column.notNull || column.primaryKey,
  };
  if (column.default !== undefined && !column.generated) model.default = normalizeExpression(column.default);
  if (column.identity) model.identity = column.identity.type === "always" ? "always" : "by default";
  if (column.generated) model.generated = true;
  return model;
}

function indexColumn(column: DrizzleIndexColumn): string {
  const nullsFirst = column.nulls === "first";
  const order = column.asc ? "" : " desc";
  const nulls = nullsFirst === column.asc ? (nullsFirst ? " nulls first" : " nulls last") : "";
  return `${normalizeExpression(column.expression)}${order}${nulls}`;
}

function drizzleTable(table: DrizzleTable): TableModel {
  const columns = Object.values(table.columns);
  const composite = Object.values(table.compositePrimaryKeys)[0]?.columns;
  return {
    columns: Object.fromEntries(columns.map((column) => [column.name, drizzleColumn(column)])),
    primaryKey: composite ?? columns.filter((column) => column.primaryKey).map((column) => column.name),
    foreignKeys: Object.values(table.foreignKeys).map((key) =>
      foreignKeyText({
        columns: key.columnsFrom,
        target: `${key.schemaTo || "public"}.${key.tableTo}`,
        targetColumns: key.columnsTo,
        onDelete: key.onDelete ?? "no action",
        onUpdate: key.onUpdate ?? "no action",
      }),
    ),
    uniques: Object.values(table.uniqueConstraints).map((unique) => `unique (${unique.columns.join(", ")})`),
    indexes: Object.fromEntries(
      Object.values(table.indexes).map((index) => [
        index.name,
        indexText({
          unique: index.isUnique,
          method: index.method,
          columns: index.columns.map(indexColumn),
          ...(index.where ? { where: index.where } : {}),
        }),
      ]),
    ),
  };
}

/** What the Drizzle schema declares, through drizzle-kit's own snapshot of it. */
export function drizzleModel(schema: Record<string, unknown>, schemas: string[] = DRIFT_SCHEMAS): SchemaModel {
  const snapshot = generateDrizzleJson(schema, undefined, schemas) as unknown as DrizzleSnapshot;
  const tables: Record<string, TableModel> = {};
  for (const table of Object.values(snapshot.tables)) {
    const schemaName = table.schema || "public";
    if (schemas.includes(schemaName)) tables[`${schemaName}.${table.name}`] = drizzleTable(table);
  }
  const enums: Record<string, string[]> = {};
  for (const entry of Object.values(snapshot.enums)) {
    if (schemas.includes(entry.schema)) enums[`${entry.schema}.${entry.name}`] = entry.values;
  }
  return { tables, enums };
}
