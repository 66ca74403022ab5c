import { AppError } from "@/server/errors";
import { log } from "@/server/observability/logger";
import { keyKind } from "./caller-key";
import { LIMITER_TIMEOUT_MS, LIMITER_UNAVAILABLE_RETRY_SECONDS, type PolicyName } from "./policies";

/** The 503 a fail-closed policy answers when its store cannot be reached in time. */
export function limiterUnavailable(cause: unknown): AppError {
  return new AppError("unavailable", "This service is briefly unavailable. Try again in a moment.", {
    headers: { "Retry-After": String(LIMITER_UNAVAILABLE_RETRY_SECONDS) },
    cause,
  });
}

/**
 * Runs one call to the limiter's store for `policy`, given up after the short timeout. A failure is
 * logged (by key kind, never the key) and thrown as the 503 above; callers of fail-open policies catch it.
 */
export async function callStore<T>(policy: PolicyName, key: string, work: () => Promise<T>): Promise<T> {
  try {
    return await withTimeout(work(), LIMITER_TIMEOUT_MS);
  } catch (error) {
    log().error({ policy, keyKind: keyKind(key), err: error }, "rate limiter unreachable; request refused");
    throw limiterUnavailable(error);
  }
}

export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`rate limiter did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
