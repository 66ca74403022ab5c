import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";
import type { SqlClient } from "./sql-client";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbTransaction = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** What a service receives: the database or a transaction scoped to the caller. */
export type DbExecutor = Db | DbTransaction;

export interface DatabaseHandle {
  kind: "pglite" | "postgres";
  /** The privileged connection: migrations, system tasks and `withUserDb` only. */
  db: Db;
  sql: SqlClient;
  /**
   * A transaction that first runs `setup` (one statement without parameters), sent along with
   * fn's first statement rather than waited for. Postgres only: elsewhere a round trip costs nothing.
   */
  transactionAfter?<T>(setup: string, fn: (tx: DbTransaction) => Promise<T>): Promise<T>;
  /**
   * `setup` then `statement` (both without parameters) in one message, which Postgres runs as one
   * implicit transaction: one round trip where BEGIN, the statement and COMMIT take four. Returns
   * the statement's rows. Postgres only; elsewhere the caller runs them in a transaction.
   */
  afterSetupInOneMessage?<Row>(setup: string, statement: string): Promise<Row[]>;
  close(): Promise<void>;
}
