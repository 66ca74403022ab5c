import { sql } from "drizzle-orm";
import { env } from "@/server/config/env";
import { dataDir } from "@/server/config/data-dir";
import { rootLogger } from "@/server/observability/logger";
import type { DatabaseHandle, DbTransaction } from "./handle";
import { migrate } from "./migrator";

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
  const { openPglite } = await import("./pglite-driver");
  const handle = await openPglite(dataDir());
  const applied = await migrate(handle.sql);
  rootLogger.info({ dataDir: dataDir(), applied }, "embedded database ready");
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

/**
 * Runs `fn` in one transaction as the `authenticated` role with the user's JWT claims, so row
 * level security enforces tenancy even where a query forgets its `user_id` filter.
 */
export async function withUserDb<T>(userId: string, fn: (tx: DbTransaction) => Promise<T>): Promise<T> {
  const { db } = await getDatabase();
  const claims = JSON.stringify({ sub: userId, role: "authenticated" });
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claims}, true)`,
    );
    return fn(tx);
  });
}

/** The privileged connection, for named system tasks only (auth lookups, jobs, maintenance). */
export async function withSystemDb<T>(task: string, fn: (tx: DbTransaction) => Promise<T>): Promise<T> {
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('application_name', ${`omnicrm:${task}`}, true)`);
    return fn(tx);
  });
}
