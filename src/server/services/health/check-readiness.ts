import { getDatabase } from "@/server/db";
import { loadMigrationFiles, type MigrationFile } from "@/server/db/migration-files";
import { isSchemaCurrent } from "@/server/db/migrator";
import { isShuttingDown } from "@/server/lifecycle/state";
import { runCheck } from "./run-check";

export type NotReadyReason = "shutting_down" | "database_unavailable" | "migrations_pending";

export type Readiness = { ready: true } | { ready: false; reason: NotReadyReason };

// The migration files cannot change while the process runs; read them once.
let migrationFiles: MigrationFile[] | undefined;

/**
 * Can this instance take traffic: not shutting down (answered at once, without touching the
 * database), the database answers, and every migration file this build ships is applied.
 */
export async function checkReadiness(): Promise<Readiness> {
  if (isShuttingDown()) return { ready: false, reason: "shutting_down" };
  let current = false;
  const database = await runCheck("database", async () => {
    const { sql } = await getDatabase();
    // isSchemaCurrent reads an unreachable database as "not migrated"; asking first tells the two apart.
    await sql.query("select 1");
    current = await isSchemaCurrent(sql, (migrationFiles ??= loadMigrationFiles()));
  });
  if (!database.ok) return { ready: false, reason: "database_unavailable" };
  return current ? { ready: true } : { ready: false, reason: "migrations_pending" };
}
