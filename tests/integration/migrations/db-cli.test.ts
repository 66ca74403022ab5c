import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../src/server/db/handle";
import { loadMigrationFiles } from "../../../src/server/db/migration-files";
import { migrate, rollback } from "../../../src/server/db/migrator";
import { openPglite } from "../../../src/server/db/pglite-driver";
import { withMigrationTimeouts } from "../../../scripts/db-migration-timeouts";
import { openTestDatabase, testDbKind } from "../../support/open-test-database";

const root = path.resolve(import.meta.dirname, "../../..");
const files = loadMigrationFiles();

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function dbCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  return new Promise((resolve) => {
    execFile(
      path.join(root, "node_modules/.bin/tsx"),
      ["scripts/db.ts", ...args],
      { cwd: root, env: { ...base, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let db: DatabaseHandle & { url?: string };
let dataDir: string;

beforeAll(async () => {
  db = await openTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-db-cli-"));
});

afterAll(async () => {
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("migration timeouts", () => {
  it("every migration transaction runs with the configured lock and statement timeouts", async () => {
    const probe = {
      version: "9998",
      name: "timeout_probe",
      up: "create table app_private.timeout_probe as select current_setting('lock_timeout') as lock_timeout, current_setting('statement_timeout') as statement_timeout;",
      down: "drop table app_private.timeout_probe;",
      checksum: "d".repeat(64),
    };
    const withProbe = [...files, probe];
    const sql = withMigrationTimeouts(db.sql, { lockTimeout: "1234ms", statementTimeout: "7min" });
    expect(await migrate(sql, withProbe)).toEqual(["9998_timeout_probe"]);
    const [row] = await db.sql.query<{ lock_timeout: string; statement_timeout: string }>(
      "select * from app_private.timeout_probe",
    );
    expect(row).toEqual({ lock_timeout: "1234ms", statement_timeout: "7min" });
    expect(await rollback(sql, 1, withProbe)).toEqual(["9998_timeout_probe"]);
  });
});

describe.runIf(testDbKind() === "pglite")("npm run db:* on the embedded database", () => {
  it("reports pending migrations, applies them, rolls back, and says when the app holds the database", async () => {
    const fresh = await dbCli(["status"], { DATA_DIR: dataDir });
    expect(fresh.code).toBe(3);
    expect(fresh.stdout).toMatch(/0000\s+supabase_bootstrap\s+pending/);

    const migrated = await dbCli(["migrate"], { DATA_DIR: dataDir });
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain(`applied: ${files.map((file) => `${file.version}_${file.name}`).join(", ")}`);

    const back = await dbCli(["rollback", "1"], { DATA_DIR: dataDir });
    expect(back.code).toBe(0);
    expect(back.stdout).toContain(`rolled back: ${files.at(-1)?.version}_${files.at(-1)?.name}`);
    expect((await dbCli(["status"], { DATA_DIR: dataDir })).code).toBe(3);

    const app = await openPglite(dataDir);
    try {
      const locked = await dbCli(["status"], { DATA_DIR: dataDir });
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain(`in use by process ${process.pid}`);
    } finally {
      await app.close();
    }
  }, 180_000); // several child processes each open PGlite from disk

  it("refuses bad arguments with exit code 2 and the help", async () => {
    const result = await dbCli(["rollback", "zero"], { DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("steps must be a positive whole number");
    expect(result.stderr).toContain("Usage:");
  });
});

describe.runIf(testDbKind() === "postgres")("npm run db:* on Postgres", () => {
  it("reports a current schema, an edited history and pending migrations through exit codes", async () => {
    const env = { DATABASE_URL: db.url as string };
    const current = await dbCli(["status"], env);
    expect(current.code).toBe(0);
    expect(current.stdout).toContain(`database: postgres://${new URL(db.url as string).host}/`);

    const version = files[0]?.version;
    await db.sql.query("update app_meta.schema_migrations set checksum = 'edited' where version = $1", [version]);
    const edited = await dbCli(["status"], env);
    expect(edited.code).toBe(4);
    expect(edited.stdout).toMatch(new RegExp(`${version}\\s+\\w+\\s+edited`));
    expect((await dbCli(["migrate"], env)).stderr).toContain("Refusing to migrate");
    await db.sql.query("update app_meta.schema_migrations set checksum = $1 where version = $2", [
      files[0]?.checksum,
      version,
    ]);

    expect((await dbCli(["rollback"], env)).code).toBe(0);
    expect((await dbCli(["status"], env)).code).toBe(3);
    expect((await dbCli(["migrate"], env)).code).toBe(0);
    expect((await dbCli(["status"], env)).code).toBe(0);
  });
});
