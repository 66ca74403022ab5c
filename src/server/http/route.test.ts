import { describe, expect, it } from "vitest";
import { z } from "@/lib/zod";
import { AppError } from "@/server/errors";
import { RawJson } from "@/server/db/raw-json";
import { defineRoute } from "./route";
import { callerAddressHeaders } from "../../../tests/support/caller-address";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/things", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });

const createThing = defineRoute({
  auth: "none",
  body: z.object({ name: z.string().min(1), count: z.number().int().max(10) }),
  successStatus: 201,
  handler: async ({ body }) => ({ created: body.name }),
});

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; requestId: string; details?: unknown } })
    .error;
}

describe("defineRoute", () => {
  it("answers the handler's result as JSON with the success status and a request id", async () => {
    const response = await createThing(post(JSON.stringify({ name: "Ada", count: 1 })));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ created: "Ada" });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("sends a RawJson result's text unchanged, with the same headers as any JSON answer", async () => {
    const text = '{"items":[{"id" : "a"}],"nextCursor":null}';
    const raw = defineRoute({ auth: "none", handler: async () => new RawJson<{ items: unknown[] }>(text) });
    const response = await raw(new Request("http://localhost/api/x"));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(text);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("applies the API gates the proxy used to: CSRF, declared body size and the cron secret, before any work", async () => {
    let ran = 0;
    const counted = defineRoute({ auth: "none", handler: async () => ({ ran: (ran += 1) }) });
    const crossSite = await counted(
      new Request("http://localhost/api/things", { method: "POST", headers: { origin: "https://evil.example" } }),
    );
    expect(crossSite.status).toBe(403);
    const formPost = await counted(
      new Request("http://localhost/api/things", {
        method: "POST",
        body: "a=1",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(formPost.status).toBe(403);
    const huge = await counted(
      new Request("http://localhost/api/things", {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) },
      }),
    );
    expect(huge.status).toBe(413);
    const cron = await counted(
      new Request("http://localhost/api/cron/anything", { headers: { authorization: "Bearer nope" } }),
    );
    expect([401, 503]).toContain(cron.status);
    expect(ran).toBe(0);
    const sameOrigin = await counted(
      new Request("http://localhost/api/things", { method: "POST", headers: { origin: "http://localhost" } }),
    );
    expect(sameOrigin.status).toBe(200);
    expect(ran).toBe(1);
  });

  it("sets HSTS over HTTPS and no CORS grant for an origin outside the allowlist", async () => {
    const ping = defineRoute({ auth: "none", handler: async () => ({ ok: true }) });
    const secure = await ping(
      new Request("http://localhost/api/ping", {
        headers: { "x-forwarded-proto": "https", origin: "https://evil.example" },
      }),
    );
    expect(secure.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
    expect(secure.headers.get("vary")).toBe("Origin");
    expect(secure.headers.get("access-control-allow-origin")).toBeNull();
    const plain = await ping(new Request("http://localhost/api/ping"));
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });

  it("keeps a well-formed incoming request id and replaces a malformed one", async () => {
    const kept = await createThing(post(JSON.stringify({ name: "a", count: 1 }), { "x-request-id": "req-12345678" }));
    expect(kept.headers.get("x-request-id")).toBe("req-12345678");
    const replaced = await createThing(post(JSON.stringify({ name: "a", count: 1 }), { "x-request-id": "bad id\n" }));
    expect(replaced.headers.get("x-request-id")).not.toBe("bad id\n");
  });

  it("answers 422 with field paths when the body breaks the contract", async () => {
    const response = await createThing(post(JSON.stringify({ name: "", count: 99 })));
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.code).toBe("validation_failed");
    expect(error.requestId).toBe(response.headers.get("x-request-id"));
    expect(error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "name" }), expect.objectContaining({ path: "count" })]),
    );
  });

  it("answers 400 for a body that is not JSON", async () => {
    const response = await createThing(post("{not json"));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("bad_request");
  });

  it("answers 413 when the body is larger than the cap, whatever content-length claims", async () => {
    const huge = JSON.stringify({ name: "x".repeat(1_100_000), count: 1 });
    const response = await createThing(post(huge, { "content-length": "10" }));
    expect(response.status).toBe(413);
  });

  it("maps an AppError to its status and hides unexpected errors behind a generic 500", async () => {
    const conflict = defineRoute({
      auth: "none",
      handler: async () => Promise.reject(new AppError("conflict", "Already there")),
    });
    const conflictResponse = await conflict(new Request("http://localhost/api/x"));
    expect(conflictResponse.status).toBe(409);
    expect((await errorOf(conflictResponse)).message).toBe("Already there");

    const broken = defineRoute({
      auth: "none",
      handler: async () => Promise.reject(new Error("connection string postgres://secret@db")),
    });
    const brokenResponse = await broken(new Request("http://localhost/api/x"));
    expect(brokenResponse.status).toBe(500);
    const text = JSON.stringify(await brokenResponse.json());
    expect(text).not.toContain("secret");
    expect(text).toContain("internal");
  });

  it("parses query strings and route params with their schemas", async () => {
    const show = defineRoute({
      auth: "none",
      query: z.object({ limit: z.coerce.number().int().max(100).default(20) }),
      params: z.object({ id: z.uuid() }),
      handler: async ({ query, params }) => ({ limit: query.limit, id: params.id }),
    });
    const id = "7d3c4a4e-64a5-4c4b-9f51-3c1c1e1f2a10";
    const ok = await show(new Request("http://localhost/api/x?limit=5"), { params: Promise.resolve({ id }) });
    expect(await ok.json()).toEqual({ limit: 5, id });
    const bad = await show(new Request("http://localhost/api/x?limit=500"), {
      params: Promise.resolve({ id: "nope" }),
    });
    expect(bad.status).toBe(422);
  });

  it("refuses a signed-out caller on a route that requires a session", async () => {
    const secret = defineRoute({ auth: "required", handler: async () => ({ ok: true }) });
    const response = await secret(new Request("http://localhost/api/secret"));
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe("unauthorized");
  });

  it("keeps the rate-limit headers on error answers", async () => {
    const limited = defineRoute({
      auth: "none",
      rateLimit: { policy: "public" },
      handler: async () => Promise.reject(new AppError("conflict", "Already there")),
    });
    const response = await limited(
      new Request("http://localhost/api/limited", { headers: callerAddressHeaders("203.0.113.9") }),
    );
    expect(response.status).toBe(409);
    expect(response.headers.get("x-ratelimit-limit")).not.toBeNull();
    expect(response.headers.get("x-ratelimit-remaining")).not.toBeNull();
  });

  it("applies every limit of a list and reports the tightest, whichever comes first", async () => {
    const address = "203.0.113.77";
    const limited = defineRoute({
      auth: "none",
      body: z.object({ email: z.string() }),
      rateLimit: [{ policy: "signIn", keyFrom: () => "email:one@example.com" }, { policy: "signInIp" }],
      handler: async () => ({ ok: true }),
    });
    const send = (email: string) => limited(post(JSON.stringify({ email }), callerAddressHeaders(address)));
    const first = await send("one@example.com");
    expect(first.headers.get("x-ratelimit-limit")).toBe("5");
    expect(first.headers.get("x-ratelimit-remaining")).toBe("4");
    const anotherRoute = defineRoute({
      auth: "none",
      rateLimit: [{ policy: "signInIp" }, { policy: "signIn", keyFrom: () => "email:two@example.com" }],
      handler: async () => ({ ok: true }),
    });
    const second = await anotherRoute(
      new Request("http://localhost/api/x", { headers: callerAddressHeaders(address) }),
    );
    // Both limits counted this call: the address's second hit, the new email's first, which leaves more.
    expect(second.headers.get("x-ratelimit-limit")).toBe("5");
    expect(second.headers.get("x-ratelimit-remaining")).toBe("4");
  });
});
