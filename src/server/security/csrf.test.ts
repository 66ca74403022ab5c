import { describe, expect, it } from "vitest";
import { csrfRefusal } from "./csrf";

const acceptedOrigins = new Set(["https://app.example.com"]);
const check = (method: string, headers: Record<string, string>) =>
  csrfRefusal({ method, headers: new Headers(headers), acceptedOrigins });

describe("csrfRefusal", () => {
  it("never refuses reads", () => {
    expect(check("GET", { origin: "https://evil.example" })).toBeNull();
    expect(check("HEAD", { "sec-fetch-site": "cross-site" })).toBeNull();
  });

  it.each(["POST", "PUT", "PATCH", "DELETE", "patch"])("checks %s", (method) => {
    expect(check(method, { origin: "https://evil.example", "content-type": "application/json" })?.status).toBe(403);
    expect(check(method, { origin: "https://app.example.com", "content-type": "application/json" })).toBeNull();
  });

  it("accepts JSON media types with a structured suffix, and multipart", () => {
    const sameOrigin = { origin: "https://app.example.com" };
    expect(check("PATCH", { ...sameOrigin, "content-type": "application/merge-patch+json" })).toBeNull();
    expect(check("POST", { ...sameOrigin, "content-type": "Multipart/Form-Data; boundary=abc" })).toBeNull();
    expect(check("POST", { ...sameOrigin, "content-type": "application/jsonx" })?.status).toBe(403);
  });

  it("lets a bodiless request through without a content type, but not a chunked one", () => {
    expect(check("POST", { origin: "https://app.example.com" })).toBeNull();
    expect(check("POST", { origin: "https://app.example.com", "content-length": "0" })).toBeNull();
    expect(check("POST", { origin: "https://app.example.com", "transfer-encoding": "chunked" })?.code).toBe(
      "forbidden",
    );
  });

  it("explains a refusal in words the caller can act on", () => {
    expect(check("POST", { origin: "https://app.example.com", "content-type": "text/plain" })?.message).toContain(
      "application/json",
    );
    expect(check("POST", { "sec-fetch-site": "cross-site" })?.message).toMatch(/Cross-site/);
  });
});
