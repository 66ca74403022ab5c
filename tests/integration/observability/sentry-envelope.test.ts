import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { onRequestError } from "@/instrumentation";
import { defineRoute } from "@/server/http/route";
import { flushServerSentry, initServerSentry } from "@/server/observability/sentry-server";
import { startFakeSentry, type FakeSentry } from "../../support/fake-sentry";
import { serveRoute, type ServedRoute } from "./serve-route";

const EMAIL = "jane.doe@example.com";
const PHONE = "+1 415 555 0142";
const COOKIE_VALUE = "s3ss10n-c00k13-v4lu3";
const BEARER = "t0p-s3cr3t-b34r3r-t0k3n";
const BODY_NOTE = "allergic to penicillin";
const SECRETS = [EMAIL, "jane.doe", "555 0142", "5550142", COOKIE_VALUE, BEARER, BODY_NOTE];

const syncCalendar = defineRoute({
  auth: "none",
  body: z.object({ email: z.string(), phone: z.string(), note: z.string() }),
  handler: async ({ body }) => {
    throw new Error(`Calendar sync failed for ${body.email} (${body.phone})`);
  },
});

let sentry: FakeSentry;
let app: ServedRoute;

beforeAll(async () => {
  sentry = await startFakeSentry();
  initServerSentry({ dsn: sentry.dsn, environment: "test", release: "0.0.0-test" });
  app = await serveRoute(syncCalendar);
});

afterAll(async () => {
  await app.close();
  await sentry.close();
});

describe("Sentry error reporting", () => {
  it("sends exactly one envelope with the exception and none of the client's data or credentials", async () => {
    const response = await fetch(`${app.url}/api/calendar/sync?email=${encodeURIComponent(EMAIL)}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: `omnicrm_session=${COOKIE_VALUE}; theme=dark`,
        authorization: `Bearer ${BEARER}`,
        "x-request-id": "req-sentry-0001",
      },
      body: JSON.stringify({ email: EMAIL, phone: PHONE, note: BODY_NOTE }),
    });
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain(EMAIL);

    await flushServerSentry(5_000);
    await sentry.waitForEnvelopes(1);
    // Anything else in flight (a second capture, a session update) would arrive within this window.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await flushServerSentry(2_000);

    expect(sentry.envelopes).toHaveLength(1);
    const [envelope] = sentry.envelopes;
    const events = envelope?.items.filter((item) => item.header.type === "event") ?? [];
    expect(events).toHaveLength(1);
    const event = events[0]?.payload as {
      exception: { values: Array<{ type: string; value: string }> };
      tags: Record<string, string>;
      request?: { url?: string; headers?: Record<string, string>; cookies?: unknown; data?: unknown };
      user?: Record<string, unknown>;
    };
    expect(event.exception.values.at(-1)).toMatchObject({
      type: "Error",
      value: "Calendar sync failed for [email] ([phone])",
    });
    expect(event.tags).toMatchObject({ requestId: "req-sentry-0001", route: "/api/calendar/sync" });
    // The SDK attached the incoming request; only harmless headers and the bare path survive.
    expect(event.request?.url).toMatch(/\/api\/calendar\/sync$/);
    expect(Object.keys(event.request?.headers ?? {}).map((name) => name.toLowerCase())).not.toEqual(
      expect.arrayContaining(["cookie"]),
    );
    expect(event.request?.headers).not.toHaveProperty("authorization");
    expect(event.request).not.toHaveProperty("cookies");
    expect(event.request).not.toHaveProperty("data");

    for (const secret of SECRETS) expect(envelope?.raw).not.toContain(secret);
  });

  it("reports errors Next.js catches outside the route wrapper (onRequestError), scrubbed the same way", async () => {
    process.env.NEXT_RUNTIME = "nodejs";
    const before = sentry.envelopes.length;
    await onRequestError(
      new Error(`render failed for ${EMAIL}`),
      {
        path: `/clients?email=${encodeURIComponent(EMAIL)}`,
        method: "GET",
        headers: {
          cookie: `omnicrm_session=${COOKIE_VALUE}`,
          authorization: `Bearer ${BEARER}`,
          "user-agent": "vitest",
        },
      },
      {
        routerKind: "App Router",
        routePath: "/clients",
        routeType: "render",
        renderSource: "react-server-components",
        revalidateReason: undefined,
      },
    );
    await flushServerSentry(5_000);
    const [envelope] = (await sentry.waitForEnvelopes(before + 1)).slice(before);
    const event = envelope?.items.find((item) => item.header.type === "event")?.payload as {
      exception: { values: Array<{ value: string }> };
      request?: { headers?: Record<string, string> };
    };
    expect(event.exception.values.at(-1)?.value).toBe("render failed for [email]");
    for (const secret of SECRETS) expect(envelope?.raw).not.toContain(secret);
  });
});
