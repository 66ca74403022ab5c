import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../src/server/db/handle";
import { loadMigrationFiles } from "../../../src/server/db/migration-files";
import { migrate, migrationStatus, rollback } from "../../../src/server/db/migrator";
import { pgliteHandle } from "../../../src/server/db/pglite-driver";
import { openPostgres } from "../../../src/server/db/postgres-driver";
import { openTestDatabase, testDbKind } from "../../support/open-test-database";
import { adminSql, databaseUrl } from "../../support/test-databases";
import { pgDumpSchema, schemaSnapshot, type SchemaSnapshot } from "./schema-snapshot";

const files = loadMigrationFiles();
let db: DatabaseHandle & { url?: string };

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.close();
});

/** The catalog of a database no migration has touched: what a full rollback must return to. */
async function pristineSnapshot(): Promise<SchemaSnapshot> {
  if (testDbKind() === "pglite") {
    const pg = await PGlite.create();
    try {
      return await schemaSnapshot(pgliteHandle(pg).sql);
    } finally {
      await pg.close();
    }
  }
  const baseUrl = process.env.TEST_DATABASE_URL as string;
  const name = `${new URL(db.url as string).pathname.slice(1)}_pristine`;
  const admin = adminSql(baseUrl);
  await admin.unsafe(`create database "${name}"`);
  const handle = openPostgres({ url: databaseUrl(baseUrl, name), max: 1 });
  try {
    return await schemaSnapshot(handle.sql);
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

describe(`migrations on ${testDbKind()}`, () => {
  it(
    "roll all back to a pristine schema, then reapply to a schema identical to the first",
    { timeout: 120_000 },
    async () => {
      const applied = await schemaSnapshot(db.sql);
      const dumpBefore = db.url ? await pgDumpSchema(db.url) : undefined;
      expect(applied.relations?.map((relation) => relation.name)).toContain("public.profiles");

      const undone = await rollback(db.sql, files.length);
      expect(undone).toEqual(files.map((file) => `${file.version}_${file.name}`).reverse());
      expect(await schemaSnapshot(db.sql)).toEqual(await pristineSnapshot());

      expect(await migrate(db.sql)).toHaveLength(files.length);
      expect(await schemaSnapshot(db.sql)).toEqual(applied);
      if (db.url) expect(await pgDumpSchema(db.url)).toBe(dumpBefore);
    },
  );

  // A rollback may leave a different (still correct) state than its migration found, e.g. a restored check
  // that is NOT VALID, so each depth is compared after reapplying everything above it too.
  it("every migration rolls back and reapplies on its own, newest first", { timeout: 240_000 }, async () => {
    const applied = await schemaSnapshot(db.sql);
    for (let step = 1; step <= files.length; step += 1) {
      await rollback(db.sql, step);
      await migrate(db.sql);
      expect(await schemaSnapshot(db.sql)).toEqual(applied);
    }
  });

  it("notices a rollback that leaves an object behind", async () => {
    const careless = {
      version: "9999",
      name: "careless",
      up: "create table public.leftover (id bigint);",
      down: "select 1;",
      checksum: "c".repeat(64),
    };
    const withCareless = [...files, careless];
    const applied = await schemaSnapshot(db.sql);
    await migrate(db.sql, withCareless);
    await rollback(db.sql, 1, withCareless);
    expect(await schemaSnapshot(db.sql)).not.toEqual(applied);
    await db.sql.exec("drop table public.leftover");
    expect(await schemaSnapshot(db.sql)).toEqual(applied);
  });

  it("refuses to migrate when an applied migration's checksum no longer matches its file", async () => {
    const [{ checksum }] = (await db.sql.query<{ checksum: string }>(
      "select checksum from app_meta.schema_migrations where version = $1",
      [files[1]?.version],
    )) as [{ checksum: string }];
    await db.sql.query("update app_meta.schema_migrations set checksum = 'edited' where version = $1", [
      files[1]?.version,
    ]);
    try {
      await expect(migrate(db.sql)).rejects.toThrow(/edited/);
      await expect(rollback(db.sql)).rejects.toThrow(/edited/);
      expect((await migrationStatus(db.sql)).find((status) => status.version === files[1]?.version)?.state).toBe(
        "edited",
      );
    } finally {
      await db.sql.query("update app_meta.schema_migrations set checksum = $1 where version = $2", [
        checksum,
        files[1]?.version,
      ]);
    }
    expect(await migrate(db.sql)).toEqual([]);
  });

  it("refuses to migrate when an applied migration's file is gone, or its text was changed", async () => {
    const newest = files.at(-1);
    await expect(migrate(db.sql, files.slice(0, -1))).rejects.toThrow(/unknown/);
    const edited = files.map((file) => (file === newest ? { ...file, checksum: "0".repeat(64) } : file));
    await expect(migrate(db.sql, edited)).rejects.toThrow(/Refusing to migrate/);
  });
});
