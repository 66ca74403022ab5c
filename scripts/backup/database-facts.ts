import type { SqlClient } from "@/server/db/sql-client";

export interface DatabaseFacts {
  /** Rows per table, keyed `schema.table`. */
  tables: Record<string, number>;
  migrationVersion: string | null;
  migrations: string[];
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Row counts and applied migrations; run inside the backup's snapshot so they describe exactly what was dumped. */
export async function databaseFacts(sql: SqlClient, schemas: string[]): Promise<DatabaseFacts> {
  const relations = await sql.query<{ schema: string; name: string }>(
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = any($1::text[]) and c.relkind in ('r', 'p') and not c.relispartition order by 1, 2`,
    [schemas],
  );
  const tables: Record<string, number> = {};
  for (const { schema, name } of relations) {
    const [row] = await sql.query<{ count: string | number }>(
      `select count(*) as count from ${quoteIdent(schema)}.${quoteIdent(name)}`,
    );
    tables[`${schema}.${name}`] = Number(row?.count ?? 0);
  }
  const [history] = await sql.query<{ present: boolean }>(
    "select to_regclass('app_meta.schema_migrations') is not null as present",
  );
  const migrations = history?.present
    ? (
        await sql.query<{ id: string }>(
          "select version || '_' || name as id from app_meta.schema_migrations order by version",
        )
      ).map((row) => row.id)
    : [];
  return { tables, migrations, migrationVersion: migrations.at(-1)?.slice(0, 4) ?? null };
}

/** The tables whose row counts differ from what the manifest recorded, for a readable refusal. */
export function countDifferences(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names
    .filter((name) => expected[name] !== actual[name])
    .map((name) => `${name}: manifest ${expected[name] ?? "(absent)"}, restored ${actual[name] ?? "(absent)"}`);
}
