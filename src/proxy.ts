import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie } from "@/server/auth/cookie-names";
import { env } from "@/server/config/env";
import type { AppError } from "@/server/errors";
import { errorResponse } from "@/server/http/error-response";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/server/http/request-id";
import { bodySizeRefusal } from "@/server/security/body-limit";
import { applyCorsHeaders, isPreflight, preflightResponse } from "@/server/security/cors";
import { cronRefusal, isCronPath } from "@/server/security/cron-secret";
import { csrfRefusal } from "@/server/security/csrf";
import {
  API_CONTENT_SECURITY_POLICY,
  applySecurityHeaders,
  createNonce,
  pageContentSecurityPolicy,
} from "@/server/security/headers";
import { originOf, selfOrigins, servedOverHttps, trustedOrigins } from "@/server/security/origins";
import { isPublicPage, requestKind, signInUrl } from "@/server/security/page-access";

/**
 * Runs before every request (Node runtime, no database): request id, security headers with a
 * per-request CSP nonce, CORS allowlist, CSRF and cron-secret gates, body size cap, and the
 * redirect of signed-out page visits to sign-in.
 */

const allowlist = trustedOrigins(env.APP_ORIGINS, env.APP_URL);
const development = env.NODE_ENV === "development";
const supabaseOrigin = originOf(env.NEXT_PUBLIC_SUPABASE_URL);
const connectOrigins = [
  ...(supabaseOrigin ? [supabaseOrigin, supabaseOrigin.replace(/^http/, "ws")] : []),
  ...[originOf(env.NEXT_PUBLIC_SENTRY_DSN)].filter((origin): origin is string => origin !== null),
];
const imageOrigins = supabaseOrigin ? [supabaseOrigin] : [];

interface ApiGateInput {
  request: NextRequest;
  acceptedOrigins: ReadonlySet<string>;
}

/** Checks every API request passes, in order; the first refusal answers. */
const API_GATES: ((input: ApiGateInput) => AppError | null)[] = [
  ({ request }) =>
    isCronPath(request.nextUrl.pathname) ? cronRefusal(request.headers.get("authorization"), env.CRON_SECRET) : null,
  // Cron callers are servers with the secret, not browsers: no origin to check.
  ({ request, acceptedOrigins }) =>
    isCronPath(request.nextUrl.pathname)
      ? null
      : csrfRefusal({ method: request.method, headers: request.headers, acceptedOrigins }),
  ({ request }) => bodySizeRefusal(request.headers, env.BODY_LIMIT_BYTES),
];

export function proxy(request: NextRequest): Response {
  const requestId = requestIdFrom(request.headers);
  const url = request.nextUrl;
  const kind = requestKind(url.pathname);
  const https = servedOverHttps(url, request.headers);
  const nonce = kind === "page" ? createNonce() : null;
  const contentSecurityPolicy = nonce
    ? pageContentSecurityPolicy({ nonce, development, https, connectOrigins, imageOrigins })
    : API_CONTENT_SECURITY_POLICY;

  const finish = (response: Response): Response => {
    applySecurityHeaders(response.headers, { contentSecurityPolicy, https });
    response.headers.set(REQUEST_ID_HEADER, requestId);
    if (kind === "api") applyCorsHeaders(response.headers, request.headers.get("origin"), allowlist);
    return response;
  };

  if (kind === "api") {
    if (isPreflight(request)) return finish(preflightResponse(request.headers.get("origin"), allowlist));
    const acceptedOrigins = new Set([...allowlist, ...selfOrigins(url, request.headers)]);
    for (const gate of API_GATES) {
      const refusal = gate({ request, acceptedOrigins });
      if (refusal) return finish(errorResponse(refusal, requestId));
    }
  }

  const pageVisit = kind === "page" && (request.method === "GET" || request.method === "HEAD");
  if (pageVisit && !isPublicPage(url.pathname) && !hasSessionCookie(request.cookies.getAll().map((c) => c.name))) {
    return finish(NextResponse.redirect(signInUrl(url)));
  }

  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  if (nonce) {
    // Next reads the nonce from the request's CSP and puts it on its own scripts.
    forwarded.set("Content-Security-Policy", contentSecurityPolicy);
    forwarded.set("x-nonce", nonce);
  }
  return finish(NextResponse.next({ request: { headers: forwarded } }));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
