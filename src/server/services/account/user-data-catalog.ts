import { sql, type SQL } from "drizzle-orm";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { tableParts } from "./user-data-tables";

/**
 * Every base table with a `user_id` column, in every schema but the system ones, as `schema.table`.
 * Read on the system path: information_schema shows only what the current role may touch.
 */
export async function tablesWithUserId(db: DbExecutor): Promise<string[]> {
  const rows = resultRows<{ name: string }>(
    await db.execute(sql`
      select c.table_schema || '.' || c.table_name as name
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
       where c.column_name = 'user_id'
         and t.table_type = 'BASE TABLE'
         and c.table_schema not like 'pg\\_%'
         and c.table_schema <> 'information_schema'
       order by 1`),
  );
  return rows.map((row) => row.name);
}

export interface TableShape {
  columns: string[];
  /** Primary key columns (every column when the table has none), for a stable page order. */
  orderBy: string[];
}

export async function tableShape(db: DbExecutor, table: string): Promise<TableShape> {
  const [schema, name] = tableParts(table);
  const columns = resultRows<{ column_name: string }>(
    await db.execute(sql`
      select column_name from information_schema.columns
       where table_schema = ${schema} and table_name = ${name}
       order by ordinal_position`),
  ).map((row) => row.column_name);
  const keys = resultRows<{ attname: string }>(
    await db.execute(sql`
      select a.attname
        from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
       where i.indrelid = ${table}::regclass and i.indisprimary
       order by array_position(i.indkey::int2[], a.attnum)`),
  ).map((row) => row.attname);
  return { columns, orderBy: keys.length > 0 ? keys : columns };
}

/** `"schema"."table"` for a statement. */
export function tableIdentifier(table: string): SQL {
  const [schema, name] = tableParts(table);
  return sql`${sql.identifier(schema)}.${sql.identifier(name)}`;
}

export function columnList(columns: readonly string[]): SQL {
  return sql.join(
    columns.map((column) => sql.identifier(column)),
    sql`, `,
  );
}
