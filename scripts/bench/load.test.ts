import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieHeader } from "./account";
import { combine, measure, percentile } from "./load";

// These tests start real processes (eslint, git, shellcheck, servers); a busy 2-core machine slows them down.
const SLOW_TEST_MS = 60_000;

let server: http.Server;
let baseUrl = "";

beforeAll(async () => {
  // A real HTTP server on loopback: 200 with a cookie check, 500 on /broken, no answer on /hang.
  server = http.createServer((request, response) => {
    if (request.url === "/hang") return;
    const signedIn = request.headers.cookie === "session=abc; csrf=def";
    response.statusCode = request.url === "/broken" ? 500 : request.url === "/user" && !signedIn ? 401 : 200;
    response.setHeader("content-type", "application/json");
    response.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([
      50, 95, 99, 100,
    ]);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("combine", () => {
  it("adds rounds: throughput over their total time, percentiles over all their responses", () => {
    const round = (latencies: number[], seconds: number, failures = 0) => ({
      latencies,
      seconds,
      failures,
      statuses: { 200: latencies.length },
      errors: failures ? { "request timed out": failures } : {},
    });
    const result = combine([round([30, 10, 20], 1), round([40, 50], 1, 2)]);
    expect(result).toMatchObject({ requestsPerSecond: 2.5, p50: 30, p99: 50, responses: 5, failures: 2 });
    expect(result.statuses).toEqual({ 200: 5 });
    expect(result.errors).toEqual({ "request timed out": 2 });
  });
});

describe("measure", { timeout: SLOW_TEST_MS }, () => {
  it("counts every response and orders the percentiles", async () => {
    const result = combine([await measure({ url: `${baseUrl}/ping`, connections: 4, durationSeconds: 1 })]);
    expect(result.responses).toBeGreaterThan(50);
    expect(result.failures).toBe(0);
    expect(result.statuses).toEqual({ 200: result.responses });
    expect(result.requestsPerSecond).toBeGreaterThan(50);
    expect(result.p50).toBeLessThanOrEqual(result.p95);
    expect(result.p95).toBeLessThanOrEqual(result.p99);
  });

  it("sends the given headers", async () => {
    const result = combine([
      await measure({
        url: `${baseUrl}/user`,
        connections: 2,
        durationSeconds: 1,
        headers: { cookie: cookieHeader(["session=abc; Path=/; HttpOnly", "csrf=def; Path=/", "cleared=; Max-Age=0"]) },
      }),
    ]);
    expect(result.failures).toBe(0);
    expect(Object.keys(result.statuses)).toEqual(["200"]);
  });

  it("counts error answers as failures", async () => {
    const result = combine([await measure({ url: `${baseUrl}/broken`, connections: 2, durationSeconds: 1 })]);
    expect(result.failures).toBe(result.responses);
    expect(result.failures).toBeGreaterThan(0);
  });

  it("counts requests that time out as failures, by kind", async () => {
    const result = combine([
      await measure({ url: `${baseUrl}/hang`, connections: 2, durationSeconds: 2, timeoutSeconds: 1 }),
    ]);
    expect(result.responses).toBe(0);
    expect(result.failures).toBeGreaterThan(0);
    expect(Object.keys(result.errors).length).toBeGreaterThan(0);
  });
});
