import { randomUUID } from "node:crypto";
import { Redis as RedisClient } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as RouteModule from "../../src/server/http/route";
import type * as RateLimitModule from "../../src/server/security/rate-limit";
import { createUpstashLimiter } from "../../src/server/security/rate-limit/upstash-limiter";
import { startFakeUpstash, type FakeUpstash } from "../support/fake-upstash";
import { callerAddressHeaders } from "../support/caller-address";

// The real @upstash/redis and @upstash/ratelimit clients, over the Upstash REST protocol, against real Redis.
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const token = `test-${randomUUID()}`;
let fake: FakeUpstash;
let redis: RedisClient;
let rateLimit: typeof RateLimitModule;
let route: typeof RouteModule;

beforeAll(async () => {
  fake = await startFakeUpstash({ redisUrl, token });
  redis = new RedisClient(redisUrl);
  vi.stubEnv("UPSTASH_REDIS_REST_URL", fake.url);
  vi.stubEnv("UPSTASH_REDIS_REST_TOKEN", token);
  vi.resetModules();
  rateLimit = await import("../../src/server/security/rate-limit");
  route = await import("../../src/server/http/route");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
  await redis.quit();
});

const uniqueEmail = () => `${randomUUID()}@example.com`;

describe("Upstash adapter", () => {
  it("answers the health check's ping through the REST protocol", async () => {
    await expect(rateLimit.pingRateLimiter()).resolves.toBeUndefined();
  });

  it("allows five sign-ins per IP and email, then answers 429 with the limit headers", async () => {
    const email = uniqueEmail();
    const key = `ip:203.0.113.20|email:${email}`;
    const before = fake.commandCount;
    const remaining: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      remaining.push((await rateLimit.enforceRateLimit("signIn", key)).get("X-RateLimit-Remaining") ?? "");
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    expect(fake.commandCount - before).toBeGreaterThanOrEqual(5);

    const refusal = await rateLimit.enforceRateLimit("signIn", key).catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      status: 429,
      headers: { "x-ratelimit-limit": "5", "x-ratelimit-remaining": "0" },
    });
    const headers = (refusal as { headers: Record<string, string> }).headers;
    expect(Number(headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(headers["retry-after"])).toBeLessThanOrEqual(15 * 60);
    expect(Number(headers["x-ratelimit-reset"])).toBeGreaterThan(Date.now() / 1000);

    const stored = await redis.keys("omnicrm:rl:signIn:*");
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.join(" ")).not.toContain(email);
  });

  it("keeps callers independent", async () => {
    const blocked = `ip:203.0.113.21|email:${uniqueEmail()}`;
    for (let i = 0; i < 5; i += 1) await rateLimit.enforceRateLimit("passwordReset", blocked);
    await expect(rateLimit.enforceRateLimit("passwordReset", blocked)).rejects.toMatchObject({ status: 429 });
    const sameIpOtherEmail = await rateLimit.enforceRateLimit(
      "passwordReset",
      `ip:203.0.113.21|email:${uniqueEmail()}`,
    );
    expect(sameIpOtherEmail.get("X-RateLimit-Remaining")).toBe("4");
  });

  it("gives the allowance back when the window has passed", async () => {
    const limiter = createUpstashLimiter({ url: fake.url, token, requestTimeoutMs: 1_000 });
    const policy = { name: `window-${randomUUID()}`, limit: 2, windowSeconds: 1, failClosed: true };
    const outcomes = [];
    for (let i = 0; i < 3; i += 1) outcomes.push((await limiter.hit(policy, "caller")).allowed);
    expect(outcomes).toEqual([true, true, false]);
    // A sliding window forgets a hit once both its window and the next one are over.
    await new Promise((resolve) => setTimeout(resolve, 2_000 - (Date.now() % 1_000) + 50));
    expect(await limiter.hit(policy, "caller")).toMatchObject({ allowed: true, remaining: 1, limit: 2 });
  });

  it("counts an account's failed sign-ins, reads the count without adding to it, and clears it (password reset)", async () => {
    const key = `account:${uniqueEmail()}`;
    const { limit } = rateLimit.RATE_LIMIT_POLICIES.signInAccountFailures;
    expect(await rateLimit.readCount("signInAccountFailures", key)).toMatchObject({ allowed: true, remaining: limit });
    const states = [];
    for (let i = 0; i < limit; i += 1) states.push(await rateLimit.countEvent("signInAccountFailures", key));
    expect(states.at(-1)).toMatchObject({ allowed: true, remaining: 0 });
    expect(states.filter((state) => state.remaining === 0)).toHaveLength(1);
    expect(await rateLimit.readCount("signInAccountFailures", key)).toMatchObject({ allowed: false, remaining: 0 });
    expect(await rateLimit.countEvent("signInAccountFailures", key)).toMatchObject({ allowed: false });

    await rateLimit.clearCount("signInAccountFailures", key);
    expect(await rateLimit.readCount("signInAccountFailures", key)).toMatchObject({ allowed: true, remaining: limit });
    expect(await rateLimit.countEvent("signInAccountFailures", key)).toMatchObject({
      allowed: true,
      remaining: limit - 1,
    });
  });

  it("answers 429 through the route wrapper with the one JSON error body", async () => {
    const handler = route.defineRoute({
      auth: "none",
      rateLimit: { policy: "signUp" },
      handler: async () => ({ ok: true }),
    });
    const ip = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const call = () => handler(new Request("http://localhost/api/auth/sign-up", { headers: callerAddressHeaders(ip) }));
    for (let i = 0; i < 10; i += 1) expect((await call()).status).toBe(200);
    const response = await call();
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(response.headers.get("x-ratelimit-limit")).toBe("10");
    const body = (await response.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
  });
});

describe("Upstash adapter when the store is down", () => {
  it("refuses sign-in (fail closed) and lets API calls through (fail open) when connections drop", async () => {
    fake.setFault("refuse");
    try {
      await expect(
        rateLimit.enforceRateLimit("signIn", `ip:203.0.113.30|email:${uniqueEmail()}`),
      ).rejects.toMatchObject({ status: 503, code: "unavailable" });
      await expect(rateLimit.enforceRateLimit("public", "ip:203.0.113.30")).rejects.toMatchObject({ status: 503 });
      await expect(rateLimit.enforceRateLimit("api", `user:${randomUUID()}`)).resolves.toBeInstanceOf(Headers);
      await expect(rateLimit.pingRateLimiter()).rejects.toThrow();
    } finally {
      fake.setFault("none");
    }
  });

  it("gives up on a hanging store after the short timeout", async () => {
    fake.setFault("stall");
    try {
      const started = Date.now();
      const [signIn, api] = await Promise.allSettled([
        rateLimit.enforceRateLimit("signIn", `ip:203.0.113.31|email:${uniqueEmail()}`),
        rateLimit.enforceRateLimit("api", `user:${randomUUID()}`),
      ]);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(signIn).toMatchObject({ status: "rejected", reason: { status: 503 } });
      expect(api.status).toBe("fulfilled");
    } finally {
      fake.setFault("none");
    }
  });

  it("recovers once the store answers again", async () => {
    const headers = await rateLimit.enforceRateLimit("signIn", `ip:203.0.113.32|email:${uniqueEmail()}`);
    expect(headers.get("X-RateLimit-Remaining")).toBe("4");
  });
});
