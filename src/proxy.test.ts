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

// The API's own gates (CSRF, CORS grants, body size, cron secret) run in defineRoute: src/server/http/api-gates.test.ts.
describe("CORS preflights", () => {
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
