import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.setConfig({ testTimeout: 60_000 });

const run = promisify(execFile);
let healthy = true;
const alerts: string[] = [];
const servers: Server[] = [];

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let appUrl = "";
let webhookUrl = "";

beforeAll(async () => {
  appUrl = await listen(
    createServer((_request, response) => {
      response.writeHead(healthy ? 200 : 503, { "content-type": "application/json" });
      response.end(JSON.stringify({ status: healthy ? "ok" : "degraded", checks: {} }));
    }),
  );
  webhookUrl = await listen(
    createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        alerts.push((JSON.parse(body) as { text: string }).text);
        response.writeHead(200).end("ok");
      });
    }),
  );
});

const stateDirs: string[] = [];
const stateFileIn = (...parts: string[]) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uptime-"));
  stateDirs.push(dir);
  return path.join(dir, ...parts);
};

afterAll(() => {
  servers.forEach((server) => server.close());
  stateDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

async function check(stateFile: string): Promise<{ code: number; stdout: string }> {
  const args = ["tsx", "scripts/deploy/uptime-check.ts", "--url", appUrl, "--state", stateFile, "--timeout", "2000"];
  const env = { ...process.env, ALERT_WEBHOOK_URL: webhookUrl };
  try {
    return { code: 0, stdout: (await run("npx", args, { env })).stdout };
  } catch (error) {
    return error as { code: number; stdout: string };
  }
}

describe("uptime check", () => {
  it("alerts once after two consecutive failures and announces the recovery", async () => {
    const stateFile = stateFileIn("state", "uptime.json");

    healthy = false;
    const first = await check(stateFile);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("DOWN  " + appUrl + '/api/health: HTTP 503, status "degraded"');
    expect(alerts).toEqual([]);

    expect((await check(stateFile)).code).toBe(1);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain("failed 2 checks in a row");

    await check(stateFile);
    expect(alerts).toHaveLength(1);
    expect(JSON.parse(readFileSync(stateFile, "utf8"))).toMatchObject({ consecutiveFailures: 3, alertOpen: true });

    healthy = true;
    const recovered = await check(stateFile);
    expect(recovered.code).toBe(0);
    expect(alerts).toHaveLength(2);
    expect(alerts[1]).toContain("has recovered");
    expect(JSON.parse(readFileSync(stateFile, "utf8"))).toMatchObject({ consecutiveFailures: 0, alertOpen: false });
  });

  it("does not alert when a single failure is followed by a success", async () => {
    const stateFile = stateFileIn("uptime.json");
    const before = alerts.length;
    healthy = false;
    await check(stateFile);
    healthy = true;
    expect((await check(stateFile)).code).toBe(0);
    healthy = false;
    await check(stateFile);
    expect(alerts.length).toBe(before);
  });
});
