import { env } from "@/server/config/env";
import { EMBEDDED_SESSION_COOKIE, EMBEDDED_SESSION_COOKIE_SECURE } from "../cookie-names";
import type { CookieJar, CookieOptions } from "../cookie-jar";
import { isSessionTokenFor, type SessionTransport } from "./tokens";

/** `__Host-` (which browsers accept only with Secure, Path=/ and no Domain) whenever served over HTTPS. */
function cookieName(jar: CookieJar): string {
  return jar.secure ? EMBEDDED_SESSION_COOKIE_SECURE : EMBEDDED_SESSION_COOKIE;
}

function options(jar: CookieJar, maxAge: number): CookieOptions {
  return { httpOnly: true, sameSite: "lax", path: "/", secure: jar.secure, maxAge };
}

/** The transport a session token issued for this request is bound to (see `newSessionToken`). */
export function sessionTransport(jar: CookieJar): SessionTransport {
  return jar.secure ? "h" : "p";
}

/**
 * The session token the request carries under the name its protocol allows, and only if it was
 * issued for that protocol: a `__Host-` token replayed as the plain cookie over HTTP, or the reverse, is no session.
 */
export function readSessionCookie(jar: CookieJar): string | undefined {
  const token = jar.get(cookieName(jar));
  return isSessionTokenFor(sessionTransport(jar), token) ? token : undefined;
}

export function writeSessionCookie(jar: CookieJar, token: string): void {
  // The browser forgets the cookie when the server would refuse it anyway.
  jar.set(cookieName(jar), token, options(jar, env.SESSION_ABSOLUTE_HOURS * 3600));
}

export function clearSessionCookie(jar: CookieJar): void {
  jar.set(cookieName(jar), "", options(jar, 0));
}
