import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import * as schema from "./schema";
import type { SqlClient } from "./sql-client";
import type { DatabaseHandle } from "./handle";

type Sql = postgres.Sql | postgres.TransactionSql;

function postgresSqlClient(sql: Sql): SqlClient {
  return {
    query: async <Row>(text: string, params?: unknown[]) =>
      (await sql.unsafe(text, (params ?? []) as postgres.ParameterOrJSON<never>[])) as unknown as Row[],
    exec: async (script) => {
      await sql.unsafe(script).simple();
    },
    transaction: (fn) => {
      if (!("begin" in sql)) return Promise.reject(new Error("nested transactions are not supported"));
      return sql.begin((tx) => fn(postgresSqlClient(tx))) as Promise<never>;
    },
  };
}

export interface PostgresOptions {
  url: string;
  max: number;
}

/** Connects with postgres.js; `prepare: false` keeps it compatible with Supabase's transaction pooler. */
export function openPostgres({ url, max }: PostgresOptions): DatabaseHandle {
  const sql = postgres(url, {
    prepare: false,
    max,
    idle_timeout: 20,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: "omnicrm" },
  });
  return {
    kind: "postgres",
    db: drizzle({ client: sql, schema }),
    sql: postgresSqlClient(sql),
    close: () => sql.end({ timeout: 5 }),
  };
}
