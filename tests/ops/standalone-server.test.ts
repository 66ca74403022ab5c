import { execFile, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStages } from "./support/dockerfile";
import {
  assembleRunnerImage,
  containerEnv,
  ensureProductionBuild,
  startLikeContainer,
  stopServer,
  waitForHealthy,
} from "./support/production-build";

const run = promisify(execFile);
const PORT = "3171";
const baseUrl = `http://127.0.0.1:${PORT}`;
const stages = readStages(readFileSync("Dockerfile.prod", "utf8"));
const runner = stages.at(-1)!;
const builder = stages.find((stage) => stage.name === runner.copies[0]?.from)!;

let image = "";
let dataDir = "";
let server: ChildProcess | undefined;
let output = "";

beforeAll(async () => {
  ensureProductionBuild();
  image = assembleRunnerImage(runner, builder);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "omnicrm-data-"));
  // What `docker run -p 3171:3171 -e PORT=3171 -v <dir>:/data` would change; everything else is the image's.
  server = startLikeContainer(runner, image, { PORT, DATA_DIR: dataDir });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitForHealthy(baseUrl, server).catch((error: Error) => {
    throw new Error(`${error.message}\n${output.slice(-4000)}`);
  });
});

afterAll(async () => {
  if (server) await stopServer(server);
  for (const directory of [image, dataDir]) if (directory) rmSync(directory, { recursive: true, force: true });
});

describe("the standalone server started as the Dockerfile's CMD", () => {
  it("passes the smoke test", async () => {
    const result = await run("npx", ["tsx", "scripts/smoke.ts", baseUrl], { timeout: 60_000 }).catch(
      (error: { stdout: string; code: number }) => error,
    );
    expect(result.stdout).toContain("All 6 checks passed.");
  });

  it("is healthy by the image's own HEALTHCHECK command", async () => {
    const [command, ...args] = runner.healthcheck!;
    const result = await run(command!, args, {
      env: containerEnv(runner, { PORT }),
    });
    expect(result.stderr).toBe("");
  });

  it("keeps its data in DATA_DIR, the image's volume", () => {
    expect(readdirSync(dataDir)).toContain("db");
  });
});

/** fetch refuses to send TRACE, so requests here go out through node:http. */
function rawRequest(
  method: string,
  requestPath: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: Number(PORT), method, path: requestPath }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    request.on("error", reject).end();
  });
}

describe("the edge of the standalone server", () => {
  it("answers TRACE with 405, Allow and the security headers on any path", async () => {
    for (const requestPath of ["/", "/api/health", "/_next/static/x.js"]) {
      const response = await rawRequest("TRACE", requestPath);
      expect(response.status).toBe(405);
      expect(response.headers.allow).toContain("GET");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["x-frame-options"]).toBe("DENY");
      expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    }
  });

  it("sends nosniff on static files under /_next/static", async () => {
    const page = await (await fetch(`${baseUrl}/sign-in`)).text();
    const asset = /\/_next\/static\/[^"']+\.(?:js|css)/.exec(page)?.[0];
    expect(asset).toBeDefined();
    const response = await fetch(`${baseUrl}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("meters sign-ups by the connection's address, whatever X-Forwarded-For and the peer header say", async () => {
    const remaining: number[] = [];
    for (const forged of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
      const response = await fetch(`${baseUrl}/api/auth/sign-up`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: baseUrl,
          "x-forwarded-for": forged,
          "x-omnicrm-peer-address": `guessed ${forged}`,
        },
        body: "{}",
      });
      expect([422, 429]).toContain(response.status);
      remaining.push(Number(response.headers.get("x-ratelimit-remaining")));
    }
    // One bucket (127.0.0.1): each attempt takes one from the same count.
    const first = remaining[0] ?? -1;
    expect(remaining).toEqual([first, first - 1, first - 2].map((n) => Math.max(0, n)));
  });
});
