import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { scenarioTable, stageProblems } from "./report";
import { runStage } from "./run-scenario";
import { SCENARIOS, type Scenario } from "./scenarios";

const servers: Server[] = [];

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const health: Scenario = { name: "health", method: "GET", path: "/api/health", expect: [200], kind: "staged" };
const stage = { users: 10, durationSeconds: 2 };

describe("load-test stages", () => {
  it("pass the audit thresholds against a fast, correct server, at the users' request rate", async () => {
    const baseUrl = await serve((_request, response) => response.writeHead(200).end("{}"));
    const result = await runStage(health, stage, { baseUrl, accounts: [], thinkTimeSeconds: 1 });
    expect(stageProblems(health, result)).toEqual([]);
    // 10 users each sending one request per second for 2 s.
    expect(result.requests).toBeGreaterThanOrEqual(10);
    expect(result.requests).toBeLessThanOrEqual(40);
    expect(scenarioTable(health, [result])).toMatch(/^health — GET \/api\/health \(expects 200\)\n/);
  });

  it("fail on more than 1% unexpected answers and on a slow p95", async () => {
    let count = 0;
    const baseUrl = await serve((_request, response) => {
      count++;
      setTimeout(() => response.writeHead(count % 10 === 0 ? 500 : 200).end("{}"), 600);
    });
    const result = await runStage(health, stage, { baseUrl, accounts: [], thinkTimeSeconds: 0 });
    const problems = stageProblems(health, result);
    expect(problems.some((problem) => problem.startsWith("p95 "))).toBe(true);
    expect(problems.some((problem) => problem.startsWith("errors "))).toBe(true);
    expect(result.statuses["500"]).toBeGreaterThan(0);
  });

  it("send JSON writes same-origin with a fresh id per request", async () => {
    const bodies: string[] = [];
    const baseUrl = await serve((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        bodies.push(`${request.headers.origin}|${request.headers["content-type"]}|${body}`);
        response.writeHead(401).end("{}");
      });
    });
    const signIn: Scenario = {
      name: "sign-in",
      method: "POST",
      path: "/api/auth/sign-in",
      body: { email: "load-[<id>]@example.test" },
      expect: [401],
      kind: "staged",
    };
    const result = await runStage(
      signIn,
      { users: 2, durationSeconds: 1 },
      { baseUrl, accounts: [], thinkTimeSeconds: 0 },
    );
    expect(result.errors).toBe(0);
    expect(bodies[0]).toMatch(new RegExp(`^${baseUrl}\\|application/json\\|\\{"email":"load-`));
    expect(new Set(bodies).size).toBe(bodies.length);
  });
});

describe("signed-in scenarios", () => {
  it("give each virtual user one practitioner's session and client, spread over the accounts", async () => {
    const seen: string[] = [];
    const baseUrl = await serve((request, response) => {
      seen.push(`${request.headers.cookie}|${request.url}`);
      response.writeHead(200).end("{}");
    });
    const readClient: Scenario = {
      name: "read client",
      method: "GET",
      path: "/api/contacts/{contactId}",
      signedIn: true,
      expect: [200],
      kind: "staged",
    };
    const accounts = [
      { cookie: "s=a", contactId: "c-a" },
      { cookie: "s=b", contactId: "c-b" },
    ];
    const result = await runStage(
      readClient,
      { users: 4, durationSeconds: 1 },
      { baseUrl, accounts, thinkTimeSeconds: 0 },
    );
    expect(result.errors).toBe(0);
    expect(new Set(seen)).toEqual(new Set(["s=a|/api/contacts/c-a", "s=b|/api/contacts/c-b"]));
  });
});

describe("the rate-limiter burst", () => {
  const burst: Scenario = {
    name: "burst",
    method: "POST",
    path: "/api/auth/sign-in",
    body: { email: "burst-[<id>]@example.test" },
    expect: [401, 429],
    kind: "burst",
    burst: { requests: 30, mustSee: { status: 429, atLeast: 25 } },
  };

  /** Limits per email, as the sign-in policy does: 5 attempts, then 429. */
  function limitedServer(limit: number): RequestListener {
    const attempts = new Map<string, number>();
    return (request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        const seen = (attempts.get(body) ?? 0) + 1;
        attempts.set(body, seen);
        response.writeHead(seen > limit ? 429 : 401).end("{}");
      });
    };
  }

  it("passes when the same account is limited after 5 attempts", async () => {
    const baseUrl = await serve(limitedServer(5));
    const result = await runStage(burst, stage, { baseUrl, accounts: [], thinkTimeSeconds: 1 });
    expect(result.statuses).toEqual({ 401: 5, 429: 25 });
    expect(stageProblems(burst, result)).toEqual([]);
  });

  it("fails when the limiter never answers 429", async () => {
    const baseUrl = await serve(limitedServer(1_000));
    const result = await runStage(burst, stage, { baseUrl, accounts: [], thinkTimeSeconds: 1 });
    expect(stageProblems(burst, result)).toEqual(["expected at least 25 × 429, got 0"]);
  });
});

describe("capacity scenarios (sign-in with password hashing capped)", () => {
  const signIn = SCENARIOS.find((scenario) => scenario.path === "/api/auth/sign-in" && scenario.kind === "staged");

  /** Checks two passwords a moment, refuses the rest with 503 as the hashing gate does, and records callers. */
  function cappedServer(callers: string[]): RequestListener {
    let running = 0;
    return (request, response) => {
      callers.push(String(request.headers["x-forwarded-for"]));
      if (running >= 2) return void response.writeHead(503, { "retry-after": "2" }).end("{}");
      running += 1;
      setTimeout(() => {
        running -= 1;
        response.writeHead(401).end("{}");
      }, 700);
    };
  }

  it("reports sign-ins checked per second as a capacity figure, not a failure, when hashing is capped", async () => {
    expect(signIn).toBeDefined();
    const scenario = signIn as Scenario;
    const callers: string[] = [];
    const baseUrl = await serve(cappedServer(callers));
    const result = await runStage(scenario, stage, { baseUrl, accounts: [], thinkTimeSeconds: 1 });
    expect(result.statuses[503]).toBeGreaterThan(0);
    expect(result.p95).toBeGreaterThan(500);
    expect(stageProblems(scenario, result)).toEqual([]);
    expect(scenarioTable(scenario, [result])).toMatch(/capacity \d+\.\d passwords checked\/s/);
    // Each request comes from an address of its own, so the per-address limits meter no one here.
    expect(new Set(callers).size).toBe(callers.length);
    expect(callers.length).toBeGreaterThanOrEqual(result.requests);
  });

  it("still fails on an answer outside the expected ones", async () => {
    const baseUrl = await serve((_request, response) => response.writeHead(500).end("{}"));
    const result = await runStage(signIn as Scenario, stage, { baseUrl, accounts: [], thinkTimeSeconds: 1 });
    expect(stageProblems(signIn as Scenario, result)[0]).toMatch(/unexpected answer/);
  });
});
