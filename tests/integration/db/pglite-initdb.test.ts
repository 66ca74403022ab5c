import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "@/server/db/pglite-driver";
import { initdbOffThread } from "@/server/db/pglite-initdb";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-initdb-"));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("creating the embedded database in a worker thread", () => {
  it("creates a cluster the app then opens, and leaves an existing one alone", async () => {
    const dataDir = tempDir();
    const dbDir = path.join(dataDir, "db");

    expect(await initdbOffThread(dbDir)).toBe(true);
    expect(fs.existsSync(path.join(dbDir, "PG_VERSION"))).toBe(true);
    expect(await initdbOffThread(dbDir)).toBe(false);

    const handle = await openPglite(dataDir, { initdbOffThread: true });
    try {
      await handle.sql.exec("create table kept (id int); insert into kept values (7)");
      expect(await handle.sql.query<{ id: number }>("select id from kept")).toEqual([{ id: 7 }]);
    } finally {
      await handle.close();
    }
    const reopened = await openPglite(dataDir, { initdbOffThread: true });
    try {
      expect(await reopened.sql.query<{ id: number }>("select id from kept")).toEqual([{ id: 7 }]);
    } finally {
      await reopened.close();
    }
  }, 180_000);
});
