import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createLogger } from "@/server/observability/create-logger";
import type * as RequestContextModule from "@/server/observability/request-context";
import type * as EnforceModule from "./enforce";
import { RATE_LIMIT_POLICIES, type PolicyName } from "./policies";

// A real HTTP endpoint that misbehaves the way an unreachable or hanging Upstash does.
let behaviour: "drop" | "hang" = "drop";
const store = http.createServer((request) => {
  if (behaviour === "drop") request.socket.destroy();
});
let enforce: typeof EnforceModule;
let requestContext: typeof RequestContextModule;

beforeAll(async () => {
  await new Promise<void>((resolve) => store.listen(0, "127.0.0.1", resolve));
  vi.stubEnv("UPSTASH_REDIS_REST_URL", `http://127.0.0.1:${(store.address() as AddressInfo).port}`);
  vi.stubEnv("UPSTASH_REDIS_REST_TOKEN", "unreachable-test-token");
  vi.resetModules();
  enforce = await import("./enforce");
  // Same module graph as `enforce`, so its log() sees the request logger set here.
  requestContext = await import("@/server/observability/request-context");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  store.closeAllConnections();
  await new Promise((resolve) => store.close(resolve));
});

async function attempt(policy: PolicyName): Promise<{ outcome: unknown; lines: string[] }> {
  const lines: string[] = [];
  const logger = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
  const outcome = await requestContext.runWithRequestContext(
    { requestId: "req-unreachable", route: "/api/test", logger },
    () => enforce.enforceRateLimit(policy, "ip:192.0.2.1|email:ada@example.com").catch((error: unknown) => error),
  );
  return { outcome, lines };
}

const policies = Object.entries(RATE_LIMIT_POLICIES) as [PolicyName, (typeof RATE_LIMIT_POLICIES)[PolicyName]][];

describe("when the Upstash store drops connections", () => {
  it.each(policies)("%s fails closed or open as its policy says", async (policy, { failClosed }) => {
    behaviour = "drop";
    const { outcome, lines } = await attempt(policy);
    const entry = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(entry).toMatchObject({ policy, keyKind: "ip+email" });
    expect(lines.join("")).not.toContain("ada@example.com");
    if (failClosed) {
      expect(outcome).toMatchObject({ status: 503, code: "unavailable", headers: { "Retry-After": "30" } });
      expect(entry).toMatchObject({ level: "error", msg: "rate limiter unreachable; request refused" });
    } else {
      expect(outcome).toBeInstanceOf(Headers);
      expect([...(outcome as Headers).keys()]).toEqual([]);
      expect(entry).toMatchObject({ level: "warn", msg: "rate limiter unreachable; request allowed unmetered" });
    }
  });

  it("reports the store as down to the health check", async () => {
    behaviour = "drop";
    await expect(enforce.pingRateLimiter()).rejects.toThrow();
  });
});

describe("when the Upstash store hangs", () => {
  it("gives up after the short timeout: sign-in refused, API allowed", async () => {
    behaviour = "hang";
    const started = Date.now();
    const [signIn, api] = await Promise.all([attempt("signIn"), attempt("api")]);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(signIn.outcome).toMatchObject({ status: 503 });
    expect(api.outcome).toBeInstanceOf(Headers);
    await expect(enforce.pingRateLimiter()).rejects.toThrow(/within 1000 ms|aborted/);
  });
});
