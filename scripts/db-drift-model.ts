import type { SqlClient } from "@/server/db/sql-client";

/**
 * One shape for both sides of the drift check. Constraint names are left out on purpose: Drizzle
 * and Postgres name foreign keys and unique constraints differently, and no query depends on them.
 * Index names are kept, because migrations drop indexes by name.
 */
export interface ColumnModel {
  type: string;
  notNull: boolean;
  default?: string;
  identity?: string;
  generated?: boolean;
}

export interface TableModel {
  columns: Record<string, ColumnModel>;
  primaryKey: string[];
  foreignKeys: string[];
  uniques: string[];
  indexes: Record<string, string>;
}

export interface SchemaModel {
  tables: Record<string, TableModel>;
  enums: Record<string, string[]>;
}

export const DRIFT_SCHEMAS = ["public", "app_private"];

const TYPE_ALIASES: Record<string, string> = {
  int: "integer",
  int4: "integer",
  int2: "smallint",
  int8: "bigint",
  bool: "boolean",
  varchar: "character varying",
  char: "character",
  timestamp: "timestamp without time zone",
  timestamptz: "timestamp with time zone",
  time: "time without time zone",
  timetz: "time with time zone",
  float8: "double precision",
  float4: "real",
  decimal: "numeric",
};

/** `varchar(120)` and `character varying(120)` are one type; so are `int4` and `integer`. */
export function normalizeType(type: string): string {
  const match = /^([a-z0-9_ .]+?)\s*(\(.*\))?((\[\])*)$/i.exec(type.trim().toLowerCase());
  if (!match) return type.trim().toLowerCase();
  const [, base = "", size = "", array = ""] = match;
  const name = (TYPE_ALIASES[base] ?? base).replace(/^public\./, "");
  return `${name}${size.replace(/\s+/g, "")}${array}`;
}

/** Casts, redundant parentheses, quoting of identifiers and spacing differ between the two sides. */
export function normalizeExpression(expression: unknown): string {
  let text = String(expression)
    .trim()
    .replace(/::[a-z_ ]+(\(\d+(,\s*\d+)?\))?(\[\])*/gi, "")
    .replace(/"([a-z_][a-z0-9_]*)"/g, "$1")
    .replace(/\s+/g, " ");
  while (/^\(.*\)$/.test(text) && balanced(text.slice(1, -1))) text = text.slice(1, -1).trim();
  return text.replace(/\(\s+/g, "(").replace(/\s+\)/g, ")").toLowerCase();
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === "(") depth += 1;
    if (char === ")") depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

export function foreignKeyText(key: {
  columns: string[];
  target: string;
  targetColumns: string[];
  onDelete: string;
  onUpdate: string;
}): string {
  return `(${key.columns.join(", ")}) references ${key.target}(${key.targetColumns.join(", ")}) on delete ${key.onDelete} on update ${key.onUpdate}`;
}

export function indexText(index: { unique: boolean; method: string; columns: string[]; where?: string }): string {
  const where = index.where ? ` where ${normalizeExpression(index.where)}` : "";
  return `${index.unique ? "unique " : ""}${index.method} (${index.columns.join(", ")})${where}`;
}

const FK_ACTIONS: Record<string, string> = {
  a: "no action",
  r: "restrict",
  c: "cascade",
  n: "set null",
  d: "set default",
};

interface ColumnRow {
  table_name: string;
  column_name: string;
  type: string;
  not_null: boolean;
  default_value: string | null;
  identity: string;
  generated: string;
}

interface ConstraintRow {
  table_name: string;
  kind: string;
  columns: string[];
  target: string | null;
  target_columns: string[] | null;
  on_delete: string;
  on_update: string;
}

interface IndexRow {
  table_name: string;
  index_name: string;
  unique: boolean;
  method: string;
  columns: string[];
  predicate: string | null;
}

const TABLE_NAME = `n.nspname || '.' || c.relname`;
const IN_SCOPE = `n.nspname = any($1::text[]) and c.relkind in ('r', 'p')`;

const COLUMNS_SQL = `
  select ${TABLE_NAME} as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as type,
    a.attnotnull as not_null, pg_get_expr(d.adbin, d.adrelid) as default_value,
    a.attidentity::text as identity, a.attgenerated::text as generated
  from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
  left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
  where a.attnum > 0 and not a.attisdropped and ${IN_SCOPE}`;

const CONSTRAINTS_SQL = `
  select ${TABLE_NAME} as table_name, k.contype::text as kind,
    array(select attname from unnest(k.conkey) with ordinality u(num, pos)
      join pg_attribute on attrelid = k.conrelid and attnum = u.num order by u.pos) as columns,
    (select tn.nspname || '.' || t.relname from pg_class t join pg_namespace tn on tn.oid = t.relnamespace where t.oid = k.confrelid) as target,
    array(select attname from unnest(k.confkey) with ordinality u(num, pos)
      join pg_attribute on attrelid = k.confrelid and attnum = u.num order by u.pos) as target_columns,
    k.confdeltype::text as on_delete, k.confupdtype::text as on_update
  from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
  where k.contype in ('p', 'f', 'u') and ${IN_SCOPE}`;

const INDEXES_SQL = `
  select ${TABLE_NAME} as table_name, i.relname as index_name, x.indisunique as unique, am.amname as method,
    array(select pg_get_indexdef(x.indexrelid, k, true) ||
        case when x.indoption[k - 1] & 1 = 1 then ' desc' else '' end ||
        case when (x.indoption[k - 1] & 2 = 2) <> (x.indoption[k - 1] & 1 = 1)
          then case when x.indoption[k - 1] & 2 = 2 then ' nulls first' else ' nulls last' end else '' end
      from generate_series(1, x.indnkeyatts) k) as columns,
    pg_get_expr(x.indpred, x.indrelid) as predicate
  from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
  join pg_namespace n on n.oid = c.relnamespace join pg_am am on am.oid = i.relam
  where ${IN_SCOPE} and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`;

const ENUMS_SQL = `
  select n.nspname || '.' || t.typname as name, array_agg(e.enumlabel order by e.enumsortorder) as labels
  from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid
  where n.nspname = any($1::text[]) group by 1`;

function databaseColumn(row: ColumnRow): ColumnModel {
  const serial = row.default_value?.startsWith("nextval(") ?? false;
  const base = normalizeType(row.type);
  const column: ColumnModel = { type: serial ? `${base} serial` : base, notNull: row.not_null };
  if (row.default_value && !serial && !row.generated) column.default = normalizeExpression(row.default_value);
  if (row.identity) column.identity = row.identity === "a" ? "always" : "by default";
  if (row.generated) column.generated = true;
  return column;
}

/** What the migrations built: read from the catalog of a migrated database. */
export async function databaseModel(sql: SqlClient, schemas: string[] = DRIFT_SCHEMAS): Promise<SchemaModel> {
  const tables: Record<string, TableModel> = {};
  const table = (name: string): TableModel =>
    (tables[name] ??= { columns: {}, primaryKey: [], foreignKeys: [], uniques: [], indexes: {} });
  for (const row of await sql.query<ColumnRow>(COLUMNS_SQL, [schemas]))
    table(row.table_name).columns[row.column_name] = databaseColumn(row);
  for (const row of await sql.query<ConstraintRow>(CONSTRAINTS_SQL, [schemas])) {
    const target = table(row.table_name);
    if (row.kind === "p") target.primaryKey = row.columns;
    if (row.kind === "u") target.uniques.push(`unique (${row.columns.join(", ")})`);
    if (row.kind === "f")
      target.foreignKeys.push(
        foreignKeyText({
          columns: row.columns,
          target: row.target ?? "",
          targetColumns: row.target_columns ?? [],
          onDelete: FK_ACTIONS[row.on_delete] ?? row.on_delete,
          onUpdate: FK_ACTIONS[row.on_update] ?? row.on_update,
        }),
      );
  }
  for (const row of await sql.query<IndexRow>(INDEXES_SQL, [schemas])) {
    const columns = row.columns.map((column) => normalizeExpression(column));
    table(row.table_name).indexes[row.index_name] = indexText({
      unique: row.unique,
      method: row.method,
      columns,
      ...(row.predicate ? { where: row.predicate } : {}),
    });
  }
  const enums: Record<string, string[]> = {};
  for (const row of await sql.query<{ name: string; labels: string[] }>(ENUMS_SQL, [schemas]))
    enums[row.name] = row.labels;
  return { tables, enums };
}
