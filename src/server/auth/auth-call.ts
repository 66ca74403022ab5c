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

/** Binds an auth operation to a route request: cookies in from the request, out on the response. */
export function authCallFrom({ request, responseHeaders, ip, userAgent }: RouteAuthInput): AuthCall {
  return {
    cookies: requestCookieJar(request, responseHeaders),
    client: { ip, userAgent },
    appOrigin: appOrigin(request.url),
  };
}
