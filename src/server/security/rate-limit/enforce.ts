import { AppError } from "@/server/errors";
import { log } from "@/server/observability/logger";
import { activeRateLimiter } from "./active-limiter";
import { keyKind, limiterIdentifier } from "./caller-key";
import type { LimitState } from "./limiter";
import { LIMITER_TIMEOUT_MS, RATE_LIMIT_POLICIES, type PolicyName } from "./policies";
import { limiterUnavailable, withTimeout } from "./store-call";

/**
 * Counts one hit against `policy` for `key` (`user:<id>` or `ip:<addr>`, plus `|<extra>`).
 * Returns the `X-RateLimit-*` headers for the response (`Reset` in Unix seconds); over the limit it
 * throws a 429 carrying them and `Retry-After`. When the limiter is unreachable or slow, fail-closed
 * policies throw a 503 and the others let the request through with a warning.
 */
export async function enforceRateLimit(policy: PolicyName, key: string): Promise<Headers> {
  const definition = { name: policy, ...RATE_LIMIT_POLICIES[policy] };
  const identifier = limiterIdentifier(key);
  let state: LimitState;
  try {
    const limiter = activeRateLimiter();
    const hit = limiter.hit(definition, identifier);
    // Counters in this process answer at once; only a remote store needs a timer racing it.
    state = await (limiter.kind === "memory" ? hit : withTimeout(hit, LIMITER_TIMEOUT_MS));
  } catch (error) {
    const context = { policy, keyKind: keyKind(key), err: error };
    if (!definition.failClosed) {
      log().warn(context, "rate limiter unreachable; request allowed unmetered");
      return new Headers();
    }
    log().error(context, "rate limiter unreachable; request refused");
    throw limiterUnavailable(error);
  }

  const headers = limitHeaders(state);
  if (state.allowed) return headers;
  const retryAfter = Math.max(1, Math.ceil((state.resetAtMs - Date.now()) / 1000));
  log().warn({ policy, keyKind: keyKind(key), keyHash: identifier, retryAfter }, "rate limit exceeded");
  headers.set("Retry-After", String(retryAfter));
  throw new AppError("rate_limited", `Too many requests. Try again in ${retryAfter} seconds.`, {
    headers: Object.fromEntries(headers),
  });
}

/** Resolves when the active limiter's store answers within the timeout; the health check calls this. */
export async function pingRateLimiter(): Promise<void> {
  await withTimeout(activeRateLimiter().ping(), LIMITER_TIMEOUT_MS);
}

function limitHeaders(state: LimitState): Headers {
  return new Headers({
    "X-RateLimit-Limit": String(state.limit),
    "X-RateLimit-Remaining": String(state.remaining),
    "X-RateLimit-Reset": String(Math.ceil(state.resetAtMs / 1000)),
  });
}
