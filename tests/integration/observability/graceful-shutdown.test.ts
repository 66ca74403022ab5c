import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/server/db";
import { KEEP_ALIVE_TIMEOUT_MS, isShuttingDown, onShutdown, shutdown, trackHttpServers } from "@/server/lifecycle";
import { resetLifecycle } from "@/server/lifecycle/state";
import { checkReadiness } from "@/server/services/health/check-readiness";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Reply {
  status: number;
  body: string;
  connection: string | undefined;
}

/** A server shaped like Next's: slow requests, and the readiness answer from the real service. */
async function startServer(): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer((request, response) => {
    void (async () => {
      if (request.url?.startsWith("/slow")) {
        await sleep(Number(new URL(request.url, "http://x").searchParams.get("ms") ?? "800"));
        response.end("done");
        return;
      }
      const readiness = await checkReadiness();
      response.writeHead(readiness.ready ? 200 : 503).end(JSON.stringify(readiness));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function get(port: number, path: string, agent: http.Agent): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, agent }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body, connection: response.headers.connection }),
        );
      })
      .on("error", reject);
  });
}

beforeAll(() => {
  trackHttpServers();
});

afterEach(() => {
  resetLifecycle();
});

describe("graceful shutdown", () => {
  it("turns readiness off at once, lets in-flight requests finish, closes keep-alive sockets, then stoppers and the database, and exits 0", async () => {
    const { server, port } = await startServer();
    const agent = new http.Agent({ keepAlive: true });
    const handle = await getDatabase();

    expect(await get(port, "/ready", agent)).toMatchObject({ status: 200, connection: "keep-alive" });
    expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
    expect(server.headersTimeout).toBeGreaterThan(KEEP_ALIVE_TIMEOUT_MS);

    const events: string[] = [];
    onShutdown("job-runner", () => void events.push("job-runner stopped"));
    onShutdown("error-reports", async () => {
      await sleep(20);
      events.push("error-reports flushed");
    });
    const exits: number[] = [];
    // Stands in for Next's own listener, which ends by calling process.exit(143).
    const frameworkListener = () => {
      events.push("framework listener ran");
      setTimeout(() => process.exit(143), 10);
    };

    const slow = get(port, "/slow?ms=800", agent).then((reply) => {
      events.push("slow request answered");
      return reply;
    });
    await sleep(100);
    const done = shutdown("SIGTERM", {
      graceMs: 5_000,
      quietMs: 300,
      frameworkListeners: [frameworkListener],
      exit: (code) => exits.push(code),
    });

    expect(isShuttingDown()).toBe(true);
    const notReady = await get(port, "/ready", new http.Agent({ keepAlive: true }));
    expect(notReady).toMatchObject({ status: 503, connection: "close" });
    expect(JSON.parse(notReady.body)).toEqual({ ready: false, reason: "shutting_down" });

    expect(await slow).toMatchObject({ status: 200, body: "done", connection: "close" });
    expect(await done).toBe(0);
    expect(exits).toEqual([0]);
    expect(events).toEqual([
      "framework listener ran",
      "slow request answered",
      "error-reports flushed",
      "job-runner stopped",
    ]);
    expect(server.listening).toBe(false);
    await expect(handle.sql.query("select 1")).rejects.toThrow();
    await expect(get(port, "/ready", new http.Agent())).rejects.toThrow(/ECONNREFUSED/);
  });

  it("keeps serving while traffic still arrives, and cuts what outlives the grace period with exit code 1", async () => {
    const { server, port } = await startServer();
    const agent = new http.Agent({ keepAlive: true });
    expect((await get(port, "/slow?ms=1", agent)).status).toBe(200);

    const hung = get(port, "/slow?ms=60000", agent).then(
      (reply) => `answered ${reply.status}`,
      (error: Error) => `cut: ${error.message}`,
    );
    await sleep(50);
    const exits: number[] = [];
    const started = Date.now();
    const done = shutdown("SIGINT", { graceMs: 1_500, quietMs: 400, exit: (code) => exits.push(code) });

    // Traffic during the drain is still served, each answer asking the client to reconnect elsewhere.
    for (let index = 0; index < 3; index += 1) {
      await sleep(150);
      expect(await get(port, "/slow?ms=1", new http.Agent({ keepAlive: true }))).toMatchObject({
        status: 200,
        connection: "close",
      });
    }
    expect(server.listening).toBe(true);

    expect(await done).toBe(1);
    expect(exits).toEqual([1]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
    expect(await hung).toMatch(/^cut: /);
    expect(server.listening).toBe(false);
  });
});
