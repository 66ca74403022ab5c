import postgres from "postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";

export interface ExplainOptions {
  /** EXPLAIN ANALYZE (runs the statement, then rolls back) rather than the plan alone. */
  analyze: boolean;
}

/** The plan of a statement run as `userId` under row level security, exactly as `withUserDb` runs it. */
export async function explainAsUser(url: string, userId: string, statement: SQL, options: ExplainOptions) {
  const { sql: text, params } = new PgDialect().sqlToQuery(statement);
  const client = postgres(url, { max: 1, prepare: false, onnotice: () => {} });
  const claims = JSON.stringify({ sub: userId, role: "authenticated" });
  let plan = "";
  try {
    await client.begin(async (tx) => {
      await tx.unsafe("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)", [
        claims,
      ]);
      const rows = await tx.unsafe(`explain ${options.analyze ? "(analyze) " : ""}${text}`, params as never[]);
      plan = rows.map((row) => Object.values(row).join("")).join("\n");
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  } finally {
    await client.end({ timeout: 5 });
  }
  return plan;
}

/** Ends the transaction without keeping anything an analysed statement wrote. */
class RolledBack extends Error {}
