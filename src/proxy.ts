import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie } from "@/server/auth/cookie-names";
import { env } from "@/server/config/env";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/server/http/request-id";
import { apiOriginAllowlist as allowlist } from "@/server/security/api-request";
import { isPreflight, preflightResponse } from "@/server/security/cors";
import {
  API_CONTENT_SECURITY_POLICY,
  applySecurityHeaders,
  createNonce,
  pageContentSecurityPolicy,
} from "@/server/security/headers";
import { originOf, servedOverHttps } from "@/server/security/origins";
import { isPublicPage, requestKind, signInUrl } from "@/server/security/page-access";

/**
 * Runs before every page request (Node runtime, no database): request id, security headers with a
 * per-request CSP nonce, and the redirect of signed-out page visits to sign-in; and answers CORS
 * preflights for the API. Other API requests skip it (see `config.matcher`): `defineRoute` applies
 * their gates (cron secret, CSRF, body size) and headers itself, so an API request pays for one
 * wrapper, not two (the proxy's own cost in Next — a second request object, header forwarding —
 * was about as much as the bare route handler's).
 */

const development = env.NODE_ENV === "development";
const supabaseOrigin = originOf(env.NEXT_PUBLIC_SUPABASE_URL);
const connectOrigins = [
  ...(supabaseOrigin ? [supabaseOrigin, supabaseOrigin.replace(/^http/, "ws")] : []),
  ...[originOf(env.NEXT_PUBLIC_SENTRY_DSN)].filter((origin): origin is string => origin !== null),
];
const imageOrigins = supabaseOrigin ? [supabaseOrigin] : [];

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
    return response;
  };

  if (kind === "api" && isPreflight(request)) {
    return finish(preflightResponse(request.headers.get("origin"), allowlist));
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
  matcher: [
    // Pages and the files the app serves; not Next's static assets, not the API.
    "/((?!_next/static|_next/image|favicon.ico|api(?:/|$)).*)",
    // The API only for CORS preflights, which no route handler answers.
    { source: "/api/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
  ],
};
