import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/server/db/handle";
import type { ReportSection } from "../../scripts/db-report-queries";
import { openTestDatabase } from "../support/open-test-database";

const root = path.resolve(import.meta.dirname, "../..");
let db: DatabaseHandle & { url?: string };

function report(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(root, "node_modules/.bin/tsx"),
      ["scripts/db-report.ts", ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: db.url as string }, timeout: 60_000 },
      (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
    );
  });
}

beforeAll(async () => {
  db = await openTestDatabase("postgres");
  await db.sql.exec("create index profiles_time_zone_report_idx on public.profiles (time_zone)");
});

afterAll(async () => {
  await db.close();
});

it("npm run db:report: unused indexes, cache hit ratio, connections, and slow queries or how to enable them", async () => {
  const [preload] = await db.sql.query<{ loaded: boolean }>(
    "select current_setting('shared_preload_libraries') like '%pg_stat_statements%' as loaded",
  );
  if (preload?.loaded) await db.sql.exec("create extension if not exists pg_stat_statements");

  const result = await report(["--json", "--slow-ms", "0"]);
  expect(result.code).toBe(0);
  const { sections } = JSON.parse(result.stdout) as { sections: ReportSection[] };
  const section = (prefix: string) => sections.find((candidate) => candidate.title.startsWith(prefix)) as ReportSection;

  const slow = section("Slow queries");
  if (preload?.loaded) {
    expect(slow.unavailable).toBeUndefined();
    expect(slow.rows.length).toBeGreaterThan(0);
  } else {
    expect(slow.unavailable).toBe(true);
    expect(slow.note).toMatch(/shared_preload_libraries/);
  }
  expect(section("Unused indexes").rows).toContainEqual(
    expect.objectContaining({
      schema: "public",
      table: "profiles",
      index: "profiles_time_zone_report_idx",
      scans: "0",
    }),
  );
  expect(section("Unused indexes").rows.map((row) => row.index)).not.toContain("profiles_pkey");
  expect(section("Cache hit ratio").rows.map((row) => row.reads)).toEqual(["tables", "indexes"]);
  expect(section("Connections to this database").rows.length).toBeGreaterThan(0);
  expect(Number(section("Connection limit").rows[0]?.max_connections)).toBeGreaterThan(0);

  const text = await report([]);
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(/## Cache hit ratio \(target > 99%\)\nreads\s+from_cache\s+from_disk\s+hit_percent/);
});
