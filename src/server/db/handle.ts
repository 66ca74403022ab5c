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
  close(): Promise<void>;
}
