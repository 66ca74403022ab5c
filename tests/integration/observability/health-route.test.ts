import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { getDatabase, useDatabase } from "@/server/db";
import { openTestDatabase } from "../../support/open-test-database";

type Handler = (request: Request) => Promise<Response>;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-health-"));
const touched = ["DATA_DIR", "APP_VERSION", "GIT_COMMIT", "VERCEL_GIT_COMMIT_SHA"] as const;
const saved = Object.fromEntries(touched.map((name) => [name, process.env[name]]));

/** Configuration is read when the app's modules load, so each variant loads the route afresh. */
async function healthRoute(variables: Partial<Record<(typeof touched)[number], string>>): Promise<Handler> {
  for (const name of touched) {
    const value = variables[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  delete (globalThis as { omnicrmObjectStorage?: unknown }).omnicrmObjectStorage;
  vi.resetModules();
  return (await import("@/app/api/health/route")).GET;
}

const check = { ok: expect.any(Boolean) as boolean, latencyMs: expect.any(Number) as number };
const call = (handler: Handler) => handler(new Request("http://localhost/api/health"));

afterAll(() => {
  for (const name of touched) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("GET /api/health", () => {
  it("answers 200 ok with version, commit, uptime and a timed result per dependency", async () => {
    const handler = await healthRoute({
      DATA_DIR: path.join(workDir, "data"),
      APP_VERSION: "2.3.4",
      GIT_COMMIT: "abc1234",
    });
    const response = await call(handler);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      status: "ok",
      version: "2.3.4",
      commit: "abc1234",
      uptimeSeconds: expect.any(Number) as number,
      checks: { database: check, rateLimiter: check, storage: check },
    });
    expect(Object.values(body.checks as Record<string, { ok: boolean }>).every((result) => result.ok)).toBe(true);
  });

  it("falls back to package.json's version and the commit Vercel built", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.resolve("package.json"), "utf8")) as { version: string };
    const handler = await healthRoute({ DATA_DIR: path.join(workDir, "data"), VERCEL_GIT_COMMIT_SHA: "f00dcafe" });
    expect(await (await call(handler)).json()).toMatchObject({ version, commit: "f00dcafe" });
  });

  it("stays 200 but degraded when only optional storage fails, naming no internals", async () => {
    const notADirectory = path.join(workDir, "plain-file");
    fs.writeFileSync(notADirectory, "");
    const handler = await healthRoute({ DATA_DIR: path.join(notADirectory, "data") });
    const response = await call(handler);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; checks: Record<string, unknown> };
    expect(body.status).toBe("degraded");
    expect(body.checks.storage).toEqual({ ok: false, latencyMs: expect.any(Number) as number, error: "unavailable" });
    expect(body.checks.database).toMatchObject({ ok: true });
    expect(JSON.stringify(body)).not.toMatch(/ENOTDIR|plain-file|omnicrm-health/);
  });

  it("answers 503 fail when the required database does not answer", async () => {
    const handler = await healthRoute({ DATA_DIR: path.join(workDir, "data") });
    const working = await getDatabase();
    const closed = await openTestDatabase();
    await closed.close();
    useDatabase(closed);
    try {
      const response = await call(handler);
      expect(response.status).toBe(503);
      const body = (await response.json()) as {
        status: string;
        checks: Record<string, { ok: boolean; error?: string }>;
      };
      expect(body.status).toBe("fail");
      expect(body.checks.database?.ok).toBe(false);
      expect(["unavailable", "timeout"]).toContain(body.checks.database?.error);
      expect(body.checks.rateLimiter?.ok).toBe(true);
    } finally {
      useDatabase(working);
    }
  });

  it("gives each check its own timeout, so a hanging dependency costs one timeout, not the sum", async () => {
    await healthRoute({ DATA_DIR: path.join(workDir, "data") });
    const { checkHealth, CHECK_TIMEOUT_MS } = await import("@/server/services/health");
    const hang = () => new Promise<never>(() => undefined);
    const started = performance.now();
    const report = await checkHealth({
      database: { required: true, run: async () => undefined },
      rateLimiter: { required: false, run: hang },
      storage: { required: false, run: hang },
    });
    const elapsed = performance.now() - started;
    expect(report.status).toBe("degraded");
    expect(report.checks.rateLimiter).toMatchObject({ ok: false, error: "timeout" });
    expect(report.checks.storage).toMatchObject({ ok: false, error: "timeout" });
    expect(elapsed).toBeGreaterThanOrEqual(CHECK_TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(CHECK_TIMEOUT_MS * 2);
  });
});
