import { execFile } from "node:child_process";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { runSmoke } from "./smoke/run-smoke";

const run = promisify(execFile);
const servers: Server[] = [];

async function serve(listener: RequestListener): Promise<URL> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function smokeCli(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run("npx", ["tsx", "scripts/smoke.ts", ...args], { timeout: 30_000 });
    return { code: 0, stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string };
    return { code: failure.code, stdout: failure.stdout };
  }
}

const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'self'; object-src 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=()",
};

/** Answers like a healthy deployment, minus whatever `omit` names. */
function healthyApp(omit: { pageHeaders?: boolean; database?: boolean } = {}): RequestListener {
  return (request, response) => {
    const api = { "content-type": "application/json", "x-content-type-options": "nosniff", "x-request-id": "r1" };
    if (request.url === "/api/health") {
      response.writeHead(200, api).end(
        JSON.stringify({
          status: "ok",
          checks: {
            database: omit.database ? { ok: false, latencyMs: 1500, error: "timeout" } : { ok: true, latencyMs: 2 },
          },
        }),
      );
    } else if (request.url === "/api/ready") {
      response.writeHead(200, api).end('{"ready":true}');
    } else if (request.url === "/api/auth/user") {
      response.writeHead(401, api).end('{"error":{"code":"unauthorized","message":"Sign in","requestId":"r1"}}');
    } else if (request.url === "/sign-in") {
      response
        .writeHead(200, omit.pageHeaders ? { "content-type": "text/html" } : PAGE_HEADERS)
        .end('<form><input type="password" name="password"></form>');
    } else {
      response.writeHead(404).end();
    }
  };
}

describe("smoke checks", () => {
  it("pass against an app that answers every check correctly", async () => {
    const results = await runSmoke({ baseUrl: await serve(healthyApp()), timeoutMs: 2_000, headers: {} });
    expect(results.filter((result) => result.problems.length > 0)).toEqual([]);
    expect(results).toHaveLength(6);
  });

  it("name the exact missing security headers and a failing database", async () => {
    const baseUrl = await serve(healthyApp({ pageHeaders: true, database: true }));
    const results = await runSmoke({ baseUrl, timeoutMs: 2_000, headers: {} });
    const problems = Object.fromEntries(results.map((result) => [result.name, result.problems]));
    expect(problems["health: status ok and database ok"]).toEqual(['checks.database is "timeout", expected "ok"']);
    expect(problems["security headers on pages"]).toEqual([
      "content-security-policy is missing",
      "x-content-type-options is missing",
      "referrer-policy is missing",
      "permissions-policy is missing",
    ]);
    expect(problems["sign-in page renders"]).toEqual([]);
  });

  it("send extra headers, e.g. a protection bypass token", async () => {
    let seen: string | undefined;
    const baseUrl = await serve((request, response) => {
      seen = request.headers["x-vercel-protection-bypass"] as string | undefined;
      response.writeHead(503).end();
    });
    await runSmoke({ baseUrl, timeoutMs: 2_000, headers: { "x-vercel-protection-bypass": "s3cret" } });
    expect(seen).toBe("s3cret");
  });
});

describe("npm run smoke", () => {
  it("exits 1 with a report naming every failed check when the server answers 503", async () => {
    const url = await serve((_request, response) =>
      response.writeHead(503, { "content-type": "text/plain" }).end("down"),
    );
    const { code, stdout } = await smokeCli(url.href);
    expect(code).toBe(1);
    expect(stdout).toContain("FAIL  health: status ok and database ok  (503");
    expect(stdout).toContain("expected HTTP 200, got 503");
    expect(stdout).toContain("6 of 6 checks failed");
  });

  it("exits 1 when nothing listens at the URL", async () => {
    const url = await serve((_request, response) => response.end());
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const { code, stdout } = await smokeCli(url.href, "--timeout", "2000");
    expect(code).toBe(1);
    expect(stdout).toContain("request failed");
  });

  it("exits 0 and says so when every check passes", async () => {
    const { code, stdout } = await smokeCli((await serve(healthyApp())).href);
    expect(stdout).toContain("All 6 checks passed.");
    expect(code).toBe(0);
  });

  it("prints usage for --help and refuses a missing URL", async () => {
    const help = await smokeCli("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: npm run smoke -- <url>");
    expect((await smokeCli()).code).toBe(2);
  });
});
