import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import type { DatabaseHandle } from "../../src/server/db/handle";
import { createPglite, pgliteHandle } from "../../src/server/db/pglite-driver";
import { openPostgres } from "../../src/server/db/postgres-driver";
import { adminSql, databaseUrl } from "./test-databases";

export type TestDbKind = "pglite" | "postgres";

export function testDbKind(): TestDbKind {
  return process.env.TEST_DB_KIND === "postgres" ? "postgres" : "pglite";
}

/** A fresh, migrated database of its own: a PGlite clone of the template, or a Postgres database copied from it. */
export async function openTestDatabase(kind: TestDbKind = testDbKind()): Promise<DatabaseHandle & { url?: string }> {
  if (kind === "pglite") {
    const dump = new Blob([fs.readFileSync(inject("pgliteTemplate"))]);
    return pgliteHandle(await createPglite({ loadDataDir: dump }));
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error("TEST_DATABASE_URL is required for the postgres test project");
  const name = `${inject("runPrefix")}_${randomBytes(4).toString("hex")}`;
  const admin = adminSql(baseUrl);
  await admin.unsafe(`create database "${name}" template "${inject("postgresTemplate")}"`);
  await admin.end();
  const url = databaseUrl(baseUrl, name);
  const handle = openPostgres({ url, max: 5 });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      const dropper = adminSql(baseUrl);
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
