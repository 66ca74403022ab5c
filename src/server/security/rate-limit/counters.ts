import { activeRateLimiter } from "./active-limiter";
import { limiterIdentifier } from "./caller-key";
import type { LimitState } from "./limiter";
import { RATE_LIMIT_POLICIES, type PolicyName } from "./policies";
import { callStore } from "./store-call";

/**
 * Counters a service keeps itself, beside the route-level limits: it counts only some outcomes (a
 * failed sign-in, not every attempt), reads the count before acting and clears it when the reason
 * goes away. Same store, same hashed keys as `enforceRateLimit`; an unreachable store is a 503.
 */
const named = (policy: PolicyName) => ({ name: policy, ...RATE_LIMIT_POLICIES[policy] });

/** Counts one event for `key`; `remaining` 0 with `allowed` true means this event reached the limit. */
export function countEvent(policy: PolicyName, key: string): Promise<LimitState> {
  return callStore(policy, key, () => activeRateLimiter().hit(named(policy), limiterIdentifier(key)));
}

/** The count for `key` as it stands; `allowed` is false once the limit is reached. */
export function readCount(policy: PolicyName, key: string): Promise<LimitState> {
  return callStore(policy, key, () => activeRateLimiter().peek(named(policy), limiterIdentifier(key)));
}

export function clearCount(policy: PolicyName, key: string): Promise<void> {
  return callStore(policy, key, () => activeRateLimiter().clear(named(policy), limiterIdentifier(key)));
}
