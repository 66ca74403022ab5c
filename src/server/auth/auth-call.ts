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

/** The same origin for a server component, from its request headers (the proxy has already checked the host). */
export function appOriginFromHeaders(headers: Headers): string {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, "");
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${headers.get("host") ?? "localhost"}`;
}

/** Binds an auth operation to a route request: cookies in from the request, out on the response. */
export function authCallFrom({ request, responseHeaders, ip, userAgent }: RouteAuthInput): AuthCall {
  return {
    cookies: requestCookieJar(request, responseHeaders),
    client: { ip, userAgent },
    appOrigin: appOrigin(request.url),
  };
}
