import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseTraceOn } from "./refuse-trace";

let server: http.Server;
let port = 0;

/** fetch refuses to send TRACE, so the request goes out through node:http. */
function send(method: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, method, path: "/api/contacts" }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject).end();
  });
}

beforeAll(async () => {
  // Stands in for Next's listener, which answers TRACE with a 500 and none of the app's headers.
  server = http.createServer((request, response) => response.writeHead(request.method === "TRACE" ? 500 : 200).end());
  refuseTraceOn(server);
  refuseTraceOn(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("refuseTraceOn", () => {
  it("answers TRACE with 405, Allow, security headers and the one error body, before the server's own listener", async () => {
    const response = await send("TRACE");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(JSON.parse(response.body)).toMatchObject({
      error: { code: "method_not_allowed", requestId: response.headers["x-request-id"] },
    });
  });

  it("hands every other method to the server's listener, once", async () => {
    expect((await send("GET")).status).toBe(200);
    expect(server.listenerCount("request")).toBe(1);
  });
});
