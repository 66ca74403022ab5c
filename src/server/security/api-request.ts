import { env } from "@/server/config/env";
import type { AppError } from "@/server/errors";
import { bodySizeRefusal } from "./body-limit";
import { applyCorsHeaders } from "./cors";
import { cronRefusal, isCronPath } from "./cron-secret";
import { csrfRefusal } from "./csrf";
import { STRICT_TRANSPORT_SECURITY } from "./headers";
import { selfOrigins, servedOverHttps, trustedOrigins } from "./origins";

/**
 * What every API request passes and every API response carries, run by `defineRoute` inside the
 * route (the proxy no longer runs for API requests but CORS preflights: see `src/proxy.ts`). The
 * static security headers (API CSP, nosniff, frame and referrer policies) come from `next.config.ts`.
 */

// Read once: the configuration is fixed for the life of the process.
const allowlist = trustedOrigins(env.APP_ORIGINS, env.APP_URL);
const bodyLimitBytes = env.BODY_LIMIT_BYTES;

/** The first refusal among the cron secret, CSRF and body size gates, in that order; null lets the request in. */
export function apiRequestRefusal(request: Request, url: URL): AppError | null {
  const { headers } = request;
  if (isCronPath(url.pathname)) {
    // Cron callers are servers with the secret, not browsers: no origin to check.
    const refusal = cronRefusal(headers.get("authorization"), env.CRON_SECRET);
    if (refusal) return refusal;
  } else if (request.method !== "GET" && request.method !== "HEAD") {
    const acceptedOrigins = new Set([...allowlist, ...selfOrigins(url, headers)]);
    const refusal = csrfRefusal({ method: request.method, headers, acceptedOrigins });
    if (refusal) return refusal;
  }
  return bodySizeRefusal(headers, bodyLimitBytes);
}

/** HSTS over HTTPS and CORS for an allowlisted origin, on any API response (refusals included). */
export function applyApiResponseHeaders(response: Headers, request: Request, url: URL): void {
  if (servedOverHttps(url, request.headers)) response.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  applyCorsHeaders(response, request.headers.get("origin"), allowlist);
}

export { allowlist as apiOriginAllowlist };
