import { beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@/server/observability/create-logger";
import { PASSWORD, signedUpBrowser, temporaryDataDir } from "../auth/fixtures";
import { loadAuthRoutes, type AuthRoutes } from "../auth/load-auth-routes";
import { TestBrowser } from "../../support/test-browser";

const lines: string[] = [];
let routes: AuthRoutes;

type LogRecord = Record<string, unknown>;
const records = (): LogRecord[] => lines.map((line) => JSON.parse(line) as LogRecord);
const accessLine = (requestId: string) =>
  records().find((record) => record.msg === "request" && record.requestId === requestId);

beforeAll(async () => {
  // The process logger is created once per process; installing one first makes the app's modules write here.
  (globalThis as { omnicrmLogger?: unknown }).omnicrmLogger = createLogger({
    level: "info",
    destination: { write: (line: string) => void lines.push(line) },
  });
  routes = await loadAuthRoutes({ DATA_DIR: temporaryDataDir(), NEXT_PUBLIC_SUPABASE_URL: undefined });
});

describe("the access line", () => {
  it("carries request id, user id, route, method, status and duration, and no credentials or PII", async () => {
    const { browser, email, id } = await signedUpBrowser(routes, "Grace");
    const response = await browser.send(routes.user, "GET", "/api/auth/user", {
      headers: { "x-request-id": "req-access-00000001" },
    });
    expect(response.status).toBe(200);

    const line = accessLine("req-access-00000001");
    expect(line).toMatchObject({
      level: "info",
      requestId: "req-access-00000001",
      userId: id,
      route: "/api/auth/user",
      method: "GET",
      status: 200,
    });
    expect(typeof line?.durationMs).toBe("number");
    expect(line?.durationMs).toBeGreaterThanOrEqual(0);

    const everything = lines.join("");
    const sessionCookie = [...browser.cookies.values()][0] ?? "";
    expect(sessionCookie.length).toBeGreaterThan(10);
    for (const secret of [email, PASSWORD, sessionCookie]) expect(everything).not.toContain(secret);
  });

  it("logs refused requests too, without a user id, under a generated request id when none is sent", async () => {
    const before = lines.length;
    const response = await new TestBrowser().send(routes.user, "GET", "/api/auth/user");
    expect(response.status).toBe(401);
    const line = records()
      .slice(before)
      .find((record) => record.msg === "request");
    expect(line).toMatchObject({
      route: "/api/auth/user",
      status: 401,
      requestId: response.headers.get("x-request-id"),
    });
    expect(line).not.toHaveProperty("userId");
  });
});
