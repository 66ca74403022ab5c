import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type * as ProxyModule from "./proxy";

type Proxy = typeof ProxyModule.proxy;
const CRON_SECRET = "cron-secret-0123456789abcdef";
const BASE_ENV = {
  APP_ORIGINS: "https://partner.example.com",
  CRON_SECRET,
  BODY_LIMIT_BYTES: "1024",
  NODE_ENV: "production",
};

/** The real proxy module, evaluated against these environment variables. */
async function loadProxy(overrides: Record<string, string | undefined> = {}): Promise<Proxy> {
  vi.unstubAllEnvs();
  for (const [name, value] of Object.entries({ ...BASE_ENV, ...overrides })) vi.stubEnv(name, value);
  vi.resetModules();
  return (await import("./proxy")).proxy;
}

let proxy: Proxy;
beforeEach(async () => {
  proxy = await loadProxy();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const signedIn = { cookie: "omnicrm_session=opaque-token" };
const request = (
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | undefined } = {},
) => new NextRequest(url, { ...init, body: init.body ?? null });
const passedThrough = (response: Response) => response.headers.get("x-middleware-next") === "1";
const forwardedHeader = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe("security headers", () => {
  it("puts a fresh nonce and strict-dynamic in the page CSP, on the response and on the forwarded request", () => {
    const first = proxy(request("http://localhost/clients", { headers: signedIn }));
    const second = proxy(request("http://localhost/clients", { headers: signedIn }));
    expect(passedThrough(first)).toBe(true);
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp).toContain("'strict-dynamic'");
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "default-src 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(forwardedHeader(first, "content-security-policy")).toBe(csp);
    expect(forwardedHeader(first, "x-nonce")).toBe(nonce);
    expect(second.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
  });

  it("sends the fixed security headers on pages, API responses and the proxy's own refusals", async () => {
    const responses = [
      proxy(request("http://localhost/clients", { headers: signedIn })),
      proxy(request("http://localhost/api/auth/user")),
      proxy(request("http://localhost/api/contacts", { method: "POST", headers: { "content-type": "text/plain" } })),
      proxy(request("http://localhost/clients")),
    ];
    for (const response of responses) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("permissions-policy")).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-request-id")).toMatch(/^[\w.:-]{8,128}$/);
      expect(response.headers.get("strict-transport-security")).toBeNull();
    }
    expect(responses[1]?.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("sends HSTS and upgrade-insecure-requests only when served over HTTPS", () => {
    const direct = proxy(request("https://app.example.com/clients", { headers: signedIn }));
    const behindProxy = proxy(
      request("http://localhost/api/auth/user", { headers: { "x-forwarded-proto": "https,http" } }),
    );
    const plain = proxy(request("http://localhost/api/auth/user", { headers: { "x-forwarded-proto": "http" } }));
    expect(direct.headers.get("strict-transport-security")).toMatch(/^max-age=63072000; includeSubDomains$/);
    expect(direct.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect(behindProxy.headers.get("strict-transport-security")).toContain("max-age=");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });

  it("allows eval in the CSP only in development", async () => {
    const devProxy = await loadProxy({ NODE_ENV: "development" });
    const response = devProxy(request("http://localhost/clients", { headers: signedIn }));
    expect(response.headers.get("content-security-policy")).toContain("'unsafe-eval'");
  });

  it("keeps a well-formed incoming request id and replaces a malformed one, on the response and upstream", () => {
    const kept = proxy(request("http://localhost/api/auth/user", { headers: { "x-request-id": "upstream-id-12345" } }));
    expect(kept.headers.get("x-request-id")).toBe("upstream-id-12345");
    expect(forwardedHeader(kept, "x-request-id")).toBe("upstream-id-12345");
    const replaced = proxy(request("http://localhost/api/auth/user", { headers: { "x-request-id": "<script>" } }));
    expect(replaced.headers.get("x-request-id")).not.toBe("<script>");
    expect(forwardedHeader(replaced, "x-request-id")).toBe(replaced.headers.get("x-request-id"));
  });
});

describe("CSRF defence on state-changing API requests", () => {
  const post = (headers: Record<string, string>, method = "POST") =>
    proxy(request("http://localhost/api/contacts", { method, headers, body: method === "DELETE" ? undefined : "{}" }));

  it.each([
    ["a cross-site Origin", { origin: "https://evil.example", "content-type": "application/json" }],
    ["an opaque Origin", { origin: "null", "content-type": "application/json" }],
    ["no Origin but Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site", "content-type": "application/json" }],
    ["no Origin but Sec-Fetch-Site same-site", { "sec-fetch-site": "same-site", "content-type": "application/json" }],
    ["a same-origin text/plain body", { origin: "http://localhost", "content-type": "text/plain" }],
    ["a same-origin form post", { origin: "http://localhost", "content-type": "application/x-www-form-urlencoded" }],
    ["a body without a content type", { origin: "http://localhost", "content-length": "2" }],
  ])("refuses %s with the JSON 403", async (_, headers) => {
    const response = post(headers);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe("forbidden");
    expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
  });

  it.each([
    ["same-origin JSON", { origin: "http://localhost", "content-type": "application/json; charset=utf-8" }],
    ["same-origin multipart", { origin: "http://localhost", "content-type": "multipart/form-data; boundary=x" }],
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
  ])("accepts %s", (_, headers) => {
    expect(passedThrough(post(headers))).toBe(true);
  });

  it("accepts a same-origin DELETE without a body, and never checks reads", () => {
    expect(passedThrough(post({ origin: "http://localhost" }, "DELETE"))).toBe(true);
    const crossSiteRead = proxy(
      request("http://localhost/api/auth/user", { headers: { origin: "https://evil.example" } }),
    );
    expect(passedThrough(crossSiteRead)).toBe(true);
  });
});

describe("CORS allowlist", () => {
  it("grants an allowlisted origin credentialed access and gives others nothing", () => {
    const allowed = proxy(
      request("http://localhost/api/auth/user", { headers: { origin: "https://partner.example.com" } }),
    );
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://partner.example.com");
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    expect(allowed.headers.get("access-control-expose-headers")).toContain("X-Request-Id");
    expect(allowed.headers.get("vary")).toContain("Origin");

    const unknown = proxy(request("http://localhost/api/auth/user", { headers: { origin: "https://evil.example" } }));
    expect(unknown.headers.get("access-control-allow-origin")).toBeNull();
    expect(unknown.headers.get("access-control-allow-credentials")).toBeNull();
    expect(unknown.headers.get("vary")).toContain("Origin");
  });

  it("answers preflights itself: methods for the allowlist, nothing for others", () => {
    const preflight = (origin: string) =>
      proxy(
        request("http://localhost/api/contacts", {
          method: "OPTIONS",
          headers: {
            origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
          },
        }),
      );
    const allowed = preflight("https://partner.example.com");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-methods")).toContain("POST");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("Content-Type");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://partner.example.com");
    const refused = preflight("https://evil.example");
    expect(refused.status).toBe(204);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(refused.headers.get("access-control-allow-methods")).toBeNull();
  });
});

describe("body size cap", () => {
  it("answers 413 when the declared JSON body is over BODY_LIMIT_BYTES", async () => {
    const send = (length: number) =>
      proxy(
        request("http://localhost/api/contacts", {
          method: "POST",
          headers: { origin: "http://localhost", "content-type": "application/json", "content-length": String(length) },
          body: "x".repeat(length),
        }),
      );
    const tooLarge = send(1025);
    expect(tooLarge.status).toBe(413);
    expect(await errorCode(tooLarge)).toBe("payload_too_large");
    expect(passedThrough(send(1024))).toBe(true);
  });
});

describe("page visits without a session", () => {
  it("redirects to sign-in with the path and query to come back to", () => {
    const response = proxy(request("http://localhost/clients/42?tab=notes"));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("next")).toBe("/clients/42?tab=notes");
    expect(response.headers.get("content-security-policy")).toContain("'strict-dynamic'");
  });

  it.each(["/sign-in", "/sign-up", "/reset-password", "/reset-password/confirm", "/onboard/abc123", "/auth/callback"])(
    "lets anyone see %s",
    (path) => {
      expect(passedThrough(proxy(request(`http://localhost${path}`)))).toBe(true);
    },
  );

  it("lets a visitor with a session cookie through, including to sign-in, and never redirects API calls or files", () => {
    expect(passedThrough(proxy(request("http://localhost/clients", { headers: signedIn })))).toBe(true);
    const supabase = { cookie: "sb-abcdefgh-auth-token.0=chunk" };
    expect(passedThrough(proxy(request("http://localhost/", { headers: supabase })))).toBe(true);
    expect(passedThrough(proxy(request("http://localhost/sign-in", { headers: signedIn })))).toBe(true);
    expect(passedThrough(proxy(request("http://localhost/api/auth/user")))).toBe(true);
    expect(passedThrough(proxy(request("http://localhost/robots.txt")))).toBe(true);
    expect(proxy(request("http://localhost/")).status).toBe(307);
  });
});

describe("/api/cron/*", () => {
  const cron = (headers: Record<string, string> = {}) =>
    proxy(request("http://localhost/api/cron/process-jobs", { headers }));

  it("refuses everything while CRON_SECRET is unset", async () => {
    proxy = await loadProxy({ CRON_SECRET: undefined });
    const response = cron({ authorization: `Bearer ${CRON_SECRET}` });
    expect(response.status).toBe(503);
    expect(await errorCode(response)).toBe("unavailable");
  });

  it("refuses a missing or wrong secret with 401", async () => {
    for (const authorization of [undefined, "Bearer wrong-secret-0123456789", CRON_SECRET, `Bearer ${CRON_SECRET}x`]) {
      const response = cron(authorization ? { authorization } : {});
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe("unauthorized");
    }
  });

  it("passes the right secret, with no origin check for the scheduler's POST", () => {
    expect(passedThrough(cron({ authorization: `Bearer ${CRON_SECRET}` }))).toBe(true);
    const post = proxy(
      request("http://localhost/api/cron/process-jobs", {
        method: "POST",
        headers: { authorization: `Bearer ${CRON_SECRET}`, "sec-fetch-site": "cross-site" },
      }),
    );
    expect(passedThrough(post)).toBe(true);
  });
});
