import { describe, expect, it } from "vitest";
import { originOf, selfOrigins, servedOverHttps, trustedOrigins } from "./origins";

describe("origins", () => {
  it("reduces URLs to origins and rejects opaque or malformed ones", () => {
    expect(originOf("https://App.Example.com:443/path?q=1")).toBe("https://app.example.com");
    expect(originOf("http://localhost:3000/")).toBe("http://localhost:3000");
    expect(originOf("null")).toBeNull();
    expect(originOf("not a url")).toBeNull();
    expect(originOf(undefined)).toBeNull();
  });

  it("trusts APP_ORIGINS and the origin of APP_URL", () => {
    const trusted = trustedOrigins(["https://partner.example.com/"], "https://app.example.com/dashboard");
    expect([...trusted].sort()).toEqual(["https://app.example.com", "https://partner.example.com"]);
    expect(trustedOrigins(undefined, undefined).size).toBe(0);
  });

  it("counts the host a reverse proxy forwarded as this request's own origin", () => {
    const url = new URL("http://10.0.0.5:3000/api/x");
    const headers = new Headers({ "x-forwarded-host": "crm.example.org", "x-forwarded-proto": "https" });
    expect([...selfOrigins(url, headers)]).toEqual(["http://10.0.0.5:3000", "https://crm.example.org"]);
    expect([...selfOrigins(url, new Headers({ host: "crm.local:8080" }))]).toContain("http://crm.local:8080");
    expect(servedOverHttps(url, headers)).toBe(true);
    expect(servedOverHttps(url, new Headers())).toBe(false);
  });
});
