import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
import { policyId, type NamedPolicy, type RateLimiter } from "./limiter";

export interface UpstashConnection {
  url: string;
  token: string;
  /** Each HTTP call is aborted after this long, so a stalled store never holds sockets open. */
  requestTimeoutMs: number;
}

/** Sliding-window counters in Upstash Redis over its REST API, shared by every instance. */
export function createUpstashLimiter(connection: UpstashConnection): RateLimiter {
  const redis = new Redis({
    url: connection.url,
    token: connection.token,
    // One attempt: a retry would outlast the request's own timeout; the caller decides open or closed.
    retry: { retries: 0 },
    enableTelemetry: false,
    signal: () => AbortSignal.timeout(connection.requestTimeoutMs),
  });
  const limiters = new Map<string, Ratelimit>();

  const limiterFor = (policy: NamedPolicy): Ratelimit => {
    const id = policyId(policy);
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new Ratelimit({
        redis,
        limiter: Ratelimit.slidingWindow(policy.limit, `${policy.windowSeconds} s`),
        prefix: `omnicrm:rl:${id}`,
        // The library's own timeout lets requests through; the enforcement code times out instead.
        timeout: 0,
        analytics: false,
      });
      limiters.set(id, limiter);
    }
    return limiter;
  };

  return {
    kind: "upstash",
    async hit(policy, identifier) {
      const result = await limiterFor(policy).limit(identifier);
      return {
        allowed: result.success,
        limit: result.limit,
        remaining: Math.max(0, result.remaining),
        resetAtMs: result.reset,
      };
    },
    async peek(policy, identifier) {
      const result = await limiterFor(policy).getRemaining(identifier);
      return { allowed: result.remaining > 0, limit: result.limit, remaining: result.remaining, resetAtMs: result.reset };
    },
    async clear(policy, identifier) {
      await limiterFor(policy).resetUsedTokens(identifier);
    },
    async ping() {
      const answer = await redis.ping();
      if (answer !== "PONG") throw new Error(`Unexpected answer to PING from the rate limiter: ${String(answer)}`);
    },
  };
}
