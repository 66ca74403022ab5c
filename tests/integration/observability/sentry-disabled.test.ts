import diagnostics from "node:diagnostics_channel";
import * as Sentry from "@sentry/nextjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineRoute } from "@/server/http/route";
import { serveRoute, type ServedRoute } from "./serve-route";

const failing = defineRoute({
  auth: "none",
  handler: async () => {
    throw new Error("nothing should report this");
  },
});

let app: ServedRoute;
const outgoing: string[] = [];
const recordHttp = (message: unknown) => {
  const { request } = message as { request: { host?: string; path?: string } };
  outgoing.push(`http ${request.host ?? ""}${request.path ?? ""}`);
};
const recordFetch = (message: unknown) => {
  const { request } = message as { request: { origin: string; path: string } };
  outgoing.push(`fetch ${request.origin}${request.path}`);
};

beforeAll(async () => {
  app = await serveRoute(failing);
});

afterAll(async () => {
  diagnostics.unsubscribe("http.client.request.start", recordHttp);
  diagnostics.unsubscribe("undici:request:create", recordFetch);
  await app.close();
});

describe("Sentry without a DSN", () => {
  it("is never initialised and a failing route makes no network call beyond its own answer", async () => {
    expect(Sentry.getClient()).toBeUndefined();
    diagnostics.subscribe("http.client.request.start", recordHttp);
    diagnostics.subscribe("undici:request:create", recordFetch);
    const response = await fetch(`${app.url}/api/boom`);
    expect(response.status).toBe(500);
    await Sentry.flush(500);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The probe sees the test's own call, so it would see the SDK's too.
    expect(outgoing).toEqual([`fetch ${app.url}/api/boom`]);
  });
});
