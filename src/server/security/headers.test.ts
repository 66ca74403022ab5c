import { describe, expect, it } from "vitest";
import { applySecurityHeaders, createNonce, pageContentSecurityPolicy } from "./headers";

const base = { nonce: "abc123", development: false, https: false, connectOrigins: [], imageOrigins: [] };

describe("security headers", () => {
  it("lets the browser talk only to this app and the configured services", () => {
    const csp = pageContentSecurityPolicy({
      ...base,
      connectOrigins: ["https://proj.supabase.co", "wss://proj.supabase.co"],
      imageOrigins: ["https://proj.supabase.co"],
    });
    expect(csp).toContain("connect-src 'self' https://proj.supabase.co wss://proj.supabase.co;");
    expect(csp).toContain("img-src 'self' data: blob: https://proj.supabase.co;");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic';");
    expect(csp).not.toContain("ws:");
    expect(pageContentSecurityPolicy({ ...base, development: true })).toMatch(/connect-src 'self' ws:/);
  });

  it("makes a different 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("adds HSTS only for HTTPS", () => {
    const plain = new Headers();
    applySecurityHeaders(plain, { contentSecurityPolicy: "default-src 'none'", https: false });
    const secure = new Headers();
    applySecurityHeaders(secure, { contentSecurityPolicy: "default-src 'none'", https: true });
    expect(plain.get("strict-transport-security")).toBeNull();
    expect(secure.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(secure.get("cross-origin-opener-policy")).toBe("same-origin");
  });
});
