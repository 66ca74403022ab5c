import fs from "node:fs";
import path from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import * as schema from "./schema";
import type { SqlClient } from "./sql-client";
import type { DatabaseHandle } from "./handle";
import { acquireDataDirLock } from "./data-dir-lock";
import { PGLITE_EXTENSIONS } from "./pglite-extensions";
import { initdbOffThread } from "./pglite-initdb";

function pgliteSqlClient(pg: Pick<PGlite, "query" | "exec">, transaction: SqlClient["transaction"]): SqlClient {
  return {
    query: async <Row>(text: string, params?: unknown[]) => (await pg.query<Row>(text, params)).rows,
    exec: async (script) => {
      await pg.exec(script);
    },
    transaction,
  };
}

/** Every PGlite the project opens (app, tests, scripts) goes through here so the extensions are loaded. */
export function createPglite(options: PGliteOptions = {}): Promise<PGlite> {
  return PGlite.create({ ...options, extensions: { ...PGLITE_EXTENSIONS, ...options.extensions } });
}

/** Wraps an open PGlite instance (on disk or in memory) as a database handle. */
export function pgliteHandle(pg: PGlite, onClose: () => Promise<void> = async () => {}): DatabaseHandle {
  const sqlClient: SqlClient = pgliteSqlClient(pg, (fn) =>
    pg.transaction((tx) =>
      fn(pgliteSqlClient(tx, () => Promise.reject(new Error("nested transactions are not supported")))),
    ),
  );
  return {
    kind: "pglite",
    db: drizzle({ client: pg, schema }),
    sql: sqlClient,
    close: async () => {
      await pg.close();
      await onClose();
    },
  };
}

/**
 * Opens the embedded database in `<dataDir>/db`, holding the directory lock while open. With
 * `initdbOffThread`, a new database is created in a worker thread so the event loop stays free.
 */
export async function openPglite(
  dataDir: string,
  options: { initdbOffThread?: boolean } = {},
): Promise<DatabaseHandle> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = await acquireDataDirLock(dataDir);
  try {
    const dbDir = path.join(dataDir, "db");
    if (options.initdbOffThread) await initdbOffThread(dbDir);
    const pg = await createPglite({ dataDir: dbDir });
    return pgliteHandle(pg, () => lock.release());
  } catch (error) {
    await lock.release();
    throw error;
  }
}
