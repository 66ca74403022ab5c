import postgres from "postgres";
import { createTableRelationsHelpers, extractTablesRelationalConfig } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { drizzle, PostgresJsSession, PostgresJsTransaction } from "drizzle-orm/postgres-js";
import * as schema from "./schema";
import type { SqlClient } from "./sql-client";
import type { DatabaseHandle, DbTransaction } from "./handle";

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

// What drizzle() builds once per client, needed again for each transaction opened below.
const dialect = new PgDialect();
const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
const relational = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };
type TransactionSession = ConstructorParameters<typeof PostgresJsTransaction>[1];

/**
 * `sql.begin` with `setup` sent without waiting for its answer: it leaves in the same packet as
 * fn's first statement, saving a round trip per transaction. It is handed to postgres.js before fn
 * can send anything, and postgres.js sends a transaction's statements in that order, so Postgres
 * runs it first; should it fail, the transaction is aborted and every later statement fails too.
 */
export function pipelinedTransaction<T>(
  sql: postgres.Sql,
  setup: string,
  fn: (tx: DbTransaction) => Promise<T>,
): Promise<T> {
  return sql.begin(async (client) => {
    const settingUp = client.unsafe(setup).execute();
    // drizzle's own transaction() builds the same two objects around the transaction's client.
    const session = new PostgresJsSession(client as unknown as postgres.Sql, dialect, relational);
    const tx = new PostgresJsTransaction(dialect, session as unknown as TransactionSession, relational);
    let result: T;
    try {
      result = await fn(tx as unknown as DbTransaction);
    } catch (error) {
      // A failed setup makes fn's statements fail as "transaction aborted": report the cause instead.
      await settingUp;
      throw error;
    }
    await settingUp;
    return result;
  }) as Promise<T>;
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
    transactionAfter: (setup, fn) => pipelinedTransaction(sql, setup, fn),
    afterSetupInOneMessage: async <Row>(setup: string, statement: string) => {
      // A parameterless unsafe() is a simple Query message; with two statements postgres.js answers
      // with one result per statement.
      const results = (await sql.unsafe(`${setup};\n${statement}`)) as unknown as Row[][];
      return results.at(-1) ?? [];
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
