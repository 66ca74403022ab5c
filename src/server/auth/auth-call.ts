import { env } from "@/server/config/env";
import type { AuthCall } from "./adapter";
import { requestCookieJar } from "./cookie-jar";

export interface RouteAuthInput {
  request: Request;
  responseHeaders: Headers;
  ip: string;
  userAgent: string;
}

/** The origin links point at: APP_URL when configured (always in production), else the request's own. */
export function appOrigin(requestUrl: string): string {
  return (env.APP_URL ?? new URL(requestUrl).origin).replace(/\/+$/, "");
}

/**
 * The same origin from request headers: for server components, and for OAuth redirect URIs, which
 * must name the host the browser is on (its cookies are bound to it; behind `next start` the
 * request URL may say localhost). Google accepts only registered redirect URIs, so a forged Host
 * cannot redirect elsewhere; production sets APP_URL, which always wins.
 */
export function appOriginFromHeaders(headers: Headers, requestUrl?: string): string {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, "");
  const host = headers.get("host");
  if (!host) return requestUrl ? new URL(requestUrl).origin : "http://localhost";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}

/** Binds an auth operation to a route request: cookies in from the request, out on the response. */
export function authCallFrom({ request, responseHeaders, ip, userAgent }: RouteAuthInput): AuthCall {
  return {
    cookies: requestCookieJar(request, responseHeaders),
    client: { ip, userAgent },
    appOrigin: appOrigin(request.url),
  };
}
