import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/server/db/handle";
import { openTestDatabase } from "../support/open-test-database";
import { seedPractitioners } from "./backup-fixtures";

const root = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(import.meta.dirname, "fixtures");
let source: DatabaseHandle & { url?: string };
let dir: string;
let webhook: { url: string; posts: unknown[]; close(): Promise<void> };

async function startWebhook(): Promise<typeof webhook> {
  const posts: unknown[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      posts.push({ contentType: req.headers["content-type"], ...(JSON.parse(body) as object) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/ops`,
    posts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function runScript(script: string, args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _a, BACKUP_ENCRYPTION_KEY: _b, ALERT_WEBHOOK_URL: _c, ...base } = process.env;
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      path.join(root, "node_modules/.bin/tsx"),
      [script, ...args],
      { cwd: root, env: { ...base, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  source = await openTestDatabase("postgres");
  await seedPractitioners(source.sql, 42);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-backup-cli-"));
  webhook = await startWebhook();
});

afterAll(async () => {
  await source.close();
  await webhook.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run db:backup / db:restore-drill", () => {
  it("exits 1 and posts a Slack/Discord-compatible alert when the backup fails", async () => {
    const result = await runScript("scripts/db-backup.ts", [], {
      DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere",
      BACKUP_DIR: path.join(dir, "failed"),
      ALERT_WEBHOOK_URL: webhook.url,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error:");
    expect(webhook.posts).toHaveLength(1);
    const [post] = webhook.posts as { text: string; content: string; contentType: string }[];
    expect(post?.contentType).toBe("application/json");
    expect(post?.text).toMatch(/^OmniCRM database backup FAILED at .*ECONNREFUSED/);
    expect(post?.content).toBe(post?.text);
    expect(fs.existsSync(path.join(dir, "failed"))).toBe(false);
  });

  it("alerts on a configuration error too", async () => {
    const before = webhook.posts.length;
    const result = await runScript("scripts/db-backup.ts", [], {
      DATABASE_URL: source.url as string,
      BACKUP_ENCRYPTION_KEY: "too-short",
      ALERT_WEBHOOK_URL: webhook.url,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("BACKUP_ENCRYPTION_KEY: must be 32 bytes");
    expect(webhook.posts.length).toBe(before + 1);
  });

  it("backs up, reports the manifest, and writes the last-success timestamp for Prometheus", async () => {
    const metricsFile = path.join(dir, "textfile", "omnicrm_backup.prom");
    const started = Date.now() / 1000;
    const result = await runScript("scripts/db-backup.ts", [], {
      DATABASE_URL: source.url as string,
      BACKUP_DIR: path.join(dir, "store"),
      BACKUP_METRICS_FILE: metricsFile,
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/public\.profiles\s+42/);
    const value = Number(
      /^omnicrm_backup_last_success_timestamp (\S+)$/m.exec(fs.readFileSync(metricsFile, "utf8"))?.[1],
    );
    expect(value).toBeGreaterThanOrEqual(Math.floor(started));
    expect(value).toBeLessThanOrEqual(Date.now() / 1000);
  });

  it("drills the latest backup: scratch restore, app on it, smoke test, RTO and RPO, scratch dropped", async () => {
    const result = await runScript(
      "scripts/db-restore-drill.ts",
      [
        "--server-url",
        process.env.TEST_DATABASE_URL as string,
        "--app-command",
        `node ${path.join(fixtures, "drill-app.mjs")}`,
        "--smoke-command",
        `node ${path.join(fixtures, "drill-smoke.mjs")}`,
      ],
      { BACKUP_DIR: path.join(dir, "store"), EXPECTED_PRACTITIONERS: "42", ALERT_WEBHOOK_URL: webhook.url },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("schema current");
    expect(result.stdout).toContain('"practitioners":42');
    expect(result.stdout).toMatch(/RPO: backup age\s+\d+\.\d min/);
    expect(result.stdout).toMatch(/RTO: restore \+ verify\s+\d+\.\d s/);
    expect(result.stdout).toMatch(/smoke test\s+passed/);
    const scratch = /scratch\s+\S+\/(omnicrm_drill_\w+) \(dropped\)/.exec(result.stdout)?.[1];
    expect(scratch).toBeDefined();
    expect(await source.sql.query("select 1 from pg_database where datname = $1", [scratch])).toEqual([]);
  });

  it("fails the drill, and alerts, when the smoke test fails against the restored database", async () => {
    const before = webhook.posts.length;
    const result = await runScript(
      "scripts/db-restore-drill.ts",
      [
        "--server-url",
        process.env.TEST_DATABASE_URL as string,
        "--app-command",
        `node ${path.join(fixtures, "drill-app.mjs")}`,
        "--smoke-command",
        `node ${path.join(fixtures, "drill-smoke.mjs")}`,
      ],
      { BACKUP_DIR: path.join(dir, "store"), EXPECTED_PRACTITIONERS: "41", ALERT_WEBHOOK_URL: webhook.url },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("The smoke test failed");
    expect((webhook.posts[before] as { text: string }).text).toContain("restore drill FAILED");
  });

  it("refuses a drill on a backup older than the allowed age", async () => {
    const result = await runScript(
      "scripts/db-restore-drill.ts",
      ["--skip-smoke", "--max-age-hours", "0.000001", "--server-url", process.env.TEST_DATABASE_URL as string],
      { BACKUP_DIR: path.join(dir, "store") },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/over the 0.000001 h limit: backups are not running/);
  });
});
