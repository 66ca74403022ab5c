import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { policyId, type LimitState, type NamedPolicy, type RateLimiter } from "./limiter";

/** Fixed-window counters in this process: right for one embedded instance, wrong behind a load balancer. */
export function createMemoryLimiter(): RateLimiter {
  const limiters = new Map<string, RateLimiterMemory>();

  const limiterFor = (policy: NamedPolicy): RateLimiterMemory => {
    const id = policyId(policy);
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterMemory({ points: policy.limit, duration: policy.windowSeconds, keyPrefix: id });
      limiters.set(id, limiter);
    }
    return limiter;
  };

  return {
    kind: "memory",
    async hit(policy, identifier) {
      try {
        return toState(policy, true, await limiterFor(policy).consume(identifier));
      } catch (rejection) {
        // rate-limiter-flexible rejects with the counter state when over the limit, with an Error otherwise.
        if (rejection instanceof RateLimiterRes) return toState(policy, false, rejection);
        throw rejection;
      }
    },
    async peek(policy, identifier) {
      const current = await limiterFor(policy).get(identifier);
      if (!current) return { allowed: true, limit: policy.limit, remaining: policy.limit, resetAtMs: Date.now() };
      return toState(policy, current.consumedPoints < policy.limit, current);
    },
    async clear(policy, identifier) {
      await limiterFor(policy).delete(identifier);
    },
    async ping() {},
  };
}

function toState(policy: NamedPolicy, allowed: boolean, result: RateLimiterRes): LimitState {
  return {
    allowed,
    limit: policy.limit,
    remaining: Math.max(0, result.remainingPoints),
    resetAtMs: Date.now() + Math.max(0, result.msBeforeNext),
  };
}
