import { AppError } from "@/server/errors";
import { recordHashingRefused, recordHashingState } from "@/server/observability/metrics";
import { createConcurrencyGate, type ConcurrencyGate } from "@/server/security/concurrency-gate";

/**
 * scrypt runs on libuv's thread pool (4 threads by default), which file and DNS work share. Two
 * hashes at a time leave the rest free; a short queue absorbs a burst of sign-ins; beyond it, or
 * after waiting `waitMs`, the caller gets a 503 with Retry-After instead of everyone slowing down.
 */
export const PASSWORD_HASHING_LIMITS = { slots: 2, queue: 32, waitMs: 2_000, retryAfterSeconds: 2 } as const;

function hashingBusy(): AppError {
  return new AppError("unavailable", "Too many sign-ins are being checked right now. Try again in a moment.", {
    headers: { "Retry-After": String(PASSWORD_HASHING_LIMITS.retryAfterSeconds) },
  });
}

// One gate per process, kept across dev reloads like the metrics it reports to.
const globalForGate = globalThis as { omnicrmPasswordHashingGate?: ConcurrencyGate };

/** The process-wide gate every password hash and verification passes through. */
export function passwordHashingGate(): ConcurrencyGate {
  return (globalForGate.omnicrmPasswordHashingGate ??= createConcurrencyGate({
    ...PASSWORD_HASHING_LIMITS,
    refusal: hashingBusy,
    onChange: recordHashingState,
    onRefused: recordHashingRefused,
  }));
}
