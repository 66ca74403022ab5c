import { APICallError, RetryError } from "ai";
import { AppError } from "@/server/errors";

/** Seconds to suggest before retrying when the provider gave no Retry-After. */
const DEFAULT_RETRY_SECONDS = 60;

function retryAfterSeconds(headers: Record<string, string> | undefined): number {
  const value = Number(headers?.["retry-after"]);
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : DEFAULT_RETRY_SECONDS;
}

/**
 * A failed provider call as the one error type. The provider's own message and body stay in the
 * cause (logs only): they may echo the prompt. Every outcome is a 503 with a reason the UI explains,
 * since none of them is the practitioner's doing.
 */
export function providerError(error: unknown): AppError {
  const last = RetryError.isInstance(error) ? error.lastError : error;
  if (!APICallError.isInstance(last)) {
    return new AppError("unavailable", "The AI provider could not be reached. Try again in a minute.", {
      details: { reason: "provider_unreachable" },
      headers: { "Retry-After": String(DEFAULT_RETRY_SECONDS) },
      cause: error,
    });
  }
  const status = last.statusCode ?? 0;
  if (status === 401 || status === 403) {
    return new AppError(
      "unavailable",
      "The AI provider refused OmniCRM's API key. Ask whoever runs OmniCRM to check AI_API_KEY.",
      { details: { reason: "provider_auth" }, cause: error },
    );
  }
  if (status === 429) {
    const seconds = retryAfterSeconds(last.responseHeaders);
    return new AppError("unavailable", "The AI provider is busy right now. Try again in a minute.", {
      details: { reason: "provider_rate_limited" },
      headers: { "Retry-After": String(seconds) },
      cause: error,
    });
  }
  return new AppError("unavailable", "The AI provider had a problem answering. Try again in a minute.", {
    details: { reason: "provider_error", providerStatus: status || null },
    headers: { "Retry-After": String(DEFAULT_RETRY_SECONDS) },
    cause: error,
  });
}
