import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isAppError, type AppError } from "@/server/errors";
import { createLogger } from "@/server/observability/create-logger";
import { runWithRequestContext } from "@/server/observability/request-context";
import { enforceRateLimit, pingRateLimiter } from "./enforce";
import { RATE_LIMIT_POLICIES } from "./policies";

/** Runs `fn` as a request whose log lines are collected as parsed JSON. */
async function withCapturedLogs<T>(fn: () => Promise<T>): Promise<{ result: T | AppError; lines: string[] }> {
  const lines: string[] = [];
  const logger = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
  const result = await runWithRequestContext({ requestId: "req-test-1", route: "/api/test", logger }, () =>
    fn().catch((error: unknown) => {
      if (isAppError(error)) return error;
      throw error;
    }),
  );
  return { result, lines };
}

const signInKey = () => `ip:198.51.100.7|email:${randomUUID()}@example.com`;

describe("enforceRateLimit with the in-process limiter", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("returns the limit headers, counting down", async () => {
    const key = signInKey();
    const first = await enforceRateLimit("signIn", key);
    const second = await enforceRateLimit("signIn", key);
    expect(first.get("X-RateLimit-Limit")).toBe("5");
    expect(first.get("X-RateLimit-Remaining")).toBe("4");
    expect(second.get("X-RateLimit-Remaining")).toBe("3");
    const reset = Number(first.get("X-RateLimit-Reset"));
    expect(reset).toBeGreaterThan(Date.now() / 1000 + 15 * 60 - 5);
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 15 * 60);
  });

  it("refuses the sixth sign-in in 15 minutes with a 429, Retry-After, and one log line without the email", async () => {
    const email = `${randomUUID()}@example.com`;
    const key = `ip:198.51.100.7|email:${email}`;
    for (let i = 0; i < RATE_LIMIT_POLICIES.signIn.limit; i += 1) await enforceRateLimit("signIn", key);

    const { result, lines } = await withCapturedLogs(() => enforceRateLimit("signIn", key));
    expect(isAppError(result)).toBe(true);
    const refusal = result as AppError;
    expect(refusal.status).toBe(429);
    expect(refusal.code).toBe("rate_limited");
    expect(refusal.headers).toMatchObject({ "x-ratelimit-limit": "5", "x-ratelimit-remaining": "0" });
    const retryAfter = Number(refusal.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(15 * 60 - 5);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(entry).toMatchObject({ msg: "rate limit exceeded", policy: "signIn", keyKind: "ip+email", level: "warn" });
    expect(lines[0]).not.toContain(email);
    expect(lines[0]).not.toContain("198.51.100.7");
  });

  it("keeps callers apart: one caller's refusals do not touch another's", async () => {
    const blocked = signInKey();
    for (let i = 0; i < 5; i += 1) await enforceRateLimit("signIn", blocked);
    await expect(enforceRateLimit("signIn", blocked)).rejects.toMatchObject({ status: 429 });
    const other = await enforceRateLimit("signIn", signInKey());
    expect(other.get("X-RateLimit-Remaining")).toBe("4");
  });

  it("gives the full allowance back once the window has passed", async () => {
    vi.useFakeTimers();
    const key = `ip:198.51.100.8`;
    for (let i = 0; i < RATE_LIMIT_POLICIES.signUp.limit; i += 1) await enforceRateLimit("signUp", key);
    await expect(enforceRateLimit("signUp", key)).rejects.toMatchObject({ status: 429 });
    vi.advanceTimersByTime(RATE_LIMIT_POLICIES.signUp.windowSeconds * 1000 + 1);
    const fresh = await enforceRateLimit("signUp", key);
    expect(fresh.get("X-RateLimit-Remaining")).toBe(String(RATE_LIMIT_POLICIES.signUp.limit - 1));
  });

  it("answers a ping", async () => {
    await expect(pingRateLimiter()).resolves.toBeUndefined();
  });
});
