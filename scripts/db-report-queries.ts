import type { SqlClient } from "@/server/db/sql-client";

export interface ReportSection {
  title: string;
  rows: Record<string, unknown>[];
  /** What a reader should know: how to read the numbers, or why the section could not be produced. */
  note?: string;
  /** The data source is missing (e.g. pg_stat_statements); the note says how to enable it. */
  unavailable?: boolean;
}

/**
 * The audit's database queries, corrected for Postgres 13+: pg_stat_statements' total_time and
 * mean_time became total_exec_time and mean_exec_time, and pg_stat_user_indexes names its
 * columns relname and indexrelname (not tablename and indexname).
 */
const SLOW_QUERIES = (schema: string) => `
  select left(regexp_replace(query, '\\s+', ' ', 'g'), 100) as query, calls,
    round((total_exec_time / 1000)::numeric, 2) as total_seconds, round(mean_exec_time::numeric, 2) as mean_ms, rows
  from "${schema}".pg_stat_statements
  where dbid = (select oid from pg_database where datname = current_database()) and mean_exec_time > $1
  order by total_exec_time desc limit 20`;

const UNUSED_INDEXES = `
  select s.schemaname as schema, s.relname as table, s.indexrelname as index, s.idx_scan as scans,
    pg_size_pretty(pg_relation_size(s.indexrelid)) as size
  from pg_stat_user_indexes s join pg_index i on i.indexrelid = s.indexrelid
  where s.idx_scan = 0 and not i.indisunique and not i.indisprimary
  order by pg_relation_size(s.indexrelid) desc, 1, 2, 3`;

const CACHE_HIT = `
  select 'tables' as reads, sum(heap_blks_hit)::bigint as from_cache, sum(heap_blks_read)::bigint as from_disk,
    round(100.0 * sum(heap_blks_hit) / nullif(sum(heap_blks_hit) + sum(heap_blks_read), 0), 2) as hit_percent
  from pg_statio_user_tables
  union all
  select 'indexes', sum(idx_blks_hit)::bigint, sum(idx_blks_read)::bigint,
    round(100.0 * sum(idx_blks_hit) / nullif(sum(idx_blks_hit) + sum(idx_blks_read), 0), 2)
  from pg_statio_user_indexes`;

const CONNECTIONS = `
  select coalesce(nullif(application_name, ''), '(none)') as application, coalesce(state, '(background)') as state,
    count(*)::int as connections
  from pg_stat_activity where datname = current_database() group by 1, 2 order by 3 desc, 1, 2`;

const CONNECTION_LIMIT = `
  select (select count(*) from pg_stat_activity)::int as connections, current_setting('max_connections')::int as max_connections,
    round(100.0 * (select count(*) from pg_stat_activity) / current_setting('max_connections')::int, 1) as used_percent,
    (select stats_reset from pg_stat_database where datname = current_database()) as stats_since`;

async function slowQueries(sql: SqlClient, slowMs: number): Promise<ReportSection> {
  const title = `Slow queries (mean > ${slowMs} ms, pg_stat_statements)`;
  const [extension] = await sql.query<{ schema: string }>(
    "select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_stat_statements'",
  );
  if (!extension)
    return {
      title,
      rows: [],
      unavailable: true,
      note: "pg_stat_statements is not installed in this database: run `create extension pg_stat_statements;` (Supabase: Database > Extensions); self-hosted Postgres also needs shared_preload_libraries = 'pg_stat_statements' and a restart.",
    };
  try {
    return { title, rows: await sql.query(SLOW_QUERIES(extension.schema), [slowMs]) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      title,
      rows: [],
      unavailable: true,
      note: `pg_stat_statements is installed but cannot be read (${reason}): add it to shared_preload_libraries and restart Postgres.`,
    };
  }
}

export async function databaseReport(sql: SqlClient, options: { slowMs: number }): Promise<ReportSection[]> {
  return [
    await slowQueries(sql, options.slowMs),
    {
      title: "Unused indexes (never scanned since statistics were reset; unique and primary keys excluded)",
      rows: await sql.query(UNUSED_INDEXES),
      note: "An index only a rare job uses looks unused until that job runs: check the stats_since date before dropping one.",
    },
    { title: "Cache hit ratio (target > 99%)", rows: await sql.query(CACHE_HIT) },
    { title: "Connections to this database", rows: await sql.query(CONNECTIONS) },
    { title: "Connection limit", rows: await sql.query(CONNECTION_LIMIT) },
  ];
}
