import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { SqlClient } from "../../../src/server/db/sql-client";

const run = promisify(execFile);

/** Schemas that are the server's own, plus the migrator's history (it outlives a full rollback by design). */
const SKIP = `n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast', 'app_meta') and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast_temp%'`;

/** Every catalog fact a migration can change, as text without OIDs, so two databases compare equal. */
const QUERIES: Record<string, string> = {
  schemas: `select n.nspname as name, coalesce(n.nspacl::text, '') as acl, coalesce(obj_description(n.oid, 'pg_namespace'), '') as comment
    from pg_namespace n where ${SKIP} order by 1`,
  relations: `select n.nspname || '.' || c.relname as name, c.relkind::text as kind, c.relrowsecurity as rls,
      c.relforcerowsecurity as force_rls, coalesce(c.relacl::text, '') as acl, coalesce(obj_description(c.oid, 'pg_class'), '') as comment
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where ${SKIP} order by 1`,
  columns: `select n.nspname || '.' || c.relname || '.' || a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
      a.attnotnull as not_null, coalesce(pg_get_expr(d.adbin, d.adrelid), '') as default_value, a.attidentity::text as identity,
      a.attgenerated::text as generated, coalesce(a.attacl::text, '') as acl
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where a.attnum > 0 and not a.attisdropped and ${SKIP} order by 1`,
  constraints: `select n.nspname || '.' || c.relname || '.' || k.conname as name, pg_get_constraintdef(k.oid) as definition
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace where ${SKIP} order by 1`,
  indexes: `select schemaname || '.' || indexname as name, indexdef as definition from pg_indexes
    where ${SKIP.replaceAll("n.nspname", "schemaname")} order by 1`,
  policies: `select schemaname || '.' || tablename || '.' || policyname as name, permissive, roles::text as roles, cmd,
      coalesce(qual, '') as qual, coalesce(with_check, '') as with_check
    from pg_policies where ${SKIP.replaceAll("n.nspname", "schemaname")} order by 1`,
  functions: `select n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as name,
      pg_get_function_result(p.oid) as result, md5(p.prosrc) as body, coalesce(p.proacl::text, '') as acl,
      p.provolatile::text as volatility, p.prosecdef as security_definer, coalesce(obj_description(p.oid, 'pg_proc'), '') as comment
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace where ${SKIP} order by 1`,
  triggers: `select n.nspname || '.' || c.relname || '.' || t.tgname as name, pg_get_triggerdef(t.oid) as definition
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where not t.tgisinternal and ${SKIP} order by 1`,
  types: `select n.nspname || '.' || t.typname as name, t.typtype::text as kind,
      coalesce((select string_agg(e.enumlabel, ',' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid), '') as labels
    from pg_type t join pg_namespace n on n.oid = t.typnamespace
    where t.typtype in ('e', 'd', 'c') and not exists (select 1 from pg_class c where c.reltype = t.oid and c.relkind <> 'c') and ${SKIP} order by 1`,
  extensions: `select extname as name, extversion as version from pg_extension order by 1`,
};

export type SchemaSnapshot = Record<string, Record<string, unknown>[]>;

export async function schemaSnapshot(sql: SqlClient): Promise<SchemaSnapshot> {
  const snapshot: SchemaSnapshot = {};
  for (const [section, query] of Object.entries(QUERIES)) snapshot[section] = await sql.query(query);
  return snapshot;
}

/** `pg_dump --schema-only` of a real Postgres database, minus the header lines that carry versions. */
export async function pgDumpSchema(url: string): Promise<string> {
  const { stdout } = await run("pg_dump", ["--schema-only", "--exclude-schema=app_meta", url], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout
    .split("\n")
    .filter(
      (line) => !line.startsWith("-- Dumped ") && !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"),
    )
    .join("\n");
}
