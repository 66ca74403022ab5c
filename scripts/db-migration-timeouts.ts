import type { SqlClient } from "@/server/db/sql-client";

export interface MigrationTimeouts {
  /** How long a migration may wait for a lock before it gives up (`lock_timeout`). */
  lockTimeout: string;
  /** How long one statement may run (`statement_timeout`). */
  statementTimeout: string;
}

export const DEFAULT_MIGRATION_TIMEOUTS: MigrationTimeouts = { lockTimeout: "5s", statementTimeout: "10min" };

const DURATION = /^\d+(ms|s|min|h)?$/;

export function parseDuration(value: string, option: string): string {
  if (!DURATION.test(value)) throw new Error(`${option} must be a Postgres duration such as 5s, 500ms or 10min`);
  return value;
}

/**
 * Wraps a SQL client so every transaction the migrator opens starts with `set local lock_timeout`
 * and `statement_timeout`: on a live database a migration waiting behind a long query would
 * otherwise queue every request behind its own lock. This is why squawk's timeout rules are off.
 */
export function withMigrationTimeouts(sql: SqlClient, timeouts: MigrationTimeouts): SqlClient {
  return {
    ...sql,
    transaction: (fn) =>
      sql.transaction(async (tx) => {
        await tx.query("select set_config('lock_timeout', $1, true), set_config('statement_timeout', $2, true)", [
          timeouts.lockTimeout,
          timeouts.statementTimeout,
        ]);
        return fn(tx);
      }),
  };
}
