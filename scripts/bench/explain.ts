import postgres from "postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";

export interface ExplainOptions {
  /** EXPLAIN ANALYZE (runs the statement) rather than the plan alone. */
  analyze: boolean;
}

/**
 * The plans of a statement run as `userId` under row level security, exactly as `withUserDb` runs it,
 * including the statements executed inside functions it calls (auto_explain, which needs a superuser
 * connection; without it only the outer plan is shown). Each plan is one string.
 */
export async function explainAsUser(url: string, userId: string, statement: SQL, options: ExplainOptions) {
  const { sql: text, params } = new PgDialect().sqlToQuery(statement);
  const plans: string[] = [];
  const client = postgres(url, {
    max: 1,
    prepare: false,
    onnotice: (notice) => {
      if (String(notice.message).includes("plan:")) plans.push(String(notice.message));
    },
  });
  const claims = JSON.stringify({ sub: userId, role: "authenticated" });
  try {
    await client.begin(async (tx) => {
      const nested = await tx
        .unsafe("load 'auto_explain'")
        .then(() => true)
        .catch(() => false);
      if (nested) {
        await tx.unsafe(`set local auto_explain.log_min_duration = 0`);
        await tx.unsafe(`set local auto_explain.log_nested_statements = on`);
        await tx.unsafe(`set local auto_explain.log_analyze = ${options.analyze ? "on" : "off"}`);
        await tx.unsafe(`set local client_min_messages = log`);
      }
      await tx.unsafe("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)", [
        claims,
      ]);
      if (nested) {
        await tx.unsafe(text, params as never[]);
      } else {
        const rows = await tx.unsafe(`explain ${options.analyze ? "(analyze) " : ""}${text}`, params as never[]);
        plans.push(rows.map((row) => Object.values(row).join("")).join("\n"));
      }
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  } finally {
    await client.end({ timeout: 5 });
  }
  return plans;
}

/** Ends the transaction without keeping anything an analysed statement wrote. */
class RolledBack extends Error {}
