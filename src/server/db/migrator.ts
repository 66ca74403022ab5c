import type { SqlClient } from "./sql-client";
import { loadMigrationFiles, type MigrationFile } from "./migration-files";

const LOCK_KEY = 7_261_001; // any constant shared by every migrator process

const HISTORY_DDL = `
  create schema if not exists app_meta;
  create table if not exists app_meta.schema_migrations (
    version text primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  );
  revoke all on schema app_meta from public;
`;

interface HistoryRow {
  version: string;
  name: string;
  checksum: string;
}

export type MigrationState = "applied" | "pending" | "edited" | "unknown";

export interface MigrationStatus {
  version: string;
  name: string;
  state: MigrationState;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

async function lockedHistory(tx: SqlClient): Promise<HistoryRow[]> {
  await tx.query("select pg_advisory_xact_lock($1)", [LOCK_KEY]);
  await tx.exec(HISTORY_DDL);
  return tx.query<HistoryRow>("select version, name, checksum from app_meta.schema_migrations order by version");
}

function compare(files: MigrationFile[], history: HistoryRow[]): MigrationStatus[] {
  const byVersion = new Map(files.map((file) => [file.version, file]));
  const applied = new Map(history.map((row) => [row.version, row]));
  const rows: MigrationStatus[] = files.map((file) => {
    const row = applied.get(file.version);
    const state: MigrationState = !row ? "pending" : row.checksum === file.checksum ? "applied" : "edited";
    return { version: file.version, name: file.name, state };
  });
  for (const row of history) {
    if (!byVersion.has(row.version)) rows.push({ version: row.version, name: row.name, state: "unknown" });
  }
  return rows.sort((a, b) => a.version.localeCompare(b.version));
}

function assertHistoryIntact(statuses: MigrationStatus[]): void {
  const broken = statuses.filter((status) => status.state === "edited" || status.state === "unknown");
  if (broken.length === 0) return;
  const list = broken.map((status) => `${status.version}_${status.name} (${status.state})`).join(", ");
  throw new MigrationError(
    `Refusing to migrate: applied history does not match the migration files: ${list}. Applied migrations must never be edited or removed; add a new migration instead.`,
  );
}

export async function migrationStatus(sql: SqlClient, files = loadMigrationFiles()): Promise<MigrationStatus[]> {
  return sql.transaction(async (tx) => compare(files, await lockedHistory(tx)));
}

/** Applies every pending migration, each in its own transaction under the advisory lock. */
export async function migrate(sql: SqlClient, files = loadMigrationFiles()): Promise<string[]> {
  const applied: string[] = [];
  for (const file of files) {
    const didApply = await sql.transaction(async (tx) => {
      const statuses = compare(files, await lockedHistory(tx));
      assertHistoryIntact(statuses);
      if (statuses.find((status) => status.version === file.version)?.state === "applied") return false;
      await tx.exec(file.up);
      await tx.query("insert into app_meta.schema_migrations (version, name, checksum) values ($1, $2, $3)", [
        file.version,
        file.name,
        file.checksum,
      ]);
      return true;
    });
    if (didApply) applied.push(`${file.version}_${file.name}`);
  }
  return applied;
}

/** Rolls back the newest `steps` applied migrations with their paired down files. */
export async function rollback(sql: SqlClient, steps = 1, files = loadMigrationFiles()): Promise<string[]> {
  const rolledBack: string[] = [];
  for (let index = 0; index < steps; index += 1) {
    const done = await sql.transaction(async (tx) => {
      const statuses = compare(files, await lockedHistory(tx));
      assertHistoryIntact(statuses);
      const newest = statuses.filter((status) => status.state === "applied").at(-1);
      if (!newest) return undefined;
      const file = files.find((candidate) => candidate.version === newest.version) as MigrationFile;
      await tx.exec(file.down);
      await tx.query("delete from app_meta.schema_migrations where version = $1", [file.version]);
      return `${file.version}_${file.name}`;
    });
    if (!done) break;
    rolledBack.push(done);
  }
  return rolledBack;
}

export async function isSchemaCurrent(sql: SqlClient, files = loadMigrationFiles()): Promise<boolean> {
  const rows = await sql
    .query<HistoryRow>("select version, name, checksum from app_meta.schema_migrations order by version")
    .catch(() => [] as HistoryRow[]);
  return compare(files, rows).every((status) => status.state === "applied");
}
