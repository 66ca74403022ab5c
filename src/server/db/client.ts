import { sql } from "drizzle-orm";
import { env } from "@/server/config/env";
import { dataDir } from "@/server/config/data-dir";
import { rootLogger } from "@/server/observability/logger";
import type { DatabaseHandle, DbTransaction } from "./handle";
import { migrate } from "./migrator";
import { resultRows } from "./result-rows";
import { splicedUuid } from "./spliced-uuid";

interface DatabaseSlot {
  opening?: Promise<DatabaseHandle> | undefined;
}

// One handle per process, kept on globalThis so dev reloads reuse the open database.
const slot = ((globalThis as { omnicrmDatabase?: DatabaseSlot }).omnicrmDatabase ??= {});

async function open(): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    const { openPostgres } = await import("./postgres-driver");
    return openPostgres({ url: env.DATABASE_URL, max: env.DATABASE_POOL_MAX });
  }
  // Said before the wait: creating a new embedded database takes several seconds on a first run.
  rootLogger.info({ dataDir: dataDir() }, "preparing the embedded database (a new one takes a few seconds)");
  const started = performance.now();
  const { openPglite } = await import("./pglite-driver");
  // The server keeps answering (and `next dev` compiling) while a new database is created.
  const handle = await openPglite(dataDir(), { initdbOffThread: true });
  const applied = await migrate(handle.sql);
  rootLogger.info(
    { dataDir: dataDir(), applied, durationMs: Math.round(performance.now() - started) },
    "embedded database ready",
  );
  return handle;
}

/** The process's database, opened (and in embedded mode migrated) on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  if (!slot.opening) {
    slot.opening = open().catch((error: unknown) => {
      slot.opening = undefined;
      throw error;
    });
  }
  return slot.opening;
}

/** Installs an already-open handle as the process database (test harnesses, scripts). */
export function useDatabase(handle: DatabaseHandle): void {
  slot.opening = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const opening = slot.opening;
  slot.opening = undefined;
  if (opening) await (await opening).close();
}

/** `fn` in one transaction that first runs `setup`: pipelined where the driver can, else in turn. */
async function transactionAfter<T>(setup: string, fn: (tx: DbTransaction) => Promise<T>): Promise<T> {
  const handle = await getDatabase();
  if (handle.transactionAfter) return handle.transactionAfter(setup, fn);
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql.raw(setup));
    return fn(tx);
  });
}

/**
 * Runs `fn` in one transaction as the `authenticated` role with the user's JWT claims, so row
 * level security enforces tenancy even where a query forgets its `user_id` filter.
 */
export async function withUserDb<T>(userId: string, fn: (tx: DbTransaction) => Promise<T>): Promise<T> {
  return transactionAfter(userSetup(userId), fn);
}

/**
 * One statement as the user (role and claims as `withUserDb` sets them), in one round trip on
 * Postgres: the setup and the statement leave as one message and run as one implicit transaction.
 * The statement carries no parameters: every value in its text must be a checked literal
 * (`src/server/db/sql-literal.ts`). Elsewhere it runs in an ordinary `withUserDb` transaction.
 */
export async function oneStatementAsUser<Row>(userId: string, statement: string): Promise<Row[]> {
  const handle = await getDatabase();
  if (!handle.afterSetupInOneMessage) {
    return withUserDb(userId, async (tx) => resultRows<Row>(await tx.execute(sql.raw(statement))));
  }
  return handle.afterSetupInOneMessage<Row>(userSetup(userId), statement);
}

function userSetup(userId: string): string {
  // The claims are part of the statement's text (a pipelined setup takes no parameters): only a uuid goes there.
  const claims = JSON.stringify({ sub: splicedUuid(userId, "withUserDb"), role: "authenticated" });
  return `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', '${claims}', true)`;
}

/** The privileged connection, for named system tasks only (auth lookups, jobs, maintenance). */
export async function withSystemDb<T>(task: string, fn: (tx: DbTransaction) => Promise<T>): Promise<T> {
  // Task names are code constants; anything else is replaced so the name can be spliced into the setup.
  const applicationName = `omnicrm:${task}`.replace(/[^\w:.-]/g, "_");
  return transactionAfter(`select set_config('application_name', '${applicationName}', true)`, fn);
}
