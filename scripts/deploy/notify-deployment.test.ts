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
const received: { channel: string; text: string; content: string }[] = [];
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ channel: request.url ?? "", ...(JSON.parse(body) as { text: string; content: string }) });
      response.writeHead(request.url === "/broken" ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

let summaryDir = "";

afterAll(() => {
  server.close();
  if (summaryDir) rmSync(summaryDir, { recursive: true, force: true });
});

async function notify(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run("npx", ["tsx", "scripts/deploy/notify-deployment.ts", ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout };
  } catch (error) {
    return error as { code: number; stdout: string };
  }
}

describe("deployment notification", () => {
  it("records version, previous version and duration in the job summary and the deploy channel only", async () => {
    summaryDir = mkdtempSync(path.join(os.tmpdir(), "summary-"));
    const summary = path.join(summaryDir, "summary.md");
    const startedAt = String(Math.floor(Date.now() / 1000) - 125);
    const env = {
      GITHUB_STEP_SUMMARY: summary,
      DEPLOY_WEBHOOK_URL: `${base}/deploy`,
      ALERT_WEBHOOK_URL: `${base}/alert`,
    };
    const result = await notify(
      env,
      "--status",
      "success",
      "--version",
      "abc1234",
      "--previous",
      "0ff1ce0",
      "--url",
      "https://app.example.com",
      "--started-at",
      startedAt,
    );
    expect(result.code).toBe(0);
    const table = readFileSync(summary, "utf8");
    expect(table).toContain("| Version | abc1234 |");
    expect(table).toContain("| Previous version | 0ff1ce0 |");
    expect(table).toMatch(/\| Duration \| 2 min \d+ s \|/);
    expect(received.map((message) => message.channel)).toEqual(["/deploy"]);
    expect(received[0]!.text).toBe(received[0]!.content);
    expect(received[0]!.text).toContain("OmniCRM production abc1234 deployed");
  });

  it("sends a rollback to the alert channel as well, and survives a webhook that fails", async () => {
    received.length = 0;
    const env = { DEPLOY_WEBHOOK_URL: `${base}/broken`, ALERT_WEBHOOK_URL: `${base}/alert`, GITHUB_STEP_SUMMARY: "" };
    const result = await notify(env, "--status", "rolled-back", "--version", "abc1234", "--reason", "smoke failed");
    expect(result.code).toBe(0);
    expect(received.map((message) => message.channel).sort()).toEqual(["/alert", "/broken"]);
    expect(result.stdout).toContain("::warning title=Notification not delivered::");
    expect(received[0]!.text).toContain("rolled back");
    expect(received[0]!.text).toContain("reason: smoke failed");
  });

  it("refuses an unknown status", async () => {
    expect((await notify({}, "--status", "maybe")).code).toBe(2);
  });
});
