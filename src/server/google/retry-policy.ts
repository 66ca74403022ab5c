import type { gaxios } from "google-auth-library";

type GaxiosError = gaxios.GaxiosError;
type RetryConfig = gaxios.RetryConfig;

/**
 * Client-library retries, set on purpose rather than left to gaxios's defaults (3 retries of every
 * idempotent method, 429 and 5xx, delays growing from 100 ms + 500 ms). The sync job has its own
 * retries with backoff (src/server/jobs), so the library only smooths over a blip: a request is
 * tried at most `attempts` times in all, and only when trying again can help.
 */
export interface GoogleRetryPolicy {
  /** Retries after the first try (default 2). 0 turns retrying off. */
  retries: number;
  /** Milliseconds before the first retry; doubles each time, with jitter (default 400). */
  baseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: GoogleRetryPolicy = { retries: 2, baseDelayMs: 400 };

const RATE_LIMIT_REASONS = new Set(["rateLimitExceeded", "userRateLimitExceeded"]);

function reasonOf(error: GaxiosError): string | undefined {
  const data = error.response?.data as { error?: { errors?: { reason?: string }[] } } | undefined;
  return data?.error?.errors?.[0]?.reason;
}

/** Whether one more try can help: no answer, 429, 5xx, or Gmail's 403 rate limit — never another 4xx (invalid_grant, 404). */
export function isRetryable(error: GaxiosError): boolean {
  const status = error.response?.status;
  if (status === undefined) return error.name !== "AbortError";
  if (status === 429 || status >= 500) return true;
  return status === 403 && RATE_LIMIT_REASONS.has(reasonOf(error) ?? "");
}

/** Seconds Google asked us to wait (Retry-After), capped so one request never stalls a job for long. */
function retryAfterMs(error: GaxiosError): number | null {
  const header = error.response?.headers?.get?.("retry-after");
  const seconds = header ? Number(header) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, 10_000) : null;
}

export function gaxiosRetryConfig(policy: GoogleRetryPolicy, methods: string[]): RetryConfig {
  return {
    retry: policy.retries,
    noResponseRetries: policy.retries,
    httpMethodsToRetry: methods,
    shouldRetry: (error) => {
      const attempt = error.config.retryConfig?.currentRetryAttempt ?? 0;
      if (attempt >= policy.retries) return false;
      if (!methods.includes((error.config.method ?? "GET").toUpperCase())) return false;
      return isRetryable(error);
    },
    retryBackoff: async (error) => {
      const attempt = (error.config.retryConfig?.currentRetryAttempt ?? 1) - 1;
      const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempt);
      const delay = retryAfterMs(error) ?? exponential / 2 + Math.random() * (exponential / 2);
      await new Promise((resolve) => setTimeout(resolve, delay));
    },
  };
}
