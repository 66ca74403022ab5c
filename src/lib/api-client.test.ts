import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "@/lib/zod";
import { ApiError, apiRequest, apiResponse, formatWait, parseRetryAfter } from "./api-client";

type Reply = { status: number; headers?: Record<string, string>; body?: string };

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

/** Answers each path with a canned reply, and echoes what it received on /echo. */
const replies: Record<string, Reply> = {
  "/user": json(200, { user: { id: "u1", email: "a@b.c", displayName: "Ada" } }),
  "/accepted": { status: 202 },
  "/conflict": json(409, {
    error: { code: "conflict", message: "An account with this email already exists", requestId: "req-409" },
  }),
  "/invalid": json(422, {
    error: {
      code: "validation_failed",
      message: "Some fields are invalid",
      requestId: "req-422",
      details: [
        { path: "email", message: "Enter a valid email address" },
        { path: "email", message: "second message is ignored" },
        { path: "password", message: "Use at least 12 characters" },
        { nonsense: true },
      ],
    },
  }),
  "/duplicate": json(409, {
    error: {
      code: "conflict",
      message: "A client with this email is already on file",
      requestId: "req-dup",
      details: { duplicateId: "c1", matchedOn: "email" },
    },
  }),
  "/stream": { status: 200, headers: { "content-type": "application/x-ndjson" }, body: '{"n":1}\n{"n":2}\n' },
  "/limited": json(
    429,
    { error: { code: "rate_limited", message: "Too many requests", requestId: "req-429" } },
    { "retry-after": "840" },
  ),
  "/html-error": {
    status: 502,
    headers: { "content-type": "text/html", "x-request-id": "req-html" },
    body: "<h1>x</h1>",
  },
  "/forbidden-plain": { status: 403, body: "Forbidden" },
};

let baseUrl = "";
const server = http.createServer((request, response) => {
  if (request.url === "/echo") {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    request.on("end", () => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(
        JSON.stringify({ method: request.method, contentType: request.headers["content-type"] ?? null, raw }),
      );
    });
    return;
  }
  const reply =
    replies[request.url ?? ""] ?? json(404, { error: { code: "not_found", message: "Nope", requestId: "r" } });
  response.writeHead(reply.status, reply.headers ?? {});
  response.end(reply.body ?? "");
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(path: string): Promise<ApiError> {
  const error = await apiRequest(`${baseUrl}${path}`, { method: "POST", body: {} }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("apiRequest", () => {
  it("sends a JSON body with a JSON content type as a POST", async () => {
    const echoed = await apiRequest(`${baseUrl}/echo`, { body: { email: "a@b.c" } });
    expect(echoed).toEqual({ method: "POST", contentType: "application/json", raw: '{"email":"a@b.c"}' });
  });

  it("validates the success body with the given contract", async () => {
    const schema = z.object({ user: z.object({ displayName: z.string() }) });
    const body = await apiRequest(`${baseUrl}/user`, { schema });
    expect(body.user.displayName).toBe("Ada");
  });

  it("resolves with undefined for an empty success body", async () => {
    await expect(apiRequest(`${baseUrl}/accepted`, { body: { email: "a@b.c" } })).resolves.toBeUndefined();
  });

  it("carries the API's message, code and request id", async () => {
    const error = await failure("/conflict");
    expect([error.status, error.code, error.message, error.requestId]).toEqual([
      409,
      "conflict",
      "An account with this email already exists",
      "req-409",
    ]);
  });

  it("maps validation details to one message per field", async () => {
    const error = await failure("/invalid");
    expect(error.fieldErrors).toEqual({ email: "Enter a valid email address", password: "Use at least 12 characters" });
  });

  it("keeps the details as sent, for callers that know their shape", async () => {
    const error = await failure("/duplicate");
    expect(error.details).toEqual({ duplicateId: "c1", matchedOn: "email" });
    expect(error.fieldErrors).toEqual({});
  });

  it("sends a FormData body as multipart/form-data, not as JSON", async () => {
    const form = new FormData();
    form.set("payload", '{"a":1}');
    const echoed = (await apiRequest(`${baseUrl}/echo`, { body: form })) as { contentType: string; raw: string };
    expect(echoed.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(echoed.raw).toContain('name="payload"');
    expect(echoed.raw).toContain('{"a":1}');
  });

  it("tells how long to wait when rate limited", async () => {
    const error = await failure("/limited");
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(840);
    expect(error.message).toBe("Too many attempts. Try again in 14 minutes.");
  });

  it("phrases answers that are not the JSON error shape", async () => {
    const html = await failure("/html-error");
    expect([html.code, html.requestId]).toEqual(["internal", "req-html"]);
    expect(html.message).toMatch(/Something went wrong/);
    const forbidden = await failure("/forbidden-plain");
    expect([forbidden.code, forbidden.message]).toEqual([
      "forbidden",
      "This request was refused. Reload the page and try again.",
    ]);
  });

  it("reports an unreachable server as a network error", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await apiRequest(`http://127.0.0.1:${port}/x`).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 0, code: "network" });
  });

  it("lets an aborted request reject as an abort, not as an API error", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await apiRequest(`${baseUrl}/user`, { signal: controller.signal }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DOMException);
  });
});

describe("apiResponse", () => {
  it("hands back a successful answer unread, for the caller to stream", async () => {
    const response = await apiResponse(`${baseUrl}/stream`, { body: {} });
    expect(await response.text()).toBe('{"n":1}\n{"n":2}\n');
  });

  it("rejects a failure with the same ApiError apiRequest gives", async () => {
    const error = await apiResponse(`${baseUrl}/invalid`, { body: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldErrors.password).toBe("Use at least 12 characters");
  });
});

describe("parseRetryAfter and formatWait", () => {
  it("reads delay-seconds and HTTP dates", () => {
    const now = Date.parse("2030-01-01T00:00:00Z");
    expect(parseRetryAfter("90", now)).toBe(90);
    expect(parseRetryAfter("Tue, 01 Jan 2030 00:05:00 GMT", now)).toBe(300);
    expect(parseRetryAfter("Mon, 31 Dec 2029 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it.each([
    [undefined, "a few minutes"],
    [1, "1 second"],
    [45, "45 seconds"],
    [60, "1 minute"],
    [61, "2 minutes"],
    [900, "15 minutes"],
    [7200, "2 hours"],
  ])("formats %j seconds as %j", (seconds, expected) => {
    expect(formatWait(seconds)).toBe(expected);
  });
});
