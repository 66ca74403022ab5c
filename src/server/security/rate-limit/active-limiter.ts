import { env, runMode } from "@/server/config";
import type { RateLimiter } from "./limiter";
import { createMemoryLimiter } from "./memory-limiter";
import { createUpstashLimiter } from "./upstash-limiter";
import { LIMITER_TIMEOUT_MS } from "./policies";

interface AdapterChoice {
  /** Identifies the configured store, so a changed configuration gets a fresh limiter. */
  cacheKey: () => string;
  create: () => RateLimiter;
}

const ADAPTERS: Record<typeof runMode.rateLimiter, AdapterChoice> = {
  memory: { cacheKey: () => "memory", create: createMemoryLimiter },
  upstash: {
    cacheKey: () => `upstash:${env.UPSTASH_REDIS_REST_URL}`,
    create: () => {
      const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env;
      if (!url || !token) throw new Error("UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must both be set");
      return createUpstashLimiter({ url, token, requestTimeoutMs: LIMITER_TIMEOUT_MS });
    },
  },
};

const globalForLimiter = globalThis as unknown as { omnicrmRateLimiters?: Map<string, RateLimiter> };

/** The process's limiter, chosen by configuration; kept on globalThis so dev reloads keep their counts. */
export function activeRateLimiter(): RateLimiter {
  const limiters = (globalForLimiter.omnicrmRateLimiters ??= new Map());
  const choice = ADAPTERS[runMode.rateLimiter];
  const key = choice.cacheKey();
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = choice.create();
    limiters.set(key, limiter);
  }
  return limiter;
}
