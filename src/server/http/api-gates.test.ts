import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/**
 * The gates every API request passes (CSRF, CORS allowlist, declared body size, cron secret), as
 * `defineRoute` applies them now that API requests skip the proxy: a refusal is the one JSON error and
 * the handler never runs.
 */
const CRON_SECRET = "cron-secret-0123456789abcdef";
const BASE_ENV = {
  APP_ORIGINS: "https://partner.example.com",
  CRON_SECRET,
  BODY_LIMIT_BYTES: "1024",
  NODE_ENV: "production",
};

type Handler = (request: Request) => Promise<Response>;
let calls = 0;
let route: Handler;

/** A route built by the real `defineRoute`, its modules evaluated against these environment variables. */
async function loadRoute(overrides: Record<string, string | undefined> = {}): Promise<Handler> {
  vi.unstubAllEnvs();
  for (const [name, value] of Object.entries({ ...BASE_ENV, ...overrides })) vi.stubEnv(name, value);
  vi.resetModules();
  const { defineRoute } = await import("./route");
  return defineRoute({ auth: "none", rateLimit: { none: "gate tests" }, handler: async () => ({ ran: (calls += 1) }) });
}

beforeEach(async () => {
  calls = 0;
  route = await loadRoute();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const send = (url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  route(new Request(url, { ...init, body: init.body ?? null }));
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; requestId: string } }).error;

describe("CSRF defence on state-changing API requests", () => {
  const post = (headers: Record<string, string>, method = "POST") =>
    send("http://localhost/api/contacts", { method, headers, ...(method === "DELETE" ? {} : { body: "{}" }) });

  it.each([
    ["a cross-site Origin", { origin: "https://evil.example", "content-type": "application/json" }],
    ["an opaque Origin", { origin: "null", "content-type": "application/json" }],
    ["no Origin but Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site", "content-type": "application/json" }],
    ["no Origin but Sec-Fetch-Site same-site", { "sec-fetch-site": "same-site", "content-type": "application/json" }],
    ["a same-origin text/plain body", { origin: "http://localhost", "content-type": "text/plain" }],
    ["a same-origin form post", { origin: "http://localhost", "content-type": "application/x-www-form-urlencoded" }],
    ["a body without a content type", { origin: "http://localhost", "content-length": "2" }],
  ])("refuses %s with the JSON 403, before the handler", async (_, headers) => {
    const response = await post(headers);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/json");
    const error = await errorOf(response);
    expect(error.code).toBe("forbidden");
    expect(error.requestId).toBe(response.headers.get("x-request-id"));
    expect(calls).toBe(0);
  });

  it.each([
    ["same-origin JSON", { origin: "http://localhost", "content-type": "application/json; charset=utf-8" }],
    ["an allowlisted origin", { origin: "https://partner.example.com", "content-type": "application/json" }],
    [
      "Sec-Fetch-Site same-origin without Origin",
      { "sec-fetch-site": "same-origin", "content-type": "application/json" },
    ],
    ["a non-browser client (no Origin, no Sec-Fetch-Site)", { "content-type": "application/json" }],
    [
      "the public host a reverse proxy forwarded",
      {
        origin: "https://crm.example.org",
        "x-forwarded-host": "crm.example.org",
        "x-forwarded-proto": "https",
        "content-type": "application/json",
      },
    ],
  ])("accepts %s", async (_, headers) => {
    expect((await post(headers)).status).toBe(200);
    expect(calls).toBe(1);
  });

  it("accepts a same-origin DELETE without a body, and never checks reads", async () => {
    expect((await post({ origin: "http://localhost" }, "DELETE")).status).toBe(200);
    const crossSiteRead = await send("http://localhost/api/auth/user", { headers: { origin: "https://evil.example" } });
    expect(crossSiteRead.status).toBe(200);
  });
});

describe("CORS allowlist", () => {
  it("grants an allowlisted origin credentialed access and gives others nothing", async () => {
    const allowed = await send("http://localhost/api/auth/user", {
      headers: { origin: "https://partner.example.com" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://partner.example.com");
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    expect(allowed.headers.get("access-control-expose-headers")).toContain("X-Request-Id");
    expect(allowed.headers.get("vary")).toContain("Origin");

    const unknown = await send("http://localhost/api/auth/user", { headers: { origin: "https://evil.example" } });
    expect(unknown.headers.get("access-control-allow-origin")).toBeNull();
    expect(unknown.headers.get("access-control-allow-credentials")).toBeNull();
    expect(unknown.headers.get("vary")).toContain("Origin");
  });
});

describe("body size cap", () => {
  it("answers 413 when the declared JSON body is over BODY_LIMIT_BYTES", async () => {
    const post = (length: number) =>
      send("http://localhost/api/contacts", {
        method: "POST",
        headers: { origin: "http://localhost", "content-type": "application/json", "content-length": String(length) },
        body: "x".repeat(length),
      });
    const tooLarge = await post(1025);
    expect(tooLarge.status).toBe(413);
    expect((await errorOf(tooLarge)).code).toBe("payload_too_large");
    expect(calls).toBe(0);
  });
});

describe("/api/cron/*", () => {
  const cron = (headers: Record<string, string> = {}) => send("http://localhost/api/cron/process-jobs", { headers });

  it("refuses everything while CRON_SECRET is unset", async () => {
    route = await loadRoute({ CRON_SECRET: undefined });
    const response = await cron({ authorization: `Bearer ${CRON_SECRET}` });
    expect(response.status).toBe(503);
    expect((await errorOf(response)).code).toBe("unavailable");
  });

  it("refuses a missing or wrong secret with 401", async () => {
    for (const authorization of [undefined, "Bearer wrong-secret-0123456789", CRON_SECRET, `Bearer ${CRON_SECRET}x`]) {
      const response = await cron(authorization ? { authorization } : {});
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe("unauthorized");
    }
    expect(calls).toBe(0);
  });

  it("passes the right secret, with no origin check for the scheduler's POST", async () => {
    expect((await cron({ authorization: `Bearer ${CRON_SECRET}` })).status).toBe(200);
    const post = await send("http://localhost/api/cron/process-jobs", {
      method: "POST",
      headers: { authorization: `Bearer ${CRON_SECRET}`, "sec-fetch-site": "cross-site" },
    });
    expect(post.status).toBe(200);
    expect(calls).toBe(2);
  });
});
