/** CORS for the API: only allowlisted origins get CORS headers (with credentials); others get none. */

const ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
const ALLOWED_REQUEST_HEADERS = "Content-Type, Authorization, X-Request-Id";
/** Lets allowlisted browser code read the request id and the rate-limit state. */
const EXPOSED_HEADERS = "X-Request-Id, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After";
const PREFLIGHT_MAX_AGE_SECONDS = "600";

export function isPreflight(request: Request): boolean {
  return (
    request.method === "OPTIONS" &&
    request.headers.has("origin") &&
    request.headers.has("access-control-request-method")
  );
}

/** Adds CORS headers when the request's Origin is allowlisted; always `Vary: Origin` so caches keep them apart. */
export function applyCorsHeaders(headers: Headers, origin: string | null, allowlist: ReadonlySet<string>): void {
  headers.append("Vary", "Origin");
  if (!origin || !allowlist.has(origin)) return;
  headers.set("Access-Control-Allow-Origin", origin);
  headers.set("Access-Control-Allow-Credentials", "true");
  headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
}

/** The answer to a preflight: 204, with permissions only for an allowlisted origin. */
export function preflightResponse(origin: string | null, allowlist: ReadonlySet<string>): Response {
  const headers = new Headers();
  applyCorsHeaders(headers, origin, allowlist);
  if (headers.has("Access-Control-Allow-Origin")) {
    headers.set("Access-Control-Allow-Methods", ALLOWED_METHODS);
    headers.set("Access-Control-Allow-Headers", ALLOWED_REQUEST_HEADERS);
    headers.set("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS);
  }
  return new Response(null, { status: 204, headers });
}
